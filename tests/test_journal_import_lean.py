"""The import's helper reads a file without the model, and its doubts still name the flaw.

Why: the helper process (``import_helper``) starts at every ``reflect import``
and its first batch is what the writer waits for; the model's dataclasses
(with ``inspect``, ``ast``, ``tokenize``) were a quarter of its start-up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from journal_fixtures.helpers import sample_reflection

from reflect_tui.core.journal.interchange import dump_journal

_READ = """
import sys
from reflect_tui.core.journal.interchange_read import iter_journal_batches
with open(sys.argv[1], encoding="utf-8") as stream:
    batches = list(iter_journal_batches(stream, "in.json"))
print(sum(len(b.ids) for b in batches))
heavy = ("dataclasses", "inspect", "reflect_tui.core.journal.model")
print(sorted(m for m in heavy if m in sys.modules))
"""


def _read(path: Path) -> tuple[list[str], str]:
    """What the reader printed, and the last line of its error output."""
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path)], capture_output=True, text=True, check=False
    )
    return done.stdout.splitlines(), (done.stderr.strip().splitlines() or [""])[-1]


def test_a_well_formed_file_is_read_without_the_model(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(dump_journal([sample_reflection(f"id-{i}") for i in range(40)]), "utf-8")
    printed, error = _read(source)
    assert (printed, error) == (["40", "[]"], "")


def test_a_doubt_brings_in_the_full_decoder_which_names_the_flaw(tmp_path: Path) -> None:
    doc = json.loads(dump_journal([sample_reflection(f"id-{i}") for i in range(40)]))
    doc["reflections"][39]["occurred_on"] = "2026-02-30"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc), "utf-8")
    printed, error = _read(source)
    assert printed == []  # the flaw stopped the read
    assert error.startswith(
        "reflect_tui.core.errors.ReflectError: in.json: reflections[39].occurred_on"
    )
