"""Labels typed as one line: the one normalisation rule (core/journal/tags.py)."""

from __future__ import annotations

from reflect_tui.core.journal.tags import MAX_TAG_LENGTH, MAX_TAGS, parse_tags, tags_text


def test_labels_are_trimmed_lowered_and_deduplicated_in_order() -> None:
    typed = "  Bomen , #Lindelaan,,bomen;groene    straat\nKAP, ## "
    assert parse_tags(typed) == ["bomen", "lindelaan", "groene straat", "kap"]


def test_nothing_typed_is_no_labels() -> None:
    assert parse_tags("") == [] and parse_tags(" , ;\n# ") == []


def test_a_paste_stays_bounded() -> None:
    tags = parse_tags(",".join(f"label {i} " + "x" * 100 for i in range(100)))
    assert len(tags) == MAX_TAGS
    assert all(len(t) <= MAX_TAG_LENGTH for t in tags)


def test_emoji_and_markup_are_kept_as_text() -> None:
    assert parse_tags("[bold]x[/], 🌳 boom") == ["[bold]x[/]", "🌳 boom"]


def test_the_field_shows_what_parsing_gives_back() -> None:
    tags = ["bomen", "groene straat"]
    assert parse_tags(tags_text(tags)) == tags
