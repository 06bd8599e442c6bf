"""The insights screen: how your practice develops over time.

Every number comes from ``core.insights.compute`` (the numbers ``reflect
stats`` prints), computed in a thread worker so the screen draws at once.
Each line is an option in an ``OptionList``: Enter opens the reflections
behind its number in the journal screen (``insights.drill_query``).

Charts are text, not a chart widget: bars and sparklines are block
characters in the line itself, so they stay readable under ``NO_COLOR``
(height and length carry the value, not colour), they are selectable like
any other line, and no plotting dependency is needed. Textual's
``Sparkline`` widget was the alternative for the ratings; it is one widget
per series, cannot be selected, and its min/max colours carry part of the
meaning. ``textual-plot`` (plotext) would add a dependency for a few
sparklines.

There are no streaks: the calendar shows when you reflected, not how many
days in a row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.core import insights as core
from reflect_tui.core.dates import format_date
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.wording import by_count, decimal, percent
from reflect_tui.tui import strings
from reflect_tui.tui.screen_state import is_open
from reflect_tui.tui.text import join, plain

if TYPE_CHECKING:
    from reflect_tui.core.insights import Count, Insights
    from reflect_tui.tui.app import ReflectApp

BAR_WIDTH = 20
SPARK = "▁▂▃▄▅▆▇█"
SPARK_GAP = "·"  # a month without a rating (seen without colour too)
HEAT = "·░▒▓█"  # 0, 1, 2, 3, 4+ reflections on a day
SPARK_MONTHS = 24
WEEK_LABEL = 21  # "week van 23-11-2026" and a space


def bar(value: int, largest: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")


def sparkline(values: list[float | None], low: float = 1.0, high: float = 5.0) -> str:
    """One block character per value, its height the value between ``low`` and
    ``high``; ``SPARK_GAP`` for a month without one."""
    span = high - low or 1.0
    return "".join(
        SPARK_GAP
        if v is None
        else SPARK[min(len(SPARK) - 1, max(0, round((v - low) / span * (len(SPARK) - 1))))]
        for v in values
    )


def heat(n: int) -> str:
    return HEAT[min(n, len(HEAT) - 1)]


def _essay_label(rank: int | None) -> str:
    """'essay: 3', or whose item it is when the essay does not name it."""
    if rank is None:
        return strings.INSIGHTS_OWN_ITEM
    return strings.INSIGHTS_ESSAY_RANK.format(rank=rank)


def drill_id(drill: core.Drill) -> str:
    return f"{drill.kind}|{drill.key}"


def share_trend(trend: str, now: int, before: int) -> str:
    """A count's arrow with the shares it compares (``core.insights.share_trend``)."""
    if not trend:
        return ""
    arrow = strings.INSIGHTS_ARROWS[trend]
    return strings.INSIGHTS_SHARE_TREND.format(arrow=arrow, now=now, before=before)


class InsightsScreen(Screen[None]):
    DEFAULT_CSS = """
    #insights-body { padding: 0 2; }
    #insights-body OptionList { height: auto; max-height: 60; border: none; padding: 0; }
    #insights-body .section-title { margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", strings.KEY_BACK),
        Binding("w", "window('week')", "Week", show=False),
        Binding("m", "window('month')", "Maand", show=False),
        Binding("k", "window('quarter')", "Kwartaal", show=False),
        Binding("j", "window('year')", "Jaar", show=False),
        # The whole screen, not the focused list: each section is its own
        # OptionList of auto height, which took these keys for itself and
        # moved only within its few lines (a tester reached the calendar and
        # the next steps only by Tab). Priority: checked before the list's own.
        Binding("pagedown", "scroll_body('down')", show=False, priority=True),
        Binding("pageup", "scroll_body('up')", show=False, priority=True),
        Binding("home", "scroll_body('home')", show=False, priority=True),
        Binding("end", "scroll_body('end')", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.result: Insights | None = None
        self.window = "quarter"
        # What each line is about, for the journal's title when it is opened
        # (Enter): the row's own text carried its bars and dots along.
        self._what: dict[str, str] = {}
        # Lines whose journal gets a title of its own (``INSIGHTS_DRILL_TITLES``).
        self._titles: dict[str, str] = {}

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="insights-body"):
            yield Static(plain(strings.INSIGHTS_LOADING), id="insights-loading", classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = strings.INSIGHTS_TITLE
        self._compute()

    @work(thread=True, exclusive=True, group="insights")
    def _compute(self) -> None:
        app = self.reflect_app
        try:
            result = core.in_content_order(core.compute(app.store, app.clock.today()), app.content)
        except ReflectError as exc:
            self.app.call_from_thread(self._failed, strings.ERROR_GENERIC.format(error=exc))
            return
        self.app.call_from_thread(self._show, result)

    def _failed(self, message: str) -> None:
        """The reason takes the place of "Inzichten berekenen…" (which otherwise
        stayed forever on a damaged or locked journal) and shows as a notice."""
        if not is_open(self):
            return
        self.notify(message, severity="error", markup=False)
        for loading in self.query("#insights-loading").results(Static):
            loading.update(plain(message))
            loading.add_class("error")

    def _show(self, result: Insights) -> None:
        if not is_open(self):
            return  # left (or the app closed) while the figures were computed
        self.result = result
        body = self.query_one("#insights-body")
        body.remove_children()
        if not result.total:
            body.mount(Static(plain(strings.INSIGHTS_EMPTY), id="insights-empty"))
            return
        body.mount_all(list(self._sections(result)))
        self.query(OptionList).first().focus(scroll_visible=False)

    # -- sections ---------------------------------------------------------------

    def _label(self, collection: str, item_id: str) -> str:
        return self.reflect_app.content.name_of(collection, item_id)

    def _sections(self, r: Insights) -> Any:
        arrows = strings.INSIGHTS_ARROWS_NOTE if r.has_trends else ""
        intro = arrows.format(days=core.RECENT_DAYS) + strings.INSIGHTS_KEYS
        yield Static(plain(intro), classes="hint", id="insights-intro")
        totals = core.totals(r)
        for key, n, drill in totals:
            self._titles[drill_id(drill)] = strings.INSIGHTS_DRILL_TITLES[key].format(
                n=n, days=core.RECENT_DAYS
            )
        yield OptionList(
            *(
                Option(
                    plain(by_count(strings.INSIGHTS_TOTALS[key], n, days=core.RECENT_DAYS)),
                    id=drill_id(drill),
                )
                for key, n, drill in totals
            ),
            id="insights-totals",
        )
        yield from self._counts(strings.INSIGHTS_PRACTICES, "practices", r.practices, "prac")
        yield from self._ratings(r)
        for title, collection, counts in (
            (strings.INSIGHTS_BARRIERS, "barriers", r.barriers),
            (strings.INSIGHTS_HELPS, "helps", r.helps),
        ):
            yield from self._table(title, collection, counts)
        yield from self._counts(strings.INSIGHTS_KINDS, "case_kinds", r.case_kinds, "kinds")
        yield Static(
            plain(strings.INSIGHTS_CALENDAR.format(window=strings.INSIGHTS_WINDOWS[self.window])),
            classes="section-title",
            id="calendar-title",
        )
        yield Static(plain(strings.INSIGHTS_CALENDAR_HINT), classes="hint")
        yield OptionList(*self._calendar_options(r), id="insights-calendar")
        yield from self._skips(r)
        yield from self._steps(r)

    def _counts(self, title: str, collection: str, counts: tuple[Count, ...], list_id: str) -> Any:
        yield Static(plain(title), classes="section-title")
        largest = max((c.count for c in counts), default=0)
        width = max((len(self._label(collection, c.key)) for c in counts), default=0)
        for c in counts:
            self._what[drill_id(c.drill)] = f"{self._label(collection, c.key)} ({c.count}×)"
        options = [
            Option(
                join(
                    plain(f"{self._label(collection, c.key):<{width}}  {c.count:>5}×  "),
                    plain(f"{bar(c.count, largest):<{BAR_WIDTH}}", "$accent"),
                    plain(
                        f"  {share_trend(c.trend, c.recent_share, c.before_share)}", "$text-muted"
                    ),
                ),
                id=drill_id(c.drill),
            )
            for c in counts
        ]
        yield OptionList(*options, id=f"insights-{list_id}")

    def _ratings(self, r: Insights) -> Any:
        span = core.month_span(r.ratings, r.today, SPARK_MONTHS)
        title = strings.INSIGHTS_RATINGS
        if span:
            first, last = (f"{int(m[5:])}-{m[:4]}" for m in (span[0], span[-1]))
            title = strings.INSIGHTS_RATINGS_SPAN.format(first=first, last=last)
        yield Static(plain(title), classes="section-title")
        series = r.ratings  # in content order (``core.in_content_order``)
        width = max((len(self._label("principles", s.principle)) for s in series), default=0)
        options = []
        for s in series:
            by_month = {m: v for m, v, _n in s.months}
            months = [by_month.get(m) for m in span]
            mean = decimal(s.mean) if s.mean is not None else "-"
            self._what[drill_id(s.drill)] = self._label("principles", s.principle)
            options.append(
                Option(
                    join(
                        plain(f"{self._label('principles', s.principle):<{width}}  "),
                        plain(f"{sparkline(months):<{SPARK_MONTHS}}", "$accent"),
                        plain(f"  gem. {mean}  {strings.INSIGHTS_RATING_TREND[s.trend]}"),
                    ),
                    id=drill_id(s.drill),
                )
            )
        yield OptionList(*options, id="insights-ratings")

    def _table(self, title: str, collection: str, counts: tuple[Count, ...]) -> Any:
        yield Static(plain(title), classes="section-title")
        if collection == "barriers":
            yield Static(plain(strings.INSIGHTS_ESSAY_NOTE), classes="hint")
        factors = list(getattr(self.reflect_app.content, collection))
        rows = core.own_table(counts, factors, collection)
        width = max((len(self._label(collection, row.factor_id)) for row in rows), default=0)
        options = []
        for row in rows:
            rank = f"{row.own_rank}." if row.own_rank else strings.INSIGHTS_TABLE_NEVER
            self._what[drill_id(core.Drill(collection, row.factor_id))] = (
                f"{self._label(collection, row.factor_id)} ({row.times}×)"
            )
            options.append(
                Option(
                    join(
                        plain(f"{rank:>3} {self._label(collection, row.factor_id):<{width}}"),
                        plain(f"  {row.times:>5}×  {_essay_label(row.essay_rank)}", "$text-muted"),
                        plain(f"  {share_trend(row.trend, row.recent_share, row.before_share)}"),
                    ),
                    id=drill_id(core.Drill(collection, row.factor_id)),
                )
            )
        yield OptionList(*options, id=f"insights-{collection}")

    def _calendar_options(self, r: Insights) -> list[Option]:
        grid = core.calendar(r.days, self.window, r.today)
        options = [Option(plain(f"{'':<{WEEK_LABEL}}{strings.WEEKDAYS_SHORT}"), disabled=True)]
        for week in grid:
            monday, sunday = week[0].day, week[-1].day
            cells = " ".join((heat(c.reflections) * 2 if c.in_window else "  ") for c in week)
            total = sum(c.reflections for c in week if c.in_window)
            label = strings.INSIGHTS_WEEK_ROW.format(monday=format_date(monday))
            week_id = drill_id(core.Drill("days", f"{monday.isoformat()}..{sunday.isoformat()}"))
            self._what[week_id] = label
            options.append(
                Option(
                    join(
                        plain(f"{label:<{WEEK_LABEL}}"),
                        plain(cells, "$accent"),
                        plain(f"  {total}"),
                    ),
                    id=week_id,
                )
            )
        return options

    def _skips(self, r: Insights) -> Any:
        yield Static(
            plain(by_count(strings.INSIGHTS_SKIPS, core.SKIP_WINDOW)), classes="section-title"
        )
        options = []
        for s in r.skips:
            if not s.chosen:
                continue
            options.append(
                Option(
                    plain(
                        strings.INSIGHTS_SKIP_ROW.format(
                            practice=self._label("practices", s.practice),
                            step=self._label("lsd_steps", s.step),
                            skipped=s.skipped,
                            chosen=s.chosen,
                            share=percent(s.skipped, s.chosen),
                        )
                    ),
                    id=drill_id(s.drill),
                )
            )
        yield OptionList(*options, id="insights-skips")

    def _steps(self, r: Insights) -> Any:
        yield Static(plain(strings.INSIGHTS_STEPS), classes="section-title")
        steps = r.next_steps
        rows = (
            ("done", strings.INSIGHTS_STEPS_DONE, steps.done),
            ("open", strings.INSIGHTS_STEPS_OPEN, steps.open),
            ("overdue", strings.INSIGHTS_STEPS_OVERDUE, steps.overdue),
            ("undated", strings.INSIGHTS_STEPS_UNDATED, steps.undated),
        )
        for key, _text, n in rows:
            title = strings.INSIGHTS_DRILL_TITLES[key].format(n=n)
            self._titles[drill_id(core.Drill("steps", key))] = title
        yield OptionList(
            *(
                Option(plain(text.format(n=n)), id=drill_id(core.Drill("steps", key)))
                for key, text, n in rows
            ),
            id="insights-steps",
        )

    # -- interaction -------------------------------------------------------------------

    def action_window(self, window: str) -> None:
        # No calendar to redraw while the figures load, nor on an empty journal
        # (its one line replaces every section): looking it up ended the app.
        if self.result is None or not self.result.total or window not in core.WINDOWS:
            return
        self.window = window
        self.query_one("#calendar-title", Static).update(
            plain(strings.INSIGHTS_CALENDAR.format(window=strings.INSIGHTS_WINDOWS[window]))
        )
        calendar = self.query_one("#insights-calendar", OptionList)
        calendar.set_options(self._calendar_options(self.result))

    def action_scroll_body(self, where: str) -> None:
        """Scroll the body a page (or to its start or end) and put the focus on
        the first section now in view (the last one for End), so Enter and the
        arrows work where the eye is; the focus moves without scrolling back."""
        body = self.query_one("#insights-body", VerticalScroll)
        lists = list(body.query(OptionList).results(OptionList))
        page = body.scrollable_content_region.height
        top = {
            "down": body.scroll_y + page,
            "up": body.scroll_y - page,
            "home": 0,
            "end": body.max_scroll_y,
        }.get(where, body.scroll_y)
        top = max(0, min(int(top), body.max_scroll_y))
        body.scroll_to(y=top, animate=False, immediate=True)
        if not lists:
            return
        if where == "end":
            target = lists[-1]
        else:
            bottom = top + page
            starts = [w for w in lists if top <= w.virtual_region.y < bottom]
            overlaps = [w for w in lists if w.virtual_region.bottom > top]
            target = (starts or overlaps or lists)[0]
        target.focus(scroll_visible=False)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id or "|" not in event.option.id:
            return
        kind, key = event.option.id.split("|", 1)
        prompt = event.option.prompt
        heading = self._titles.get(event.option.id)
        if heading is None:
            what = self._what.get(event.option.id) or " ".join(
                str(getattr(prompt, "plain", prompt)).split()
            )
            heading = strings.INSIGHTS_DRILL_TITLE.format(what=what[:60])
        self._open_drill(core.Drill(kind, key), heading)

    @work(thread=True, exclusive=True, group="insights-drill")
    def _open_drill(self, drill: core.Drill, heading: str) -> None:
        app = self.reflect_app
        today = app.clock.today()
        try:
            query = core.drill_query(app.store, core.scope_for(), drill, today)
        except ReflectError as exc:
            app.notify_error(exc)  # notify is safe from a worker thread
            return
        self.app.call_from_thread(self._push_journal, query, heading)

    def _push_journal(self, query: Any, heading: str) -> None:
        from reflect_tui.tui.screens.journal import JournalScreen

        if not is_open(self):
            return  # left before the drill's reflections were found
        self.app.push_screen(JournalScreen(query, heading))
