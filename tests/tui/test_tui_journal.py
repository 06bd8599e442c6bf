"""The journal screen, driven by keys: search, each filter, edit, delete, export."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

import pytest
from journal_fixtures.lookback import lookback_reflections, rid
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select
from tui_helpers import WIDE, notices, open_journal, settle, type_text

from reflect_tui.core.journal.query import JournalQuery, matching_ids
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from reflect_tui.tui.screens.journal import JournalScreen
from reflect_tui.tui.screens.session import SessionScreen
from reflect_tui.tui.widgets.markdown_pane import MarkdownPane


@pytest.fixture
def seeded(journal_path: Path, read_journal) -> Path:
    with JournalStore.open(journal_path, _clock()) as store:
        store.import_reflections(lookback_reflections())
    return journal_path


def _clock():
    from tui_helpers import CLOCK

    return CLOCK


def shown_ids(screen: JournalScreen) -> list[int]:
    return [int(s.id[:8], 16) for s in screen.rows]


async def test_lists_newest_first_and_shows_the_highlighted_reflection(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        assert shown_ids(screen) == [8, 7, 6, 5, 4, 3, 2, 1]
        assert screen.total == 8
        assert screen.query_one("#journal-list", OptionList).option_count == 8
        markdown = screen.query_one("#journal-markdown", MarkdownPane)
        assert "Geluidsoverlast" in markdown.source
        await pilot.press("tab", "down")
        await settle(pilot)
        assert "Straatfeest" in markdown.source


async def test_search_as_you_type_finds_other_forms(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        assert isinstance(app.focused, Input)
        await type_text(pilot, "boom")  # "bomen" in 6, "boom" in 4
        await settle(pilot)
        assert shown_ids(screen) == [6, 4]
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "cafe")  # café, diacritics folded
        await settle(pilot)
        assert shown_ids(screen) == [2]
        await type_text(pilot, " zzzonbekend")
        await settle(pilot)
        assert shown_ids(screen) == []
        assert "Niets gevonden" in screen.query_one("#journal-markdown", MarkdownPane).source


FILTERS = [
    ("#filter-practice", "situatie", [6, 4, 1]),
    ("#filter-kind", "klacht", [8, 5, 1]),
    ("#filter-barrier", "politiek", [6, 4, 1]),
    ("#filter-help", "collegas", [2]),
    ("#filter-tag", "bomen", [6, 4]),
    ("#filter-status", "draft", [8, 3]),
]


@pytest.mark.parametrize(("selector", "value", "expected"), FILTERS)
async def test_each_filter(seeded, make_app, selector, value, expected) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")  # to the list, then open the filters
        assert screen.query_one("#journal-filters").has_class("-open")
        screen.query_one(selector, Select).value = value
        await settle(pilot)
        assert shown_ids(screen) == expected
        assert "Filters:" in str(screen.query_one("#journal-filter-line").render())


async def test_date_range_and_combined_filters_match_the_core_query(
    seeded, make_app, journal_path
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        since = screen.query_one("#filter-since", Input)
        since.focus()
        await type_text(pilot, "1-12-2025")
        await settle(pilot)
        assert shown_ids(screen) == [8, 7, 6, 5, 4]
        until = screen.query_one("#filter-until", Input)
        until.focus()
        await type_text(pilot, "ergens")  # not a date: marked, ignored ("gisteren" is one now)
        await settle(pilot)
        assert until.has_class("-invalid") and shown_ids(screen) == [8, 7, 6, 5, 4]
        await pilot.press(*["backspace"] * 8)
        await type_text(pilot, "31-1-2026")
        await settle(pilot)
        screen.query_one("#filter-practice", Select).value = "situatie"
        await settle(pilot)
        assert shown_ids(screen) == [4]
        expected = JournalQuery(
            practices=("situatie",), since=date(2025, 12, 1), until=date(2026, 1, 31)
        )
        assert screen.journal_query == expected
    with JournalStore.open(journal_path, _clock()) as store:
        assert [s.id for s in screen.rows] == matching_ids(store, expected)


async def test_edit_opens_a_finished_reflection_and_a_change_moves_updated_at(
    seeded, make_app, read_journal
) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_journal(pilot)
        await pilot.press("tab", "down")  # Straatfeest (finished)
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.flow.reflection.id == rid(7)
        assert session.flow.reflection.status == "complete"
        before = session.flow.reflection.updated_at
        title = app.focused
        assert isinstance(title, Input)
        await pilot.press("end")
        await type_text(pilot, " bijgewerkt")
        await pilot.pause(0.2)
        assert await app.flush_saves()
        await pilot.press("escape")  # the session closes: back to the journal, not home
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert any(s.title == "Straatfeest bijgewerkt" for s in journal.rows)
    stored = read_journal().get(rid(7))
    assert stored.title == "Straatfeest bijgewerkt"
    assert stored.status == "complete"
    assert stored.updated_at > before


async def test_delete_asks_first_and_erases_like_reflect_delete(
    seeded, make_app, read_journal, data_dir
) -> None:
    from reflect_tui.core.journal.exports import write_reflection_export

    export = write_reflection_export(data_dir / "exports", rid(8), date(2026, 2, 27), "# x\n")
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # "Nee" has the focus: nothing is erased
        await settle(pilot)
        assert shown_ids(screen) == [8, 7, 6, 5, 4, 3, 2, 1]
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # Esc is no too
        await settle(pilot)
        assert read_journal().count() == 8
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert shown_ids(screen) == [7, 6, 5, 4, 3, 2, 1]
        assert any("gewist" in n for n in notices(app))
    assert read_journal().count() == 7
    assert not export.exists()  # the app's export of it went too, as with `reflect delete`


async def test_delete_confirmation_names_copies_made_outside_the_data_folder(
    seeded, make_app, read_journal, tmp_path
) -> None:
    from datetime import UTC, datetime

    from reflect_tui.core.journal import backup, elsewhere

    stick = tmp_path / "usb"
    stick.mkdir()
    backup.back_up(seeded, stick / "kopie.sqlite3")
    assert [c.path for c in elsewhere.existing(seeded)] == [stick / "kopie.sqlite3"]
    elsewhere.record(seeded, stick / "weg.json", elsewhere.EXPORT, datetime.now(UTC))  # gone
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_journal(pilot)
        await pilot.press("tab", "delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "buiten de gegevensmap" in dialog._text and "kopie.sqlite3" in dialog._text
        assert "weg.json" not in dialog._text  # a copy that no longer exists is not named
        await pilot.click("#yes")
        await settle(pilot)
        assert any("buiten de gegevensmap" in n and "kopie.sqlite3" in n for n in notices(app))
    assert read_journal().count() == 7


async def _export_two(pilot: Pilot[int], fmt: str) -> None:
    """Export what the journal shows (two reflections) with ``x``, as ``fmt``."""
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    await pilot.click(f"#choice-{fmt}")
    await settle(pilot)
    assert any("2 reflecties geëxporteerd" in n for n in notices(pilot.app))


@pytest.mark.parametrize("fmt", ["md", "json"])
async def test_export_writes_the_filtered_set(seeded, make_app, data_dir, fmt) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await type_text(pilot, "boom")
        await settle(pilot)
        await pilot.press("tab")
        await _export_two(pilot, fmt)
    (path,) = (data_dir / "exports").glob(f"dagboek-*.{fmt}")
    assert path.stat().st_mode & 0o777 == 0o600
    text = path.read_text(encoding="utf-8")
    if fmt == "json":
        ids = [r["id"] for r in json.loads(text)["reflections"]]
        assert ids == [rid(4), rid(6)]  # oldest first, like `reflect export`
    else:
        assert "Bewonersavond Lindelaan" in text and "Straatfeest" not in text
        assert f"<!-- reflect-id: {rid(6)} -->" in text
    assert screen.journal_query.text == "boom"


@pytest.mark.parametrize("fmt", ["md", "json"])
async def test_the_app_and_reflect_export_write_the_same_bytes(
    seeded, make_app, data_dir, tmp_path, fmt
) -> None:
    """One writer (``export_set.write_export``) for both: a selection exports the same
    document whichever route it takes (the app's file, the CLI's file, the CLI's pipe)."""
    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import main
    from reflect_tui.cli.parser import build_parser

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        screen.query_one("#filter-tag", Select).value = "bomen"
        await settle(pilot)
        assert shown_ids(screen) == [6, 4]
        await _export_two(pilot, fmt)
    (from_app,) = (data_dir / "exports").glob(f"dagboek-*.{fmt}")
    command = ["--data-dir", str(data_dir), "export", "--tag", "bomen", "--format", fmt]
    to_file = [*command, "-o", str(tmp_path / f"cli.{fmt}")]
    with open(tmp_path / "stdout", "w", encoding="utf-8") as out:  # a file as stdout: bytes
        for argv in (to_file, command):
            ctx = CliContext(build_parser().parse_args(argv), clock=_clock(), stdout=out)
            assert main(argv, ctx) == 0
    expected = from_app.read_bytes()
    assert (tmp_path / f"cli.{fmt}").read_bytes() == expected
    assert (tmp_path / "stdout").read_bytes() == expected
    assert rid(6).encode() in expected and rid(7).encode() not in expected


async def test_from_the_palette_and_back(seeded, make_app) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "Dagboek")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, JournalScreen)


def _cli_json(data_dir: Path, *argv: str):
    import io

    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import main
    from reflect_tui.cli.parser import build_parser

    full = ["--data-dir", str(data_dir), *argv]
    out = io.StringIO()
    code = main(full, CliContext(build_parser().parse_args(full), clock=_clock(), stdout=out))
    assert code == 0
    return json.loads(out.getvalue())


async def test_cli_list_and_stats_agree_with_the_screens(seeded, make_app, data_dir) -> None:
    from reflect_tui.tui.screens.insights import InsightsScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        cases = [
            ({"#filter-practice": "situatie"}, ["--practice", "situatie"]),
            (
                {"#filter-practice": "situatie", "#filter-barrier": "politiek"},
                ["--practice", "situatie", "--barrier", "politiek"],
            ),
            ({"#filter-help": "collegas"}, ["--help-factor", "collegas"]),
            ({"#filter-status": "draft"}, ["--status", "concept"]),
        ]
        for selects, argv in cases:
            for selector in (
                "#filter-practice",
                "#filter-barrier",
                "#filter-help",
                "#filter-status",
            ):
                screen.query_one(selector, Select).clear()
            for selector, value in selects.items():
                screen.query_one(selector, Select).value = value
            await settle(pilot)
            listed = _cli_json(data_dir, "list", "--json", *argv)
            assert [s.id for s in screen.rows] == [item["id"] for item in listed], argv
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        insights = app.screen
        assert isinstance(insights, InsightsScreen) and insights.result is not None
        shown = json.loads(json.dumps(insights.result.to_json()))
    assert _cli_json(data_dir, "stats", "--json") == shown


async def test_several_values_of_one_filter_combine(seeded, make_app, journal_path) -> None:
    """``+`` on a filter ticks several values of its kind: practice A or B (and the
    other filters still narrow: AND across kinds)."""
    from textual.widgets import SelectionList

    from reflect_tui.tui.dialogs.pick_many import PickManyDialog

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        assert isinstance(app.focused, Select) and app.focused.id == "filter-practice"
        await pilot.press("plus")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PickManyDialog)
        picker = dialog.query_one(SelectionList)
        picker.select("situatie")
        picker.select("oplossingen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert set(screen.journal_query.practices) == {"situatie", "oplossingen"}
        either = [
            int(r.id[:8], 16)
            for r in lookback_reflections()
            if {"situatie", "oplossingen"} & set(r.practices)
        ]
        assert shown_ids(screen) == sorted(either, reverse=True) and len(either) >= 3
        line = str(screen.query_one("#journal-filter-line").render())
        assert "Situatie" in line or "situatie" in line.lower()
        shown_ids_before = shown_ids(screen)
        screen.query_one("#filter-status", Select).value = "complete"
        await settle(pilot)
        finished = [
            int(r.id[:8], 16)
            for r in lookback_reflections()
            if {"situatie", "oplossingen"} & set(r.practices) and r.status == "complete"
        ]
        assert shown_ids(screen) == sorted(finished, reverse=True) != shown_ids_before
        await pilot.press("plus")  # from the status select: the practices again
        await pilot.pause()
        assert isinstance(app.screen, PickManyDialog)
        await pilot.press("escape")  # Esc leaves the filter as it was
        await settle(pilot)
        assert set(screen.journal_query.practices) == {"situatie", "oplossingen"}
    with JournalStore.open(journal_path, _clock()) as store:
        assert [s.id for s in screen.rows] == matching_ids(store, screen.journal_query)


async def test_insights_rating_line_and_totals_open_their_reflections(seeded, make_app) -> None:
    """Every number on the insights screen opens the reflections behind it: a rating
    line those that rated the principle, the totals their period."""
    from reflect_tui.tui.screens.insights import InsightsScreen

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        insights = app.screen
        assert isinstance(insights, InsightsScreen) and insights.result is not None
        ratings = insights.query_one("#insights-ratings", OptionList)
        ratings.focus()
        ratings.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen)
        assert journal.journal_query.rated and journal.journal_query.status == "complete"
        await pilot.press("escape")
        await settle(pilot)
        totals = insights.query_one("#insights-totals", OptionList)
        totals.focus()
        for index, expected in enumerate(
            (
                insights.result.total,
                insights.result.recent_total,
                insights.result.before_total,
            )
        ):
            totals.highlighted = index
            await pilot.press("enter")
            await settle(pilot)
            journal = app.screen
            assert isinstance(journal, JournalScreen) and journal.total == expected, index
            await pilot.press("escape")
            await settle(pilot)


async def test_preview_comes_back_after_a_search_that_found_nothing(seeded, make_app) -> None:
    """The tester's case: a search that found nothing, then cleared, left the
    preview saying "Niets gevonden" beside a list with rows (the first row was
    the reflection shown before, so the preview was not reloaded)."""
    from reflect_tui.tui import strings

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        markdown = screen.query_one("#journal-markdown", MarkdownPane)
        assert "Geluidsoverlast" in markdown.source
        await type_text(pilot, "xyzzy")
        await settle(pilot)
        assert screen.rows == []
        assert strings.JOURNAL_NONE_FOUND in markdown.source
        await pilot.press(*["backspace"] * 5)
        await settle(pilot)
        assert shown_ids(screen)[0] == 8
        assert "Geluidsoverlast" in markdown.source


async def test_the_export_notice_shows_the_file_name_whole_at_80x24(
    seeded, make_app, data_dir
) -> None:  # type: ignore[no-untyped-def]
    """Tester: the toast broke the name mid-word ("dagboek-20261202-0" / "45544.md")."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_journal(pilot)
        await type_text(pilot, "boom")
        await settle(pilot)
        await pilot.press("tab", "x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-md")
        await settle(pilot)
        await pilot.pause()
        (path,) = (data_dir / "exports").glob("dagboek-*.md")
        # The name is a line of its own, so the notice never wraps inside it
        # (a notice folds a line longer than its width, wherever it falls).
        lines = [line for notice in notices(app) for line in notice.splitlines()]
        assert path.name in lines


async def test_results_arriving_after_the_journal_closed_are_dropped(seeded, make_app) -> None:
    # A worker's page, count, tags or detail can arrive just after the screen
    # was left (Escape while a reflection's detail was still rendering): it
    # used to look up the closed screen's widgets and end the app (NoMatches).
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        rows = list(screen.rows)
        app.pop_screen()  # what Escape does

        def late_results() -> None:
            screen._show_detail_text("# laat")
            screen._show_page(screen._generation, rows[1:], True, len(rows))
            screen._show_count(screen._generation, len(rows))
            screen._set_tags(["laat"])

        # While its widgets are being removed, and once it is gone.
        for _ in range(30):
            late_results()
            await asyncio.sleep(0)
        await pilot.pause()
        late_results()
        await pilot.pause()
        assert app.is_running and app.screen is not screen


async def test_cli_kind_tag_and_dates_agree_with_the_screens(
    seeded, make_app, data_dir, journal_path
) -> None:
    """``reflect list --kind/--tag/--since/--until`` list what the journal screen's
    filters show, and ``reflect stats --json --since`` (from the start of the
    insights' recent period) counts what the insights screen shows as recent."""
    from datetime import timedelta

    from journal_fixtures.helpers import sample_reflection

    from reflect_tui.core.insights import RECENT_DAYS
    from reflect_tui.tui.screens.insights import InsightsScreen

    recent = [  # the TUI clock says 2026-11-02: these fall in the last 90 days
        sample_reflection(
            rid(n),
            title=f"Recent {n}",
            occurred_on=day,
            status="complete",
            case_kind="klacht",
            practices=practices,
            barriers=["politiek"],
            helps=[],
            tags=["bomen"],
        )
        for n, day, practices in (
            (9, date(2026, 9, 10), ["situatie"]),
            (10, date(2026, 10, 20), ["situatie", "relaties"]),
        )
    ]
    with JournalStore.open(journal_path, _clock()) as store:
        store.import_reflections(recent)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        selectors = ("#filter-kind", "#filter-tag")
        cases = [
            ({"#filter-kind": "klacht"}, ["--kind", "klacht"], [10, 9, 8, 5, 1]),
            ({"#filter-tag": "bomen"}, ["--tag", "bomen"], [10, 9, 6, 4]),
            (
                {"#filter-kind": "klacht", "#filter-tag": "bomen"},
                ["--kind", "klacht", "--tag", "bomen"],
                [10, 9],
            ),
        ]
        for selects, argv, expected in cases:
            for selector in selectors:
                screen.query_one(selector, Select).clear()
            for selector, value in selects.items():
                screen.query_one(selector, Select).value = value
            await settle(pilot)
            assert shown_ids(screen) == expected, argv
            listed = _cli_json(data_dir, "list", "--json", *argv)
            assert [s.id for s in screen.rows] == [item["id"] for item in listed], argv
        for selector in selectors:
            screen.query_one(selector, Select).clear()
        screen.query_one("#filter-since", Input).focus()
        await type_text(pilot, "1-12-2025")
        screen.query_one("#filter-until", Input).focus()
        await type_text(pilot, "31-1-2026")
        await settle(pilot)
        assert shown_ids(screen) == [5, 4]
        listed = _cli_json(
            data_dir, "list", "--json", "--since", "1-12-2025", "--until", "31-1-2026"
        )
        assert [s.id for s in screen.rows] == [item["id"] for item in listed]
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("i")
        await settle(pilot)
        insights = app.screen
        assert isinstance(insights, InsightsScreen) and insights.result is not None
        result = insights.result
        assert result.recent_total == 2
        cut = (_clock().today() - timedelta(days=RECENT_DAYS)).isoformat()
        stats = _cli_json(data_dir, "stats", "--json", "--since", cut)
        assert stats["total"] == result.recent_total
        for group in ("practices", "case_kinds", "barriers", "helps"):
            shown = {c.key: c.recent for c in getattr(result, group) if c.recent}
            assert {c["id"]: c["count"] for c in stats[group]} == shown, group
        # and the screen's "recent" total opens those same reflections
        totals = insights.query_one("#insights-totals", OptionList)
        totals.focus()
        totals.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        journal = app.screen
        assert isinstance(journal, JournalScreen) and shown_ids(journal) == [10, 9]
        assert journal.total == stats["total"]


@pytest.mark.parametrize(("selector", "value", "expected"), FILTERS)
async def test_each_filter_picked_with_keys(seeded, make_app, selector, value, expected) -> None:
    """As a user picks: Tab to the filter, Enter opens its list, Down to the
    value, Enter takes it (the other filter tests set ``Select.value``)."""
    from textual.widgets._select import SelectOverlay

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("tab", "f")
        await pilot.pause()
        for _ in range(12):  # Tab along the filters to the wanted one
            if app.focused is not None and app.focused.id == selector[1:]:
                break
            await pilot.press("tab")
            await pilot.pause()
        select = screen.query_one(selector, Select)
        assert app.focused is select
        await pilot.press("enter")
        await pilot.pause()
        overlay = select.query_one(SelectOverlay)
        assert select.expanded and app.focused is overlay
        values = [v for _label, v in select._options]
        for _ in range(len(values)):
            if overlay.highlighted is not None and values[overlay.highlighted] == value:
                break
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert not select.expanded and select.value == value
        assert shown_ids(screen) == expected
        assert screen.journal_query != JournalQuery()
