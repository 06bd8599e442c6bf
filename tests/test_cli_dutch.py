"""argparse's own words (usage errors, help headings) reach the user in Dutch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def reflect(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REFLECT_HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "reflect_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (("show",), "dit ontbreekt nog: ID", "the following arguments are required"),
        (("bogus",), "ongeldige keuze: 'bogus'", "invalid choice"),
        (("list", "--nonsense"), "onbekende argumenten: --nonsense", "unrecognized"),
    ],
)
def test_usage_errors_are_one_dutch_line(
    tmp_path: Path, args: tuple[str, ...], dutch: str, english: str
) -> None:
    result = reflect(*args, home=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("reflect: ")
    assert dutch in lines[0]
    assert english not in lines[0]


def test_help_headings_are_dutch(tmp_path: Path) -> None:
    result = reflect("--help", home=tmp_path)
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("gebruik: reflect")
    for word in ("argumenten:", "opties:", "toon deze hulp en stop", "toon het versienummer"):
        assert word in out
    for word in ("usage:", "positional arguments", "show this help", "show program's"):
        assert word not in out
