"""``reflect import FILE`` takes the scripted commands' fast path: no argparse, no
collector, ``os._exit`` after the journal is closed; anything unusual is argparse's."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.parser import build_parser
from reflect_tui.cli.quick_args import quick_args
from reflect_tui.core.journal.interchange import dump_journal


@pytest.mark.parametrize(
    "argv", [["import", "in.json"], ["--data-dir", "d", "import", "/tmp/x y.json"]]
)
def test_quick_args_read_import_as_the_parser_does(argv: list[str]) -> None:
    quick = quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["import"],
        ["import", "-"],  # standard input: a passphrase may come first, argparse reads it
        ["import", "--help"],
        ["import", "a.json", "b.json"],
        ["import", "--", "-raar.json"],
    ],
)
def test_unusual_imports_are_left_to_the_parser(argv: list[str]) -> None:
    assert quick_args(argv) is None


class _Exited(Exception):
    """Raised by the stand-in for ``os._exit``."""


def test_an_import_ends_through_os_exit_after_writing_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reflect_tui.cli import main as cli_main

    source = tmp_path / "in.json"
    source.write_text(dump_journal([sample_reflection(f"id-{i}") for i in range(30)]), "utf-8")
    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    seen: dict[str, object] = {}

    def fake_exit(code: int) -> None:
        seen["gc"] = gc.isenabled()
        raise _Exited(code)

    def no_fork() -> int:  # read in this process: a forked helper would meet fake_exit too
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(sys, "argv", ["reflect", "import", str(source)])
    monkeypatch.setattr(os, "_exit", fake_exit)
    monkeypatch.setattr(os, "fork", no_fork)
    try:
        with pytest.raises(_Exited) as done:
            cli_main.run()
    finally:
        gc.enable()
    assert (done.value.args[0], seen["gc"]) == (0, False)
    assert "30 nieuw" in capsys.readouterr().out  # printed before the exit
    with open_store(home) as store:
        assert store.count() == 30
