"""The CLI's fast paths mean exactly what the slow ones do.

Plain ``reflect`` skips building the parser; a known command word builds
only its own module's subparsers; the journal commands import little.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui.cli import filters
from reflect_tui.cli.main import main, no_arguments
from reflect_tui.cli.parser import COMMAND_MODULES, build_parser, chosen_command


def test_no_arguments_equals_what_the_parser_gives() -> None:
    assert vars(no_arguments()) == vars(build_parser().parse_args([]))


# --- the one-command parser -----------------------------------------------------------------

FULL_PARSER_ONLY = {"content"}  # nested subcommands; not run from scripts in a loop


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_word_is_in_the_table_or_named_as_full_parser_only() -> None:
    """A new command must be added to ``COMMAND_MODULES`` (or it runs through the full parser)."""
    words = set(_subcommands(build_parser()))
    assert words - FULL_PARSER_ONLY == set(COMMAND_MODULES)


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_one_command_parser_reads_like_the_full_one(command: str) -> None:
    """Same options, defaults and help for the command as in the full parser."""
    full = _subcommands(build_parser())[command]
    lean = _subcommands(build_parser([command]))
    assert set(lean) <= set(_subcommands(build_parser()))
    assert lean[command].format_help() == full.format_help()

    def described(p: argparse.ArgumentParser) -> list[tuple[object, ...]]:
        return [
            (a.dest, a.option_strings, a.default, list(a.choices or ()), a.nargs)
            for a in p._actions
        ]

    assert described(lean[command]) == described(full)
    assert lean[command]._defaults == full._defaults


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "-n", "3", "--tag", "x", "--since", "1-3-2026"],
        ["--data-dir", "d", "search", "kap", "boom", "-n", "2", "--json"],
        ["--data-dir=d", "--content", "c", "--watch", "export", "--format", "md"],
        ["suggest"],
    ],
)
def test_one_command_parser_parses_like_the_full_one(argv: list[str]) -> None:
    lean, full = build_parser(argv).parse_args(argv), build_parser().parse_args(argv)
    assert vars(lean) == vars(full)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["list"], "list"),
        (["--data-dir", "x", "list"], "list"),
        (["--data-dir=x", "--watch", "search", "y"], "search"),
        (["--content", "c", "--content=d", "export"], "export"),
        (["--data", "x", "list"], None),  # an abbreviation: argparse's to expand
        (["--help"], None),
        (["--version"], None),
        (["content", "check"], None),
        (["lijst"], None),
        (["--data-dir"], None),
        ([], None),
    ],
)
def test_chosen_command(argv: list[str], word: str | None) -> None:
    assert chosen_command(argv) == word


def test_unknown_command_still_lists_every_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lijst"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'lijst'" in err and "suggest" in err and "content" in err


def test_filter_dests_are_the_filter_options() -> None:
    """``filters.any_given`` must know every filter option, or a filter would be ignored."""
    parser = argparse.ArgumentParser()
    filters.add_filter_args(parser)
    dests = {a.dest for a in parser._actions} - {"help"}
    assert dests == set(filters.FILTER_DESTS)


# --- what the scripted commands import -----------------------------------------------------

# Modules the journal commands do not need; each was imported by them once,
# at a cost measured in benchmarks/bench_scale.py (see cli/parser.py).
HEAVY = (
    "textual",
    "rich",
    "yaml",
    "platformdirs",
    "simplemma",
    "snowballstemmer",  # the package imports every language; search loads only Dutch
    "_reflect_tui_snowball",  # the pure-Python Dutch stemmer: ~9 M instructions of a search
    "unicodedata",  # text_analysis.fold needs it beyond ASCII only
    "contextlib",  # ~2.5 M instructions; reads go through store._Guard (export's snapshot uses it)
    "dataclasses",
    "inspect",
    "shutil",
    "threading",  # the stores' locks come from _thread (core/journal/store.py)
    "typing",  # ~10 % of a 'reflect list' process; see core/lean_typing.py
    "pathlib",  # with urllib.parse and ipaddress ~17 % of a 'reflect list'; core/paths.py
    "urllib",
    "importlib",  # its util ~5 M instructions of a search; lemma_table.find_spec
    "uuid",
    "hashlib",
    "json",
    "reflect_tui.core.content",
    "reflect_tui.core.coach",
    "reflect_tui.core.journal.model",
    "reflect_tui.core.journal.query",
    "reflect_tui.core.journal.backup",  # only when today's snapshot is still to be made
    "reflect_tui.core.journal.fts",  # index upkeep: writes and delete only
    "reflect_tui.core.journal.kept_matches",  # the app's counted searches only
    "reflect_tui.core.journal.keyfile",  # only for an encrypted journal
    "reflect_tui.cli.coach_cmd",
    "reflect_tui.cli.content_cmd",
)

_CHECK_IMPORTS = """
import sys
from reflect_tui.cli.main import main
heavy = {heavy!r}
assert main({argv!r}) == 0
print(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy
             or any(m.startswith(h + ".") for h in heavy)))
"""


@pytest.mark.slow  # fresh interpreters (cf. test_core_no_textual)
@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["list"], set()),
        (["list", "-n", "10"], set()),
        (["search", "kapvergunning"], set()),
        # The field table's copy: no model. The read snapshot is a contextlib one.
        (["export", "--format", "json"], {"contextlib"}),
    ],
)
def test_list_search_export_import_nothing_heavy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], allowed: set[str]
) -> None:
    """The speed of ``reflect list``/``search`` is mostly what they import; keep it small."""
    from journal_fixtures.helpers import open_store, sample_reflection

    from reflect_tui.core import lemma_table

    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    with open_store(home) as store:
        store.import_reflections([sample_reflection()])
    assert main(["list"]) == 0  # the day's first open makes the daily snapshot
    env = {**os.environ, "REFLECT_HOME": str(home)}
    env.pop("PYTHONSTARTUP", None)
    lemma_table.open_lemma_table()  # the per-machine table a first search builds
    code = _CHECK_IMPORTS.format(heavy=tuple(set(HEAVY) - allowed), argv=argv)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow  # fresh interpreters
@pytest.mark.parametrize("argv", [["list", "-n", "10"], ["search", "kapvergunning"], ["export"]])
def test_without_reflect_home_the_journal_is_found_without_platformdirs(
    tmp_path: Path, argv: list[str]
) -> None:
    """Most users set no REFLECT_HOME: the XDG folders come from ``paths.user_folders``."""
    from journal_fixtures.helpers import open_store, sample_reflection

    home = tmp_path / "user"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REFLECT_", "XDG_"))}
    env.pop("PYTHONSTARTUP", None)
    env["HOME"] = str(home)
    data = home / ".local" / "share" / "reflect-tui"
    with open_store(data) as store:
        store.import_reflections([sample_reflection()])
    # The day's snapshot, and the per-machine lemma table a first search builds.
    code = "from reflect_tui.cli.main import main; main(['search', 'boom'])"
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    heavy = tuple(h for h in HEAVY if not (argv[0] == "export" and h == "contextlib"))
    code = _CHECK_IMPORTS.format(heavy=heavy, argv=argv)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (data / "backups").is_dir()  # it was this journal that was opened


@pytest.mark.slow  # a fresh interpreter
def test_the_import_writer_leaves_the_reader_modules_to_its_helper(tmp_path: Path) -> None:
    """``reflect import FILE``: the helper process reads and checks the file; the writer
    (this process) never imports the row builder, the model or ``dataclasses``."""
    from journal_fixtures.helpers import sample_reflection

    from reflect_tui.core.journal.interchange import dump_journal

    source = tmp_path / "in.json"
    source.write_text(dump_journal([sample_reflection(f"id-{n}") for n in range(300)]))
    reader = (
        "dataclasses",
        "inspect",
        "reflect_tui.core.journal.model",
        "reflect_tui.core.journal.fields",
        "reflect_tui.core.journal.import_rows",
        "reflect_tui.core.journal.interchange",
        "reflect_tui.core.journal.records",
    )
    code = _CHECK_IMPORTS.format(heavy=reader, argv=["import", str(source)])
    env = {**os.environ, "REFLECT_HOME": str(tmp_path / "home")}
    env.pop("PYTHONSTARTUP", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "300 nieuw" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


# --- the scripted commands without argparse (cli/quick_args.py) ----------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "-n", "10"],
        ["list", "--json", "-n", "0"],
        ["--data-dir", "d", "list", "-n", "3"],
        ["--data-dir=d", "--content", "c", "--content=e", "--watch", "list"],
        ["search", "kap"],
        ["search", "kap", "boom", "-n", "2", "--json"],
        ["search", "-n", "7", "kap", "boom"],
        ["search", "--json", "kap"],
        ["export"],
        ["export", "--format", "md"],
        ["export", "-o", "uit.json", "--format", "json"],
        ["export", "--output", "uit.md", "--format", "md"],
        ["suggest"],
        ["suggest", "--json"],
    ],
)
def test_quick_args_give_what_the_parser_gives(argv: list[str]) -> None:
    from reflect_tui.cli.quick_args import quick_args

    quick = quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["list", "--help"],
        ["list", "-n"],
        ["list", "-n", "x"],
        ["list", "-n", "-1"],
        ["list", "-n10"],
        ["list", "woord"],
        ["list", "--tag", "x"],
        ["list", "--js"],
        ["search"],
        ["search", "-n", "2"],
        ["search", "kap", "-n", "2", "boom"],
        ["search", "--", "-kap"],
        ["search", "kap", "--since", "1-3-2026"],
        ["export", "--format", "csv"],
        ["export", "-o", "-"],
        ["export", "-o"],
        ["export", "--format=json"],
        ["suggest", "x"],
        ["--data-dir", "list"],
        ["--data-dir"],
        ["--data", "x", "list"],
        ["show", "abc"],
        ["lijst"],
    ],
)
def test_quick_args_leave_everything_else_to_the_parser(argv: list[str]) -> None:
    """Unusual forms, errors and help go through argparse, so they read as before."""
    from reflect_tui.cli.quick_args import quick_args

    assert quick_args(argv) is None


def test_quick_args_know_every_filter_option() -> None:
    from reflect_tui.cli import quick_args

    assert quick_args._FILTERS == filters.FILTER_DESTS


_NO_COMPILE = """
import builtins, sys
real = builtins.compile
def refuse(source, *args, **kwargs):
    if isinstance(source, str):  # bytes: the import system compiling a module without .pyc
        raise AssertionError(f"compile() called on {{source[:60]!r}}")
    return real(source, *args, **kwargs)
builtins.compile = refuse
from reflect_tui.cli.main import main
assert main({argv!r}) == 0
"""


@pytest.mark.slow  # fresh interpreters
@pytest.mark.parametrize(
    "argv",
    [["list", "-n", "10"], ["search", "kapvergunning"], ["export", "--format", "json"]],
)
def test_scripted_commands_never_call_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """The compile() builtin's first call sets up every AST type (~9 M instructions).

    A NamedTuple in a module with ``from __future__ import annotations`` makes
    typing call it for each field (see ``core/paths.py``); so does compiling
    generated code. ``eval``/``exec`` of a string do not.
    """
    from journal_fixtures.helpers import open_store, sample_reflection

    from reflect_tui.core import lemma_table

    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    with open_store(home) as store:
        store.import_reflections([sample_reflection()])
    lemma_table.open_lemma_table()
    env = {**os.environ, "REFLECT_HOME": str(home)}
    env.pop("PYTHONSTARTUP", None)
    result = subprocess.run(
        [sys.executable, "-c", _NO_COMPILE.format(argv=argv)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


# --- how the console script ends (cli/main.run) ---------------------------------------------


class _Exited(Exception):
    """Raised by the stand-in for ``os._exit``."""


def _run_entry(
    monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> tuple[str, int | str | None, bool]:
    """Run ``main.run`` with ``argv``; how it ended, its code, and whether gc was on."""
    import gc

    from reflect_tui.cli import main as cli_main

    seen: dict[str, object] = {}

    def fake_exit(code: int) -> None:
        seen["gc"] = gc.isenabled()
        raise _Exited(code)

    monkeypatch.setattr(sys, "argv", ["reflect", *argv])
    monkeypatch.setattr(os, "_exit", fake_exit)
    try:
        cli_main.run()
    except _Exited as done:
        return "os._exit", done.args[0], bool(seen["gc"])
    except SystemExit as done:
        return "sys.exit", done.code, gc.isenabled()
    finally:
        gc.enable()
    raise AssertionError("run() returned")


@pytest.mark.parametrize(
    "argv", [["list"], ["list", "-n", "2"], ["search", "kapvergunning"], ["export"]]
)
def test_scripted_read_commands_skip_the_collector_and_the_teardown(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    """They end through ``os._exit`` with their output flushed, and ran without the collector."""
    from journal_fixtures.helpers import open_store, sample_reflection

    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    with open_store(home) as store:
        store.import_reflections([sample_reflection()])
    capsys.readouterr()
    assert _run_entry(monkeypatch, argv) == ("os._exit", 0, False)
    assert capsys.readouterr().out  # printed before the exit


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--version"], 0),
        (["list", "--tag", "x"], 0),  # a filter: through argparse, an ordinary end
        (["lijst"], 2),
        (["show", "onbekend"], 1),
    ],
)
def test_every_other_command_runs_with_the_collector_and_ends_normally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], code: int
) -> None:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    assert _run_entry(monkeypatch, argv) == ("sys.exit", code, True)


def test_a_failing_lean_command_keeps_its_exit_code_and_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "journal.sqlite3").write_bytes(b"dit is geen database" * 10)
    monkeypatch.setenv("REFLECT_HOME", str(home))
    how, code, _ = _run_entry(monkeypatch, ["list"])
    assert (how, code != 0) == ("os._exit", True)
    err = capsys.readouterr().err
    assert err.startswith("reflect: ") and err.count("\n") == 1 and "Traceback" not in err


def test_the_exports_string_encoder_is_jsons_own() -> None:
    """``codec.json_string`` skips importing the json package, never its encoding."""
    from json.encoder import encode_basestring

    from reflect_tui.core.journal.codec import json_string

    assert json_string is encode_basestring
    assert json_string('a"\\\n\x01é😀') == encode_basestring('a"\\\n\x01é😀')
