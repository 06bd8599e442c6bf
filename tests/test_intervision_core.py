"""Intervision core: the round runner on a hand-moved clock, harvesting, and outcomes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reflect_tui.core.clock import FixedClock
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import Content, IntervisionMethod
from reflect_tui.core.intervision.meeting import Meeting
from reflect_tui.core.intervision.outcome import (
    build_reflection,
    previous_open_steps,
    save_reflection,
    summary_markdown,
    write_summary,
)
from reflect_tui.core.intervision.roles import Roles
from reflect_tui.core.intervision.runner import Runner, plan_rounds
from reflect_tui.core.journal.store import JournalStore

START = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_builtin()


def method(content: Content, method_id: str) -> IntervisionMethod:
    return next(m for m in content.intervision_methods if m.id == method_id)


def advance(clock: FixedClock, seconds: float) -> None:
    clock.moment += timedelta(seconds=seconds)


def test_rounds_come_from_the_content_plus_a_closing_round(content: Content) -> None:
    incident = method(content, "incidentmethode")
    plans = plan_rounds(incident)
    assert [p.name for p in plans[:-1]] == [r.name for r in incident.rounds]
    assert plans[-1].closing and plans[-1].name == "Afsluiting"
    facts = plans[2]
    assert facts.name == "Informatieve vragen"
    assert facts.questions and "feitelijke vragen" in facts.rule
    assert all(p.rule for p in plans)


def test_countdown_warning_overrun_and_events(content: Content) -> None:
    clock = FixedClock(START)
    runner = Runner(plan_rounds(method(content, "incidentmethode")), clock)
    runner.start()
    assert runner.tick().seconds_left == 5 * 60 and runner.tick().state == "loopt"
    advance(clock, 3 * 60 + 59)
    assert runner.tick().state == "loopt" and runner.events() == []
    advance(clock, 1)
    tick = runner.tick()
    assert (tick.seconds_left, tick.state) == (60, "bijna")
    assert runner.events() == ["waarschuwing"]
    assert runner.events() == []  # announced once
    advance(clock, 61)
    tick = runner.tick()
    assert (tick.seconds_left, tick.state, tick.overrun) == (-1, "over", True)
    assert runner.events() == ["overtijd"]


def test_pause_does_not_count_and_extend_adds_a_minute(content: Content) -> None:
    clock = FixedClock(START)
    runner = Runner(plan_rounds(method(content, "incidentmethode")), clock)
    runner.start()
    advance(clock, 30)
    runner.pause()
    advance(clock, 600)
    assert runner.tick().state == "pauze" and runner.tick().seconds_left == 270
    runner.resume()
    advance(clock, 10)
    assert runner.tick().seconds_left == 260
    runner.extend()
    assert runner.tick().seconds_left == 320 and runner.tick().planned_seconds == 360


def test_skip_back_and_next_keep_each_rounds_time(content: Content) -> None:
    clock = FixedClock(START)
    runner = Runner(plan_rounds(method(content, "incidentmethode")), clock)
    runner.start()
    advance(clock, 120)
    runner.next()
    assert runner.index == 1
    advance(clock, 30)
    runner.skip()
    assert runner.index == 2
    runner.back()
    assert runner.index == 1 and runner.tick().seconds_left == 270  # goes on where it stopped
    runner.back()
    assert runner.index == 0 and runner.tick().seconds_left == 180
    runner.back()
    assert runner.index == 0
    for _ in range(len(runner.rounds)):
        runner.next()
    assert runner.finished
    log = runner.log()
    assert log[0].used_seconds == 120 and log[1].used_seconds == 30
    assert not any(entry.skipped for entry in log)  # going back un-skips


def test_roddelmethode_runs_to_the_end(content: Content) -> None:
    clock = FixedClock(START)
    runner = Runner(plan_rounds(method(content, "roddelmethode")), clock)
    runner.start()
    names = []
    while not runner.finished:
        names.append(runner.plan.name)
        advance(clock, runner.plan.minutes * 60)
        assert runner.tick().state == "over" or runner.tick().seconds_left == 0
        runner.next()
    assert names[2] == "Roddelen" and names[-1] == "Afsluiting"
    assert sum(e.used_seconds for e in runner.log()) == sum(r.minutes * 60 for r in runner.rounds)


def test_roles_show_names_only_in_memory() -> None:
    roles = Roles()
    assert roles.speaker("casusinbrenger") == "De casusinbrenger"
    roles.set("casusinbrenger", " Anna ")
    roles.set("waarnemers", "Bo, , Cem")
    assert roles.speaker("casusinbrenger") == "De casusinbrenger (Anna)"
    assert roles.name_of("waarnemers") == "Bo, Cem"
    assert roles.speaker("groep") == "De groep"
    assert roles.named() == [("Casusinbrenger", "Anna"), ("Waarnemers", "Bo, Cem")]


def meeting_with_harvest(content: Content, clock: FixedClock) -> Meeting:
    prompt_set = next(s for s in content.sets if s.id == "buurt-en-bewoners")
    meeting = Meeting(method(content, "incidentmethode"), clock, prompt_set=prompt_set)
    meeting.roles.set("casusinbrenger", "Anna")
    meeting.case_title = "Boze buurman Kees Mulder op de inloopavond"
    meeting.runner.start()
    meeting.runner.next()
    meeting.runner.next()
    assert meeting.runner.plan.questions
    assert meeting.add_question("   ") is None
    meeting.add_question("Wat zei Kees Mulder precies?")
    meeting.add_question("Wie was er nog meer bij?")
    meeting.add_question("Had je  06-12345678 al gebeld?")
    meeting.mark(0, "+")
    meeting.mark(1, "-")
    assert meeting.cycle_mark(2) == "warm"
    assert meeting.cycle_mark(2) == "lauw"
    meeting.add_lesson("Eerst vragen wat iemand nodig heeft")
    meeting.add_step("Kees Mulder terugbellen", date(2026, 12, 8))
    meeting.add_step("Collega van handhaving betrekken")
    meeting.set_rating(4)
    meeting.evaluation = "Goede vragen, de tijd liep uit."
    return meeting


def test_prompt_set_prompts_join_the_group_rounds(content: Content) -> None:
    meeting = meeting_with_harvest(content, FixedClock(START))
    plans = meeting.runner.rounds
    extra = "Wie uit de buurt zit hier niet aan tafel, en wat zou die zeggen?"
    assert extra in plans[2].prompts  # groep
    assert extra not in plans[1].prompts  # casusinbrenger
    only_roddel = replace(meeting.prompt_set, methods=("roddelmethode",))
    other = Meeting(method(content, "incidentmethode"), FixedClock(START), prompt_set=only_roddel)
    assert extra not in other.runner.rounds[2].prompts


def test_summary_is_pseudonymised_and_lists_kinds(content: Content, tmp_path: Path) -> None:
    meeting = meeting_with_harvest(content, FixedClock(START))
    summary = summary_markdown(meeting)
    assert "Kees" not in summary.markdown and "Mulder" not in summary.markdown
    assert "Anna" not in summary.markdown
    assert "06-12345678" not in summary.markdown
    assert "- [warm] Wat zei buurman A precies?" in summary.markdown
    # Dates as the rest of the app writes them (format_date), not ISO.
    assert "- Buurman A terugbellen (uiterlijk 8-12-2026)" in summary.markdown
    assert "Datum: 1-12-2026" in summary.markdown
    assert "Vervangen: 3 namen, 1 telefoonnummer." in summary.markdown
    assert summary.counts == {"naam": 3, "telefoon": 1}
    assert ("naam", "Kees Mulder", "buurman A") in summary.findings
    kept = summary_markdown(meeting, keep=["kees mulder"])
    assert "Kees Mulder" in kept.markdown and "06-12345678" not in kept.markdown
    assert kept.counts == {"telefoon": 1}
    plain = summary_markdown(meeting, pseudonymise=False)
    assert "Kees Mulder" in plain.markdown and "niet gepseudonimiseerd" in plain.markdown
    first = write_summary(tmp_path / "exports", date(2026, 12, 1), "incidentmethode", "a")
    second = write_summary(tmp_path / "exports", date(2026, 12, 1), "incidentmethode", "b")
    assert first != second and first.read_text() == "a"
    assert first.stat().st_mode & 0o777 == 0o600


def test_a_street_named_in_the_case_is_hidden_in_every_text(content: Content) -> None:
    """Tester: the case's "Lindelaan 5" was hidden, the lesson's "de Lindelaan" was not."""
    meeting = Meeting(method(content, "incidentmethode"), FixedClock(START))
    meeting.add_lesson("Eerst de vraag achter de klacht van de Lindelaan zoeken")
    meeting.case_title = "Ruzie met Henk Jansen over de Lindelaan 5"
    summary = summary_markdown(meeting)
    assert "Lindelaan" not in summary.markdown
    assert "- Eerst de vraag achter de klacht van de [adres] zoeken" in summary.markdown
    assert "Lindelaan" not in build_reflection(meeting, pseudonymise=True).insight


def test_summary_round_times_show_the_overrun_in_singular_or_plural(content: Content) -> None:
    """Tester: a 1-minute round run for 1:13 read "1 van 1 minuten"; under a minute "0 van 10"."""
    clock = FixedClock(START)
    meeting = Meeting(method(content, "incidentmethode"), clock)
    plans = plan_rounds(meeting.method)
    meeting.runner = Runner([replace(plans[0], minutes=1), *plans[1:]], clock)
    meeting.runner.start()
    advance(clock, 73)
    meeting.runner.next()
    advance(clock, 40)
    meeting.runner.next()
    lines = summary_markdown(meeting).markdown.splitlines()
    assert f"- {plans[0].name}: 1:13 van 1 minuut" in lines
    assert f"- {plans[1].name}: 0:40 van {plans[1].minutes} minuten" in lines


def test_reflection_keeps_unrated_questions_and_the_score_in_a_clear_title(
    content: Content,
) -> None:
    """Tester: unrated questions and "4 van 5" were dropped; the title had two colons."""
    meeting = meeting_with_harvest(content, FixedClock(START))
    meeting.mark(1, None)
    reflection = build_reflection(meeting)
    assert reflection.title == (
        "Intervisie (Incidentmethode): Boze buurman Kees Mulder op de inloopavond"
    )
    assert reflection.title.count(":") == 1
    notes = reflection.notes.splitlines()
    assert notes[notes.index("Andere vragen uit de groep:") + 1] == "- Wie was er nog meer bij?"
    assert "Cijfer voor de bijeenkomst: 4 van 5" in notes
    assert build_reflection(Meeting(meeting.method, meeting.clock)).title == (
        "Intervisie: Incidentmethode"
    )


def test_reflection_is_saved_and_its_open_steps_come_back(content: Content, tmp_path: Path) -> None:
    clock = FixedClock(START)
    store = JournalStore.open(tmp_path / "journal.db", clock)
    try:
        assert previous_open_steps(store) == []
        meeting = meeting_with_harvest(content, clock)
        reflection = build_reflection(meeting, content.version)
        assert reflection.case_kind == "intervisie"
        assert reflection.notes.splitlines()[1:4] == [
            "- [warm] Wat zei Kees Mulder precies?",
            "- [lauw] Had je 06-12345678 al gebeld?",
            "- [koud] Wie was er nog meer bij?",
        ]
        save_reflection(store, reflection)
        clock.moment += timedelta(days=14)
        other = store.create_draft("Gewone casus")
        other.case_kind = "klacht"
        store.save(other)
        steps = previous_open_steps(store)
        assert [(s.text, s.due) for _, _, s in steps] == [
            ("Kees Mulder terugbellen", date(2026, 12, 8)),
            ("Collega van handhaving betrekken", None),
        ]
        store.set_next_step_done(reflection.id, 0, True)
        assert [s.text for _, _, s in previous_open_steps(store)] == [
            "Collega van handhaving betrekken"
        ]
        from reflect_tui.core.intervision.outcome import write_reflection_file
        from reflect_tui.core.journal.interchange import parse_journal

        path = write_reflection_file(tmp_path / "exports", reflection)
        assert path.stat().st_mode & 0o777 == 0o600
        (again,) = parse_journal(path.read_text(encoding="utf-8"))
        assert (again.id, again.case_kind, again.notes) == (
            reflection.id,
            "intervisie",
            reflection.notes,
        )
        private = build_reflection(meeting, pseudonymise=True)
        assert "Mulder" not in private.title + private.notes
    finally:
        store.close()


def test_saving_a_meetings_reflection_twice_keeps_one(content: Content, tmp_path: Path) -> None:
    """Tester: ``r`` twice on the last screen put two identical rows in ``reflect list``."""
    clock = FixedClock(START)
    store = JournalStore.open(tmp_path / "journal.db", clock)
    try:
        meeting = meeting_with_harvest(content, clock)
        first = build_reflection(meeting, content.version)
        again = build_reflection(meeting, content.version)
        assert first.id == again.id == meeting.reflection_id
        assert save_reflection(store, first) is True
        assert save_reflection(store, again) is False
        assert [r.id for r in store.list()] == [meeting.reflection_id]
        # Erased in the meantime: saving puts it back, once.
        store.delete(meeting.reflection_id)
        assert save_reflection(store, build_reflection(meeting)) is True
        assert store.count() == 1
        # Another meeting is another reflection.
        other = build_reflection(meeting_with_harvest(content, clock))
        assert other.id != meeting.reflection_id
        assert save_reflection(store, other) is True
        assert store.count() == 2
    finally:
        store.close()


def test_method_list_and_run_count_the_same_rounds(content: Content) -> None:
    """Tester: the list said "Incidentmethode · 7 rondes", the run "Ronde 1 van 8"."""
    from reflect_tui.core.intervision.runner import method_shape

    for method in content.intervision_methods:
        runner = Runner(plan_rounds(method), FixedClock(datetime(2026, 12, 2, tzinfo=UTC)))
        shape = method_shape(method)
        assert shape.rounds == len(runner.rounds) == len(method.rounds) + 1
        assert shape.minutes == sum(r.minutes for r in runner.rounds)


def test_rating_text_is_one_to_five_or_blank_and_nothing_else_passes(content: Content) -> None:
    """A text that is no rating clears the rating rather than keeping the last good one."""
    meeting = Meeting(method(content, "incidentmethode"), FixedClock(START))
    assert meeting.set_rating_text(" 4 ") is True and meeting.rating == 4
    assert meeting.set_rating_text("Goede sfeer") is False and meeting.rating is None
    assert meeting.set_rating_text("6") is False and meeting.rating is None
    assert meeting.set_rating_text("5") is True and meeting.rating == 5
    assert meeting.set_rating_text("  ") is True and meeting.rating is None


def test_a_rating_text_out_of_range_or_odd_digits_is_no_rating(content: Content) -> None:
    meeting = Meeting(method(content, "incidentmethode"), FixedClock(START))
    for text in ("0", "7", "²", "4.5"):
        assert meeting.set_rating_text(text) is False and meeting.rating is None, text
    assert meeting.set_rating_text("") is True and meeting.rating is None


def test_saving_the_same_meeting_twice_adds_it_once(content: Content, tmp_path) -> None:
    """The check and the write are one transaction (``JournalStore.add(exist_ok=True)``)."""
    from journal_fixtures.helpers import open_store, sample_reflection

    from reflect_tui.core.intervision.outcome import save_reflection

    with open_store(tmp_path) as store:
        reflection = sample_reflection()
        assert save_reflection(store, reflection) is True
        assert save_reflection(store, reflection) is False
        assert store.count() == 1
