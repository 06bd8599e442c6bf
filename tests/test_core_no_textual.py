"""The core and the non-UI commands never import Textual.

Why a subprocess: the test session itself has Textual loaded (TUI tests),
so only a fresh interpreter can tell what an import really pulls in.
Modules are found by walking the packages, so new modules are covered
without editing this test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_IMPORT_ALL = """
import importlib, json, pkgutil, sys
import reflect_tui.core, reflect_tui.cli
names = []
for package in (reflect_tui.core, reflect_tui.cli):
    names.append(package.__name__)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        names.append(info.name)
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"modules": names, "textual": loaded}))
"""


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONSTARTUP", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_core_and_cli_module_imports_without_textual() -> None:
    result = _run(["-c", _IMPORT_ALL])
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "reflect_tui.core.content.loader" in report["modules"]
    assert "reflect_tui.cli.main" in report["modules"]
    assert report["textual"] == []


def test_content_check_command_does_not_import_textual() -> None:
    result = _run(["-X", "importtime", "-m", "reflect_tui", "content", "check"])
    assert result.returncode == 0, result.stderr
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert "reflect_tui.core.content.loader" in imported
    assert not [m for m in imported if m == "textual" or m.startswith("textual.")]


def test_content_show_json_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from reflect_tui.cli.main import main\n"
        "rc = main(['content', 'show', '--json'])\n"
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', rc, file=sys.stderr)\n"
    )
    result = _run(["-c", code])
    assert result.stderr.strip().splitlines()[-1] == "CLEAN 0"
