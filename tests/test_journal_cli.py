"""The journal CLI: reflect list|show|search|export|import|delete."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.main import main


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _seed(home: Path, *reflections) -> None:
    with open_store(home) as store:
        store.import_reflections(list(reflections) or [sample_reflection()])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


A = "aaaa1111-0000-4000-8000-000000000001"
B = "aaaa2222-0000-4000-8000-000000000002"


def test_list_empty_then_filled(home: Path, capsys) -> None:
    code, out, _ = _run(capsys, "list")
    assert code == 0 and "leeg" in out
    _seed(home, sample_reflection(A, title="Eerste"), sample_reflection(B, title="Tweede\x1b[2J"))
    code, out, _ = _run(capsys, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "\x1b" not in out and "Tweede [2J" in out
    assert lines[0].startswith(" 27-2-2026  afgerond  aaaa")  # dates as the app shows them
    code, out, _ = _run(capsys, "list", "-n", "1", "--json")
    items = json.loads(out)
    assert len(items) == 1 and {"id", "title", "occurred_on", "status"} <= set(items[0])


def test_show_by_prefix_in_markdown_and_json(home: Path, capsys) -> None:
    _seed(home, sample_reflection(A), sample_reflection(B))
    code, out, _ = _run(capsys, "show", "aaaa1", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == A
    code, out, _ = _run(capsys, "show", "aaaa2")
    assert code == 0 and out.startswith("# Bewonersavond over de kapvergunning")
    assert "Vooral de ouderen." in out
    code, out, err = _run(capsys, "show", "aaaa")
    assert code == 1 and out == "" and err.count("\n") == 1 and "meer dan één" in err


def test_show_reads_as_typed_and_md_stays_escaped_markdown(home: Path, capsys) -> None:
    """A tester saw '\\- \\[warm\\] Wat zei wethouder...' and '\\[bold\\]' in
    ``reflect show``: escapes are for Markdown readers, not for the terminal."""
    _seed(
        home,
        sample_reflection(A, title="[bold] overleg", insight="- [warm] Wat zei De Boer *ervan*?"),
    )
    code, out, _ = _run(capsys, "show", "aaaa1")
    assert code == 0 and out.startswith("# [bold] overleg\n")
    assert "- [warm] Wat zei De Boer *ervan*?" in out and "\\" not in out
    code, md, _ = _run(capsys, "show", "aaaa1", "--format", "md")
    assert code == 0 and md.startswith("# \\[bold\\] overleg\n")
    assert "\\- \\[warm\\] Wat zei De Boer \\*ervan\\*?" in md


def test_show_notes_ids_the_content_no_longer_has(home: Path, capsys) -> None:
    """A tester's reflection from an organisation layer that is gone showed
    '- wijkstad-ict': a bare code. Known ids still show their names."""
    from reflect_tui.core.journal.model import ShownTip

    _seed(
        home,
        sample_reflection(
            A,
            barriers=["verkokering", "wijkstad-ict"],
            helps=["wijkstad-wijkbudget"],
            tips=[ShownTip("wijkstad-tip", 1, ["je noemde de wijkagenda"])],
        ),
    )
    code, out, _ = _run(capsys, "show", "aaaa1")
    assert code == 0
    assert "- wijkstad-ict (niet in de huidige inhoud)" in out
    assert "- wijkstad-wijkbudget (niet in de huidige inhoud)" in out
    assert "1. wijkstad-tip (niet in de huidige inhoud)" in out
    assert "Waarom: je noemde de wijkagenda" in out
    assert "- verkokering\n" not in out and "verkokering (niet" not in out


def test_search_human_and_json(home: Path, capsys) -> None:
    _seed(
        home,
        sample_reflection(A, insight="Het café\x07 was vol"),
        sample_reflection(B, title="Anders", insight="x"),
    )
    code, out, _ = _run(capsys, "search", "cafe", "vol")
    assert code == 0 and "aaaa1111" in out and "aaaa2222" not in out and "\x07" not in out
    code, out, _ = _run(capsys, "search", "--json", 'ouderen"')
    assert {item["id"] for item in json.loads(out)} == {A, B}
    code, out, _ = _run(capsys, "search", "niemand")
    assert code == 0 and "Niets gevonden" in out


def test_export_stdout_and_private_file_then_import_elsewhere(
    home: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    _seed(home, sample_reflection(A), sample_reflection(B))
    code, out, _ = _run(capsys, "export")
    assert code == 0 and len(json.loads(out)["reflections"]) == 2
    old = os.umask(0o022)
    try:
        target = tmp_path / "uit.json"
        code, _, _ = _run(capsys, "export", "--format", "json", "-o", str(target))
        assert code == 0 and stat.S_IMODE(target.stat().st_mode) == 0o600
        md = tmp_path / "uit.md"
        code, _, _ = _run(capsys, "export", "--format", "md", "-o", str(md))
        assert stat.S_IMODE(md.stat().st_mode) == 0o600
        assert md.read_text().startswith("# Reflectiedagboek")
    finally:
        os.umask(old)
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "other"))
    code, out, _ = _run(capsys, "import", str(target))
    assert code == 0 and "2 nieuw" in out
    code, out, _ = _run(capsys, "import", str(target))
    assert code == 0 and "0 nieuw" in out and "2 ongewijzigd" in out
    code, out, _ = _run(capsys, "export")
    assert json.loads(out) == json.loads(target.read_text())


def test_bad_import_file_imports_nothing(home: Path, tmp_path: Path, capsys) -> None:
    doc = json.loads(json.dumps({"format": "reflect-journal", "version": 1, "reflections": []}))
    good = json.loads(_dump(sample_reflection(A)))
    bad = json.loads(_dump(sample_reflection(B)))
    bad["answers"][0]["step"] = None
    doc["reflections"] = [good, bad]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc))
    code, out, err = _run(capsys, "import", str(path))
    assert code == 1 and err.count("\n") == 1
    assert "reflections[1].answers[0].step" in err
    code, out, _ = _run(capsys, "list", "--json")
    assert json.loads(out) == []
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = _run(capsys, "import", str(tmp_path / "bin.json"))
    assert code == 1 and "UTF-8" in err
    code, _, err = _run(capsys, "import", str(tmp_path / "missing.json"))
    assert code == 1 and err.startswith("reflect: kan ")


def _dump(reflection) -> str:
    from reflect_tui.core.journal.interchange import reflection_to_dict

    return json.dumps(reflection_to_dict(reflection))


def test_delete_needs_confirmation(home: Path, capsys, monkeypatch) -> None:
    _seed(home, sample_reflection(A), sample_reflection(B))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = _run(capsys, "delete", "aaaa1")
    assert code == 1 and "--yes" in err
    tty_in = io.StringIO("nee\n")
    tty_in.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", tty_in)
    code, out, _ = _run(capsys, "delete", "aaaa1")
    assert code == 1 and "Niet gewist" in out
    tty_yes = io.StringIO("j\n")
    tty_yes.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", tty_yes)
    code, out, _ = _run(capsys, "delete", "aaaa1")
    assert code == 0 and "gewist" in out
    code, out, _ = _run(capsys, "delete", "aaaa2", "--yes")
    assert code == 0
    code, out, _ = _run(capsys, "list", "--json")
    assert json.loads(out) == []


def test_corrupt_journal_is_one_line_error(home: Path, capsys) -> None:
    home.mkdir(parents=True)
    (home / "journal.sqlite3").write_bytes(b"kapot" * 100)
    for argv in (["list"], ["search", "x"], ["export"], ["show", "a"]):
        code, out, err = _run(capsys, *argv)
        assert code == 1 and out == "" and err.count("\n") == 1
        assert err.startswith("reflect: ") and "Traceback" not in err


def test_import_into_a_corrupt_journal_is_one_line_and_stops_its_reader(
    home: Path, tmp_path: Path, capsys
) -> None:
    """The file's reader starts before the journal is opened; a journal that cannot be
    opened is the same one clear line, and the reader is stopped (no process left)."""
    from test_journal_import_helper import _children

    from reflect_tui.core.journal.interchange import dump_journal

    source = tmp_path / "in.json"
    source.write_text(dump_journal([sample_reflection(f"id-{n:04d}") for n in range(3000)]))
    home.mkdir(parents=True)
    (home / "journal.sqlite3").write_bytes(b"kapot" * 100)
    code, out, err = _run(capsys, "import", str(source))
    assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert not _children()


@pytest.mark.slow  # not in the quick loop: fresh interpreter (cf. test_core_no_textual)
def test_journal_commands_never_import_textual_or_yaml(home: Path) -> None:
    _seed(home, sample_reflection(A))
    code = (
        "import sys\n"
        "from reflect_tui.cli.main import main\n"
        "for argv in (['list'], ['search', 'kap'], ['export'],\n"
        "             ['show', 'aaaa', '--format', 'json']):\n"
        "    assert main(argv) == 0\n"
        "bad = [m for m in ('textual', 'rich', 'yaml', 'platformdirs') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "REFLECT_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow  # not in the quick loop: runs the installed console script in a subprocess
def test_reflect_console_script(home: Path) -> None:
    script = Path(sys.executable).with_name("reflect")
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    _seed(home, sample_reflection(A))
    env = {**os.environ, "REFLECT_HOME": str(home)}
    result = subprocess.run(
        [str(script), "list", "--json"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == A
    result = subprocess.run([str(script), "show", "zzz"], env=env, capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.stderr


def test_delete_also_erases_app_exports_of_that_reflection(home: Path, capsys) -> None:
    _seed(home, sample_reflection(A))
    exports = home / "exports"
    exports.mkdir()
    # What the app's export writer marks a file with (core/journal/exports.py).
    (exports / "casus.md").write_text(f"# Casus\n\n<!-- reflect-id: {A} -->\n")
    (exports / "ander.md").write_text("# Iets anders\n")
    code, out, _ = _run(capsys, "delete", A[:6], "--yes")
    assert code == 0
    assert "casus.md" in out and "ander.md" not in out
    assert not (exports / "casus.md").exists()  # no copy of the text stays in the data folder
    assert (exports / "ander.md").exists()


def test_import_from_stdin(home: Path, capsys, monkeypatch) -> None:
    data = json.dumps(
        {
            "format": "reflect-journal",
            "version": 1,
            "reflections": [json.loads(_dump(sample_reflection(A)))],
        }
    ).encode()

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, _ = _run(capsys, "import", "-")
    assert code == 0 and "1 nieuw" in out
    code, out, _ = _run(capsys, "list", "-n", "0")
    assert code == 0 and out == ""
