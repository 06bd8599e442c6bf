"""What a tester found in the shell (stop 10): each case failed before its fix."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.os_messages import os_reason


def reflect(*args: str, home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REFLECT_HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "reflect_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
    )


def _one(home: Path) -> None:
    with open_store(home) as store:
        store.add(sample_reflection(title="Bomen in de Lindelaan"))


def test_an_unknown_practice_id_is_an_error_naming_the_known_ones(tmp_path: Path) -> None:
    _one(tmp_path)
    result = reflect("list", "--practice", "relatiewerk", home=tmp_path)
    assert result.returncode == 2
    assert "onbekende werkpraktijk 'relatiewerk'" in result.stderr
    assert "Bedoel je 'relaties'?" in result.stderr
    assert "Geen reflecties" not in result.stdout


def test_unknown_barrier_in_search_is_refused_too(tmp_path: Path) -> None:
    _one(tmp_path)
    result = reflect("search", "bomen", "--barrier", "onzin", home=tmp_path)
    assert result.returncode == 2 and "onbekende belemmering 'onzin'" in result.stderr


def test_known_ids_still_filter(tmp_path: Path) -> None:
    _one(tmp_path)
    result = reflect("list", "--practice", "RELATIES", "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_a_missing_import_file_is_explained_in_dutch(tmp_path: Path) -> None:
    result = reflect("import", str(tmp_path / "bestaat-niet.json"), home=tmp_path)
    assert result.returncode == 1
    assert "bestaat niet" in result.stderr and "No such file" not in result.stderr


def test_counts_read_as_dutch(tmp_path: Path) -> None:
    _one(tmp_path)
    out = tmp_path / "uit.json"
    result = reflect("export", "-o", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 reflectie geëxporteerd" in result.stderr
    result = reflect("import", "-", home=tmp_path / "tweede", stdin=out.read_text("utf-8"))
    assert result.returncode == 0, result.stderr
    assert "Geïmporteerd uit standaardinvoer" in result.stdout


def test_status_help_offers_only_dutch_values(tmp_path: Path) -> None:
    result = reflect("list", "--help", home=tmp_path)
    assert "{concept,afgerond}" in result.stdout and "complete" not in result.stdout


def test_os_reasons_are_dutch_and_fall_back_to_the_system_text() -> None:
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == (
        "dat bestand of die map bestaat niet"
    )
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "de schijf is vol"
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link"
    )
