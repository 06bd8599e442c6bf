"""Reasons read as plain Dutch: ticked barriers are grouped, "sturen" is no barrier."""

from __future__ import annotations

from reflect_tui.core.coach import reasons
from reflect_tui.core.coach.signals import read_text
from reflect_tui.core.content.loader import load_builtin


def test_one_ticked_barrier_reads_singular() -> None:
    content = load_builtin()
    assert reasons.chosen_barriers(content, ["collegas"]) == "je koos de belemmering Collega's"


def test_several_ticked_barriers_share_one_sentence() -> None:
    content = load_builtin()
    names = [content.by_id("barriers")[b].name for b in ("collegas", "tijdgebrek", "sturing")]
    line = reasons.chosen_barriers(content, ["collegas", "tijdgebrek", "sturing"])
    assert line == f"je koos de belemmeringen {names[0]}, {names[1]} en {names[2]}"
    assert line.count("je koos") == 1


def test_ticked_helps_share_one_sentence() -> None:
    content = load_builtin()
    ids = [h.id for h in content.helps[:2]]
    names = [h.name for h in content.helps[:2]]
    assert reasons.chosen_helps(content, ids) == f"je koos wat hielp: {names[0]} en {names[1]}"


def test_sending_a_report_is_not_a_management_barrier() -> None:
    content = load_builtin()
    assert "sturing" not in read_text(content, "Verslag naar de bewoners sturen").barriers
    assert "sturing" in read_text(content, "Mijn leidinggevende wilde het anders").barriers
    assert "sturing" in read_text(content, "De aansturing vanuit de directie faalde").barriers
