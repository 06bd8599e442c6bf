"""The compact tip line shows the user's side of a reason (issue 16, 80x24).

At 80 columns the whole reason was cut, and as every reason of a case began
alike ("Je koos de werkpraktijk ..."), all compact lines read the same."""

from __future__ import annotations

import pytest

from reflect_tui.core.coach.reasons import reason_gist


@pytest.mark.parametrize(
    ("line", "gist"),
    [
        (
            "Je koos de werkpraktijk 'De situatie in kaart brengen'; deze tip gaat over nagaan"
            " wie er last of plezier van het plan heeft.",
            "Je koos de werkpraktijk 'De situatie in kaart brengen'.",
        ),
        (
            "Je schreef 'boos'; deze tip gaat over ruimte maken voor emoties.",
            "Je schreef 'boos'.",
        ),
        (
            "Je vinkte 'Collega's' aan als wat hielp; deze tip bouwt daarop voort en gaat over"
            " samenwerken.",
            "Je vinkte 'Collega's' aan als wat hielp.",
        ),
        (
            "Deze tip is bedoeld voor een bijeenkomst en gaat over vooraf bedenken"
            " hoe je luistert.",
            "Deze tip is bedoeld voor een bijeenkomst.",
        ),
        ("Je schreef 'zaal vol'; voor zo'n situatie is deze tip.", "Je schreef 'zaal vol'."),
        # Nothing about the user to keep: the line stays whole.
        ("Deze tip gaat over netjes afronden.", "Deze tip gaat over netjes afronden."),
        (
            "Je schreef 'weigert': dat wijst op 'Collega's' als hindernis.",
            "Je schreef 'weigert': dat wijst op 'Collega's' als hindernis.",
        ),
    ],
)
def test_gist_keeps_the_users_side(line: str, gist: str) -> None:
    assert reason_gist(line) == gist


async def test_compact_line_shows_the_gist_and_the_open_card_the_whole_reason() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from reflect_tui.tui.widgets.tip_card import TipRow

    reason = "Je schreef 'boos'; deze tip gaat over ruimte maken voor emoties."

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield TipRow("Maak ruimte voor emoties", "Tekst.", [reason])

    async with One().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = pilot.app.query_one(".tip-why-line", Static)
        full = [s for s in pilot.app.query(".tip-why") if "tip-why-line" not in s.classes]
        assert str(line.render()).endswith("Je schreef 'boos'.")
        assert reason in str(full[0].render())
