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
