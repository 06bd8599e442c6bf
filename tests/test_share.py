"""An organisation's own table (issue 15 item 7): share files and the k-anonymous report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reflect_tui.cli.main import main
from reflect_tui.core.share import (
    K_ANONYMITY,
    ShareError,
    aggregate,
    build_share,
    parse_share,
    share_json,
)
from tests.journal_fixtures.helpers import open_store, sample_reflection


def _share(barriers: dict[str, int], month: str = "2026-10", reflections: int = 2) -> str:
    return json.dumps(
        {
            "format": "reflect-share",
            "version": 1,
            "months": {
                month: {
                    "reflections": reflections,
                    "practices": {"situatie": 1},
                    "barriers": barriers,
                    "helps": {},
                    "ratings": {"open": {"1": 0, "2": 0, "3": 1, "4": 1, "5": 0}},
                }
            },
        }
    )


def test_share_holds_counts_per_month_and_no_text() -> None:
    first = sample_reflection("a" * 8)
    second = sample_reflection("b" * 8, occurred_on=date(2026, 3, 2), barriers=["politiek"])
    draft = sample_reflection("c" * 8, status="draft")
    document = build_share([first, second, draft])
    text = share_json(document)
    assert set(document["months"]) == {"2026-02", "2026-03"}
    feb = document["months"]["2026-02"]
    assert feb["reflections"] == 1
    assert feb["barriers"] == {"tijdgebrek": 1, "verkokering": 1}
    assert feb["ratings"]["open"]["4"] == 1
    # Nothing a person wrote, no reflection ids, no day dates.
    for secret in (first.title, first.insight, first.who, "aaaaaaaa", "2026-02-27", "bomen"):
        assert secret not in text
    assert parse_share(text) == document["months"]


def test_share_cli_shows_then_writes_private_file(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reflect_tui.cli.context import CliContext  # noqa: F401  (CLI resolves the same home)

    data_dir = isolated_home / "data"
    with open_store(data_dir) as store:
        store.add(sample_reflection())
    target = tmp_path / "deel.json"
    code = main(["--data-dir", str(data_dir), "share", "-o", str(target), "--yes"])
    out = capsys.readouterr().out
    assert code == 0
    written = target.read_text(encoding="utf-8")
    assert written in out  # the user saw exactly what was written
    assert (target.stat().st_mode & 0o777) == 0o600


def test_share_without_yes_and_without_terminal_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    target = tmp_path / "deel.json"
    assert main(["share", "-o", str(target)]) == 1
    assert not target.exists()
    assert "--yes" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "niet json",
        "[" * 5000,
        json.dumps({"format": "iets-anders", "version": 1, "months": {}}),
        json.dumps({"format": "reflect-share", "version": True, "months": {}}),
        json.dumps({"format": "reflect-share", "version": 1, "months": {"2026-13": {}}}),
        json.dumps({"format": "reflect-share", "version": 1, "months": {"2026-01-05": {}}}),
        json.dumps(
            {"format": "reflect-share", "version": 1, "months": {"2026-01": {"tekst": "geheim"}}}
        ),
        json.dumps(
            {
                "format": "reflect-share",
                "version": 1,
                "months": {"2026-01": {"barriers": {"collegas": -3}}},
            }
        ),
        json.dumps(
            {
                "format": "reflect-share",
                "version": 1,
                "months": {"2026-01": {"barriers": {"\u001b[2J": 1}}},
            }
        ),
        json.dumps({"format": "reflect-share", "version": 1, "months": {}, "notes": "x"}),
    ],
)
def test_bad_share_files_are_refused(text: str) -> None:
    with pytest.raises(ShareError):
        parse_share(text)


def test_report_suppresses_cells_from_fewer_than_k_files(tmp_path: Path) -> None:
    for i in range(K_ANONYMITY):
        (tmp_path / f"p{i}.json").write_text(_share({"collegas": 2}), encoding="utf-8")
    # Politiek is named by K-1 files only: it must not be visible anywhere.
    for i in range(K_ANONYMITY - 1):
        (tmp_path / f"q{i}.json").write_text(_share({"politiek": 1}), encoding="utf-8")
    (tmp_path / "kapot.json").write_text("{", encoding="utf-8")
    report = aggregate(tmp_path)
    assert report.files_read == 2 * K_ANONYMITY - 1
    assert [name for name, _ in report.skipped] == ["kapot.json"]
    data = report.to_json()
    rows = {row["id"]: row for row in data["ranked"]["barriers"]}
    assert rows["collegas"]["people"] == K_ANONYMITY
    assert rows["collegas"]["times"] == 2 * K_ANONYMITY
    assert rows["collegas"]["by_quarter"]["2026-K4"] == 2 * K_ANONYMITY
    assert rows["politiek"]["people"] is None
    assert rows["politiek"]["times"] is None
    assert rows["politiek"]["by_quarter"]["2026-K4"] is None


def test_one_file_over_many_months_counts_as_one_person(tmp_path: Path) -> None:
    months = {f"2026-0{m}": {"reflections": 1, "barriers": {"politiek": 1}} for m in range(1, 7)}
    (tmp_path / "een.json").write_text(
        json.dumps({"format": "reflect-share", "version": 1, "months": months}), encoding="utf-8"
    )
    report = aggregate(tmp_path, k=2)
    key = ("barriers", "politiek")
    assert (report.totals[key], report.files[key]) == (6, 1)
    assert report.to_json()["ranked"]["barriers"][0]["people"] is None


def test_org_report_cli_markdown_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(6):
        (tmp_path / f"p{i}.json").write_text(_share({"collegas": 1}), encoding="utf-8")
    (tmp_path / "vreemd.json").write_text('{"format": "x"}', encoding="utf-8")
    md = tmp_path / "rapport.md"
    assert main(["org", "report", str(tmp_path), "--md", str(md)]) == 0
    captured = capsys.readouterr()
    assert "| Collega's | 6 | 6 |" in captured.out
    assert "overgeslagen: vreemd.json" in captured.err
    assert md.read_text(encoding="utf-8") == captured.out
    assert main(["org", "report", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["files_read"] == 6 and data["k_anonymity"] == K_ANONYMITY
