"""Issue 18 defect 4 and target "0 raw control characters in any CLI output on a pty".

Every CLI command (found from the parser, so a new one is covered too) runs
on a real pseudo-terminal against a journal and a content layer full of
escape codes, bidi overrides and C1 controls; the bytes the terminal would
receive may hold no control character but CR, LF and tab, and no bidi
override. Commands that open the terminal UI on purpose (plain ``reflect``,
``content preview``) are left out: drawing is what they are for.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.parser import build_parser
from reflect_tui.core.journal.model import Answer

pytestmark = pytest.mark.slow

EVIL_ID = "\x1b[2J\x1b]0;pwned\x07"
EVIL = "\x1b[31mrood\x1b[0m \u202egnirts \x9b6n \x07 \r overschreven"
# Raw bytes a terminal acts on: C0 but tab/LF/CR, DEL, C1 (UTF-8 c2 80-9f),
# bidi embeddings/overrides/isolates (e2 80 aa-ae, e2 81 a6-a9).
_RAW = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)
UI_COMMANDS = {("content", "preview"), ("intervisie",)}


def _on_pty(argv: list[str], env: dict[str, str], answer: bytes = b"") -> bytes:
    """Run ``reflect ARGV`` with stdin/stdout/stderr on one pty; the bytes it wrote."""
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reflect_tui", *argv],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    if answer:
        os.write(master, answer)
    out = bytearray()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    proc.kill()
    proc.wait()
    os.close(master)
    return bytes(out)


def _commands() -> list[tuple[str, ...]]:
    """Every (sub)command path of the parser."""
    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    nested = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
                    if nested:
                        walk(sub, (*prefix, name))
                    else:
                        found.append((*prefix, name))

    walk(build_parser(), ())
    return found


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    base = tmp_path_factory.mktemp("pty")
    home = base / "home"
    evil = sample_reflection(EVIL_ID, title=f"Titel {EVIL}", insight=EVIL, notes=EVIL)
    evil.answers = [*evil.answers, Answer("situatie", "luisteren", EVIL, EVIL)]
    with open_store(home) as store:
        store.import_reflections([evil, sample_reflection("gewoon-1", tags=[EVIL])])
    layer = base / "org"
    layer.mkdir()
    (layer / "tips.yaml").write_text(
        'tips:\n  - id: boze-tip\n    title: "Tip \\e[31m \\u202e \\x9b"\n'
        '    text: "Tekst \\e]0;titel\\a met bomen"\n    source: "\\e[2J"\n',
        encoding="utf-8",
    )
    bad = base / "kapot"  # a layer with errors that quote escape codes
    bad.mkdir()
    (bad / "tips.yaml").write_text(
        'tips:\n  - id: "Fout\\e[2J"\n    title: "\\e]0;x\\a"\n', encoding="utf-8"
    )
    (base / "import.json").write_text(
        '{"format": "reflect-journal", "version": 1, "reflections": '
        '[{"id": "\\u001b[2J", "title": "\\u009b", "status": "x"}]}'
    )
    (base / "tekst.txt").write_text(f"Mevrouw Jansen belde {EVIL}\n")
    env = {
        **os.environ,
        "REFLECT_HOME": str(home),
        "REFLECT_CONTENT_PATH": str(layer),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
    }
    return env, base


def _argv_for(command: tuple[str, ...], base: Path) -> list[list[str]]:
    """Realistic invocations of one command, with hostile arguments where it takes any."""
    evil_file = str(base / f"uit{EVIL_ID}.json")
    special: dict[tuple[str, ...], list[list[str]]] = {
        ("list",): [["list"], ["list", "--json"]],
        ("show",): [["show", EVIL_ID], ["show", EVIL_ID, "--format", "json"], ["show", "\xff"]],
        ("search",): [["search", "rood"], ["search", "--json", "rood"], ["search", EVIL]],
        ("export",): [["export"], ["export", "--format", "md"], ["export", "-o", evil_file]],
        ("import",): [["import", str(base / "import.json")], ["import", evil_file + "x"]],
        ("delete",): [["delete", "gewoon"], ["delete", EVIL_ID, "--yes"]],
        ("coach",): [["coach", "--text", EVIL], ["coach", "--text", "bomen", "--json"]],
        ("suggest",): [["suggest"], ["suggest", "--json"]],
        ("content", "check"): [["content", "check"], ["content", "check", str(base / "kapot")]],
        ("content", "show"): [["content", "show"], ["content", "show", "--json"]],
        ("anonimiseer",): [["anonimiseer", str(base / "tekst.txt")]],
        ("restore",): [["restore", evil_file]],
        ("org", "report"): [["org", "report", str(base)]],
        ("content", "init"): [["content", "init", str(base / f"init{EVIL_ID}")]],
        ("share",): [["share", "-o", evil_file + ".share"]],
    }
    return [*special.get(command, [list(command)]), [*command, "--help"]]


def test_every_cli_command_keeps_raw_control_characters_off_the_terminal(world) -> None:
    env, base = world
    commands = [c for c in _commands() if c not in UI_COMMANDS]
    assert ("list",) in commands and ("content", "check") in commands
    offenders = []
    seen: dict[tuple[str, ...], bytes] = {}
    for command in commands:
        for argv in _argv_for(command, base):
            out = _on_pty(argv, env, answer=b"n\n")
            seen[tuple(argv)] = out
            assert b"Traceback" not in out, (argv, out[-400:])
            bad = _RAW.search(out)
            if bad:
                offenders.append((argv, out[max(0, bad.start() - 40) : bad.end() + 20]))
    assert offenders == []
    # The hostile layer was valid and used: its tip was printed, cleaned.
    assert b"boze-tip" in seen[("content", "show")]
