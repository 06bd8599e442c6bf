"""Layered loading: overrides, switches, skipped layers and the built-in floor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reflect_tui.core.content.loader as loader
from reflect_tui.core.content.loader import check_paths, load_builtin, load_content
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.paths import Locations, resolve_locations

FIXTURES = Path(__file__).parent / "content_fixtures"
BASE = FIXTURES / "base"


@pytest.fixture(autouse=True)
def fixture_builtin(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: BASE)
    return BASE


@pytest.fixture
def locations(isolated_home: Path) -> Locations:
    return resolve_locations(env={"REFLECT_HOME": str(isolated_home)})


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_alone(locations: Locations) -> None:
    result = load_content(locations, env={})
    assert result.notices == ()
    content = result.content
    assert [p.id for p in content.practices][:2] == ["situatie", "relaties"]
    assert content.principle("open").anchors[5] == "Ik liet me echt verrassen."
    assert content.prompts_for("luisteren", "situatie")[0].id == "situatie-luisteren-1"
    assert content.prompts_for("closing")[0].practice is None
    assert len(content.version) == 12
    assert content.layers == (str(BASE.absolute()),)
    assert load_builtin() == content


def test_layer_adds_replaces_and_disables(locations: Locations) -> None:
    result = load_content(locations, extra=[FIXTURES / "org"], env={})
    assert result.notices == ()
    tips = {t.id: t for t in result.content.tips}
    assert set(tips) == {"ga-erheen", "bel-eerst"}
    assert tips["ga-erheen"].title == "Ga er samen heen"
    assert tips["ga-erheen"].barriers == ()  # replaced whole, not merged field by field
    assert [t.id for t in result.content.tips] == ["ga-erheen", "bel-eerst"]  # keeps its place
    assert len(result.content.layers) == 2


def test_version_changes_with_a_layer(locations: Locations) -> None:
    plain = load_content(locations, env={}).content.version
    layered = load_content(locations, extra=[FIXTURES / "org"], env={}).content.version
    assert plain != layered
    assert load_content(locations, env={}).content.version == plain


def test_broken_layer_is_skipped_with_a_notice(locations: Locations) -> None:
    result = load_content(locations, extra=[FIXTURES / "broken", FIXTURES / "org"], env={})
    assert result.notices == (
        loader.LAYER_SKIPPED.format(
            folder=loader.display_path(FIXTURES / "broken"),
            fallback=loader.FALLBACK_REST,
            command=FIXTURES / "broken",
        ),
    )
    # The layers around it still load.
    assert "bel-eerst" in {t.id for t in result.content.tips}
    assert "kapot" not in {t.id for t in result.content.tips}


def test_a_skipped_layer_is_one_plain_line_for_the_user(locations: Locations) -> None:
    """Reproduction: the app showed 'inhoudslaag ... overgeslagen: ...tips.yaml:17:17:
    tips.wijkstad-wijkagenda.practices[0]: onbekende werkpraktijk ...' to end users."""
    result = load_content(locations, extra=[FIXTURES / "broken"], env={})
    (notice,) = result.notices
    assert "kon niet worden geladen; reflect gebruikt de ingebouwde inhoud." in notice
    assert "trainer of beheerder" in notice
    assert f"'reflect content check {FIXTURES / 'broken'}'" in notice
    assert "tips.yaml:" not in notice and "tips.kapot" not in notice
    # The trainer's command has the details the notice leaves out.
    details = [str(e) for e in check_paths([FIXTURES / "broken"])]
    assert any("tips.yaml:2:5: tips.kapot:" in line for line in details)


def test_layer_with_only_a_bad_reference_is_skipped(tmp_path: Path, locations: Locations) -> None:
    layer = tmp_path / "org"
    write(
        layer,
        "tips.yaml",
        "tips:\n  - {id: x, title: T, text: T, source: S, helps: [rugdekking]}\n",
    )
    result = load_content(locations, extra=[layer], env={})
    assert len(result.notices) == 1 and "kon niet worden geladen" in result.notices[0]
    assert "onbekende helpende factor (helps) 'rugdekking'" in str(check_paths([layer])[0])
    assert "x" not in {t.id for t in result.content.tips}


def test_disabling_something_others_rely_on_skips_the_layer(
    tmp_path: Path, locations: Locations
) -> None:
    layer = tmp_path / "org"
    write(layer, "framework.yaml", "barriers:\n  - {id: politiek, disabled: true}\n")
    result = load_content(locations, extra=[layer], env={})
    assert len(result.notices) == 1 and "kon niet worden geladen" in result.notices[0]
    assert "tips.ga-erheen.barriers[0]" in str(check_paths([layer])[0])
    assert "politiek" in {b.id for b in result.content.barriers}


def test_disabling_an_unknown_id_is_an_error_with_suggestion(tmp_path: Path) -> None:
    layer = tmp_path / "org"
    write(layer, "tips.yaml", "tips:\n  - {id: ga-er-heen, disabled: true}\n")
    errors = check_paths([layer])
    assert len(errors) == 1
    assert "bedoel je 'ga-erheen'?" in errors[0].message


def test_missing_explicit_folder_is_a_notice(tmp_path: Path, locations: Locations) -> None:
    result = load_content(locations, extra=[tmp_path / "nergens"], env={})
    label = loader.display_path(tmp_path / "nergens")
    assert result.notices == (f"inhoudslaag {label} overgeslagen: de map bestaat niet",)


def test_environment_and_user_layers_in_order(tmp_path: Path, locations: Locations) -> None:
    org = tmp_path / "org"
    write(org, "tips.yaml", "tips:\n  - {id: ga-erheen, title: Van org, text: T, source: S}\n")
    write(
        locations.user_content_dir,
        "tips.yaml",
        "tips:\n  - {id: ga-erheen, title: Van gebruiker, text: T, source: S}\n",
    )
    cli = tmp_path / "cli"
    write(cli, "eigen.yml", "tips:\n  - {id: eigen, title: Eigen, text: T, source: S}\n")
    env = {"REFLECT_CONTENT_PATH": os.pathsep.join([str(org), str(tmp_path / "weg")])}
    result = load_content(locations, extra=[cli], env=env)
    assert result.content.tip("ga-erheen").title == "Van gebruiker"
    assert result.content.tip("eigen").title == "Eigen"
    assert len(result.notices) == 1 and "weg" in result.notices[0]
    assert len(result.content.layers) == 4


def test_empty_layer_folder_gives_a_notice(tmp_path: Path, locations: Locations) -> None:
    (tmp_path / "leeg").mkdir()
    result = load_content(locations, extra=[tmp_path / "leeg"], env={})
    assert result.notices == (
        f"inhoudslaag {loader.display_path(tmp_path / 'leeg')} bevat geen .yaml-bestanden",
    )


def test_hidden_and_other_files_are_ignored(tmp_path: Path, locations: Locations) -> None:
    layer = tmp_path / "org"
    write(layer, ".#tips.yaml", "kapot: [")
    write(layer, "notities.txt", "kapot: [")
    write(layer, "tips.yaml", "tips:\n  - {id: eigen, title: Eigen, text: T, source: S}\n")
    result = load_content(locations, extra=[layer], env={})
    assert result.notices == ()
    assert result.content.tip("eigen").title == "Eigen"


def test_broken_builtin_is_a_reflect_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locations: Locations
) -> None:
    broken = tmp_path / "builtin"
    write(broken, "tips.yaml", "tips:\n  - {id: x, title: no}\n")
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: broken)
    with pytest.raises(ReflectError) as info:
        load_content(locations, env={})
    assert "ingebouwde inhoud" in info.value.message
    assert "tips.yaml:2:" in info.value.message
    with pytest.raises(ReflectError):
        load_builtin()


def test_check_paths_reports_every_layer(tmp_path: Path) -> None:
    one = write(
        tmp_path / "a",
        "tips.yaml",
        "tips:\n  - {id: a, title: T, text: T, source: S, practices: [x]}\n",
    )
    two = write(tmp_path / "b", "tips.yaml", "tips:\n  - {id: b, title: yes, text: T, source: S}\n")
    errors = check_paths([one, two.parent])
    assert [e.path for e in errors] == ["tips.a.practices[0]", "tips.b.title"]


def test_check_of_the_builtin_folder_itself_reports_once() -> None:
    assert check_paths([BASE]) == []
    assert check_paths([BASE / "tips.yaml"]) == []


def test_check_of_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    errors = check_paths([tmp_path / "leeg"])
    assert [e.message for e in errors] == ["deze map bevat geen .yaml-bestanden"]


def test_identical_content_has_one_version(tmp_path) -> None:
    """A copy of the built-in files, with a comment added, is the same content:
    checking it must report the built-in version (issue 16: it reported another,
    because the version hashed the bytes of every file read)."""
    import shutil

    from reflect_tui.core.content.loader import builtin_content_dir, check_layers, load_builtin

    copy = tmp_path / "copy"
    shutil.copytree(builtin_content_dir(), copy)
    tips = copy / "tips.yaml"
    tips.write_text(tips.read_text(encoding="utf-8") + "\n# een opmerking\n", encoding="utf-8")
    checked = check_layers([copy])
    assert not checked.errors
    assert checked.content.version == load_builtin().version
