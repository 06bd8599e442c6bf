"""Findings of a fresh-eyes user test on the journal screen, each reproduced here."""

from __future__ import annotations

import pytest
from journal_fixtures.lookback import lookback_reflections
from textual.widgets import Input, OptionList
from tui_helpers import CLOCK, WIDE, notices, open_journal, settle, type_text, wait_until

from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.screens.journal import JournalScreen
from reflect_tui.tui.screens.session import SessionScreen
from reflect_tui.tui.widgets.markdown_pane import MarkdownPane


@pytest.mark.parametrize("row", [0, 1])
async def test_the_pane_shows_the_edited_title_after_an_edit(seeded, make_app, row) -> None:
    """Finding 3: after an edit the row changed but the pane kept the old title
    (the pane skipped an id it already showed), and the highlight jumped to the top."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", *["down"] * row)
        await settle(pilot)
        edited = screen.rows[row].id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert isinstance(app.focused, Input)
        await pilot.press("end")
        await type_text(pilot, " nagelezen")
        await pilot.pause(0.2)
        assert await app.flush_saves()
        await pilot.press("escape")
        await settle(pilot)
        # The list is read again, then the pane renders the row (a worker that
        # waits for a pause in typing first): wait for the pane, not a guess.
        pane = screen.query_one("#journal-markdown", MarkdownPane)
        await wait_until(pilot, lambda: " nagelezen" in pane.source)
        assert app.screen is screen
        index = screen.query_one("#journal-list", OptionList).highlighted
        assert index is not None and screen.rows[index].id == edited
        assert screen.rows[index].title.endswith(" nagelezen")
        source = screen.query_one("#journal-markdown", MarkdownPane).source
        assert screen.rows[index].title in source


async def test_similar_cases_open_for_reading_and_esc_returns_to_the_draft(
    seeded, make_app, read_journal
) -> None:
    """Findings 14 and 5: from a draft, the similar cases opened for editing (the
    draft closed; Esc led home), and their filter line said "uit inzichten"."""
    from tui_helpers import next_step, session

    from reflect_tui.tui import strings
    from reflect_tui.tui.screens.read import ReadScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        draft = session(app)
        draft.flow.set_intake(
            title="Bomen in de straat",
            case_kind="project",
            who="",
            what_happened="De wethouder wil nieuwe bomen; politiek ligt het gevoelig.",
        )
        draft.flow.reflection.barriers = ["politiek"]
        await next_step(pilot)
        await settle(pilot)
        step = draft.flow.index
        assert app.similar_ids
        # Finding 20: the notice named every shared item of every case (~20 lines).
        [notice] = [n for n in notices(app) if strings.SIMILAR_NOTICE.split("\n")[0] in n]
        cases = [li for li in notice.splitlines() if li.startswith("• ")]
        assert len(cases) == len(app.similar_ids)
        assert all(len(li) <= 90 for li in cases), cases
        app.action_similar()
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        line = str(journal.query_one("#journal-filter-line").render())
        assert strings.JOURNAL_FILTER_IDS not in line and strings.SIMILAR_FILTER in line
        await pilot.press("tab")  # to the list
        await settle(pilot)
        assert not journal.check_action("delete", ())
        earlier = journal.rows[0].id
        before = read_journal().get(earlier)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is journal
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is draft and draft.flow.index == step
    assert read_journal().get(earlier).updated_at == before.updated_at


@pytest.mark.parametrize("width", [80, 100])
async def test_a_draft_shows_it_is_a_draft_before_its_long_title(
    journal_path, make_app, width
) -> None:
    """Finding 10: "(concept)" came after the title and was cut off at 80-100 columns."""
    from dataclasses import replace

    from reflect_tui.tui import strings

    drafts = [r for r in lookback_reflections() if r.status == "draft"]
    long = replace(drafts[0], title="Telefoontje van de wethouder over de bomen " * 3)
    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections([long])
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await open_journal(pilot)
        option_list = screen.query_one("#journal-list", OptionList)
        line = "".join(s.text for s in option_list.render_line(0))
        assert strings.JOURNAL_DRAFT_MARK.strip(" ·") in line, line


async def test_an_invalid_date_filter_says_so(seeded, make_app) -> None:
    """Finding 13: "1-12-2026x" in T/m silently kept the old filter; now a ✗ line says
    why, as the date dialogs do, until the date can be read again."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        until = screen.query_one("#filter-until", Input)
        until.focus()
        await type_text(pilot, "1-12-2026x")
        await settle(pilot)
        line = str(screen.query_one("#journal-filter-line").render())
        assert line.startswith("✗") and "1-12-2026x" in line and "T/m" in line, line
        await pilot.press("backspace")
        await settle(pilot)
        line = str(screen.query_one("#journal-filter-line").render())
        assert "✗" not in line and "1-12-2026" in line, line


async def test_several_filter_values_are_readable_at_80x24(seeded, make_app) -> None:
    """Finding 11: the active filters were cut off on one line, commas inside practice
    names made the list ambiguous, and a select with several values said only its kind."""
    from textual.widgets import Select

    from reflect_tui.tui import strings

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        picker = app.screen.query_one("SelectionList")
        for practice in ("binnen-buiten", "praktisch", "situatie"):
            picker.select(practice)
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen.query_one("#filter-barrier", Select).value = "politiek"
        await settle(pilot)
        line = screen.query_one("#journal-filter-line")
        shown = [
            "".join(seg.text for seg in line.render_line(y)).strip()
            for y in range(line.size.height)
        ]
        text = " ".join(shown)
        assert "…" not in text, shown
        for name in ("Binnen en buiten", "Praktisch ondersteunen", "Situatie in kaart"):
            assert name in text, shown
        assert "," not in text, shown  # "of" between values, names may hold commas
        assert "Politiek" in text or "politiek" in text, shown
        prompt = screen.query_one("#filter-practice", Select).prompt
        assert prompt == strings.JOURNAL_FILTER_SEVERAL.format(
            label=strings.JOURNAL_FILTER_PRACTICE, n=3
        )


async def test_the_pick_many_dialog_shows_ticks_without_colour(seeded, make_app) -> None:
    """Finding 12: every value showed the same boxed X; only colour told which were
    picked. Now an unpicked box is empty, as in the intake."""
    from reflect_tui.tui.dialogs.pick_many import PickManyDialog

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PickManyDialog)
        picker = dialog.query_one("#pick-list")
        picker.select("situatie")
        await pilot.pause()
        lines = ["".join(s.text for s in picker.render_line(y)) for y in range(5)]
        ticked = [line for line in lines if "Situatie" in line or "situatie" in line]
        others = [line for line in lines if line.strip() and line not in ticked]
        assert ticked and others
        assert all("X" in line[:4] for line in ticked), lines
        assert not any("X" in line[:4] for line in others), lines
        await pilot.press("escape")
        assert screen is not None


async def test_insights_arrows_show_the_shares_as_reflect_stats_does(
    journal_path, make_app
) -> None:
    """Finding 7: "↓ minder" beside equal counts; the screen and ``reflect stats`` now
    both show the shares the arrow compares, from the same core numbers."""
    from dataclasses import replace
    from datetime import date

    from reflect_tui.cli.stats_cmd import render
    from reflect_tui.tui.screens.insights import InsightsScreen

    # The look-back fixture is dated for 1-3-2026 (``test_insights.TODAY``): move it
    # to the app's clock, so both periods hold reflections and arrows show.
    shift = CLOCK.today() - date(2026, 3, 1)
    moved = [replace(r, occurred_on=r.occurred_on + shift) for r in lookback_reflections()]
    with JournalStore.open(journal_path, CLOCK) as store:
        store.import_reflections(moved)

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        insights = app.screen
        assert isinstance(insights, InsightsScreen) and insights.result is not None
        listed = insights.query_one("#insights-prac", OptionList)
        rows = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        cli = render(insights.result, app.content).splitlines()
        for key, label in (("relaties", "Relatiewerk"), ("situatie", "situatie")):
            shown = next(r for r in rows if label in r)
            said = next(li for li in cli if label in li)
            count = next(c for c in insights.result.practices if c.key == key)
            trend = f"{count.recent_share}% (was {count.before_share}%)"
            assert trend in shown and trend in said, (shown, said)


async def test_home_footer_and_help_name_the_journal_and_insights_keys(seeded, make_app) -> None:
    """Finding 17: the home footer showed no j/i/v, and F1 had no journal or insights keys."""
    from textual.widgets._footer import FooterKey

    from reflect_tui.tui import strings
    from reflect_tui.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = {k.description: k for k in app.screen.query(FooterKey) if k.region.right <= 80}
        for label in (strings.KEY_JOURNAL, strings.KEY_INSIGHTS, strings.KEY_STEPS):
            assert label in keys, sorted(keys)
        for label in (strings.KEY_QUIT, strings.KEY_HELP):
            assert label in keys, sorted(keys)  # still there at 80 columns
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    for section in ("## In het dagboek (j)", "## In de inzichten (i)"):
        assert section in strings.HELP_TEXT
    for key in ("**f**", "**+**", "**del**", "**x**", "**/**", "**w**", "Vergelijkbare casussen"):
        assert key in strings.HELP_TEXT, key


async def test_insights_gaps_titles_and_the_essay(seeded, make_app) -> None:
    """Findings 8, 19, 18: rating lines skipped empty months; the journal opened from a
    line was titled with its bar glyphs; "het essay" was never explained."""
    from reflect_tui.tui import strings
    from reflect_tui.tui.screens.insights import SPARK, SPARK_GAP, InsightsScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        insights = app.screen
        assert isinstance(insights, InsightsScreen) and insights.result is not None
        texts = [str(w.render()) for w in insights.query("Static")]
        assert strings.INSIGHTS_ESSAY_NOTE in texts
        ratings = insights.query_one("#insights-ratings", OptionList)
        line = str(ratings.get_option_at_index(0).prompt)
        # The fixture rates in a few months between 6-2025 and 2-2026: the months
        # between keep their place.
        assert SPARK_GAP in line and any(c in SPARK for c in line), line
        assert any("t/m" in t and "· = geen cijfer" in t for t in texts)
        practices = insights.query_one("#insights-prac", OptionList)
        practices.focus()
        practices.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert not set(journal.sub_title) & set("█▏▎▍▌▋▊▉·"), journal.sub_title
        assert "×" in journal.sub_title


async def test_filter_lists_are_as_wide_as_their_names_at_80_columns(seeded, make_app) -> None:
    """Finding 20: at 80-100 columns a filter's open list was as narrow as its field
    (~18 columns): names wrapped and the list behind showed through."""
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        select = screen.query_one("#filter-practice", Select)
        assert app.focused is select
        await pilot.press("enter")
        await pilot.pause()
        overlay = select.query_one(SelectOverlay)
        assert select.expanded
        longest = max(len(p.name) for p in app.content.practices)
        assert overlay.size.width >= longest + 2, (overlay.size.width, longest)
        assert overlay.region.right <= 80


async def test_tip_reasons_naming_a_long_practice_are_whole_at_100_columns(
    journal_path, make_app
) -> None:
    """Finding 21: a tip's one-line reason was cut at 100 columns ("Je koos de werkpra…")."""
    from tui_helpers import next_step, session

    from reflect_tui.core.journal.model import Answer
    from reflect_tui.tui.widgets.tip_card import TipRow

    with JournalStore.open(journal_path, CLOCK) as store:
        draft = store.create_draft("Klacht over een afgewezen vergunning")
        draft.practices = ["binnen-buiten", "relaties"]
        draft.barriers = ["beleid-wetgeving"]
        text = "De aanvraag werd afgewezen; de regel past niet bij wat de bewoner nodig heeft."
        draft.answers = [Answer("relaties", "luisteren", "Wat hoorde je?", text)]
        store.save(draft)
        rid = draft.id
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_reflection(rid)
        await pilot.pause()
        s = session(app)
        for _ in range(20):
            if s.flow.current.key == "summary":
                break
            await next_step(pilot)
        await pilot.pause()
        lines = []
        for row in s.query(TipRow):
            why = row.query_one(".tip-why-line")
            lines.append(
                " ".join(
                    "".join(seg.text for seg in why.render_line(y)).strip()
                    for y in range(why.size.height)
                )
            )
        assert lines and any("werkpraktijk" in li for li in lines), lines
        assert not any(li.endswith("…") for li in lines), lines
