"""The session flow: step order, navigation, prompt choice and edits (no UI)."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quickloop import examples

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.session.flow import SessionFlow, build_steps

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_builtin()


@functools.cache
def _builtin() -> Content:
    return load_builtin()


def draft() -> Reflection:
    return Reflection("r1", "", date(2026, 11, 2), NOW, NOW)


def test_steps_without_practices_skip_straight_to_principles(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    assert [s.key for s in flow.steps] == [
        "intake",
        "practices",
        "principles",
        "organisation",
        "closing",
        "summary",
    ]


def test_choosing_practices_inserts_three_lsd_steps_each_in_content_order(
    content: Content,
) -> None:
    flow = SessionFlow(draft(), content)
    flow.go_to("practices")
    flow.set_practices(["praktisch", "situatie", "onbekend"])
    keys = [s.key for s in flow.steps]
    assert keys[2:8] == [
        "lsd:situatie:luisteren",
        "lsd:situatie:samenvatten",
        "lsd:situatie:doorvragen",
        "lsd:praktisch:luisteren",
        "lsd:praktisch:samenvatten",
        "lsd:praktisch:doorvragen",
    ]
    assert flow.reflection.practices == ["situatie", "praktisch"]
    assert flow.current.key == "practices"
    assert flow.position == (2, 12)


def test_navigation_stops_at_both_ends(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    assert not flow.can_back
    flow.back()
    assert flow.index == 0
    for _ in range(20):
        flow.forward()
    assert flow.current.key == "summary"
    assert not flow.can_forward


def test_answer_stores_the_prompt_shown_and_another_prompt_moves_it(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    flow.set_practices(["relaties"])
    step = flow.go_to("lsd:relaties:luisteren")
    prompts = content.prompts_for("luisteren", "relaties", flow.reflection.case_kind)
    assert len(prompts) >= 2
    assert flow.prompt_for() == prompts[0]
    answer = flow.set_answer("Ze waren boos.")
    assert answer is not None
    assert (answer.prompt, answer.prompt_id) == (prompts[0].text, prompts[0].id)
    flow.another_prompt()
    assert flow.prompt_for(step) == prompts[1]
    stored = flow.reflection.answer_for("relaties", "luisteren")
    assert stored is not None and stored.prompt == prompts[1].text
    assert stored.text == "Ze waren boos."
    for _ in range(len(prompts) - 1):
        flow.another_prompt()
    assert flow.prompt_for(step) == prompts[0]  # wraps around, deterministic


def test_resumed_draft_shows_the_prompt_that_was_answered(content: Content) -> None:
    first = SessionFlow(draft(), content)
    first.set_practices(["situatie"])
    first.go_to("lsd:situatie:doorvragen")
    first.another_prompt()
    first.set_answer("Waarom wilden ze dit?")
    again = SessionFlow(first.reflection, content)
    shown = again.prompt_for(again.go_to("lsd:situatie:doorvragen"))
    assert shown == content.prompts_for("doorvragen", "situatie")[1]


def test_blank_answer_removes_it_so_the_step_counts_as_skipped(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    flow.set_practices(["situatie"])
    flow.go_to("lsd:situatie:luisteren")
    flow.set_answer("iets")
    flow.set_answer("   \n")
    assert flow.reflection.answers == []


def test_deselecting_a_practice_sets_its_answers_aside_in_the_draft(content: Content) -> None:
    """Unticking must not lose text: the answers stay in the reflection (so they
    are saved with the draft) and come back on re-ticking, even in a new flow
    over the saved draft (the tester's Ctrl+Q and reopen)."""
    flow = SessionFlow(draft(), content)
    flow.set_practices(["situatie", "relaties"])
    flow.go_to("lsd:relaties:samenvatten")
    flow.set_answer("samengevat")
    flow.go_to("practices")
    flow.set_practices(["situatie"])
    assert [a.text for a in flow.reflection.answers] == ["samengevat"]
    assert flow.reflection.chosen_answers() == []
    assert flow.set_aside_practices() == ["relaties"]
    flow.set_practices([])
    reopened = SessionFlow(flow.reflection, content)
    assert reopened.practices_chosen  # unticking all is a choice: no suggestions again
    reopened.set_practices(["situatie", "relaties"])
    assert reopened.set_aside_practices() == []
    assert reopened.answer_text(reopened.go_to("lsd:relaties:samenvatten")) == "samengevat"


def test_a_draft_holding_only_answers_set_aside_is_not_empty(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    flow.set_practices(["situatie"])
    flow.go_to("lsd:situatie:luisteren")
    flow.set_answer("gehoord")
    flow.go_to("practices")
    flow.set_practices([])
    assert not flow.is_empty()  # leaving must not discard the draft
    assert flow.is_nearly_empty()  # set-aside text is not part of what is finished


def test_drop_set_aside_keeps_the_chosen_answers(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    flow.set_practices(["situatie", "relaties"])
    flow.go_to("lsd:situatie:luisteren")
    flow.set_answer("blijft")
    flow.go_to("lsd:relaties:luisteren")
    flow.set_answer("gaat weg")
    flow.go_to("practices")
    flow.set_practices(["situatie"])
    assert flow.drop_set_aside() == 1
    assert [a.text for a in flow.reflection.answers] == ["blijft"]
    assert flow.set_aside_practices() == []


def test_ratings_notes_factors_and_next_steps(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    flow.set_rating("open", 4)
    flow.set_principle_note("verbindend", "noot")
    flow.set_rating("open", None)
    r = flow.reflection
    assert [(p.id, p.rating, p.note) for p in r.principles] == [("verbindend", None, "noot")]
    with pytest.raises(ValueError):
        flow.set_rating("open", 6)
    flow.set_factors("barriers", ["tijdgebrek", "collegas", "nope"])
    assert r.barriers == ["collegas", "tijdgebrek"]  # essay order
    flow.set_factor_note("helps", "rugdekking van de wethouder")
    assert r.help_note == "rugdekking van de wethouder"
    flow.set_next_steps([("Bel Ans", date(2026, 11, 9)), ("", None), ("Mail", None)])
    r.next_steps[0].done = True
    flow.set_next_steps([("Bel Ans", date(2026, 11, 10)), ("Mail", None)])
    assert [(s.text, s.due, s.done) for s in r.next_steps] == [
        ("Bel Ans", date(2026, 11, 10), True),
        ("Mail", None, False),
    ]


def test_resume_index_is_the_last_step_with_data(content: Content) -> None:
    flow = SessionFlow(draft(), content)
    assert flow.resume_index() == 0
    flow.set_intake(title="t")
    flow.set_practices(["situatie"])
    flow.go_to("lsd:situatie:samenvatten")
    flow.set_answer("x")
    resumed = SessionFlow(flow.reflection, content)
    assert resumed.steps[resumed.resume_index()].key == "lsd:situatie:samenvatten"


def test_build_steps_is_pure() -> None:
    assert build_steps(["a"])[2].key == "lsd:a:luisteren"


PRACTICE_IDS = ["situatie", "relaties", "oplossingen", "binnen-buiten", "praktisch", "onbekend"]
_ops = st.one_of(
    st.tuples(st.just("practices"), st.lists(st.sampled_from(PRACTICE_IDS), max_size=6)),
    st.tuples(st.just("answer"), st.text(max_size=20)),
    st.tuples(st.just("forward"), st.none()),
    st.tuples(st.just("back"), st.none()),
    st.tuples(st.just("another"), st.none()),
)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(_ops, max_size=40))
def test_random_edits_keep_the_flow_consistent(ops) -> None:
    content = _builtin()
    flow = SessionFlow(draft(), content)
    written: dict[tuple[str, str], str] = {}  # what the user wrote last, per LSD step
    for op, arg in ops:
        if op == "practices":
            flow.set_practices(arg)
        elif op == "answer" and flow.current.kind == "lsd":
            flow.set_answer(arg)
            key = (flow.current.practice or "", flow.current.lsd_step or "")
            written[key] = arg
        elif op == "forward":
            flow.forward()
        elif op == "back":
            flow.back()
        elif op == "another" and flow.current.kind == "lsd":
            flow.another_prompt()
        r = flow.reflection
        order = [p.id for p in content.practices]
        assert r.practices == [p for p in order if p in r.practices]
        assert [s.key for s in flow.steps] == [s.key for s in build_steps(r.practices)]
        assert 0 <= flow.index < flow.total
        keys = [(a.practice, a.step) for a in r.answers]
        assert len(keys) == len(set(keys))
        assert all(a.text.strip() for a in r.answers)
        # Nothing written is lost by unticking: answers of unticked practices are set aside.
        assert {(a.practice, a.step): a.text for a in r.answers} == {
            k: t for k, t in written.items() if t.strip()
        }
        assert flow.set_aside_answers() == [a for a in r.answers if a.practice not in r.practices]
        by_key = {s.key: s for s in flow.steps}
        for (
            a
        ) in flow.reflection.chosen_answers():  # each answer carries the prompt its step shows now
            shown = flow.prompt_for(by_key[f"lsd:{a.practice}:{a.step}"])
            assert shown is not None and a.prompt == shown.text


def test_prompts_that_assume_an_event_are_shown_only_for_that_kind_of_case(
    content: Content,
) -> None:
    limited = [p for p in content.prompts if p.case_kinds]
    assert limited  # the built-in content marks prompts that assume a meeting
    prompt = limited[0]
    assert prompt.practice is not None
    shown_for_call = content.prompts_for(prompt.step, prompt.practice, "vraag")
    assert prompt not in shown_for_call and shown_for_call
    assert prompt in content.prompts_for(prompt.step, prompt.practice, prompt.case_kinds[0])
