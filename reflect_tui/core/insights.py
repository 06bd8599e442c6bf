"""Insights over time: what the journal says about one's practice.

Why in core: the insights screen and ``reflect stats`` print the same
numbers, so both call ``compute`` and only format its result. Every number
is computed in SQL over the rows that a ``JournalQuery`` scope selects (by
default: finished reflections), so 50,000 reflections take a few hundred
milliseconds and never load a whole reflection.

Every number can be opened to the reflections behind it: each count carries
a ``Drill`` (what was counted), and ``drill_query`` turns it into a
``JournalQuery`` for the journal screen or ``reflect list``.

No streaks on purpose: reflecting is not a habit to be pushed; the calendar
shows when you reflected, never how many days in a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from reflect_tui.core.content.model import LSD_STEP_IDS, essay_rank
from reflect_tui.core.journal.query import JournalQuery
from reflect_tui.core.wording import percent

if TYPE_CHECKING:
    from reflect_tui.core.content.model import Content, Factor
    from reflect_tui.core.journal.store import JournalStore

RECENT_DAYS = 90
"""Trend arrows compare the last ``RECENT_DAYS`` days with everything before."""
SHARE_STEP = 0.10  # a factor's share of reflections must move this much to get an arrow
SKIP_WINDOW = 1000
"""Skipped LSD steps are counted over the newest this many reflections in scope."""
RATING_STEP = 0.5  # a principle's mean rating must move this much to get an arrow
WINDOWS: dict[str, int] = {"week": 1, "month": 5, "quarter": 13, "year": 53}
"""Calendar windows, in weeks (always whole weeks, Monday first, ending this week)."""

UP, DOWN, FLAT = "up", "down", "flat"

DEFAULT_SCOPE = JournalQuery(status="complete")


class Drill(NamedTuple):
    """What a number counted, so it can be opened to its reflections.

    ``kind`` is one of: practices, case_kinds, barriers, helps (``key`` is
    the id), rated (``key`` is a principle: the reflections that rated it),
    day (``key`` is an ISO date), days (``key`` is ``FROM..TO``),
    month (``key`` is ``YYYY-MM``), from / before (``key`` is the first / last
    ISO date), skipped (``key`` is ``practice/step``),
    steps (``key`` is done, open, overdue or undated), all.
    """

    kind: str
    key: str = ""


@dataclass(frozen=True)
class Count:
    """How many reflections in scope have one item, overall and recent vs before."""

    key: str
    count: int
    recent: int
    before: int
    trend: str  # UP, DOWN, FLAT, or "" when there is too little to compare
    drill: Drill
    # What the trend compares, shown beside its arrow: the share (whole %) of
    # the reflections of the last ``RECENT_DAYS`` days that have this item,
    # and of those before. Counts alone misled: 2 recent and 2 before read
    # as "the same" next to an arrow down (2 of 3 recent, 2 of 2 before).
    recent_share: int = 0
    before_share: int = 0


@dataclass(frozen=True)
class RatingSeries:
    """One principle's self-rating over time: mean per month, and its trend."""

    principle: str
    months: tuple[tuple[str, float, int], ...]  # (YYYY-MM, mean, number of ratings)
    mean: float | None
    recent_mean: float | None
    before_mean: float | None
    trend: str

    @property
    def drill(self) -> Drill:
        """The reflections behind the line: those that rated this principle."""
        return Drill("rated", self.principle)


@dataclass(frozen=True)
class StepSkips:
    """How often an LSD step was left empty when its practice was chosen."""

    practice: str
    step: str
    skipped: int
    chosen: int
    drill: Drill


@dataclass(frozen=True)
class NextStepCounts:
    """Next steps of the reflections in scope, by state (on ``today``)."""

    done: int
    open: int  # not done, due today or later
    overdue: int  # not done, due before today
    undated: int  # not done, no due date


@dataclass(frozen=True)
class Insights:
    """Everything the insights screen shows and ``reflect stats`` prints."""

    today: date
    since: date | None
    total: int
    recent_total: int
    before_total: int
    practices: tuple[Count, ...]
    case_kinds: tuple[Count, ...]
    barriers: tuple[Count, ...]
    helps: tuple[Count, ...]
    ratings: tuple[RatingSeries, ...]
    skips: tuple[StepSkips, ...]
    next_steps: NextStepCounts
    days: Mapping[date, int] = field(default_factory=dict)

    @property
    def has_trends(self) -> bool:
        """True when a trend arrow can show at all: ``share_trend`` and
        ``mean_trend`` compare the last ``RECENT_DAYS`` days with the time
        before them, so without reflections in both periods there is no
        arrow, and the screen and ``reflect stats`` leave out what arrows mean."""
        return self.recent_total > 0 and self.before_total > 0

    def to_json(self) -> dict[str, Any]:
        """The JSON face of the insights (``reflect stats --json``)."""

        def counts(items: Iterable[Count]) -> list[dict[str, Any]]:
            return [
                {
                    "id": c.key,
                    "count": c.count,
                    "recent": c.recent,
                    "before": c.before,
                    "trend": c.trend,
                    "recent_share": c.recent_share,
                    "before_share": c.before_share,
                }
                for c in items
            ]

        return {
            "today": self.today.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "recent_days": RECENT_DAYS,
            "skip_window": SKIP_WINDOW,
            "total": self.total,
            "recent_total": self.recent_total,
            "before_total": self.before_total,
            "practices": counts(self.practices),
            "case_kinds": counts(self.case_kinds),
            "barriers": counts(self.barriers),
            "helps": counts(self.helps),
            "ratings": [
                {
                    "id": r.principle,
                    "mean": _round(r.mean),
                    "recent_mean": _round(r.recent_mean),
                    "before_mean": _round(r.before_mean),
                    "trend": r.trend,
                    "months": [{"month": m, "mean": _round(v), "n": n} for m, v, n in r.months],
                }
                for r in self.ratings
            ],
            "skipped_steps": [
                {"practice": s.practice, "step": s.step, "skipped": s.skipped, "chosen": s.chosen}
                for s in self.skips
            ],
            "next_steps": {
                "done": self.next_steps.done,
                "open": self.next_steps.open,
                "overdue": self.next_steps.overdue,
                "undated": self.next_steps.undated,
            },
            "days": {d.isoformat(): n for d, n in sorted(self.days.items())},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def scope_for(since: date | None = None, base: JournalQuery = DEFAULT_SCOPE) -> JournalQuery:
    """The reflections the insights count: finished ones, from ``since`` on."""
    return base.replace(since=since) if since else base


def share_trend(recent: int, recent_total: int, before: int, before_total: int) -> str:
    """UP/DOWN/FLAT when a share moved by ``SHARE_STEP``; "" without both periods."""
    if recent_total == 0 or before_total == 0:
        return ""
    delta = recent / recent_total - before / before_total
    if delta >= SHARE_STEP:
        return UP
    if delta <= -SHARE_STEP:
        return DOWN
    return FLAT


def mean_trend(recent: float | None, before: float | None) -> str:
    if recent is None or before is None:
        return ""
    if recent - before >= RATING_STEP:
        return UP
    if before - recent >= RATING_STEP:
        return DOWN
    return FLAT


def compute(
    store: JournalStore, today: date, since: date | None = None, scope: JournalQuery | None = None
) -> Insights:
    """All insights for the reflections in ``scope`` (default: finished ones from ``since``)."""
    query = scope if scope is not None else scope_for(since)
    condition = query.where()
    cut = (today - timedelta(days=RECENT_DAYS)).isoformat()
    if condition is None:
        return Insights(today, since, 0, 0, 0, (), (), (), (), (), (), NextStepCounts(0, 0, 0, 0))
    where, params = condition
    read = store.read_rows

    # One scan of the reflection rows, split at the cut into recent and
    # before; each column is then counted per distinct value at C speed
    # (``Counter(map(itemgetter))``), so each distinct id list is parsed once
    # per period instead of once per reflection. Counting whole rows would
    # not do: nearly every row is its own combination of date and lists.
    import json
    from collections import Counter
    from operator import itemgetter

    rows = read(
        "SELECT r.occurred_on, r.case_kind, r.practices, r.barriers, r.helps"
        f" FROM reflections r WHERE {where}",
        params,
    )
    recent_rows = [row for row in rows if row[0] >= cut]
    before_rows = [row for row in rows if row[0] < cut]
    recent_total, before_total = len(recent_rows), len(before_rows)
    days = {date.fromisoformat(day): n for day, n in Counter(map(itemgetter(0), rows)).items()}
    del rows
    tallies: dict[str, dict[str, list[int]]] = {
        "case_kinds": {},
        "practices": {},
        "barriers": {},
        "helps": {},
    }
    for slot, part in enumerate((recent_rows, before_rows)):
        for kind, n in Counter(map(itemgetter(1), part)).items():
            if kind:
                tallies["case_kinds"].setdefault(kind, [0, 0])[slot] += n
        for column, name in ((2, "practices"), (3, "barriers"), (4, "helps")):
            for raw, n in Counter(map(itemgetter(column), part)).items():
                try:
                    ids = json.loads(raw or "[]")
                except ValueError:
                    continue
                for item in dict.fromkeys(ids if isinstance(ids, list) else []):
                    tallies[name].setdefault(str(item), [0, 0])[slot] += n

    def counted(kind: str) -> tuple[Count, ...]:
        items = [
            Count(
                key,
                recent + before,
                recent,
                before,
                share_trend(recent, recent_total, before, before_total),
                Drill(kind, key),
                percent(recent, recent_total),
                percent(before, before_total),
            )
            for key, (recent, before) in tallies[kind].items()
        ]
        return tuple(sorted(items, key=lambda c: (-c.count, c.key)))

    return Insights(
        today=today,
        since=since,
        total=recent_total + before_total,
        recent_total=recent_total,
        before_total=before_total,
        practices=counted("practices"),
        case_kinds=counted("case_kinds"),
        barriers=counted("barriers"),
        helps=counted("helps"),
        ratings=_ratings(read, where, params, cut, query),
        skips=_skips(read, where, params),
        next_steps=_next_steps(read, steps_scope(query), today),
        days=days,
    )


def _by_status_and_dates(query: JournalQuery) -> bool:
    """True when ``query`` narrows by status and dates only (``rating_days`` can answer)."""
    bare = JournalQuery(status=query.status, since=query.since, until=query.until)
    return query.replace(sort=bare.sort) == bare


def _ratings(
    read: Any, where: str, params: list[Any], cut: str, query: JournalQuery | None = None
) -> tuple[RatingSeries, ...]:
    """Mean self-rating per principle and month, and before/after ``cut``.

    The default scope (status and dates) reads the ``rating_days`` summary
    the triggers keep (schema 6): a few thousand rows instead of every
    rating. Any other filter joins the ratings of the rows it selects.
    """
    if query is not None and _by_status_and_dates(query):
        tests, values = ["n > 0"], []
        for test, value in (
            ("status = ?", query.status),
            ("day >= ?", query.since.isoformat() if query.since else None),
            ("day <= ?", query.until.isoformat() if query.until else None),
        ):
            if value is not None:
                tests.append(test)
                values.append(value)
        rows = read(
            "SELECT principle, substr(day, 1, 7), day >= ?, sum(total), sum(n) FROM rating_days"
            f" WHERE {' AND '.join(tests)} GROUP BY 1, 2, 3",
            [cut, *values],
        )
    else:
        rows = read(
            "SELECT p.principle, substr(r.occurred_on, 1, 7), r.occurred_on >= ?, sum(p.rating),"
            " count(p.rating) FROM reflections r CROSS JOIN principle_ratings p"
            " ON p.reflection_seq = r.seq"
            f" WHERE {where} AND p.rating IS NOT NULL GROUP BY 1, 2, 3",
            [cut, *params],
        )
    per: dict[str, dict[str, list[int]]] = {}
    periods: dict[str, list[int]] = {}
    for principle, month, is_recent, total, n in rows:
        cell = per.setdefault(principle, {}).setdefault(month, [0, 0])
        cell[0] += int(total)
        cell[1] += int(n)
        period = periods.setdefault(principle, [0, 0, 0, 0])
        offset = 0 if is_recent else 2
        period[offset] += int(total)
        period[offset + 1] += int(n)
    series = []
    for principle in sorted(per):
        months = tuple((m, s / n, n) for m, (s, n) in sorted(per[principle].items()))
        rs, rn, bs, bn = periods[principle]
        recent = rs / rn if rn else None
        before = bs / bn if bn else None
        mean = (rs + bs) / (rn + bn) if rn + bn else None
        series.append(
            RatingSeries(principle, months, mean, recent, before, mean_trend(recent, before))
        )
    return tuple(series)


# An answer counts for a step when it has text and its practice is (still) chosen.
_ANSWERED = (
    "a.text != '' AND (length(a.text) > 40 OR trim(a.text) != '')"
    " AND instr(r.practices, '\"' || a.practice || '\"') > 0"
)


def _window_sql(where: str) -> str:
    """The newest ``SKIP_WINDOW`` reflections in scope, as a CTE named ``recent``."""
    return (
        "WITH recent AS (SELECT r.seq AS seq, r.id AS id, r.practices AS practices"
        f" FROM reflections r WHERE {where}"
        f" ORDER BY r.occurred_on DESC, r.created_at DESC, r.id DESC LIMIT {SKIP_WINDOW}) "
    )


def _skips(read: Any, where: str, params: list[Any]) -> tuple[StepSkips, ...]:
    """Skipped = chosen minus answered, over the newest ``SKIP_WINDOW`` reflections.

    Why a window: answers are the journal's biggest table, and whether you
    skip "doorvragen" *lately* is the useful question; the whole history
    of 50,000 reflections took over a second to read. Each reflection's
    answers are found by their primary key, one seek per reflection.
    """
    import json
    from collections import Counter

    window = _window_sql(where)
    chosen: Counter[str] = Counter()
    for raw, n in read(f"{window}SELECT practices, count(*) FROM recent GROUP BY 1", params):
        try:
            ids = json.loads(raw or "[]")
        except ValueError:
            continue
        for item in dict.fromkeys(ids if isinstance(ids, list) else []):
            chosen[str(item)] += int(n)
    answered: dict[tuple[str, str], int] = {}
    for practice, step, n in read(
        f"{window}SELECT a.practice, a.step, count(DISTINCT r.seq) FROM recent r"
        f" CROSS JOIN answers a ON a.reflection_seq = r.seq WHERE {_ANSWERED} GROUP BY 1, 2",
        params,
    ):
        answered[practice, step] = int(n)
    items = []
    for practice in sorted(chosen):
        times = chosen[practice]
        for step in LSD_STEP_IDS:
            skipped = max(0, times - answered.get((practice, step), 0))
            items.append(
                StepSkips(practice, step, skipped, times, Drill("skipped", f"{practice}/{step}"))
            )
    return tuple(items)


def steps_scope(scope: JournalQuery) -> JournalQuery:
    """The reflections whose next steps count: those of ``scope`` whatever
    their status. A next step typed in a draft is still one the user means to
    do; the home screen and the next-steps overview (``v``) list it, and the
    insights and ``reflect stats`` counted finished reflections only, so they
    said "Te laat: 4" beside five overdue steps on the home screen. The step
    counts and the reflections behind them (``drill_query``) both use this."""
    return scope.replace(status=None)


def _next_steps(read: Any, query: JournalQuery, today: date) -> NextStepCounts:
    condition = query.where()
    if condition is None:
        return NextStepCounts(0, 0, 0, 0)
    where, params = condition
    day = today.isoformat()
    row = read(
        "SELECT coalesce(sum(n.done), 0),"
        " coalesce(sum(n.done = 0 AND n.due >= ?), 0),"
        " coalesce(sum(n.done = 0 AND n.due < ?), 0),"
        " coalesce(sum(n.done = 0 AND n.due IS NULL), 0)"
        " FROM reflections r CROSS JOIN next_steps n ON n.reflection_seq = r.seq"
        f" WHERE {where} AND trim(n.text) != ''",
        [day, day, *params],
    )[0]
    return NextStepCounts(*(int(v) for v in row))


# --- from a number to its reflections -----------------------------------------------------


def totals(result: Insights) -> list[tuple[str, int, Drill]]:
    """The three totals (all, the last ``RECENT_DAYS`` days, before them) with
    the drill of each: ``(key, number, drill)``, key one of total, recent, before."""
    cut = result.today - timedelta(days=RECENT_DAYS)
    return [
        ("total", result.total, Drill("all")),
        ("recent", result.recent_total, Drill("from", cut.isoformat())),
        ("before", result.before_total, Drill("before", (cut - timedelta(days=1)).isoformat())),
    ]


def drill_query(
    store: JournalStore, scope: JournalQuery, drill: Drill, today: date
) -> JournalQuery:
    """The query that lists the reflections behind one number of ``compute``."""
    kind, key = drill
    if kind in ("practices", "case_kinds", "barriers", "helps", "rated"):
        return scope.replace(**{kind: (key,)})
    if kind == "day":
        day = date.fromisoformat(key)
        return _narrow(scope, day, day)
    if kind == "days":
        first, _, last = key.partition("..")
        return _narrow(scope, date.fromisoformat(first), date.fromisoformat(last))
    if kind == "from":
        start = date.fromisoformat(key)
        return scope.replace(since=max(start, scope.since) if scope.since else start)
    if kind == "before":
        end = date.fromisoformat(key)
        return scope.replace(until=min(end, scope.until) if scope.until else end)
    if kind == "month":
        start = date.fromisoformat(f"{key}-01")
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return _narrow(scope, start, end)
    if kind == "steps":
        # A condition, not a list of ids: tens of thousands of done steps would
        # pass SQLite's limit on parameters.
        return steps_scope(scope).replace(steps=(key, today.isoformat()))
    if kind == "skipped":  # at most SKIP_WINDOW ids
        return scope.replace(ids=tuple(_ids_behind(store, scope, drill, today)))
    return scope


def _narrow(scope: JournalQuery, first: date, last: date) -> JournalQuery:
    since = max(first, scope.since) if scope.since else first
    until = min(last, scope.until) if scope.until else last
    return scope.replace(since=since, until=until)


def _ids_behind(store: JournalStore, scope: JournalQuery, drill: Drill, today: date) -> list[str]:
    condition = scope.where()
    if condition is None:
        return []
    where, params = condition
    if drill.kind == "skipped":  # (next steps: ``JournalQuery.steps``)
        practice, _, step = drill.key.partition("/")
        answered = (
            "EXISTS (SELECT 1 FROM answers a WHERE a.reflection_seq = r.seq AND a.practice = ?"
            f" AND a.step = ? AND {_ANSWERED})"
        )
        sql = (
            f"{_window_sql(where)}SELECT r.id FROM recent r WHERE EXISTS"
            " (SELECT 1 FROM json_each(r.practices) WHERE value = ?) AND NOT "
            f"{answered}"
        )
        return [row[0] for row in store.read_rows(sql, [*params, practice, practice, step])]
    return []


# --- presentation helpers without UI ---------------------------------------------------


def in_content_order(result: Insights, content: Content) -> Insights:
    """``result`` with its principles and skipped steps in the content's order.

    Why one home: ``compute`` has no content and orders by id, so ``reflect
    stats`` listed 'bricolerend' first and the skipped steps by practice id,
    while the insights screen sorted the principles itself (Open first). The
    screen and the command both call this; ids the content does not know go
    last, by id.
    """
    from dataclasses import replace

    principles = _positions(p.id for p in content.principles)
    practices = _positions(p.id for p in content.practices)
    steps = _positions(LSD_STEP_IDS)
    return replace(
        result,
        ratings=tuple(sorted(result.ratings, key=lambda s: _place(principles, s.principle))),
        skips=tuple(
            sorted(
                result.skips,
                key=lambda s: (_place(practices, s.practice), _place(steps, s.step)),
            )
        ),
    )


def _positions(ids: Iterable[str]) -> dict[str, int]:
    return {item: at for at, item in enumerate(ids)}


def _place(positions: Mapping[str, int], item: str) -> tuple[int, str]:
    return (positions.get(item, len(positions)), item)


class TableRow(NamedTuple):
    """One factor in "your own table" beside the essay's table."""

    factor_id: str
    own_rank: int | None  # None: never ticked
    times: int
    essay_rank: int | None  # None: the organisation's own item, not in the essay
    trend: str
    recent_share: int = 0  # as ``Count``'s
    before_share: int = 0


def own_table(
    counts: Sequence[Count], factors: Sequence[Factor], collection: str
) -> list[TableRow]:
    """Factors ranked by how often *you* ticked them, each with the essay's rank.

    Factors never ticked come last, in the content's order (``rank``: the
    essay's items first); ticked ids that the content no longer knows are
    left out. ``collection`` (barriers or helps) says which table of the
    essay to look in: an item the essay does not name (an organisation's own,
    ``rank: 8``) has no essay rank, and the screen and ``reflect stats`` say
    it is the organisation's (they showed "essay 8" for a table of seven).
    """
    by_id = {c.key: c for c in counts}
    ranked = sorted(
        (f for f in factors if f.id in by_id), key=lambda f: (-by_id[f.id].count, f.rank)
    )
    rows = [
        TableRow(
            f.id,
            i,
            by_id[f.id].count,
            essay_rank(collection, f.id),
            by_id[f.id].trend,
            by_id[f.id].recent_share,
            by_id[f.id].before_share,
        )
        for i, f in enumerate(ranked, start=1)
    ]
    rows += [
        TableRow(f.id, None, 0, essay_rank(collection, f.id), "")
        for f in sorted(factors, key=lambda f: f.rank)
        if f.id not in by_id
    ]
    return rows


def month_span(series: Sequence[RatingSeries], today: date, limit: int) -> list[str]:
    """Every month (``YYYY-MM``) from the first rated one to ``today``'s, the last
    ``limit`` of them: the rating lines share these columns, and a month without
    a rating keeps its place (skipping it made March, April and December read
    as three months in a row)."""
    firsts = [s.months[0][0] for s in series if s.months]
    if not firsts:
        return []
    year, month = (int(part) for part in min(firsts).split("-"))
    months: list[str] = []
    while (year, month) <= (today.year, today.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months[-limit:]


class CalendarCell(NamedTuple):
    day: date
    reflections: int
    in_window: bool  # False for days after today (the grid is whole weeks)


def calendar(days: Mapping[date, int], window: str, today: date) -> list[list[CalendarCell]]:
    """Whole weeks (Monday first) ending with this week: ``WINDOWS[window]`` of them."""
    weeks = WINDOWS.get(window, WINDOWS["quarter"])
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=weeks - 1)
    grid = []
    for w in range(weeks):
        week = []
        for d in range(7):
            day = start + timedelta(weeks=w, days=d)
            week.append(CalendarCell(day, days.get(day, 0), day <= today))
        grid.append(week)
    return grid
