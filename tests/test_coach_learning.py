"""Learning suggestions: every trigger kind, with reasons and reflection ids."""

from __future__ import annotations

from datetime import timedelta

from coach_fixtures.helpers import TODAY, learning, make_content, reflection

from reflect_tui.core.coach.learning import learning_suggestions
from reflect_tui.core.content.model import TRIGGER_KINDS
from reflect_tui.core.journal.model import NextStep


def run(suggestion, reflections):  # type: ignore[no-untyped-def]
    content = make_content(learning_suggestions=[suggestion])
    return learning_suggestions(content, reflections, TODAY)


def test_barrier_recurring() -> None:
    s = learning("intervisie", "barrier_recurring", ids=("collegas",), min_count=3, window=5)
    journal = [
        reflection(i, days_ago=i, barriers=["collegas"] if i in (0, 2, 4) else []) for i in range(8)
    ]
    [match] = run(s, journal)
    assert match.reasons == ("Collega's hinderden je in 3 van je laatste 5 reflecties",)
    assert set(match.reflection_ids) == {journal[i].id for i in (0, 2, 4)}
    # Only two in the window: no suggestion.
    journal[4].barriers = []
    assert run(s, journal) == []


def test_barrier_recurring_without_ids_checks_every_barrier() -> None:
    s = learning("any", "barrier_recurring", min_count=2, window=3)
    journal = [reflection(i, days_ago=i, barriers=["politiek"]) for i in range(2)]
    [match] = run(s, journal)
    assert match.reasons == ("Politiek hinderde je in 2 van je laatste 2 reflecties",)


def test_practice_unreflected() -> None:
    s = learning("praktisch", "practice_unreflected", ids=("praktisch",), min_count=3, window=4)
    journal = [reflection(i, days_ago=i, practices=["relaties"]) for i in range(3)]
    [match] = run(s, journal)
    assert "Praktisch ondersteunen" in match.reasons[0]
    assert "laatste 3 reflecties" in match.reasons[0]
    assert set(match.reflection_ids) == {r.id for r in journal}
    assert run(s, journal[:2]) == []  # fewer than min_count reflections
    journal[1].practices.append("praktisch")
    assert run(s, journal) == []


def test_principle_low() -> None:
    s = learning("open", "principle_low", ids=("open",), min_count=2, window=5, max_rating=2)
    journal = [
        reflection(0, days_ago=0, ratings={"open": 2}),
        reflection(1, days_ago=1, ratings={"open": 4}),
        reflection(2, days_ago=2, ratings={"open": 1}),
    ]
    [match] = run(s, journal)
    assert match.reasons == (
        "je gaf jezelf een 2 of lager voor Open in 2 van je laatste 3 reflecties",
    )
    assert match.reflection_ids == (journal[0].id, journal[2].id)
    journal[2].principles[0].rating = 3
    assert run(s, journal) == []


def test_next_steps_overdue() -> None:
    s = learning("stappen", "next_steps_overdue", min_count=2, days=3)
    late = NextStep("bellen", due=TODAY - timedelta(days=10))
    also_late = NextStep("mailen", due=TODAY - timedelta(days=5))
    recent = NextStep("langsgaan", due=TODAY - timedelta(days=1))
    done = NextStep("klaar", due=TODAY - timedelta(days=30), done=True)
    journal = [
        reflection(0, next_steps=[late, recent]),
        reflection(1, days_ago=3, next_steps=[also_late, done]),
    ]
    [match] = run(s, journal)
    assert match.reasons == (
        "2 vervolgstappen staan nog open na de afgesproken datum (de oudste 10 dagen): "
        "'bellen'; 'mailen'",
    )
    assert match.reflection_ids == (journal[0].id, journal[1].id)
    journal[1].next_steps[0].done = True
    assert run(s, journal) == []


def test_step_skipped() -> None:
    s = learning("doorvragen", "step_skipped", ids=("doorvragen",), min_count=2, window=3)
    filled = {("relaties", "luisteren"): "gehoord", ("relaties", "doorvragen"): "gevraagd"}
    empty = {("relaties", "luisteren"): "gehoord", ("relaties", "doorvragen"): "  "}
    journal = [
        reflection(0, practices=["relaties"], answers=empty),
        reflection(1, days_ago=1, practices=["relaties"], answers={("relaties", "luisteren"): "x"}),
        reflection(2, days_ago=2, practices=["relaties"], answers=filled),
    ]
    [match] = run(s, journal)
    assert match.reasons == ("je liet Doorvragen leeg in 2 van je laatste 3 reflecties",)
    assert match.reflection_ids == (journal[0].id, journal[1].id)


def test_help_absent() -> None:
    s = learning("rugdekking", "help_absent", ids=("rugdekking",), min_count=3, window=3)
    journal = [reflection(i, days_ago=i, helps=["collegas"]) for i in range(3)]
    [match] = run(s, journal)
    assert "Bestuurlijk draagvlak en rugdekking" in match.reasons[0]
    assert run(s, journal[:2]) == []
    journal[2].helps.append("rugdekking")
    assert run(s, journal) == []


def test_reflection_gap() -> None:
    s = learning("terugkijken", "reflection_gap", days=14)
    assert run(s, []) == []
    journal = [reflection(0, days_ago=20), reflection(1, days_ago=40)]
    [match] = run(s, journal)
    assert match.reasons == ("je laatste reflectie is van 20 dagen geleden",)
    assert match.reflection_ids == (journal[0].id,)
    assert run(s, [reflection(2, days_ago=3), *journal]) == []


def test_drafts_do_not_count_and_order_does_not_matter() -> None:
    s = learning("intervisie", "barrier_recurring", ids=("collegas",), min_count=2, window=2)
    journal = [
        reflection(0, days_ago=0, barriers=["collegas"], status="draft"),
        reflection(1, days_ago=1, barriers=["collegas"]),
        reflection(2, days_ago=2, barriers=["collegas"]),
        reflection(3, days_ago=3),
    ]
    [match] = run(s, list(reversed(journal)))
    assert match.reflection_ids == (journal[1].id, journal[2].id)


def test_every_trigger_kind_is_evaluated() -> None:
    suggestions = [
        learning(kind.replace("_", "-"), kind, min_count=1, window=5) for kind in TRIGGER_KINDS
    ]
    journal = [
        reflection(
            0,
            days_ago=30,
            practices=["relaties"],
            barriers=["collegas"],
            ratings={"open": 1},
            next_steps=[NextStep("bellen", due=TODAY - timedelta(days=20))],
        )
    ]
    content = make_content(learning_suggestions=suggestions)
    fired = {m.suggestion.trigger.kind for m in learning_suggestions(content, journal, TODAY)}
    assert fired == set(TRIGGER_KINDS)


def test_overdue_steps_in_old_reflections_count_when_the_store_is_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The other triggers look at the newest reflections; overdue next steps
    can be years old, so the store's query covers the whole journal."""
    from coach_fixtures.helpers import BASE

    from reflect_tui.core.clock import FixedClock
    from reflect_tui.core.journal.store import JournalStore

    s = learning("stappen", "next_steps_overdue", min_count=2, days=3)
    content = make_content(learning_suggestions=[s])
    old = [
        reflection(900, days_ago=900, next_steps=[NextStep("bellen", TODAY - timedelta(days=800))]),
        reflection(
            901,
            days_ago=901,
            next_steps=[
                NextStep("mailen", TODAY - timedelta(days=850)),
                NextStep("klaar", TODAY - timedelta(days=850), done=True),
            ],
        ),
        reflection(902, days_ago=902, status="draft", next_steps=[NextStep("x", TODAY)]),
    ]
    newer = [reflection(i, days_ago=i) for i in range(250)]
    with JournalStore.open(tmp_path / "journal.sqlite3", FixedClock(BASE)) as store:
        store.import_reflections([*old, *newer])
        recent = store.recent(200)
        assert learning_suggestions(content, recent, TODAY) == []  # outside the window
        [match] = learning_suggestions(
            content, recent, TODAY, overdue_steps=store.overdue_next_steps
        )
        # The same answer as the evaluator gives over every reflection.
        assert [match] == learning_suggestions(content, store.all(), TODAY)
    assert match.reasons == (
        "2 vervolgstappen staan nog open na de afgesproken datum (de oudste 850 dagen): "
        "'bellen'; 'mailen'",
    )
    assert match.reflection_ids == (old[0].id, old[1].id)


def test_suggestions_are_ranked_by_urgency_and_merged_when_they_share_a_reason() -> None:
    from reflect_tui.core.coach.learning import URGENCY, suggestions_start_after
    from reflect_tui.core.content.loader import load_builtin

    content = load_builtin()
    journal = [
        reflection(
            i,
            barriers=["collegas"],
            ratings={"open": 1},
            next_steps=[NextStep("Terugbellen", TODAY - timedelta(days=30), False)],
        )
        for i in range(5)
    ]
    matches = learning_suggestions(content, journal, TODAY)
    kinds = [m.suggestion.trigger.kind for m in matches]
    assert kinds == sorted(kinds, key=URGENCY.index)  # most urgent first
    assert kinds[0] == "next_steps_overdue"
    # intervisiegroep and wijksafari both fire on the recurring Collega's: shown once
    ids = [m.suggestion.id for m in matches]
    assert not {"intervisiegroep", "wijksafari"} <= set(ids)
    merged = next(m for m in matches if m.also)
    assert merged.reasons[-1].startswith("zie ook: ")
    assert suggestions_start_after(content) >= 2


def test_learning_for_reads_the_newest_completed_reflections_past_any_drafts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``learning_for`` reads what the triggers look at, the newest completed
    reflections up to the largest window, so drafts in front of them do not
    push them out (it read 200 reflections of any status), and it agrees
    with the evaluator over the whole journal."""
    from coach_fixtures.helpers import BASE

    from reflect_tui.core.clock import FixedClock
    from reflect_tui.core.coach.service import learning_for, learning_lookback
    from reflect_tui.core.journal.store import JournalStore

    s = learning("intervisie", "barrier_recurring", ids=("collegas",), min_count=3, window=5)
    content = make_content(learning_suggestions=[s])
    assert learning_lookback(content) == 5
    done = [reflection(300 + i, days_ago=300 + i, barriers=["collegas"]) for i in range(6)]
    drafts = [reflection(i, days_ago=i, status="draft") for i in range(250)]
    with JournalStore.open(tmp_path / "journal.sqlite3", FixedClock(BASE)) as store:
        store.import_reflections([*done, *drafts])
        expected = learning_suggestions(
            content, store.all(), TODAY, overdue_steps=store.overdue_next_steps
        )
        [match] = expected
        assert set(match.reflection_ids) == {r.id for r in done[:5]}
        assert learning_for(content, store, TODAY) == expected
