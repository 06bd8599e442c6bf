"""Paths: override order, privacy modes, no side effects."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reflect_tui.core import paths


def test_reflect_home_moves_data_and_config(tmp_path: Path) -> None:
    loc = paths.resolve_locations(env={"REFLECT_HOME": str(tmp_path / "h")})
    assert loc.data_dir == tmp_path / "h"
    assert loc.config_dir == tmp_path / "h" / "config"
    assert loc.journal_path == tmp_path / "h" / paths.JOURNAL_FILENAME
    assert loc.user_content_dir == tmp_path / "h" / "config" / "content"


def test_data_dir_option_beats_reflect_home(tmp_path: Path) -> None:
    loc = paths.resolve_locations(tmp_path / "d", env={"REFLECT_HOME": str(tmp_path / "h")})
    assert loc.data_dir == tmp_path / "d"
    assert loc.config_dir == tmp_path / "h" / "config"


def test_platform_default_without_overrides() -> None:
    loc = paths.resolve_locations(env={})
    assert "reflect-tui" in str(loc.data_dir)
    assert "reflect-tui" in str(loc.config_dir)


def test_resolving_creates_nothing(tmp_path: Path) -> None:
    paths.resolve_locations(env={"REFLECT_HOME": str(tmp_path / "nothing")})
    assert not (tmp_path / "nothing").exists()


def test_content_layer_order(tmp_path: Path) -> None:
    home = tmp_path / "h"
    org_a, org_b, cli = tmp_path / "org-a", tmp_path / "org-b", tmp_path / "cli"
    env = {"REFLECT_HOME": str(home), "REFLECT_CONTENT_PATH": f"{org_a}{os.pathsep}{org_b}"}
    loc = paths.resolve_locations(env=env)
    assert paths.content_layer_dirs(loc, [cli], env=env) == [org_a, org_b, cli]
    loc.user_content_dir.mkdir(parents=True)
    assert paths.content_layer_dirs(loc, [cli], env=env) == [
        org_a,
        org_b,
        loc.user_content_dir,
        cli,
    ]


def test_builtin_content_dir_has_yaml() -> None:
    assert any(paths.builtin_content_dir().glob("*.yaml"))


@pytest.fixture
def loose_umask() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("loose_umask")
def test_private_dir_and_files(tmp_path: Path) -> None:
    folder = paths.ensure_private_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    created = folder / "x.db"
    paths.create_private_file(created)
    assert stat.S_IMODE(created.stat().st_mode) == 0o600
    written = folder / "export.json"
    paths.write_private_file(written, b"{}")
    assert written.read_bytes() == b"{}"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.usefixtures("loose_umask")
def test_ensure_private_dir_tightens_existing(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    paths.ensure_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# The scripted read commands get their paths as strings (no pathlib): the same rule.
_SPELLINGS = ["rel/dir", "rel/dir/", "./a//b/./c", "~/x", "/abs/../y", "met spatie/é"]


@pytest.mark.parametrize("given", _SPELLINGS)
def test_the_string_paths_are_the_locations_paths(
    given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for env in ({"REFLECT_HOME": given}, {"REFLECT_HOME": str(tmp_path / "h")}, {}):
        for data_dir in (None, given):
            loc = paths.resolve_locations(data_dir, env=env)
            journal = paths.journal_file(data_dir, env=env)
            assert Path(journal) == loc.journal_path
            assert os.path.isabs(journal)
            assert Path(paths.backups_folder(journal)) == loc.backups_dir
            assert paths.backups_dir_beside(journal) == loc.backups_dir
            folders = paths.resolve_folders(data_dir, env=env)
            assert tuple(Path(f) for f in folders) == (
                loc.data_dir,
                loc.config_dir,
                loc.cache_dir,
            )


@pytest.mark.parametrize("given", ["j.sqlite3", "a b/j.sqlite3", "x%y/#?&=é😀/j", "../up/j"])
def test_file_uri_is_pathlibs(given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reflect_tui.core.journal.connection import file_uri

    monkeypatch.chdir(tmp_path)
    assert file_uri(given) == Path(given).absolute().as_uri()
    assert file_uri(tmp_path / given) == (tmp_path / given).as_uri()


def test_daily_backup_due_and_can_write_beside_take_strings(tmp_path: Path) -> None:
    from datetime import date

    journal = tmp_path / "journal.sqlite3"
    backups = tmp_path / "backups"
    today = date(2026, 12, 2)
    assert not paths.daily_backup_due(str(journal), str(backups), today)  # no journal yet
    journal.write_bytes(b"")
    assert paths.daily_backup_due(str(journal), str(backups), today)
    assert paths.daily_backup_due(journal, backups, today)
    backups.mkdir()
    paths.daily_backup_path(backups, today).write_bytes(b"")
    assert not paths.daily_backup_due(str(journal), str(backups), today)
    assert paths.can_write_beside(str(journal)) == paths.can_write_beside(journal)
    assert paths.can_write_beside("journal-here.sqlite3") == paths.can_write_beside(
        Path("journal-here.sqlite3")
    )


_XDG_CASES = [
    {},
    {"XDG_DATA_HOME": "/srv/data"},
    {"XDG_DATA_HOME": "/srv/data/", "XDG_CONFIG_HOME": "/etc/x", "XDG_CACHE_HOME": "/var/c"},
    {"XDG_DATA_HOME": "", "XDG_CACHE_HOME": ""},
    {"XDG_DATA_HOME": "relatief"},  # asks platformdirs (its releases differ here)
    {"HOME": "/home/anne/"},
    {"HOME": "relatief"},
]


@pytest.mark.parametrize("variables", _XDG_CASES)
def test_user_folders_are_platformdirs_own(
    variables: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    try:
        expected: tuple[str, str, str] | None = (
            platformdirs.user_data_dir(paths.APP_NAME, appauthor=False),
            platformdirs.user_config_dir(paths.APP_NAME, appauthor=False),
            platformdirs.user_cache_dir(paths.APP_NAME, appauthor=False),
        )
    except RuntimeError:  # a platformdirs that refuses a relative HOME
        expected = None
    if expected is None:
        with pytest.raises(RuntimeError):
            paths.user_folders()
    else:
        assert paths.user_folders() == expected
