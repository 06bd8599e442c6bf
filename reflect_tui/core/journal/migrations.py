"""Schema versions of the journal database, one step per ``PRAGMA user_version``.

Why steps instead of one "current schema" script: a user's journal may be
years old, and the only safe way to bring it up to date is to replay every
change that happened since, each in its own transaction, after a backup.
Step ``n`` takes a database at version ``n`` to ``n + 1``. Steps are never
edited once released; a schema change is always a new step.

Version 1 (the first release) kept answers, ratings and next steps as JSON
inside the reflection row and folded only simple diacritics in search.
Version 2 normalises answers, principle ratings and next steps into their
own tables (so saving one answer touches one small row), adds the intake
and closing fields, the tips-shown history, and rebuilds the full-text
index with ``remove_diacritics 2``.
Version 3 makes the file lean for big journals: the full-text index becomes
external-content (its text is read from the tables through the view
``reflection_fts_source`` instead of being stored a second time), the
redundant ``answers_by_step`` index goes, the date indexes become
ascending (SQLite reads them backwards for "newest first"; a descending
index filled in date order splits at its left edge and stays half empty)
and the one for "the draft to resume" holds drafts only, open next
steps get a partial index, and ``journal_counts`` keeps the number of
reflections and of open next steps up to date with triggers, so the home
screen never counts rows. The index has no prefix index of its own:
prefix queries still work (a range of terms), and a prefix index would
add 60 % to the index's size.
Version 4 keeps the tips the summary showed with each reflection
(``reflection_tips``: tip id, rank, the reasons as shown), so they can be
shown again instead of a new ranking.
Version 5 counts the overdue steps of completed reflections from indexes
alone: ``reflections_status`` (id, status), and the open-steps index holds
``done`` and ``text`` too (SQLite does not count a partial index's own
condition as covered, so it read every step's row to check it). 30 ms
instead of 300 at 50,000 reflections on a loaded machine.
Version 6 keeps ``rating_days``: per status, day and principle the sum and
number of self-ratings, kept up to date by triggers, so the insights'
ratings over time read a few thousand summary rows instead of every rating
(200,000 at 50,000 reflections; see ``V6_DDL``).
Version 7 keys the child tables (answers, ratings, next steps, tips
shown) by the reflection's integer ``seq`` (column ``reflection_seq``)
instead of its 36-character id: the id was repeated in every child row
and every child index entry, and because ids are random, rows landed in
random places of the tables (half-empty pages, and an import touched
pages all over the file). With ``seq`` a new reflection's children are
appended at the end; the ``rating_days`` triggers (version 6)
join on ``seq`` too. ``reflections_status`` becomes ``(seq, status)`` for
the same covering lookup; the migration ends with a VACUUM so an old
file shrinks at once.
Version 8 lets the search text skip empty principle notes without reading
the ratings: a partial covering index ``principle_notes`` holds only the
ratings that have a note, and the view ``reflection_fts_source`` reads the
notes through it (the text it gives is the same: empty parts were always
left out). Most ratings have no note, so an excerpt of a search hit read a
page of ``principle_ratings`` for nothing: about one page in seven of a
search, and on an encrypted journal every page read is decrypted and
checked (issue 17).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reflect_tui.core.errors import ReflectError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from reflect_tui.core.paths import StrPath

# --- version 1: the original, simpler schema (frozen) -------------------------------------

V1_DDL = """
CREATE TABLE reflections (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    case_kind TEXT,
    occurred_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    practices TEXT NOT NULL DEFAULT '[]',
    answers TEXT NOT NULL DEFAULT '[]',
    principles TEXT NOT NULL DEFAULT '[]',
    barriers TEXT NOT NULL DEFAULT '[]',
    helps TEXT NOT NULL DEFAULT '[]',
    insight TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    content_version TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reflections_by_date ON reflections (occurred_on DESC, created_at DESC);
CREATE VIRTUAL TABLE reflection_fts USING fts5 (
    reflection_id UNINDEXED, title, body, tokenize = 'unicode61'
);
"""

# --- version 2: normalised child tables, more fields, better search ----------------------

V2_DDL = """
CREATE TABLE reflections (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    case_kind TEXT,
    occurred_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
    who TEXT NOT NULL DEFAULT '',
    what_happened TEXT NOT NULL DEFAULT '',
    practices TEXT NOT NULL DEFAULT '[]',
    barriers TEXT NOT NULL DEFAULT '[]',
    barrier_note TEXT NOT NULL DEFAULT '',
    helps TEXT NOT NULL DEFAULT '[]',
    help_note TEXT NOT NULL DEFAULT '',
    insight TEXT NOT NULL DEFAULT '',
    involve TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    content_version TEXT NOT NULL DEFAULT ''
);
CREATE TABLE answers (
    reflection_id TEXT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    practice TEXT NOT NULL,
    step TEXT NOT NULL,
    prompt TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    prompt_id TEXT,
    PRIMARY KEY (reflection_id, position)
) WITHOUT ROWID;
CREATE INDEX answers_by_step ON answers (reflection_id, practice, step);
CREATE TABLE principle_ratings (
    reflection_id TEXT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    principle TEXT NOT NULL,
    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (reflection_id, position)
) WITHOUT ROWID;
CREATE TABLE next_steps (
    reflection_id TEXT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    due TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (reflection_id, position)
) WITHOUT ROWID;
CREATE INDEX next_steps_open ON next_steps (done, due);
CREATE TABLE tips_shown (
    tip_id TEXT NOT NULL,
    shown_at TEXT NOT NULL,
    reflection_id TEXT REFERENCES reflections (id) ON DELETE SET NULL
);
CREATE INDEX tips_shown_by_time ON tips_shown (shown_at);
CREATE INDEX tips_shown_by_reflection ON tips_shown (reflection_id);
"""

V2_FTS = """
CREATE VIRTUAL TABLE reflection_fts USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _step_0_to_1(conn: sqlite3.Connection) -> None:
    for statement in _statements(V1_DDL):
        conn.execute(statement)


def _step_1_to_2(conn: sqlite3.Connection) -> None:
    import json  # only this old migration needs it; kept off the start-up path

    # Move the old table aside first: the new child tables must reference the
    # final name, and dropping a parent they referenced would cascade-delete them.
    conn.execute("DROP INDEX reflections_by_date")
    conn.execute("ALTER TABLE reflections RENAME TO reflections_v1")
    for statement in _statements(V2_DDL):
        conn.execute(statement)
    rows = conn.execute(
        "SELECT id, title, case_kind, occurred_on, created_at, updated_at, status, practices,"
        " answers, principles, barriers, helps, insight, next_steps, tags, notes,"
        " content_version FROM reflections_v1 ORDER BY occurred_on, created_at, id"
    ).fetchall()
    for row in rows:
        (rid, title, kind, occurred, created, updated, status, practices, answers_json) = row[:9]
        (principles_json, barriers, helps, insight, steps_json, tags, notes, cversion) = row[9:]
        conn.execute(
            "INSERT INTO reflections (id, title, case_kind, occurred_on, created_at,"
            " updated_at, status, practices, barriers, helps, insight, tags, notes,"
            " content_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rid,
                title,
                kind,
                occurred,
                created,
                updated,
                status if status in ("draft", "complete") else "draft",
                practices,
                barriers,
                helps,
                insight,
                tags,
                notes,
                cversion,
            ),
        )
        for pos, ans in enumerate(json.loads(answers_json or "[]")):
            conn.execute(
                "INSERT INTO answers (reflection_id, position, practice, step, prompt, text,"
                " prompt_id) VALUES (?,?,?,?,?,?,?)",
                (
                    rid,
                    pos,
                    ans.get("practice", ""),
                    ans.get("step", ""),
                    ans.get("prompt", ""),
                    ans.get("text", ""),
                    ans.get("prompt_id"),
                ),
            )
        for pos, pr in enumerate(json.loads(principles_json or "[]")):
            rating = pr.get("rating")
            conn.execute(
                "INSERT INTO principle_ratings (reflection_id, position, principle, rating, note)"
                " VALUES (?,?,?,?,?)",
                (
                    rid,
                    pos,
                    pr.get("id", ""),
                    rating if isinstance(rating, int) and 1 <= rating <= 5 else None,
                    pr.get("note", ""),
                ),
            )
        for pos, st in enumerate(json.loads(steps_json or "[]")):
            conn.execute(
                "INSERT INTO next_steps (reflection_id, position, text, due, done)"
                " VALUES (?,?,?,?,?)",
                (rid, pos, st.get("text", ""), st.get("due"), 1 if st.get("done") else 0),
            )
    # Old FTS table and old reflections go; the v2 index is rebuilt from the new tables.
    conn.execute("DROP TABLE reflection_fts")
    conn.execute("DROP TABLE reflections_v1")
    conn.execute(
        "CREATE INDEX reflections_by_date ON reflections (occurred_on DESC, created_at DESC)"
    )
    conn.execute("CREATE INDEX reflections_by_updated ON reflections (status, updated_at DESC)")
    for statement in _statements(V2_FTS):
        conn.execute(statement)
    for seq, rid in conn.execute("SELECT seq, id FROM reflections").fetchall():
        title, body = _v2_body(conn, rid)
        conn.execute(
            "INSERT INTO reflection_fts (rowid, title, body) VALUES (?, ?, ?)", (seq, title, body)
        )


def _v2_body(conn: sqlite3.Connection, rid: str) -> tuple[str, str]:
    """The (title, body) version 2 indexed for one reflection (frozen copy)."""
    import json

    scalars = "who, what_happened, barrier_note, help_note, insight, involve, notes"
    row = conn.execute(f"SELECT title, tags, {scalars} FROM reflections WHERE id = ?", (rid,))
    title, tags, *texts = row.fetchone()
    parts: list[str] = [p for p in texts if p]
    parts.extend(str(t) for t in json.loads(tags or "[]"))
    for table, column in (
        ("answers", "text"),
        ("principle_ratings", "note"),
        ("next_steps", "text"),
    ):
        parts.extend(
            t
            for (t,) in conn.execute(
                f"SELECT {column} FROM {table} WHERE reflection_id = ? ORDER BY position", (rid,)
            )
            if t
        )
    return title or "", "\n".join(parts)


# --- version 3: external-content search index, counters, leaner indexes -----------------

# What the search index reads: one row per reflection, its title and the rest
# of its text in a fixed order (the order only has to be the same every time:
# the index is told exactly these values when a row is added or forgotten).
V3_FTS_SOURCE = """
CREATE VIEW reflection_fts_source (seq, title, body) AS
SELECT r.seq, r.title, coalesce((
    SELECT group_concat(part, char(10)) FROM (
        SELECT 0 AS k, 0 AS p, r.who AS part
        UNION ALL SELECT 1, 0, r.what_happened
        UNION ALL SELECT 2, 0, r.barrier_note
        UNION ALL SELECT 3, 0, r.help_note
        UNION ALL SELECT 4, 0, r.insight
        UNION ALL SELECT 5, 0, r.involve
        UNION ALL SELECT 6, 0, r.notes
        UNION ALL SELECT 7, CAST(j.key AS INTEGER), CAST(j.value AS TEXT) FROM json_each(r.tags) j
        UNION ALL SELECT 8, a.position, a.text FROM answers a WHERE a.reflection_id = r.id
        UNION ALL SELECT 9, pr.position, pr.note FROM principle_ratings pr
            WHERE pr.reflection_id = r.id
        UNION ALL SELECT 10, n.position, n.text FROM next_steps n WHERE n.reflection_id = r.id
        ORDER BY 1, 2
    ) WHERE part != ''
), '') FROM reflections r
"""

V3_DDL = """
CREATE VIRTUAL TABLE reflection_fts USING fts5 (
    title, body, content = 'reflection_fts_source', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
DROP INDEX answers_by_step;
DROP INDEX reflections_by_date;
DROP INDEX reflections_by_updated;
CREATE INDEX reflections_by_date ON reflections (occurred_on, created_at);
CREATE INDEX reflections_by_updated ON reflections (updated_at) WHERE status = 'draft';
DROP INDEX next_steps_open;
CREATE INDEX next_steps_open ON next_steps (due) WHERE done = 0 AND text != '';
CREATE TABLE journal_counts (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO journal_counts VALUES ('reflections', (SELECT count(*) FROM reflections));
INSERT INTO journal_counts VALUES (
    'open_steps', (SELECT count(*) FROM next_steps WHERE done = 0 AND text != '')
);
CREATE TRIGGER count_reflection_added AFTER INSERT ON reflections BEGIN
    UPDATE journal_counts SET value = value + 1 WHERE name = 'reflections';
END;
CREATE TRIGGER count_reflection_removed AFTER DELETE ON reflections BEGIN
    UPDATE journal_counts SET value = value - 1 WHERE name = 'reflections';
END;
CREATE TRIGGER count_step_added AFTER INSERT ON next_steps
WHEN NEW.done = 0 AND NEW.text != '' BEGIN
    UPDATE journal_counts SET value = value + 1 WHERE name = 'open_steps';
END;
CREATE TRIGGER count_step_removed AFTER DELETE ON next_steps
WHEN OLD.done = 0 AND OLD.text != '' BEGIN
    UPDATE journal_counts SET value = value - 1 WHERE name = 'open_steps';
END;
CREATE TRIGGER count_step_changed AFTER UPDATE OF done, text ON next_steps
WHEN (OLD.done = 0 AND OLD.text != '') != (NEW.done = 0 AND NEW.text != '') BEGIN
    UPDATE journal_counts SET value = value + (CASE WHEN NEW.done = 0 AND NEW.text != ''
        THEN 1 ELSE -1 END) WHERE name = 'open_steps';
END;
INSERT INTO reflection_fts (rowid, title, body) SELECT seq, title, body FROM reflection_fts_source;
"""


def _step_2_to_3(conn: sqlite3.Connection) -> None:
    # secure_delete is on for every connection (store.configure), so the pages
    # of the dropped contentful index (a second copy of all text) are zeroed.
    conn.execute("DROP TABLE reflection_fts")
    conn.execute(V3_FTS_SOURCE)
    for statement in _triggers_apart(V3_DDL):
        conn.execute(statement)


# --- version 4: the tips shown at the summary, kept with the reflection -------------------

V4_DDL = """
CREATE TABLE reflection_tips (
    reflection_id TEXT NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tip_id TEXT NOT NULL,
    rank INTEGER NOT NULL CHECK (rank >= 1),
    reasons TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (reflection_id, position)
) WITHOUT ROWID;
"""


def _step_3_to_4(conn: sqlite3.Connection) -> None:
    for statement in _statements(V4_DDL):
        conn.execute(statement)


# --- version 5: overdue steps counted from indexes only ---------------------------------

V5_DDL = """
CREATE INDEX reflections_status ON reflections (id, status);
DROP INDEX next_steps_open;
CREATE INDEX next_steps_open ON next_steps (due, done, text) WHERE done = 0 AND text != ''
"""


def _step_4_to_5(conn: sqlite3.Connection) -> None:
    for statement in _statements(V5_DDL):
        conn.execute(statement)


# --- version 6: self-ratings summed per status, day and principle -------------------------

# Why per day and status, not per month: the insights count finished
# reflections from any ``since`` day and split "the last 90 days" from
# "before" at a day, so the summary must be exact at day level; a journal
# has at most a few thousand distinct days, times a handful of principles.
# Triggers keep it: a rating added or removed moves its day's sums; a
# reflection whose date or status changes moves the sums of its ratings
# (the store writes the row before its children); a deleted reflection
# takes its ratings out first (BEFORE DELETE), so the cascade that deletes
# the rating rows afterwards finds no reflection to subtract from.
# Rows whose count drops to 0 stay (readers skip them).
V6_DDL = """
CREATE TABLE rating_days (
    status TEXT NOT NULL,
    day TEXT NOT NULL,
    principle TEXT NOT NULL,
    total INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (status, day, principle)
) WITHOUT ROWID;
INSERT INTO rating_days (status, day, principle, total, n)
SELECT r.status, r.occurred_on, p.principle, sum(p.rating), count(p.rating)
FROM reflections r JOIN principle_ratings p ON p.reflection_id = r.id
WHERE p.rating IS NOT NULL GROUP BY 1, 2, 3;
CREATE TRIGGER rating_days_added AFTER INSERT ON principle_ratings
WHEN NEW.rating IS NOT NULL BEGIN
    INSERT INTO rating_days (status, day, principle, total, n)
    SELECT r.status, r.occurred_on, NEW.principle, NEW.rating, 1
    FROM reflections r WHERE r.id = NEW.reflection_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + 1;
END;
CREATE TRIGGER rating_days_removed AFTER DELETE ON principle_ratings
WHEN OLD.rating IS NOT NULL BEGIN
    UPDATE rating_days SET total = total - OLD.rating, n = n - 1
    WHERE (status, day, principle) IN (
        SELECT r.status, r.occurred_on, OLD.principle FROM reflections r
        WHERE r.id = OLD.reflection_id
    );
END;
CREATE TRIGGER rating_days_changed AFTER UPDATE OF principle, rating, reflection_id
ON principle_ratings BEGIN
    UPDATE rating_days SET total = total - OLD.rating, n = n - 1
    WHERE OLD.rating IS NOT NULL AND (status, day, principle) IN (
        SELECT r.status, r.occurred_on, OLD.principle FROM reflections r
        WHERE r.id = OLD.reflection_id
    );
    INSERT INTO rating_days (status, day, principle, total, n)
    SELECT r.status, r.occurred_on, NEW.principle, NEW.rating, 1
    FROM reflections r WHERE r.id = NEW.reflection_id AND NEW.rating IS NOT NULL
    ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + 1;
END;
CREATE TRIGGER rating_days_moved AFTER UPDATE OF occurred_on, status ON reflections
WHEN OLD.occurred_on IS NOT NEW.occurred_on OR OLD.status IS NOT NEW.status BEGIN
    UPDATE rating_days SET
        total = total - (SELECT coalesce(sum(p.rating), 0) FROM principle_ratings p
            WHERE p.reflection_id = NEW.id AND p.principle = rating_days.principle),
        n = n - (SELECT count(p.rating) FROM principle_ratings p
            WHERE p.reflection_id = NEW.id AND p.principle = rating_days.principle)
    WHERE status = OLD.status AND day = OLD.occurred_on AND principle IN (
        SELECT p.principle FROM principle_ratings p
        WHERE p.reflection_id = NEW.id AND p.rating IS NOT NULL
    );
    INSERT INTO rating_days (status, day, principle, total, n)
    SELECT NEW.status, NEW.occurred_on, p.principle, sum(p.rating), count(p.rating)
    FROM principle_ratings p WHERE p.reflection_id = NEW.id AND p.rating IS NOT NULL
    GROUP BY p.principle
    ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + excluded.n;
END;
CREATE TRIGGER rating_days_gone BEFORE DELETE ON reflections BEGIN
    UPDATE rating_days SET
        total = total - (SELECT coalesce(sum(p.rating), 0) FROM principle_ratings p
            WHERE p.reflection_id = OLD.id AND p.principle = rating_days.principle),
        n = n - (SELECT count(p.rating) FROM principle_ratings p
            WHERE p.reflection_id = OLD.id AND p.principle = rating_days.principle)
    WHERE status = OLD.status AND day = OLD.occurred_on AND principle IN (
        SELECT p.principle FROM principle_ratings p
        WHERE p.reflection_id = OLD.id AND p.rating IS NOT NULL
    );
END
"""


def _step_5_to_6(conn: sqlite3.Connection) -> None:
    for statement in _triggers_apart(V6_DDL):
        conn.execute(statement)


# --- version 7: children keyed by the reflection's integer seq -----------------------------

# Every table that hangs off a reflection: (name, columns after the key, with types).
V7_CHILDREN: tuple[tuple[str, str], ...] = (
    (
        "answers",
        "position INTEGER NOT NULL,\n    practice TEXT NOT NULL,\n    step TEXT NOT NULL,\n"
        "    prompt TEXT NOT NULL DEFAULT '',\n    text TEXT NOT NULL DEFAULT '',\n"
        "    prompt_id TEXT",
    ),
    (
        "principle_ratings",
        "position INTEGER NOT NULL,\n    principle TEXT NOT NULL,\n"
        "    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),\n"
        "    note TEXT NOT NULL DEFAULT ''",
    ),
    (
        "next_steps",
        "position INTEGER NOT NULL,\n    text TEXT NOT NULL DEFAULT '',\n    due TEXT,\n"
        "    done INTEGER NOT NULL DEFAULT 0",
    ),
    (
        "reflection_tips",
        "position INTEGER NOT NULL,\n    tip_id TEXT NOT NULL,\n"
        "    rank INTEGER NOT NULL CHECK (rank >= 1),\n    reasons TEXT NOT NULL DEFAULT '[]'",
    ),
)


def v7_child_ddl(table: str, columns: str) -> str:
    return (
        f"CREATE TABLE {table} (\n"
        "    reflection_seq INTEGER NOT NULL REFERENCES reflections (seq) ON DELETE CASCADE,\n"
        f"    {columns},\n    PRIMARY KEY (reflection_seq, position)\n) WITHOUT ROWID"
    )


# The same text as version 3's view, joined on seq (so the index stays valid as it is).
V7_FTS_SOURCE = V3_FTS_SOURCE.replace(".reflection_id = r.id", ".reflection_seq = r.seq")


# The rating_days triggers of version 6, joined on seq. The two on ``reflections``
# name the child column, so they go before the tables change and come back after.
def _v7_rating_triggers() -> list[str]:
    """Version 6's triggers as they read on seq (all four joins, and the UPDATE OF list)."""
    triggers = [t for t in _triggers_apart(V6_DDL) if t.upper().startswith("CREATE TRIGGER")]
    return [
        t.replace("r.id = NEW.reflection_id", "r.seq = NEW.reflection_seq")
        .replace("r.id = OLD.reflection_id", "r.seq = OLD.reflection_seq")
        .replace("p.reflection_id = NEW.id", "p.reflection_seq = NEW.seq")
        .replace("p.reflection_id = OLD.id", "p.reflection_seq = OLD.seq")
        .replace("rating, reflection_id", "rating, reflection_seq")
        for t in triggers
    ]


V7_AFTER = """
CREATE INDEX next_steps_open ON next_steps (due, done, text) WHERE done = 0 AND text != '';
DROP INDEX reflections_status;
CREATE INDEX reflections_status ON reflections (seq, status);
CREATE TRIGGER count_step_added AFTER INSERT ON next_steps
WHEN NEW.done = 0 AND NEW.text != '' BEGIN
    UPDATE journal_counts SET value = value + 1 WHERE name = 'open_steps';
END;
CREATE TRIGGER count_step_removed AFTER DELETE ON next_steps
WHEN OLD.done = 0 AND OLD.text != '' BEGIN
    UPDATE journal_counts SET value = value - 1 WHERE name = 'open_steps';
END;
CREATE TRIGGER count_step_changed AFTER UPDATE OF done, text ON next_steps
WHEN (OLD.done = 0 AND OLD.text != '') != (NEW.done = 0 AND NEW.text != '') BEGIN
    UPDATE journal_counts SET value = value + (CASE WHEN NEW.done = 0 AND NEW.text != ''
        THEN 1 ELSE -1 END) WHERE name = 'open_steps';
END
"""


def _step_6_to_7(conn: sqlite3.Connection) -> None:
    # The view reads the child tables: it goes first and comes back joined on seq.
    # ``seq`` does not change, so the search index (keyed by seq, same text) stays valid.
    conn.execute("DROP VIEW reflection_fts_source")
    for trigger in ("rating_days_moved", "rating_days_gone"):  # on reflections, read ratings
        conn.execute(f"DROP TRIGGER {trigger}")
    for table, columns in V7_CHILDREN:
        names = [line.split()[0] for line in columns.split(",\n")]
        listed = ", ".join(f"c.{n}" for n in names)
        conn.execute(v7_child_ddl(f"{table}_v7", columns))
        conn.execute(
            f"INSERT INTO {table}_v7 (reflection_seq, {', '.join(names)})"
            f" SELECT r.seq, {listed} FROM {table} c JOIN reflections r ON r.id = c.reflection_id"
            " ORDER BY r.seq, c.position"
        )
        conn.execute(f"DROP TABLE {table}")  # its indexes and triggers go with it
        conn.execute(f"ALTER TABLE {table}_v7 RENAME TO {table}")
    conn.execute(V7_FTS_SOURCE)
    for statement in [*_triggers_apart(V7_AFTER), *_v7_rating_triggers()]:
        conn.execute(statement)


# --- version 8: the search text reads principle notes through a partial index ----------

# The same text as version 7's view: only ratings with a note are read (and an
# empty note was never part of the text: ``WHERE part != ''``).
V8_FTS_SOURCE = V7_FTS_SOURCE.replace(
    "WHERE pr.reflection_seq = r.seq", "WHERE pr.reflection_seq = r.seq AND pr.note != ''"
)
V8_NOTES_INDEX = (
    "CREATE INDEX principle_notes ON principle_ratings (reflection_seq, position, note)"
    " WHERE note != ''"
)


def _step_7_to_8(conn: sqlite3.Connection) -> None:
    # The index is keyed by seq and the text does not change: the search index stays valid.
    conn.execute(V8_NOTES_INDEX)
    conn.execute("DROP VIEW reflection_fts_source")
    conn.execute(V8_FTS_SOURCE)


Step = Callable[[sqlite3.Connection], None]
STEPS: tuple[Step, ...] = (
    _step_0_to_1,
    _step_1_to_2,
    _step_2_to_3,
    _step_3_to_4,
    _step_4_to_5,
    _step_5_to_6,
    _step_6_to_7,
    _step_7_to_8,
)
# Steps after which the file is rebuilt (VACUUM, outside the step's transaction),
# because they rewrote most of it and an old file should shrink at once.
VACUUM_AFTER = frozenset({7})
CURRENT_VERSION = len(STEPS)


def _statements(script: str) -> list[str]:
    """Split a DDL script into statements (ours contain no ';' inside strings).

    ``executescript`` would COMMIT the surrounding transaction, which would
    break "each step in one transaction"; so statements run one by one.
    """
    return [s.strip() for s in script.split(";") if s.strip()]


def _triggers_apart(script: str) -> list[str]:
    """Like ``_statements``, but a trigger body's inner ';' stays with its trigger."""
    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece
        text = pending.strip()
        if not text:
            pending = ""
            continue
        if text.upper().startswith("CREATE TRIGGER") and not text.upper().endswith("END"):
            pending += ";"
            continue
        out.append(text)
        pending = ""
    return out


def check_version(version: int, path: StrPath) -> None:
    """Refuse a journal written by a newer reflect, before anything is written to it."""
    if version > CURRENT_VERSION:
        raise ReflectError(
            f"het dagboek {path} is gemaakt met een nieuwere versie van reflect "
            f"(schema {version}; deze versie kent tot {CURRENT_VERSION}). "
            "Werk reflect bij; het bestand is niet aangeraakt."
        )
    if version < 0:
        raise ReflectError(f"het dagboek {path} heeft een ongeldig schemanummer ({version}).")


def backup_before_migration(
    conn: sqlite3.Connection, backups_dir: Path, version: int, stamp: str
) -> Path:
    """Copy the whole database to a private file before changing its schema.

    ``Connection.backup`` copies a consistent snapshot (WAL included) page
    by page; the target is pre-created 0600 so the copy is never readable
    by others, not even briefly.
    """
    from reflect_tui.core.journal.backup import snapshot

    target = backups_dir / f"journal-v{version}-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        target = backups_dir / f"journal-v{version}-{stamp}-{counter}.sqlite3"
        counter += 1
    return snapshot(conn, target)


def migrate(conn: sqlite3.Connection, path: StrPath, backups_dir: Path | None, stamp: str) -> int:
    """Bring ``conn`` to ``CURRENT_VERSION``; return the version it started at.

    Each step runs in its own ``BEGIN IMMEDIATE`` transaction together with
    the ``user_version`` bump, so a crash mid-migration leaves the database
    at a clean earlier version, never half-way; a new journal gets all steps
    in one such transaction. ``backups_dir`` None: the
    journal's own (``paths.backups_dir_beside``), worked out only when a
    migration needs its copy.
    """
    start = int(conn.execute("PRAGMA user_version").fetchone()[0])
    check_version(start, path)
    if start == CURRENT_VERSION:
        return start
    if start > 0:
        if backups_dir is None:
            from reflect_tui.core.paths import backups_dir_beside

            backups_dir = backups_dir_beside(path)
        backup_before_migration(conn, backups_dir, start, stamp)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= CURRENT_VERSION:
                conn.execute("ROLLBACK")
                check_version(version, path)
                break
            # A new journal (version 0 under the lock) is made in one transaction:
            # a crash leaves the empty file it was, and one commit instead of one
            # per step spares seven syncs of the file (synchronous=FULL) on the
            # way of every first command, a new journal's import above all.
            last = CURRENT_VERSION if version == 0 else version + 1
            for step in STEPS[version:last]:
                step(conn)
            conn.execute(f"PRAGMA user_version = {last}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    if start > 0 and VACUUM_AFTER & set(range(start + 1, CURRENT_VERSION + 1)):
        # secure_delete is on: the freed pages were zeroed; VACUUM gives them back.
        conn.execute("VACUUM")
    return start
