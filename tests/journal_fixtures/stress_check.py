"""Checker for the stress harness; runs in its own process (see ``stress.py``).

Usage: ``python stress_check.py SPEC.json``; prints a JSON object with the
counts ``integrity_failures``, ``lost_answers``, ``resurrected_deletions``
and a few ``details``.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    home = Path(spec["home"])
    db = home / "journal.sqlite3"
    found = {"integrity_failures": 0, "lost_answers": 0, "resurrected_deletions": 0}
    details: list[str] = []
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        conn.execute("BEGIN")  # one snapshot for every query below
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            found["integrity_failures"] += 1
            details.append(f"integrity: {result[:3]}")
        for rid, answers in spec["expected"].items():
            stored = dict(
                conn.execute(
                    "SELECT step, text FROM answers a JOIN reflections r"
                    " ON r.seq = a.reflection_seq WHERE r.id = ?",
                    (rid,),
                )
            )
            for step, text in answers.items():
                if stored.get(step) != text:
                    found["lost_answers"] += 1
                    details.append(f"lost answer {rid[:8]} {step}")
        for rid, index in spec["marked"]:
            row = conn.execute(
                "SELECT done FROM next_steps n JOIN reflections r ON r.seq = n.reflection_seq"
                " WHERE r.id = ? AND n.position = ?",
                (rid, index),
            ).fetchone()
            if row is None or row[0] != 1:
                found["lost_answers"] += 1
                details.append(f"lost mark {rid[:8]} {index}")
        for rid in spec["deleted"]:
            if conn.execute("SELECT 1 FROM reflections WHERE id = ?", (rid,)).fetchone():
                found["resurrected_deletions"] += 1
                details.append(f"deleted row back {rid[:8]}")
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        found["integrity_failures"] += 1
        details.append(f"unreadable: {exc}")
    finally:
        conn.close()
    # Only after our own connection is closed: reading the bytes drops this process's locks.
    files = [p for p in home.glob("journal.sqlite3*") if p.is_file()]
    backups = home / "backups"
    if backups.is_dir():
        files += [p for p in backups.rglob("*") if p.is_file()]
    contents = {p: p.read_bytes().lower() for p in files}
    for rid, secret in spec["deleted"].items():
        holders = [p.name for p, data in contents.items() if secret.lower().encode() in data]
        if holders:
            found["resurrected_deletions"] += 1
            details.append(f"deleted text of {rid[:8]} still in {holders}")
    print(json.dumps({**found, "details": details[:20]}))


if __name__ == "__main__":
    main()
