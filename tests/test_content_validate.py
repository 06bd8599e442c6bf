"""The validator: every mistake reported, exactly located, with a helpful hint."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import reflect_tui.core.content.loader as loader
from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.content.model import Trigger
from reflect_tui.core.content.validate import validate_file
from reflect_tui.core.content.yamlsafe import parse_bytes

BASE = Path(__file__).parent / "content_fixtures" / "base"


@pytest.fixture(autouse=True)
def fixture_builtin(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Check against the small fixture base, not the still-growing real content."""
    monkeypatch.setattr(loader, "builtin_content_dir", lambda: BASE)
    return BASE


def check(tmp_path: Path, text: str, name: str = "tips.yaml") -> list[ContentError]:
    """Errors of one file checked on top of the fixture base."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return loader.check_paths([path])


def only(errors: list[ContentError]) -> ContentError:
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


TIP = """\
tips:
  - id: nieuwe-tip
    title: Een titel
    text: Een tekst
    source: Eigen
"""


def test_valid_tip_on_top_of_base_has_no_errors(tmp_path: Path) -> None:
    assert check(tmp_path, TIP + "    practices: [situatie]\n") == []


def test_error_string_format_is_file_line_col_path_message(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP + "    practices: [situatei]\n"))
    assert error.file.endswith("tips.yaml")
    assert (error.line, error.col) == (6, 17)
    assert error.path == "tips.nieuwe-tip.practices[0]"
    assert str(error) == f"{error.file}:6:17: tips.nieuwe-tip.practices[0]: {error.message}"


def test_unknown_id_gets_a_suggestion(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP + "    practices: [situatei]\n"))
    assert "situatei" in error.message
    assert "bedoel je 'situatie'?" in error.message


def test_unknown_key_gets_a_suggestion(tmp_path: Path) -> None:
    text = TIP.replace("    title: Een titel\n", "    titel: Een titel\n")
    errors = check(tmp_path, text)
    messages = [e.message for e in errors]
    assert "onbekend veld 'titel'; bedoel je 'title'?" in messages
    assert "verplicht veld 'title' ontbreekt" in messages


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("no", "ja/nee-waarde"),
        ("yes", "ja/nee-waarde"),
        ("on", "ja/nee-waarde"),
        ("12:30", "getal"),
        ("2024-05-01", "datum"),
        ("3.5", "getal"),
    ],
)
def test_yaml11_surprise_in_a_text_field_says_to_quote(
    tmp_path: Path, value: str, words: str
) -> None:
    error = only(check(tmp_path, TIP.replace("Een tekst", value)))
    assert error.path == "tips.nieuwe-tip.text"
    assert words in error.message
    assert f'"{value}"' in error.message
    assert (error.line, error.col) == (4, 11)


def test_quoted_no_is_fine(tmp_path: Path) -> None:
    assert check(tmp_path, TIP.replace("Een tekst", '"no"')) == []


def test_yaml11_surprise_in_a_keyword_list(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP + "    keywords: [fiets, off]\n"))
    assert error.path == "tips.nieuwe-tip.keywords[1]"


def test_every_error_is_reported_not_just_the_first(tmp_path: Path) -> None:
    text = """\
    tips:
      - id: een
        title: no
        text: Tekst
        source: Eigen
        practices: [situatei]
      - id: twee
        title: Titel
        text: Tekst
        source: Eigen
        helps: [ruimtee]
        case_kinds: [klagt]
    """
    errors = check(tmp_path, text)
    assert [e.line for e in errors] == [3, 6, 11, 12]


def test_duplicate_key_in_an_item(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP + "    title: Nog een titel\n"))
    assert "twee keer" in error.message
    assert "regel 3" in error.message
    assert error.line == 6


def test_duplicate_id_within_a_layer(tmp_path: Path) -> None:
    text = TIP + TIP.replace("tips:\n", "")
    error = only(check(tmp_path, text))
    assert "komt al voor" in error.message
    assert error.line == 6


def test_duplicate_id_across_files_of_one_layer(tmp_path: Path) -> None:
    layer = tmp_path / "laag"
    layer.mkdir()
    (layer / "a.yaml").write_text(TIP, encoding="utf-8")
    (layer / "b.yaml").write_text(TIP, encoding="utf-8")
    error = only(loader.check_paths([layer]))
    assert error.file.endswith("b.yaml")
    assert "a.yaml:2" in error.message


def test_id_format(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP.replace("nieuwe-tip", "Nieuwe_Tip")))
    assert error.path == "tips[0].id"
    assert "kleine letters" in error.message


def test_missing_id(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP.replace("  - id: nieuwe-tip\n    title", "  - title")))
    assert error.path == "tips[0]"
    assert "'id'" in error.message


def test_an_item_with_a_bad_id_still_has_its_other_errors_reported(tmp_path: Path) -> None:
    """Reproduction: only the id error; the next run told of 'text', 'source' and a ref."""
    errors = check(
        tmp_path,
        """\
        tips:
          - id: Wijkstad Tip
            title: Een titel
            practices: [relatiewerk]
          - title: Zonder id
            text: Een tekst
        """,
    )
    found = sorted((e.path, e.message.split(";")[0]) for e in errors)
    assert found == [
        ("tips[0]", "verplicht veld 'source' ontbreekt"),
        ("tips[0]", "verplicht veld 'text' ontbreekt"),
        (
            "tips[0].id",
            "id 'Wijkstad Tip' mag alleen kleine letters, cijfers en streepjes bevatten "
            "(zoals 'mijn-tip-2')",
        ),
        ("tips[0].practices[0]", "onbekende werkpraktijk 'relatiewerk'"),
        ("tips[1]", "verplicht veld 'id' ontbreekt"),
        ("tips[1]", "verplicht veld 'source' ontbreekt"),
    ]


def test_a_switch_off_with_a_bad_id_needs_no_other_fields(tmp_path: Path) -> None:
    error = only(check(tmp_path, "tips:\n  - id: Oude Tip\n    disabled: true\n"))
    assert error.path == "tips[0].id"


def test_unknown_collection_gets_a_suggestion(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP.replace("tips:", "tipps:")))
    assert "bedoel je 'tips'?" in error.message


def test_top_level_list_is_an_error(tmp_path: Path) -> None:
    error = only(check(tmp_path, "- id: a\n- id: b\n"))
    assert (error.line, error.col) == (1, 1)
    assert "collecties" in error.message


def test_collection_must_be_a_list(tmp_path: Path) -> None:
    error = only(check(tmp_path, "tips:\n  id: a\n"))
    assert error.path == "tips"
    assert "lijst" in error.message


def test_tag_list_field_must_be_a_list(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP + "    practices: situatie\n"))
    assert error.path == "tips.nieuwe-tip.practices"


def test_anchors_must_be_complete(tmp_path: Path) -> None:
    text = """\
    principles:
      - id: open
        name: Open
        description: Open staan.
        question: Hoe open was je?
        anchors: {1: a, 2: b, 4: d, 5: e, 6: f}
    """
    errors = check(tmp_path, text, "framework.yaml")
    messages = " | ".join(e.message for e in errors)
    assert "score 3" in messages
    assert "'6'" in messages
    assert len(errors) == 2


@pytest.mark.parametrize("minutes", ["0", "-5", "vijf", "2.5", "[5]"])
def test_round_minutes_must_be_a_positive_whole_number(tmp_path: Path, minutes: str) -> None:
    text = f"""\
    intervision_methods:
      - id: kort
        name: Kort
        description: Kort.
        source: Eigen
        rounds:
          - {{name: Ronde, role: groep, minutes: {minutes}, purpose: Doel}}
    """
    error = only(check(tmp_path, text, "intervision.yaml"))
    assert error.path == "intervision_methods.kort.rounds[0].minutes"


def test_round_role_and_keys_are_checked(tmp_path: Path) -> None:
    text = """\
    intervision_methods:
      - id: kort
        name: Kort
        description: Kort.
        source: Eigen
        rounds:
          - {name: Ronde, role: procesbegeleidr, minutes: 5, purpose: Doel, promts: []}
    """
    errors = check(tmp_path, text, "intervision.yaml")
    messages = [e.message for e in errors]
    assert any("bedoel je 'procesbegeleider'?" in m for m in messages)
    assert any("bedoel je 'prompts'?" in m for m in messages)


def test_method_needs_rounds(tmp_path: Path) -> None:
    text = """\
    intervision_methods:
      - {id: leeg, name: Leeg, description: Leeg., source: Eigen, rounds: []}
    """
    error = only(check(tmp_path, text, "intervision.yaml"))
    assert "ronde" in error.message


def test_trigger_kind_and_ids_are_checked(tmp_path: Path) -> None:
    text = """\
    learning_suggestions:
      - id: een
        title: T
        text: T
        source: S
        trigger: {kind: barrier_recuring}
      - id: twee
        title: T
        text: T
        source: S
        trigger: {kind: principle_low, ids: [opn], max_rating: 7}
      - id: drie
        title: T
        text: T
        source: S
        trigger: {kind: reflection_gap, ids: [open], days: 30}
    """
    errors = check(tmp_path, text, "learning.yaml")
    by_path = {e.path: e.message for e in errors}
    assert "bedoel je 'barrier_recurring'?" in by_path["learning_suggestions.een.trigger.kind"]
    assert "bedoel je 'open'?" in by_path["learning_suggestions.twee.trigger.ids[0]"]
    assert "1 tot en met 5" in by_path["learning_suggestions.twee.trigger.max_rating"]
    assert "niet gebruikt" in by_path["learning_suggestions.drie.trigger.ids"]
    assert len(errors) == 4


def test_trigger_is_built_with_defaults() -> None:
    text = (
        b"learning_suggestions:\n"
        b"  - {id: a, title: T, text: T, source: S, trigger: {kind: help_absent, ids: [ruimte]}}\n"
    )
    entries, errors = validate_file(parse_bytes(text, "x.yaml").root, "x.yaml")  # type: ignore[arg-type]
    assert errors == []
    assert entries[0].item.trigger == Trigger(kind="help_absent", ids=("ruimte",))


def test_prompt_step_and_practice_must_agree(tmp_path: Path) -> None:
    text = """\
    prompts:
      - {id: a, step: luisteren, text: Wat hoorde je?}
      - {id: b, step: intake, practice: situatie, text: Wat gebeurde er?}
      - {id: c, step: luisterenn, practice: situatie, text: Wat?}
      - {id: d, step: closing, practice: null, text: Wat neem je mee?}
      - {id: e, step: doorvragen, practice: relatie, text: Wat nog meer?}
    """
    errors = check(tmp_path, text, "prompts.yaml")
    by_path = {e.path: e.message for e in errors}
    assert "vul 'practice' in" in by_path["prompts.a"]
    assert "laat 'practice' weg" in by_path["prompts.b.practice"]
    assert "bedoel je 'luisteren'?" in by_path["prompts.c.step"]
    assert "bedoel je 'relaties'?" in by_path["prompts.e.practice"]
    assert len(errors) == 4


def test_activity_must_point_at_known_practices(tmp_path: Path) -> None:
    text = """\
    activities:
      - {id: nieuw, name: Nieuw, description: N., practices: [praktish]}
    """
    error = only(check(tmp_path, text, "framework.yaml"))
    assert "bedoel je 'praktisch'?" in error.message


def test_empty_text_and_null_are_errors(tmp_path: Path) -> None:
    errors = check(tmp_path, TIP.replace("Een tekst", '""').replace("Eigen", "null"))
    assert [e.path for e in errors] == ["tips.nieuwe-tip.text", "tips.nieuwe-tip.source"]


def test_disabled_must_be_true_or_false(tmp_path: Path) -> None:
    error = only(check(tmp_path, TIP + "    disabled: ja\n"))
    assert error.path == "tips.nieuwe-tip.disabled"


def test_bad_item_does_not_cascade_into_unknown_id_errors(tmp_path: Path) -> None:
    text = """\
    practices:
      - {id: nieuwe-praktijk, name: no, short: N, description: D}
    tips:
      - {id: t, title: T, text: T, source: S, practices: [nieuwe-praktijk]}
    """
    error = only(check(tmp_path, text, "mix.yaml"))
    assert error.path == "practices.nieuwe-praktijk.name"


def test_practice_short_defaults_to_name() -> None:
    text = b"practices:\n  - {id: p, name: Lange naam, description: D}\n"
    entries, errors = validate_file(parse_bytes(text, "x.yaml").root, "x.yaml")  # type: ignore[arg-type]
    assert errors == []
    assert entries[0].item.short == "Lange naam"


def test_activity_needs_at_least_one_practice(tmp_path: Path) -> None:
    text = """\
    activities:
      - {id: nieuw, name: Nieuw, description: N., practices: []}
    """
    error = only(check(tmp_path, text, "framework.yaml"))
    assert error.path == "activities.nieuw.practices"
    assert "minstens een werkpraktijk" in error.message


def test_missing_rank_says_what_an_own_barrier_gets(tmp_path: Path) -> None:
    """A trainer adding a barrier of their own could not tell what rank to give it."""
    error = only(
        check(
            tmp_path,
            """\
            barriers:
              - id: wijkstad-ict
                name: Trage ICT
                description: Systemen praten niet met elkaar.
            """,
            name="framework.yaml",
        )
    )
    assert error.message.startswith("verplicht veld 'rank' ontbreekt (")
    assert "een eigen item een getal na de ingebouwde, die 1 tot en met 7 hebben" in error.message


def test_the_rank_hint_matches_the_builtin_content() -> None:
    """The hint (and the guide) say the built-in ranks run 1 to 7: check the real content."""
    from reflect_tui.core.content.export import content_to_json
    from reflect_tui.core.paths import builtin_content_dir

    content = loader.check_layers([builtin_content_dir()]).content
    data = content_to_json(content)
    for collection in ("barriers", "helps"):
        assert sorted(item["rank"] for item in data[collection]) == list(range(1, 8))
