"""Issue 18, the CLI side: ids and text under attack (defects 4, 5, 6, 8, 12, 14).

Each test reproduces one defect from the adversarial pass; it failed
before the fix.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.main import main
from reflect_tui.core.journal.exports import (
    erase_exports,
    export_file_name,
    marked_ids,
    write_reflection_export,
)
from reflect_tui.core.paths import resolve_locations

A = "aaaa1111-0000-4000-8000-000000000001"
B = "aaaa2222-0000-4000-8000-000000000002"
HOSTILE_ID = "\x1b[2J\x1b]0;pwned\x07"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _seed(home: Path, *reflections) -> None:
    with open_store(home) as store:
        store.import_reflections(list(reflections))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- defect 5: uppercase ids ----------------------------------------------------------


def test_uppercase_id_can_be_shown_and_erased(home: Path, capsys) -> None:
    _seed(home, sample_reflection("ABC"), sample_reflection("abd"))
    code, out, _ = _run(capsys, "list")
    assert "ABC" in out
    code, out, err = _run(capsys, "delete", "ABC", "--yes")
    assert code == 0, err
    with open_store(home) as store:
        assert [s.id for s in store.list()] == ["abd"]


def test_exact_id_wins_over_a_longer_one_with_that_prefix(home: Path, capsys) -> None:
    _seed(home, sample_reflection("a"), sample_reflection("ab"))
    code, out, err = _run(capsys, "show", "a", "--format", "json")
    assert code == 0, err and json.loads(out)["id"] == "a"
    code, out, _ = _run(capsys, "show", "AB", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "ab"


# --- defect 12: undecodable bytes on the command line ---------------------------------


@pytest.mark.parametrize("command", ["show", "delete", "search"])
def test_undecodable_argument_is_one_line_not_a_traceback(
    home: Path, tmp_path: Path, command: str
) -> None:
    _seed(home, sample_reflection(A))
    argv = [
        sys.executable,
        "-m",
        "reflect_tui",
        command,
        b"\xff".decode("utf-8", "surrogateescape"),
    ]
    if command == "delete":
        argv.append("--yes")
    env = {**os.environ, "REFLECT_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(argv, env=env, capture_output=True, timeout=60)
    assert b"Traceback" not in result.stderr
    assert result.stderr.count(b"\n") <= 1
    if command != "search":
        assert result.returncode == 1


# --- defect 4: escape codes in ids ----------------------------------------------------


def test_hostile_id_never_reaches_the_output_raw(home: Path, capsys) -> None:
    _seed(home, sample_reflection(HOSTILE_ID, title="Titel \u202egnirts"))
    for argv in (["list"], ["search", "kapvergunning"]):
        code, out, _ = _run(capsys, *argv)
        assert code == 0
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    code, out, err = _run(capsys, "delete", "\x1b[2J", "--yes")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out


# --- defect 6 / issue 10 item 6: exports in one place ---------------------------------


def test_delete_erases_a_markdown_export_holding_only_the_short_id(home: Path, capsys) -> None:
    _seed(home, sample_reflection(A), sample_reflection(B))
    exports = home / "exports"
    exports.mkdir(parents=True)
    # ``reflect export --format md -o`` into the data folder: Markdown with short ids.
    code, _, err = _run(capsys, "export", "--format", "md", "-o", str(exports / "alles.md"))
    assert code == 0, err
    assert A[:8] in (exports / "alles.md").read_text()
    code, _, err = _run(capsys, "delete", A, "--yes")
    assert code == 0, err
    assert not (exports / "alles.md").exists()


def test_deleting_id_a_keeps_other_reflections_exports(home: Path, capsys) -> None:
    _seed(home, sample_reflection("a"), sample_reflection(B))
    locations = resolve_locations()
    mine = write_reflection_export(locations.exports_dir, "a", sample_reflection().occurred_on, "x")
    theirs = write_reflection_export(
        locations.exports_dir, B, sample_reflection().occurred_on, "# Bewonersavond (a a a)"
    )
    code, _, err = _run(capsys, "delete", "a", "--yes")
    assert code == 0, err
    assert not mine.exists()
    assert theirs.exists(), "an export of another reflection was erased"


def test_json_export_in_the_data_folder_is_recognised_by_parsed_id(home: Path, capsys) -> None:
    _seed(home, sample_reflection(A), sample_reflection(B))
    home.mkdir(parents=True, exist_ok=True)
    code, _, _ = _run(capsys, "export", "-o", str(home / "backup.json"))
    assert code == 0
    (home / "mentions.json").write_text(json.dumps({"note": f"zie {A}"}))
    locations = resolve_locations()
    done = erase_exports(locations, A)
    assert [p.name for p in done.erased] == ["backup.json"]
    assert (home / "mentions.json").exists()


def test_export_name_of_an_id_with_a_slash_stays_in_the_folder(tmp_path: Path) -> None:
    rid = "../../etc/x"
    name = export_file_name(rid, sample_reflection().occurred_on)
    assert "/" not in name and ".." not in name
    path = write_reflection_export(tmp_path / "exports", rid, sample_reflection().occurred_on, "t")
    assert path.parent == tmp_path / "exports"
    assert marked_ids(path.read_text()) == {rid}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_two_ids_with_the_same_start_get_two_export_files(tmp_path: Path) -> None:
    day = sample_reflection().occurred_on
    one = write_reflection_export(tmp_path, "abcdefgh-1", day, "een")
    two = write_reflection_export(tmp_path, "abcdefgh-2", day, "twee")
    assert one != two and one.exists() and two.exists()
    again = write_reflection_export(tmp_path, "abcdefgh-1", day, "een, opnieuw")
    assert again == one


# --- defect 14: -o onto a FIFO or device node -----------------------------------------


def test_export_refuses_a_fifo_and_a_device(home: Path, tmp_path: Path, capsys) -> None:
    _seed(home, sample_reflection(A))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = _run(capsys, "export", "-o", str(fifo))
    assert code == 1 and "geen gewoon bestand" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    code, _, err = _run(capsys, "export", "-o", "/dev/null")
    assert code == 1 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    code, _, _ = _run(capsys, "export", "-o", str(link))
    assert code == 1 and link.is_symlink()


# --- defect 8: export to stdout on a full disk ----------------------------------------


def test_export_to_dev_full_is_one_line_and_a_failure(home: Path) -> None:
    _seed(home, sample_reflection(A))
    env = {**os.environ, "REFLECT_HOME": str(home)}
    for argv in (["export"], ["export", "--format", "md"], ["list"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "reflect_tui", *argv],
                env=env,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        assert result.returncode != 0, argv
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
        assert result.stderr.strip().count("\n") == 0, result.stderr


def test_short_writes_are_completed_and_a_stalled_write_fails(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reflect_tui.core import output

    _seed(home, *(sample_reflection(f"id-{i:04d}") for i in range(40)))
    real_write = os.write
    calls = {"n": 0}

    def short_write(fd: int, data) -> int:  # the kernel may write less than asked
        calls["n"] += 1
        return real_write(fd, bytes(data[:4096]))

    monkeypatch.setattr(output.os, "write", short_write)
    target = tmp_path / "out.json"
    with target.open("w") as stream:
        from reflect_tui.cli.context import CliContext
        from reflect_tui.cli.parser import build_parser

        args = build_parser().parse_args(["export"])
        assert main(["export"], CliContext(args, stdout=stream)) == 0
    assert calls["n"] > 1
    assert len(json.loads(target.read_text())["reflections"]) == 40

    def stalled_write(fd: int, data) -> int:  # a full disk: the second write gets nowhere
        calls["n"] += 1
        return real_write(fd, bytes(data[:4096])) if calls["n"] % 2 else 0

    monkeypatch.setattr(output.os, "write", stalled_write)
    with target.open("w") as stream:
        err = open(tmp_path / "err.txt", "w+")  # noqa: SIM115
        args = build_parser().parse_args(["export"])
        assert main(["export"], CliContext(args, stdout=stream, stderr=err)) == 1
        err.seek(0)
        assert "onvolledig" in err.read()


def test_tui_reading_text_has_no_bidi_override_or_escape() -> None:
    from reflect_tui.core.content.loader import load_content
    from reflect_tui.tui.render import reflection_markdown

    content = load_content(resolve_locations(env={"REFLECT_HOME": "/nonexistent"}), env={}).content
    r = sample_reflection(HOSTILE_ID, title="Titel \u202egnirts \x1b[31m")
    text = reflection_markdown(r, content)
    assert "\u202e" not in text and "\x1b" not in text and "\x07" not in text


def test_a_bug_in_a_command_is_one_line_and_a_private_report(
    home: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reflect_tui.cli import journal_cmd

    def broken(args, ctx) -> int:
        secret = "GEHEIM antwoord"
        raise OverflowError(f"date value out of range {secret}")

    monkeypatch.setattr(journal_cmd, "run_list", broken)
    code, out, err = _run(capsys, "list")
    assert code == 70 and out == ""
    assert err.count("\n") == 1 and "OverflowError" in err and "GEHEIM" not in err
    reports = list((home / "crash-reports").iterdir())
    assert len(reports) == 1 and stat.S_IMODE(reports[0].stat().st_mode) == 0o600
    assert "GEHEIM" not in reports[0].read_text()
