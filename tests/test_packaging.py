"""The wheel carries the built-in content, so a non-editable install works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # not in the quick loop: builds a wheel with pip in a subprocess (~2 s)
def test_wheel_contains_builtin_content(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("reflect_tui-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "content").glob("*.yaml")}
    assert shipped, "content/ has no YAML files"
    for name in shipped:
        assert f"reflect_tui/_builtin_content/{name}" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    tcss = {str(p.relative_to(ROOT)) for p in (ROOT / "reflect_tui").rglob("*.tcss")}
    assert tcss <= names
    # The pseudonymiser's word list is read at run time from the package.
    assert "reflect_tui/core/privacy/dutch_words.txt" in names
