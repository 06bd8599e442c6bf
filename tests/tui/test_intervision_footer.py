"""The conductor's footer keeps "f1 Hulp" and "^p Opdrachten" at 80x24 (issue 16).

Tester: its own keys filled the 80 columns and pushed both off.
"""

from __future__ import annotations

from reflect_tui.tui.screens.intervision import ConductorScreen


async def test_help_and_palette_fit_in_the_conductor_footer_at_80x24(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        app.screen.query_one("#iv-methods").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConductorScreen)
        # The bottom line as drawn (no public equivalent in Textual 8).
        footer = app.screen._compositor.render_strips()[-1].text
        for shown in ("esc Afbreken", "Hulp", "^p Opdrachten", "n Verder", "space Pauze"):
            assert shown in footer, footer
