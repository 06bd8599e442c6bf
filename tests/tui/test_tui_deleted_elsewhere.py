"""Acting on a reflection that was deleted elsewhere (another window,
``reflect delete``) gives a plain notice and refreshed lists, never the
store's raw message."""

from __future__ import annotations

from textual.widgets import OptionList
from tui_helpers import CLOCK, WIDE, notices, wait_until

from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings


async def test_ticking_a_step_of_a_reflection_deleted_elsewhere(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        steps = app.screen.query_one("#steps", OptionList)
        steps.focus()
        steps.highlighted = 0
        await pilot.pause()
        body = app.screen.query_one("HomeBody")
        gone_id = body.steps[0][0].id
        with JournalStore.open(seeded, CLOCK) as other:
            other.delete(gone_id)
        await pilot.press("d")

        def listed() -> set[str]:
            body = app.screen.query_one("HomeBody")
            return {summary.id for summary, _i, _s in body.steps}

        # The notice is a posted message and the lists are rebuilt a turn later.
        await wait_until(pilot, lambda: strings.REFLECTION_GONE in notices(app))
        await wait_until(pilot, lambda: gone_id not in listed())
        assert strings.REFLECTION_GONE in notices(app)
        assert not [n for n in notices(app) if "geen reflectie" in n]
        assert gone_id not in listed()
