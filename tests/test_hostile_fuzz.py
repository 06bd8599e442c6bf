"""Issue 18's standing fuzz suite: hostile content and hostile import files.

Every example ends in success or one clear message, never a traceback.
The normal suite runs a few dozen examples of each (a tenth in the quick
loop); the ``slow`` tests run the 1,000 the issue asks for
(``benchmarks/bench_hostile.py`` prints the same counts).
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from hostile_strategies import run_content_fuzz, run_import_fuzz
from quickloop import examples

from reflect_tui.cli.main import main
from reflect_tui.core.content.loader import check_layers
from reflect_tui.core.content.validate import Hinter

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")


def _assert_clean(counts: dict) -> None:
    assert counts["tracebacks"] == 0, counts["samples"]
    assert counts["examples"] > 0


def test_content_fuzz_quick(tmp_path: Path) -> None:
    _assert_clean(run_content_fuzz(examples(40), tmp_path))


def test_import_fuzz_quick(tmp_path: Path) -> None:
    _assert_clean(run_import_fuzz(examples(40), tmp_path))


@pytest.mark.slow
def test_content_fuzz_thousand(tmp_path: Path) -> None:
    counts = run_content_fuzz(1000, tmp_path)
    _assert_clean(counts)
    assert counts["examples"] >= 1000 and counts["ok"] > 0


@pytest.mark.slow
def test_import_fuzz_thousand(tmp_path: Path) -> None:
    counts = run_import_fuzz(1000, tmp_path)
    _assert_clean(counts)
    assert counts["examples"] >= 1000 and counts["ok"] > 0


# --- defect 1: valid content crashed the app ------------------------------------------

_SUGGESTION = """\
learning_suggestions:
  - id: te-laat
    title: Achterstallige stappen
    text: Kijk naar je open stappen.
    source: eigen
    trigger: {{kind: next_steps_overdue, days: {days}}}
"""


def test_trigger_days_beyond_the_calendar_are_refused_by_the_check(tmp_path: Path) -> None:
    (tmp_path / "leer.yaml").write_text(_SUGGESTION.format(days=999999), encoding="utf-8")
    errors = check_layers([tmp_path]).errors
    assert len(errors) == 1 and "3650" in errors[0].message


def test_suggest_with_the_largest_allowed_days_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal_fixtures.helpers import open_store, sample_reflection

    layer = tmp_path / "org"
    layer.mkdir()
    (layer / "leer.yaml").write_text(_SUGGESTION.format(days=3650), encoding="utf-8")
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("REFLECT_CONTENT_PATH", str(layer))
    with open_store(tmp_path / "home") as store:
        store.import_reflections([sample_reflection()])
    assert main(["suggest"]) == 0
    assert main(["content", "check"]) == 0


# --- defect 2: no step of validation worse than n log n -------------------------------


def test_did_you_mean_compares_each_word_with_few_options(monkeypatch) -> None:
    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word, options, n=3, cutoff=0.6):
        compared.append(len(options))
        return real(word, options, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    hinter = Hinter(f"hindernis-{i:06d}" for i in range(20000))
    hints = [hinter.hint(f"hindernix-{i:06d}") for i in range(20000)]
    assert hints[0] == "; bedoel je 'hindernis-000000'?"
    assert len(compared) <= Hinter.MAX_HINTS
    assert max(compared) <= 4 * Hinter.NEIGHBOURS


def test_a_long_reference_list_with_duplicates_is_checked_with_a_set(tmp_path: Path) -> None:
    refs = "".join(f"      - {('situatie', 'relaties')[i % 2]}\n" for i in range(60000))
    (tmp_path / "tips.yaml").write_text(
        "tips:\n  - id: veel\n    title: t\n    text: t\n    source: s\n    practices:\n" + refs,
        encoding="utf-8",
    )
    errors = check_layers([tmp_path]).errors
    # Reported, but capped: nobody reads 59,998 copies of the same error.
    assert 1 < len(errors) <= 502
    assert "twee keer" in errors[0].message


# --- defect 3 and 14: the import corpus every import implementation must pass ---------

_GOOD = {
    "id": "r-1",
    "title": "t",
    "occurred_on": "2026-02-27",
    "created_at": "2026-02-27T19:00:00+00:00",
    "updated_at": "2026-02-27T21:30:00+00:00",
    "status": "complete",
}


def _doc(**over) -> str:
    return json.dumps(
        {"format": "reflect-journal", "version": 1, "reflections": [{**_GOOD, **over}]}
    )


HOSTILE_IMPORTS = {
    "deep nesting": "[" * 100000 + "]" * 100000,
    "deep nesting inside": '{"format": "reflect-journal", "version": 1, "reflections": '
    + "[" * 5000
    + "]" * 5000
    + "}",
    "number of 5000 digits": '{"format": "reflect-journal", "version": ' + "9" * 5000 + "}",
    "rating of 5000 digits": _doc(principles=[{"id": "open", "rating": 1}]).replace(
        '"rating": 1', '"rating": ' + "7" * 5000
    ),
    "created_at before year 1 in UTC": _doc(created_at="0001-01-01T00:00:00+01:00"),
    "updated_at after 9999 in UTC": _doc(updated_at="9999-12-31T23:59:59-01:00"),
    "lone surrogate in title": _doc().replace('"title": "t"', '"title": "\\ud800"'),
    "lone surrogate in id": _doc().replace('"id": "r-1"', '"id": "\\udfff"'),
    "version true": _doc().replace('"version": 1', '"version": true'),
    "version 1.0": _doc().replace('"version": 1', '"version": 1.0'),
    "ISO week date": _doc(occurred_on="2026-W01-1"),
    "ISO week date in a due date": _doc(next_steps=[{"text": "x", "due": "2026-W01-1"}]),
    "compact date": _doc(occurred_on="20260227"),
    "week timestamp": _doc(created_at="2026-W09-5T19:00:00+00:00"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_IMPORTS))
def test_hostile_import_is_one_clear_line_and_imports_nothing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    source = tmp_path / "in.json"
    source.write_bytes(HOSTILE_IMPORTS[name].encode("utf-8", "surrogatepass"))
    code = main(["import", str(source)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("reflect: ") and err.count("\n") == 1, err
    assert "niets geïmporteerd" in err
    assert main(["list", "--json"]) == 0
    assert json.loads(capsys.readouterr()[0]) == []


def test_the_corpus_base_document_does_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    source = tmp_path / "in.json"
    source.write_text(_doc(created_at="2026-02-27T19:00:00Z", occurred_on="0001-01-01"))
    assert main(["import", str(source)]) == 0
