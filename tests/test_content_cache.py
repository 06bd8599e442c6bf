"""The validated-content cache: hits, misses, invalidation, corruption, privacy."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui.cli.main import main
from reflect_tui.core.content import cache
from reflect_tui.core.content.cache import (
    PendingContent,
    load_content_cached,
    prepare_content,
)
from reflect_tui.core.content.export import content_to_json
from reflect_tui.core.content.loader import load_content
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.paths import Locations, resolve_locations

TIP = """\
tips:
  - id: eigen-tip
    title: {title}
    text: Een tip van de organisatie.
    source: "Eigen"
    practices: [situatie]
"""


@pytest.fixture
def locations(isolated_home: Path) -> Locations:
    return resolve_locations(env={"REFLECT_HOME": str(isolated_home)})


def layer(folder: Path, title: str = "Eerste titel") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tips.yaml").write_text(TIP.format(title=title), encoding="utf-8")
    return folder


def bump_mtime(path: Path) -> None:
    """Make an edit visible even on a file system with coarse timestamps."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_miss_writes_a_private_cache_and_the_next_start_hits(
    locations: Locations, tmp_path: Path
) -> None:
    extra = [layer(tmp_path / "org")]
    first = prepare_content(locations, extra, env={})
    assert not isinstance(first, PendingContent)  # a miss loads at once
    path = locations.content_cache_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    second = prepare_content(locations, extra, env={})
    assert isinstance(second, PendingContent)
    cached = second.load()
    real = load_content(locations, extra, env={})
    assert cached.content == real.content
    assert content_to_json(cached.content) == content_to_json(real.content)
    assert cached.content.version == real.content.version
    assert cached.content.layers == real.content.layers
    assert cached.notices == real.notices
    assert cached.content.tip("eigen-tip").title == "Eerste titel"


def test_a_hit_imports_neither_yaml_nor_the_validator(locations: Locations) -> None:
    load_content_cached(locations, env={})  # writes the cache
    code = (
        "import sys\n"
        "from reflect_tui.core.paths import resolve_locations\n"
        "from reflect_tui.core.content.cache import load_content_cached\n"
        "result = load_content_cached(resolve_locations(), env={})\n"
        "assert result.content.tips\n"
        "heavy = ('yaml', 'reflect_tui.core.content.validate')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "REFLECT_HOME": str(locations.data_dir)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_an_edited_layer_file_is_read_again(locations: Locations, tmp_path: Path) -> None:
    org = layer(tmp_path / "org")
    load_content_cached(locations, [org], env={})
    layer(org, title="Tweede titel")
    bump_mtime(org / "tips.yaml")
    assert not isinstance(prepare_content(locations, [org], env={}), PendingContent)
    result = load_content_cached(locations, [org], env={})
    assert result.content.tip("eigen-tip").title == "Tweede titel"


def test_a_new_file_in_a_layer_is_read(locations: Locations, tmp_path: Path) -> None:
    org = layer(tmp_path / "org")
    load_content_cached(locations, [org], env={})
    (org / "more.yaml").write_text(
        TIP.replace("eigen-tip", "nog-een-tip").format(title="Nieuw"), encoding="utf-8"
    )
    result = load_content_cached(locations, [org], env={})
    assert result.content.tip("nog-een-tip").title == "Nieuw"


def test_another_layer_list_is_another_cache_entry(locations: Locations, tmp_path: Path) -> None:
    org = layer(tmp_path / "org")
    load_content_cached(locations, [org], env={})
    plain = load_content_cached(locations, [], env={})
    assert "eigen-tip" not in plain.content.by_id("tips")
    via_env = prepare_content(locations, [], env={"REFLECT_CONTENT_PATH": str(org)})
    assert not isinstance(via_env, PendingContent)
    assert "eigen-tip" in via_env.content.by_id("tips")


def test_notices_of_skipped_layers_come_from_the_cache_too(
    locations: Locations, tmp_path: Path
) -> None:
    missing = tmp_path / "nergens"
    broken = tmp_path / "kapot"
    broken.mkdir()
    (broken / "tips.yaml").write_text("tips: [", encoding="utf-8")
    first = load_content_cached(locations, [missing, broken], env={})
    assert len(first.notices) == 2
    again = prepare_content(locations, [missing, broken], env={})
    assert isinstance(again, PendingContent)
    assert again.load().notices == first.notices
    missing.mkdir()  # the folder appears: its notice must change
    notices = load_content_cached(locations, [missing, broken], env={}).notices
    assert not any("bestaat niet" in n for n in notices)
    assert any("geen .yaml-bestanden" in n for n in notices)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not a cache at all",
        b"\xff\xfe\x00binary",
        b"reflect-content-cache 1 []\n{}",
    ],
)
def test_a_corrupt_cache_is_a_silent_miss_and_is_rewritten(
    locations: Locations, garbage: bytes
) -> None:
    real = load_content_cached(locations, env={})
    locations.content_cache_path.write_bytes(garbage)
    result = load_content_cached(locations, env={})
    assert result.content == real.content
    assert isinstance(prepare_content(locations, env={}), PendingContent)  # rewritten


def test_a_cache_that_goes_bad_after_the_check_falls_back(locations: Locations) -> None:
    real = load_content_cached(locations, env={})
    pending = prepare_content(locations, env={})
    assert isinstance(pending, PendingContent)
    path = locations.content_cache_path
    header = path.read_bytes().split(b"\n", 1)[0]
    path.write_bytes(header + b"\n{truncated")  # header still matches, body is bad
    assert pending.load().content == real.content
    assert isinstance(prepare_content(locations, env={}), PendingContent)


def test_an_unwritable_cache_folder_only_costs_speed(
    locations: Locations, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(cache, "write_private_file", refuse)
    result = load_content_cached(locations, env={})
    assert result.content.tips
    assert not locations.content_cache_path.exists()


def test_a_broken_builtin_layer_still_fails_before_the_ui(
    locations: Locations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reflect_tui.core.content.loader as loader

    broken = tmp_path / "builtin"
    broken.mkdir()
    (broken / "tips.yaml").write_text("tips: [", encoding="utf-8")
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: broken)
    monkeypatch.setattr(cache, "builtin_content_dir", lambda: broken)
    with pytest.raises(ReflectError):
        prepare_content(locations, env={})
    assert not locations.content_cache_path.exists()


def test_content_check_never_reads_or_writes_the_cache(
    locations: Locations, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("content check used the cache")

    monkeypatch.setattr(cache, "read_cache", forbidden)
    monkeypatch.setattr(cache, "cache_matches", forbidden)
    monkeypatch.setattr(cache, "write_cache", forbidden)
    broken = tmp_path / "kapot"
    broken.mkdir()
    (broken / "tips.yaml").write_text("tips: [", encoding="utf-8")
    assert main(["content", "check", str(broken)]) != 0
    assert main(["content", "check"]) == 0
    assert not locations.content_cache_path.exists()
