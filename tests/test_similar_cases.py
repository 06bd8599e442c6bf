"""Earlier similar cases: shared barriers, practices, case kind and words, with why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from journal_fixtures.helpers import open_store, sample_reflection
from journal_fixtures.lookback import lookback_reflections, rid

from reflect_tui.core.journal.similar import similar_cases


def _new_case(**fields):
    return sample_reflection(
        "ffffffff-0000-4000-8000-000000000000",
        status="draft",
        occurred_on=date(2026, 3, 1),
        **fields,
    )


def test_shared_barriers_and_words_rank_first_with_reasons(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        case = _new_case(
            title="Bomenkap in de straat",
            who="",
            what_happened="De wethouder en de bewoners over nieuwe bomen.",
            practices=["situatie"],
            barriers=["politiek"],
            helps=[],
            case_kind="bijeenkomst",
        )
        found = similar_cases(store, case)
    ids = [c.summary.id for c in found]
    # politiek + situatie + words: "straat" and "bomen" (6), "bomen" and the kind (4)
    assert set(ids[:2]) == {rid(6), rid(4)}
    assert len(found) <= 3
    for top in found[:2]:
        assert top.shared["barriers"] == ("politiek",)
        assert top.shared["practices"] == ("situatie",)
        assert "bomen" in top.shared["words"]
    assert "straat" in found[ids.index(rid(6))].shared["words"]


def test_nothing_in_common_offers_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        case = _new_case(
            title="Zwembad",
            who="",
            what_happened="Chloorlucht.",
            practices=[],
            barriers=[],
            helps=[],
            case_kind=None,
        )
        assert similar_cases(store, case) == []


def test_the_case_itself_is_never_offered(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        itself = store.get(rid(6))
        assert rid(6) not in [c.summary.id for c in similar_cases(store, itself)]


def test_shared_practices_alone_are_enough_with_why(tmp_path: Path) -> None:
    """No shared words or barriers: two shared practices and the kind of case offer it."""
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        case = _new_case(
            title="Zwembad",
            who="",
            what_happened="Chloorlucht.",
            practices=["situatie", "relaties"],
            barriers=[],
            helps=[],
            case_kind="bijeenkomst",
        )
        found = similar_cases(store, case)
    assert [c.summary.id for c in found][:1] == [rid(4)]
    assert found[0].shared == {
        "practices": ("relaties", "situatie"),
        "case_kind": ("bijeenkomst",),
    }
    assert "words" not in found[0].shared and "barriers" not in found[0].shared


# --- telling words, not filler (fresh-eyes finding 4) ---------------------------------


def _plain(n: int, title: str, what: str, status: str = "complete", **fields):
    """A reflection whose only text is ``title`` and ``what`` (nothing else indexed)."""
    values = {
        "status": status,
        "occurred_on": date(2026, 1, 1 + n % 28),
        "who": "",
        "answers": [],
        "insight": "",
        "notes": "",
        "barrier_note": "",
        "help_note": "",
        "involve": "",
        "next_steps": [],
        "tags": [],
        "practices": [],
        "barriers": [],
        "helps": [],
        "case_kind": None,
    }
    values.update(fields)
    return sample_reflection(
        f"{n:08x}-1111-4000-8000-000000000000", title=title, what_happened=what, **values
    )


def _everyday_journal():
    """A journal where, as in real use, bewoners and collega's come up all the time."""
    filler = _plain(
        1,
        "Overleg over de planning",
        "Mijn collega vraagt omdat de bewoners hebben willen weten wanneer het klaar is.",
    )
    market = _plain(2, "Kraampjes en de kermis", "De kermis en de markt delen het Marktplein.")
    everyday = [
        _plain(10 + i, f"Gesprek {i}", "De bewoners en een collega van beheer spraken af.")
        for i in range(12)
    ]
    return filler, market, everyday


_CASE_TEXT = (
    "Mijn collega vraagt of de bewoners hebben gereageerd, omdat ze willen weten hoe het"
    " verder gaat met de plannen en de afspraken. Daarna belde iemand over de kermis op"
    " het Marktplein."
)


def test_filler_words_do_not_match_and_late_telling_words_do(tmp_path: Path) -> None:
    """The tester's finding: "woorden: collega en omdat". The first twelve long words
    of this case are filler or everyday words; the telling ones come last."""
    filler, market, everyday = _everyday_journal()
    with open_store(tmp_path) as store:
        store.import_reflections([filler, market, *everyday])
        case = _new_case(
            title="Terugkoppeling aan de buurt",
            who="",
            what_happened=_CASE_TEXT,
            answers=[],
            insight="",
            practices=[],
            barriers=[],
            helps=[],
            case_kind=None,
        )
        found = similar_cases(store, case)
    assert [c.summary.id for c in found] == [market.id]
    words = found[0].shared["words"]
    assert set(words) == {"Marktplein", "kermis"}  # a name keeps its capital
    assert words[0] == "Marktplein"  # the rarer word first (the kermis is in the title too)


def test_reasons_never_name_stop_words(tmp_path: Path) -> None:
    filler, market, everyday = _everyday_journal()
    with open_store(tmp_path) as store:
        store.import_reflections([filler, market, *everyday])
        case = _new_case(
            title="Vraag van de buurt",
            who="",
            what_happened=_CASE_TEXT,
            answers=[],
            insight="",
            practices=[],
            barriers=[],
            helps=[],
            case_kind=None,
        )
        found = similar_cases(store, case, limit=20)
    named = {w for c in found for w in c.shared.get("words", ())}
    assert named and not named & {"omdat", "hebben", "willen", "vraagt", "weten", "daarna"}


def test_an_earlier_draft_of_the_same_case_is_offered(tmp_path: Path) -> None:
    draft = _plain(
        3, "Marktplein", "Eerste aantekeningen over de kermis op het Marktplein.", status="draft"
    )
    filler, _, everyday = _everyday_journal()
    with open_store(tmp_path) as store:
        store.import_reflections([draft, filler, *everyday])
        case = _new_case(
            title="Kermis op het Marktplein",
            who="",
            what_happened=_CASE_TEXT,
            answers=[],
            insight="",
            practices=[],
            barriers=[],
            helps=[],
            case_kind=None,
        )
        found = similar_cases(store, case)
    assert [(c.summary.id, c.summary.status) for c in found] == [(draft.id, "draft")]


def test_words_match_whole_not_as_prefixes(tmp_path: Path) -> None:
    """``parken`` is not ``parkeervergunning`` (search may find prefixes; similarity not)."""
    parking = _plain(4, "Parkeervergunning", "Parkeervergunningen en parkeerplaatsen.")
    with open_store(tmp_path) as store:
        store.import_reflections([parking])
        case = _new_case(
            title="Parken",
            who="",
            what_happened="Parken en speelplaatsen.",
            answers=[],
            insight="",
            practices=[],
            barriers=[],
            helps=[],
            case_kind=None,
        )
        assert similar_cases(store, case) == []


def test_telling_words_come_from_the_whole_text_and_are_bounded() -> None:
    from reflect_tui.core.journal.similar import MAX_LOOKUPS, case_words

    long_text = " ".join(f"woordsoort{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(300))
    case = _new_case(
        title="Overleg",
        who="",
        answers=[],
        insight="",
        practices=[],
        barriers=[],
        helps=[],
        case_kind=None,
        what_happened=long_text + ". Later sprak ik de eigenaar van Hotel Zeezicht.",
    )
    words = case_words(case)
    assert len(words) <= MAX_LOOKUPS
    shown = [w.shown for w in words]
    assert "Zeezicht" in shown and "Hotel" in shown  # names late in a long text
    assert "overleg" in shown  # title words first


def test_a_word_with_an_apostrophe_counts() -> None:
    from reflect_tui.core.journal.similar import case_words

    case = _new_case(
        title="Overleg",
        who="",
        answers=[],
        insight="",
        practices=[],
        barriers=[],
        helps=[],
        case_kind=None,
        what_happened="De collega's van vastgoed en 12 A4'tjes.",
    )
    words = {w.shown: w for w in case_words(case)}
    assert "collega's" in words and "collega" in words["collega's"].forms
