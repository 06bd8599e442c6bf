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
    assert ids[:2] == [rid(6), rid(4)]  # politiek + situatie + words ("bomen", "straat"...)
    assert len(found) <= 3
    top = found[0]
    assert top.shared["barriers"] == ("politiek",)
    assert top.shared["practices"] == ("situatie",)
    assert "bomen" in top.shared["words"]
    assert all(c.summary.status == "complete" for c in found)  # drafts are not offered


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
