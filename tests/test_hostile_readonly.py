"""Issue 18 defects 13 and 14: read-only journals, damaged files, full disks.

13: on a read-only file system even ``list`` and ``export`` failed, so a
read-only backup could not be read; a 0500 data folder was silently made
0700 and written to. 14 (part): a corrupt page in the middle of the file
was not noticed and ``import`` wrote into the damaged file. 8 (real disk):
``export > file`` on a full tmpfs exited 0 with half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.main import main


def _files(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    with open_store(home) as store:
        store.import_reflections([sample_reflection(f"r-{i}") for i in range(3)])
    # As a user would leave it: the daily backup made, the journal closed.
    assert main(["list"]) == 0
    return home


def test_a_read_only_data_folder_is_read_but_never_changed(home: Path, capsys) -> None:
    capsys.readouterr()
    home.chmod(0o500)
    try:
        before = _files(home)
        assert main(["list"]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 3
        assert main(["export"]) == 0
        assert len(json.loads(capsys.readouterr().out)["reflections"]) == 3
        assert main(["show", "r-1", "--format", "json"]) == 0
        assert main(["search", "kapvergunning"]) == 0
        capsys.readouterr()
        source = home.parent / "in.json"
        source.write_text(
            json.dumps({"format": "reflect-journal", "version": 1, "reflections": []})
        )
        assert main(["import", str(source)]) == 1
        assert "alleen-lezen" in capsys.readouterr().err
        assert stat.S_IMODE(home.stat().st_mode) == 0o500  # not silently made 0700
        assert _files(home) == before  # not one byte written, no -wal/-shm made
    finally:
        home.chmod(0o700)


@contextlib.contextmanager
def _mounted(target: Path, options: str) -> Iterator[None]:
    target.mkdir(parents=True, exist_ok=True)
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root in a container or VM)")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@pytest.mark.slow  # not in the quick loop: mounts and CLI subprocesses (~2 s)
def test_list_and_export_work_on_a_read_only_file_system(home: Path, tmp_path: Path) -> None:
    mount = tmp_path / "ro"
    with _mounted(mount, "size=8m"):
        for path in home.iterdir():
            if path.is_file():
                (mount / path.name).write_bytes(path.read_bytes())
        (mount / "journal.sqlite3").chmod(0o600)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        env = {**os.environ, "REFLECT_HOME": str(mount)}
        for argv in (["list"], ["export"], ["export", "--format", "md"], ["stats"]):
            result = subprocess.run(
                [sys.executable, "-m", "reflect_tui", *argv],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 0, (argv, result.stderr)
        assert (
            len(
                json.loads(
                    subprocess.run(
                        [sys.executable, "-m", "reflect_tui", "export"],
                        env=env,
                        capture_output=True,
                        text=True,
                        timeout=60,
                    ).stdout
                )["reflections"]
            )
            == 3
        )


@pytest.mark.slow  # not in the quick loop: tmpfs mount + CLI subprocess (~1 s)
def test_export_to_a_full_tmpfs_fails_loudly(home: Path, tmp_path: Path) -> None:
    with open_store(home) as store:
        store.import_reflections(
            [sample_reflection(f"groot-{i}", notes="x" * 2000) for i in range(60)]
        )
    mount = tmp_path / "full"
    with _mounted(mount, "size=40k"):
        env = {**os.environ, "REFLECT_HOME": str(home)}
        with open(mount / "backup.json", "w") as out:
            result = subprocess.run(
                [sys.executable, "-m", "reflect_tui", "export"],
                env=env,
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        assert result.returncode != 0
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
        result = subprocess.run(
            [sys.executable, "-m", "reflect_tui", "export", "-o", str(mount / "b2.json")],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert not (mount / "b2.json").exists()  # no half file under the final name


def test_import_refuses_a_file_with_a_damaged_page_and_leaves_it_alone(
    home: Path, tmp_path: Path, capsys
) -> None:
    with open_store(home) as store:
        store.import_reflections(
            [sample_reflection(f"veel-{i:04d}", notes=f"notitie {i} " * 40) for i in range(400)]
        )
    journal = home / "journal.sqlite3"
    page_size = int.from_bytes(journal.read_bytes()[16:18], "big")
    pages = journal.stat().st_size // page_size
    with journal.open("r+b") as handle:  # garbage over one page in the middle
        handle.seek((pages // 2) * page_size)
        handle.write(b"\xa5" * page_size)
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "format": "reflect-journal",
                "version": 1,
                "reflections": [
                    {
                        "id": "nieuw-1",
                        "title": "t",
                        "occurred_on": "2026-02-27",
                        "created_at": "2026-02-27T19:00:00+00:00",
                        "updated_at": "2026-02-27T21:30:00+00:00",
                        "status": "complete",
                    }
                ],
            }
        )
    )
    capsys.readouterr()
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "beschadigd" in err and err.count("\n") == 1
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == before
