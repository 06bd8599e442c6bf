"""The JSON interchange format: validation with exact locations, idempotent import."""

from __future__ import annotations

import copy
import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from journal_fixtures.helpers import open_store, reflections, sample_reflection
from quickloop import examples

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.interchange import (
    dump_journal,
    dumps,
    journal_to_dict,
    parse_journal,
)
from reflect_tui.core.journal.markdown import render_journal, render_reflection


def _doc(*reflections) -> dict:
    return json.loads(dump_journal(list(reflections) or [sample_reflection()]))


def test_document_has_the_documented_shape() -> None:
    doc = _doc()
    assert doc["format"] == "reflect-journal" and doc["version"] == 1
    item = doc["reflections"][0]
    for key in (
        "id",
        "title",
        "case_kind",
        "occurred_on",
        "created_at",
        "updated_at",
        "status",
        "practices",
        "answers",
        "principles",
        "barriers",
        "helps",
        "insight",
        "next_steps",
        "tags",
        "notes",
    ):
        assert key in item
    assert item["occurred_on"] == "2026-02-27"
    assert item["created_at"] == "2026-02-27T19:00:00+00:00"
    assert set(item["answers"][0]) >= {"practice", "step", "prompt", "text"}
    assert item["principles"][1] == {"id": "verbindend", "rating": None, "note": ""}
    assert item["next_steps"][0] == {
        "text": "Bel de boomdeskundige",
        "due": "2026-03-06",
        "done": False,
    }
    assert json.loads(dumps(journal_to_dict([sample_reflection()]))) == doc


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d.update(format="jrnl"), "format"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d.update(reflections={}), "reflections"),
        (lambda d: d["reflections"].append(7), "reflections[1]"),
        (lambda d: d["reflections"][0].pop("updated_at"), "reflections[0].updated_at"),
        (lambda d: d["reflections"][0].update(status="klaar"), "reflections[0].status"),
        (
            lambda d: d["reflections"][0].update(occurred_on="27-02-2026"),
            "reflections[0].occurred_on",
        ),
        (
            lambda d: d["reflections"][0].update(created_at="2026-02-27T19:00:00"),
            "reflections[0].created_at",
        ),
        (
            lambda d: d["reflections"][0]["answers"][1].update(step=3),
            "reflections[0].answers[1].step",
        ),
        (lambda d: d["reflections"][0]["answers"][0].pop("text"), "reflections[0].answers[0].text"),
        (
            lambda d: d["reflections"][0]["principles"][0].update(rating=6),
            "reflections[0].principles[0].rating",
        ),
        (
            lambda d: d["reflections"][0]["principles"][0].update(rating=True),
            "reflections[0].principles[0].rating",
        ),
        (
            lambda d: d["reflections"][0]["next_steps"][0].update(due="morgen"),
            "reflections[0].next_steps[0].due",
        ),
        (
            lambda d: d["reflections"][0]["next_steps"][0].update(done="ja"),
            "reflections[0].next_steps[0].done",
        ),
        (lambda d: d["reflections"][0]["tags"].append(None), "reflections[0].tags[2]"),
        (lambda d: d["reflections"][0].update(colour="red"), "reflections[0].colour"),
        (lambda d: d["reflections"][0].update(id=""), "reflections[0].id"),
        (
            lambda d: d["reflections"].append(copy.deepcopy(d["reflections"][0])),
            "reflections[1].id",
        ),
    ],
)
def test_bad_documents_say_exactly_where_and_import_nothing(tmp_path: Path, mutate, where) -> None:
    doc = _doc()
    good = copy.deepcopy(doc["reflections"][0])
    good["id"] = "ander-id"
    doc["reflections"].insert(0, good)  # a valid reflection before the bad one
    if where.startswith("reflections["):
        index = int(where[len("reflections[")]) + 1
        where = f"reflections[{index}]" + where[len("reflections[0]") :]
    mutate(doc) if not where.startswith("reflections[") else _mutate_shifted(doc, mutate)
    with open_store(tmp_path) as store:
        with pytest.raises(ReflectError) as info:
            store.import_reflections(parse_journal(json.dumps(doc), "export.json"))
        assert store.count() == 0
    message = str(info.value)
    assert message.startswith(f"export.json: {where}:"), message
    assert "niets geïmporteerd" in message and "\n" not in message


def _mutate_shifted(doc: dict, mutate) -> None:
    """Apply a mutation written for reflections[0] to the second entry (after a good one)."""
    shifted = {**doc, "reflections": doc["reflections"][1:]}
    mutate(shifted)
    doc["reflections"] = doc["reflections"][:1] + shifted["reflections"]
    for key in ("format", "version"):
        doc[key] = shifted[key]


def test_invalid_json_reports_line_and_column() -> None:
    with pytest.raises(ReflectError, match=r"x.json: geen geldige JSON \(regel 2, kolom"):
        parse_journal('{"format":\n  oops}', "x.json")


def test_import_is_idempotent_and_newer_updated_at_wins(tmp_path: Path) -> None:
    original = sample_reflection()
    newer = sample_reflection(
        title="Nieuwere titel", updated_at=original.updated_at + timedelta(hours=1)
    )
    older = sample_reflection(
        title="Oudere titel", updated_at=original.updated_at - timedelta(hours=1)
    )
    with open_store(tmp_path) as store:
        first = store.import_reflections(parse_journal(dump_journal([original])))
        again = store.import_reflections(parse_journal(dump_journal([original])))
        assert (first.added, again.added, again.unchanged) == (1, 0, 1)
        assert store.count() == 1
        assert store.import_reflections([older]).unchanged == 1
        assert store.get(original.id).title == original.title
        assert store.import_reflections([newer]).updated == 1
        assert store.get(original.id) == newer
        assert store.search("Nieuwere") and not store.search(original.title.split()[0] + " Oudere")


def test_json_output_escapes_terminal_controls_but_round_trips() -> None:
    r = sample_reflection(title="a\x1b[2Jb\x9bc\u202ed")
    text = dump_journal([r], terminal_safe=True)
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert parse_journal(text)[0] == r
    raw = dump_journal([r])  # files and pipes get the exact text (JSON still escapes C0)
    assert "\x9b" in raw and "\x1b" not in raw
    assert parse_journal(raw)[0] == r


def test_markdown_is_readable_and_neutralises_markdown_in_user_text() -> None:
    r = sample_reflection(
        title="# Kop? [link](x)",
        answers=[
            sample_reflection().answers[0],
            type(sample_reflection().answers[0])(
                "situatie",
                "samenvatten",
                "Vat samen",
                "- geen lijst\n1. geen nummer\n> geen citaat",
            ),
        ],
    )
    md = render_reflection(r, lambda c, i: {"situatie": "De situatie in kaart brengen"}.get(i, i))
    assert md.startswith("# \\# Kop? \\[link\\](x)\n")
    assert "## Praktijk: De situatie in kaart brengen" in md
    assert "*Wie heb je gehoord?*" in md and "Vooral de ouderen." in md
    assert "\\- geen lijst" in md and "1\\. geen nummer" in md
    assert "\\> geen citaat" in md
    assert "- [ ] Bel de boomdeskundige (uiterlijk 6-3-2026)" in md
    assert "- [x] Terugkoppelen" in md
    assert "- open: 4/5: Liet ze uitpraten." in md
    whole = render_journal([r, sample_reflection("b")])
    assert whole.startswith("# Reflectiedagboek") and whole.count("\n## ") == 2


@settings(max_examples=examples(60), deadline=None)
@given(reflection=reflections)
def test_user_text_never_becomes_markdown_structure(reflection) -> None:
    md = render_reflection(reflection)
    allowed_heading = re.compile(r"^#{1,3} ")
    for line in md.splitlines():
        if line.startswith("#"):
            assert allowed_heading.match(line), line
        assert not line.startswith((">", "```", "~~~", "<")), line
    assert md.endswith("\n")
