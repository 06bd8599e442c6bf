"""User text is never markup; save errors are notices; no screenshots."""

from __future__ import annotations

from datetime import date

from textual.command import CommandPalette
from textual.widgets import Input, Markdown, OptionList
from tui_helpers import CLOCK, NARROW, WIDE, drain, notices, session, type_text

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.model import Answer, NextStep
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui import strings
from reflect_tui.tui.screens.help import HelpScreen
from reflect_tui.tui.screens.home import HomeScreen
from reflect_tui.tui.screens.read import ReadScreen

NASTY = "[bold]Vet?[/] [/] [link=x]y[/link] \x1b[31mrood\x1b[0m"


def seed(journal_path, title: str = NASTY) -> str:
    store = JournalStore.open(journal_path, CLOCK)
    r = store.create_draft(title=title, occurred_on=date(2026, 10, 30))
    r.what_happened = "Regel met [i]haken[/i]\n# geen kop"
    r.practices = ["situatie"]
    r.answers = [Answer("situatie", "luisteren", "Wie?", "[red]niet rood[/]")]
    r.next_steps = [NextStep("Bel [b]Ans[/b]", date(2026, 10, 31))]
    r.status = "complete"
    store.save(r)
    store.close()
    return r.id


async def test_markup_like_user_text_shows_literally(make_app, journal_path):
    rid = seed(journal_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        recent = home.query_one("#recent", OptionList)
        shown = recent.get_option_at_index(0).prompt.plain
        assert "[bold]Vet?[/] [/] [link=x]y[/link]" in shown
        assert "\x1b" not in shown
        steps = home.query_one("#steps", OptionList)
        step_text = steps.get_option_at_index(0).prompt.plain
        assert "Bel [b]Ans[/b]" in step_text
        assert "te laat" in step_text  # due 31-10, today 2-11
        recent.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)
        markdown = app.screen.query_one(Markdown)
        text = markdown.source
        assert "Vet?" in text and "\x1b" not in text
        rendered = " ".join(
            getattr(block, "_content", None).plain
            for block in markdown.query("MarkdownBlock")
            if getattr(block, "_content", None) is not None
        )
        assert "[red]niet rood[/]" in rendered
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # marking the overdue step done removes it from the list
        home.query_one("#steps", OptionList).focus()
        await pilot.press("d")
        await pilot.pause()
        assert not home.query("#steps")
    check = JournalStore.open(journal_path, CLOCK)
    assert check.get(rid).next_steps[0].done
    check.close()


async def test_markup_in_the_session_title_stays_literal(make_app):
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("n")
        await pilot.pause()
        title = session(app).query_one("#title", Input)
        await type_text(pilot, "[/]")
        await pilot.pause()
        assert title.value == "[/]"
        assert session(app).flow.reflection.title == "[/]"


class FailingStore:
    def __init__(self) -> None:
        self.calls = 0

    def save(self, reflection, *, base=None, handed_over=False) -> None:
        self.calls += 1
        raise ReflectError("het dagboek is vergrendeld door een ander programma")

    def close(self) -> None:
        pass


async def test_save_error_is_a_notice_and_text_stays(make_app):
    failing = FailingStore()
    app = make_app(open_writer_store=lambda: failing)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Niet kwijt")
        await pilot.pause(0.3)
        app.saver.flush(timeout=2)
        await pilot.pause()
        errors = notices(app, "error")
        assert errors and "vergrendeld" in errors[-1]
        assert failing.calls >= 1
        assert session(app).query_one("#title", Input).value == "Niet kwijt"
        # Quitting with unsaved text asks once more instead of losing it.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_value is None  # still running: it did not exit
        assert strings.QUIT_UNSAVED in notices(app, "warning")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_value == 0  # the second ctrl+q quits anyway


async def test_palette_has_our_actions_and_no_screenshot(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert strings.CMD_NEW in titles and strings.CMD_HELP in titles
        assert not any("screenshot" in t.lower() for t in titles)
        app.action_screenshot()
        app.save_screenshot()
        await pilot.pause()
        assert list(tmp_path.glob("*.svg")) == []
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await type_text(pilot, "Nieuwe")
        # The palette searches in a worker: Enter picks from what it found.
        await drain(pilot)
        assert app.screen.query_one("CommandList", OptionList).option_count
        await pilot.press("enter")
        await pilot.pause()
        assert session(app).flow.current.key == "intake"


async def test_help_on_f1_and_question_mark(make_app):
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("f1")  # works even while typing in a field
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert session(app).flow.current.key == "intake"


async def test_empty_journal_explains_the_method(make_app):
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        welcome = app.screen.query_one("#welcome")
        assert "luisteren, samenvatten en doorvragen" in str(welcome.render())
        assert not app.screen.query("#recent")


async def test_hundred_kilobyte_answer_with_emoji_survives(make_app, read_journal):
    big = ("Bewoners 🎉 zeiden: [b]niet[/b] weer\t" * 3000)[:100_000]
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        s.flow.set_practices(["oplossingen"])
        s.flow.go_to("lsd:oplossingen:luisteren")
        await s.show_step()
        await pilot.pause()
        answer = s.query_one("#answer")
        answer.insert(big)
        await pilot.press("end")
        await type_text(pilot, "!")
        await pilot.pause(0.2)
        assert app.saver.flush(timeout=5)
        rid = s.flow.reflection.id
        await pilot.press("ctrl+q")
    stored = read_journal().get(rid).answer_for("oplossingen", "luisteren")
    assert stored is not None
    assert len(stored.text) == 100_001
    assert stored.text.startswith("Bewoners 🎉 zeiden: [b]niet[/b]")


async def test_content_notices_are_shown_without_markup(make_app):
    notice = "inhoudslaag [overgeslagen]: /tmp/x.yaml:3:1: fout"
    app = make_app(notices=(notice,))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert notice in notices(app, "warning")
        assert app.focused is not None and app.focused.id == "new"


async def test_palette_in_a_session_offers_save_and_home(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert strings.CMD_SAVE in titles and strings.CMD_HOME in titles
        assert strings.CMD_RESUME in titles  # the new draft is resumable
        await app.action_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
