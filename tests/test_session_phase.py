"""The session's phases: a progress indicator that does not jump when practices change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.session.flow import PHASES, SessionFlow

NOW = datetime(2026, 11, 2, 20, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_builtin()


def flow_for(content: Content, practices: list[str]) -> SessionFlow:
    return SessionFlow(
        Reflection("r1", "", date(2026, 11, 2), NOW, NOW, practices=practices), content
    )


def test_phases_are_the_step_kinds_in_order() -> None:
    assert PHASES == (
        "intake", "practices", "lsd", "principles", "organisation", "closing", "summary"
    )  # fmt: skip


def test_phase_position_does_not_depend_on_the_practices(content: Content) -> None:
    none, three = flow_for(content, []), flow_for(content, ["situatie", "relaties", "praktisch"])
    for flow in (none, three):
        flow.go_to("principles")
        assert flow.phase == "principles"
        assert flow.phase_position == (4, 7)
    three.set_practices(["situatie"])
    assert three.phase_position == (4, 7)


def test_lsd_position_counts_questions_across_practices(content: Content) -> None:
    flow = flow_for(content, ["situatie", "relaties"])
    assert flow.lsd_position is None  # intake
    assert flow.lsd_total == 6
    flow.go_to("lsd:situatie:luisteren")
    assert (flow.phase, flow.lsd_position) == ("lsd", (1, 6))
    flow.go_to("lsd:relaties:doorvragen")
    assert flow.lsd_position == (6, 6)
    assert flow.phase_position == (3, 7)
    flow.forward()
    assert flow.lsd_position is None and flow.phase == "principles"


def test_lsd_total_follows_the_chosen_practices(content: Content) -> None:
    flow = flow_for(content, [])
    assert flow.lsd_total == 0
    flow.set_practices(["situatie", "relaties", "oplossingen"])
    assert flow.lsd_total == 9
