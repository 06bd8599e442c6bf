"""The journal screen: search, filter, read, edit, delete and export reflections.

Why it looks like this:

- One ``OptionList`` for the results, filled a page at a time (a first
  page about as long as the terminal is high, then ``query.PAGE_SIZE``
  rows whenever the highlight or the view comes near the end):
  a widget per row lags at a few hundred rows, and 50,000 options would take
  longer to build than the first page takes to find.
- Every change of the search words or a filter builds a new core
  ``JournalQuery`` and runs it in a thread worker (``exclusive``: a newer
  keystroke supersedes an older search); the list is replaced when the page
  arrives. Counting all matches scans more, so it follows in the same worker
  after the page is shown.
- The detail pane renders the highlighted reflection with the journal's
  Markdown renderer, which escapes user text (no Markdown or markup from
  answers), loaded in its own worker, drawn by one widget (``MarkdownPane``:
  Textual's Markdown widget mounted a widget per block, ~250 ms per row).
- Delete asks first (``ConfirmDialog``) and calls the core
  ``exports.delete_with_copies``, as ``reflect delete`` does; export writes what the
  filters select through ``export_set``, as ``reflect export`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, OptionList, Select, Static
from textual.worker import get_current_worker

from reflect_tui.core.dates import format_date, parse_date
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.query import PAGE_SIZE, JournalQuery, count, find
from reflect_tui.core.journal.store import Cancelled
from reflect_tui.core.wording import by_count
from reflect_tui.tui import heap, strings
from reflect_tui.tui.frames import PromptScreen
from reflect_tui.tui.screen_state import is_open
from reflect_tui.tui.text import join, one_line, path_lines, plain
from reflect_tui.tui.widgets.fixed_field import FixedField
from reflect_tui.tui.widgets.markdown_pane import MarkdownPane
from reflect_tui.tui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from reflect_tui.core.journal.summary import ReflectionSummary
    from reflect_tui.tui.app import ReflectApp

# Filter selects: widget id -> (JournalQuery field, content collection or None).
SELECTS: dict[str, tuple[str, str | None]] = {
    "filter-practice": ("practices", "practices"),
    "filter-kind": ("case_kinds", "case_kinds"),
    "filter-barrier": ("barriers", "barriers"),
    "filter-help": ("helps", "helps"),
    "filter-tag": ("tags", None),
    "filter-status": ("status", None),
}
DATES = {"filter-since": "since", "filter-until": "until"}
LABELS = {
    "filter-practice": strings.JOURNAL_FILTER_PRACTICE,
    "filter-kind": strings.JOURNAL_FILTER_KIND,
    "filter-barrier": strings.JOURNAL_FILTER_BARRIER,
    "filter-help": strings.JOURNAL_FILTER_HELP,
    "filter-tag": strings.JOURNAL_FILTER_TAG,
    "filter-status": strings.JOURNAL_FILTER_STATUS,
}
FILTER_LINE_MAX = 3  # rows the active-filter line may grow to
FIRST_PAGE_MIN = 30  # rows in a new query's first page at least (``_first_size``)
COUNT_DELAY = 0.3  # seconds without a newer query before all matches are counted
DETAIL_DELAY = 0.12  # seconds a row stays highlighted before it is rendered
TYPING_PAUSE = 0.4  # seconds after the last query change before the detail is rendered
TIDY_PAUSE = 0.8  # seconds without a query change before the heap is tidied (``tui/heap``)


def result_row(summary: ReflectionSummary) -> Any:
    """One line per reflection: date, "concept" for a draft, title.

    The draft marker comes before the title: after it, a long title cut it
    off at 80-100 columns and a draft looked finished."""
    parts: list[Any] = [plain(f"{format_date(summary.occurred_on):>10}  ", "$text-muted")]
    if summary.status == "draft":
        parts.append(plain(strings.JOURNAL_DRAFT_MARK, "$warning"))
    parts.append(plain(one_line(summary.title or strings.UNTITLED, 70)))
    return join(*parts)


def select_prompt(widget_id: str, current: object) -> str:
    """A filter select's prompt: with several values picked (``+``) it shows
    none of them, so it says how many (``Praktijk (2)``)."""
    label = LABELS[widget_id]
    if isinstance(current, tuple) and len(current) > 1:
        return strings.JOURNAL_FILTER_SEVERAL.format(label=label, n=len(current))
    return label


class JournalScreen(PromptScreen[None]):
    CSS_PATH = Path(__file__).parent / "journal.tcss"
    AUTO_FOCUS = "#journal-search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", strings.KEY_BACK),
        Binding("f", "toggle_filters", strings.KEY_FILTERS),
        Binding("e", "edit", strings.KEY_EDIT, show=False),  # Enter too; the hint line says so
        Binding("delete", "delete", strings.KEY_DELETE),
        Binding("x", "export", strings.KEY_EXPORT),
        Binding("slash", "focus_search", strings.KEY_SEARCH, show=False),
        Binding("i", "insights", strings.KEY_INSIGHTS, show=False),
        # Named in the filter panel's last line, not the footer (no room at 80 columns).
        Binding("plus", "pick_many", strings.KEY_PICK_MANY, show=False),
        # From a text field (the search box, a date filter) to the results: letters typed
        # there stay text, so f, x and Del only work once the list has focus.
        Binding("down", "focus_list", show=False),
    ]

    def __init__(
        self,
        query: JournalQuery | None = None,
        heading: str = "",
        *,
        ids_label: str = strings.JOURNAL_FILTER_IDS,
    ) -> None:
        """``ids_label``: how the active-filter line names a query on a fixed set
        of reflections (``query.ids``), after where the set came from."""
        super().__init__()
        self.journal_query = query or JournalQuery()
        self.heading = heading
        self.ids_label = ids_label
        self._date_problems: dict[str, str] = {}  # date filter field -> why it is no date
        # Read-only while a reflection is being written in this window: editing
        # another would close that session (one at a time), and Esc would then
        # lead home instead of back to the draft (set on mount).
        self.reading = False
        self.rows: list[ReflectionSummary] = []
        self.total: int | None = None
        self._generation = 0
        self._more = False
        self._shown_id: str | None = None
        self._changed_at = 0.0  # time.monotonic() of the last query change
        self._lines: dict[str, str] = {}  # what each one-line hint shows (``_set_line``)
        self.pages_built = 0  # list rebuilds (a page equal to the shown one is kept)

    @property
    def reflect_app(self) -> ReflectApp:
        return self.app  # type: ignore[return-value]

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="journal-main"):
            with Vertical(id="journal-left"):
                yield FixedField(
                    self.journal_query.text,
                    placeholder=strings.JOURNAL_SEARCH_PLACEHOLDER,
                    id="journal-search",
                    compact=True,
                )
                yield Static(id="journal-filter-line", classes="hint")
                # Filled when first opened (``f``): eight widgets less to build
                # before the first page, which is what the journal key waits for.
                yield Grid(id="journal-filters")
                yield ResultList(id="journal-list")
                yield Static(id="journal-count", classes="hint")
            with VerticalScroll(id="journal-detail"):
                yield MarkdownPane(strings.JOURNAL_DETAIL_EMPTY, id="journal-markdown")
        yield Footer(compact=True)

    def _filter_widgets(self) -> Iterator[Widget]:
        content = self.reflect_app.content
        for widget_id, (field, collection) in SELECTS.items():
            options: list[tuple[str, str]]
            if collection is not None:
                items = content.by_id(collection).values()
                options = [(str(getattr(i, "name", "")), str(getattr(i, "id", ""))) for i in items]
            elif field == "status":
                options = [(strings.STATUS_DRAFT, "draft"), (strings.STATUS_COMPLETE, "complete")]
            else:
                options = [(t, t) for t in self.journal_query.tags]
            current = getattr(self.journal_query, field)
            value = current[0] if isinstance(current, tuple) and current else current
            yield Select(
                [(plain(label), v) for label, v in options],
                prompt=select_prompt(widget_id, current),
                value=value if value in {v for _, v in options} else Select.NULL,
                id=widget_id,
                compact=True,
            )
        for widget_id, field in DATES.items():
            day = getattr(self.journal_query, field)
            yield Input(
                format_date(day),
                placeholder=(
                    strings.JOURNAL_FILTER_SINCE
                    if field == "since"
                    else strings.JOURNAL_FILTER_UNTIL
                ),
                id=widget_id,
                compact=True,
            )
        yield Static(plain(strings.JOURNAL_FILTER_MANY_HINT), id="filter-many-hint", classes="hint")

    def on_mount(self) -> None:
        self.reading = self.reflect_app.in_session()
        self.sub_title = self.heading or strings.JOURNAL_TITLE
        if not self.reflect_app.services.cursor_blink:  # tests and snapshots
            for field in self.query(Input):
                field.cursor_blink = False
        self._show_filter_line()
        self._first_page()
        self._warm_up()
        option_list = self.query_one("#journal-list", OptionList)
        self.watch(option_list, "scroll_y", self._list_scrolled, init=False)

    def _list_scrolled(self, scroll_y: float) -> None:
        """Scrolled (wheel, scroll bar) to within a few rows of the end: load more."""
        option_list = self.query_one("#journal-list", OptionList)
        end = option_list.virtual_size.height - option_list.size.height
        if scroll_y > 0 and scroll_y >= end - 5:  # not on a new page's reset to the top
            self._near_end()

    def _near_end(self) -> None:
        """The highlight or the view came near the last row shown: the next page."""
        if self._more:
            self._more = False
            self._fetch_more(self.journal_query, self._generation, len(self.rows))

    def _first_page(self) -> None:
        """The first page in the first frame: newest first, a date-index walk
        that stops after one page (about a millisecond), so no worker round trip.
        Search words go through the worker (the word list may still be loading)."""
        if self.journal_query.text.strip():
            self.refresh_results()
            return
        self._generation += 1
        try:
            size = self._first_size()
            rows = find(self.reflect_app.store, self.journal_query, size + 1)
        except ReflectError as exc:
            self._failed(exc)
            return
        self._show_page(self._generation, rows, True, size)
        self._count(self.journal_query, self._generation)

    @work(thread=True, exclusive=True, group="journal-count")
    def _count(self, query: JournalQuery, generation: int) -> None:
        try:
            total = count(self.reflect_app.store, query, self._outdated(generation), reuse=True)
        except (ReflectError, Cancelled):
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_count, generation, total)

    @work(thread=True, group="journal-warm-up")
    def _warm_up(self) -> None:
        """Load the Dutch word list now, not on the first typed key (about half a
        second); then, on the UI thread, freeze what the open screen holds."""
        from reflect_tui.core.text_analysis import warm_up

        warm_up()
        self.app.call_from_thread(self._freeze_heap)

    _frozen = False

    def _freeze_heap(self) -> None:
        """The screen, its modules and the word list stay while it is open: out
        of the collector's full passes with them (``tui.heap``), so no search
        keystroke pays a full pass over them."""
        if self.is_attached and not self._frozen:
            self._frozen = True
            heap.freeze()

    def on_unmount(self) -> None:
        if self._frozen:
            heap.release(self.app.call_after_refresh)

    # -- running the query ------------------------------------------------------

    def refresh_results(self) -> None:
        """Run the current query again (after typing, a filter, a delete)."""
        self._generation += 1
        self.total = None
        self._fetch(self.journal_query, self._generation, self._first_size())

    def _first_size(self) -> int:
        """How many rows a new query's first page holds: what the list can show
        (the terminal's height bounds it), not a full ``PAGE_SIZE``. Each
        keystroke then fetches, builds and measures ~40 rows instead of 100,
        and a rare filter walks the date index until 40 matches, not 100
        (issue 13); further rows come as the list is scrolled or the highlight
        reaches the end (``_near_end``)."""
        return min(PAGE_SIZE, max(FIRST_PAGE_MIN, self.app.size.height))

    @work(thread=True, exclusive=True, group="journal-page")
    def _fetch(self, query: JournalQuery, generation: int, size: int) -> None:
        store = self.reflect_app.store
        try:
            rows = find(store, query, size + 1, reuse=True)
        except ReflectError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_page, generation, rows, True, size)
        # Counting every match scans more than a page and holds the journal
        # while it runs; while the user is still typing, the next keystroke's
        # page must not wait behind it, so the count waits for a pause first.
        time.sleep(COUNT_DELAY)
        if get_current_worker().is_cancelled:
            return
        try:
            total = count(store, query, self._outdated(generation), reuse=True)
        except (ReflectError, Cancelled):
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_count, generation, total)

    def _outdated(self, generation: int) -> Callable[[], bool]:
        """True once a newer query was asked for: its count then stops at once,
        so the new page never waits for an old count on the shared connection."""
        return lambda: generation != self._generation

    @work(thread=True, exclusive=True, group="journal-more")
    def _fetch_more(self, query: JournalQuery, generation: int, offset: int) -> None:
        try:
            rows = find(self.reflect_app.store, query, PAGE_SIZE + 1, offset, reuse=True)
        except ReflectError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._show_page, generation, rows, False)

    def _failed(self, exc: ReflectError) -> None:
        if is_open(self):
            self.reflect_app.notify_error(exc)

    def _show_page(
        self, generation: int, rows: list[ReflectionSummary], reset: bool, size: int = PAGE_SIZE
    ) -> None:
        """Show a page of ``size`` rows (one more was asked for: is there more?)."""
        if generation != self._generation or not is_open(self):
            return  # an older query's answer, or the screen was left meanwhile
        self._more = len(rows) > size
        rows = rows[:size]
        if reset:
            # The hint lines change with the list they describe, in the same
            # paint: set at the key, they cost a paint of their own that a
            # fast query's page then waited behind (issue 13).
            self._show_filter_line()
            if self.total is None:
                self._set_line("#journal-count", strings.JOURNAL_COUNTING)
        if reset and rows and rows == self.rows:
            # The same reflections as shown (typing on within a word often
            # gives the same stem: "bom", "bome", "bomen"): the list already
            # shows this page, and rebuilding it would repaint every row.
            self._refresh_keys()
            if self._resumed_id is not None:
                self._show_resumed(rows)
            return
        self.pages_built += 1
        option_list = self.query_one("#journal-list", ResultList)
        # The same Option for a row shown before: its rendered lines are kept.
        options = [option_list.option_for(s, partial(result_row, s), s.id) for s in rows]
        if reset:
            # The new page is what the key waits for: painted as soon as it
            # reaches the screen, not a frame slot after the typed letter.
            self.paint_soon()
            self.rows = list(rows)
            option_list.set_options(options)
            if rows and self._resumed_id is not None:
                self._show_resumed(rows)
            elif rows:
                option_list.highlighted = 0
            else:
                self._resumed_id = None
                # Forget which reflection the pane showed: when the rows come
                # back with that one highlighted first, it must be shown again.
                self._shown_id = None
                self._show_detail_text(self._nothing_text())
        else:
            self.rows.extend(rows)
            option_list.add_options(options)
        self._refresh_keys()

    def _nothing_text(self) -> str:
        return (
            strings.JOURNAL_NONE_FOUND if self.journal_query.is_filtered else strings.JOURNAL_EMPTY
        )

    def _show_count(self, generation: int, total: int) -> None:
        if generation != self._generation or not is_open(self):
            return
        self.total = total
        text = by_count(strings.JOURNAL_COUNT, total)
        self._set_line("#journal-count", text)

    def set_query(self, query: JournalQuery) -> None:
        if query != self.journal_query:
            self.journal_query = query
            self._changed_at = time.monotonic()
            self.refresh_results()
            self._tidy_when_paused()

    _tidy_timer: Timer | None = None

    def _tidy_when_paused(self) -> None:
        """Tidy the heap once typing and filtering pause (``heap.tidy``), so the
        collector's full pass over what the queries left runs between
        keystrokes, not inside one."""
        if self._tidy_timer is not None:
            self._tidy_timer.stop()
        self._tidy_timer = self.set_timer(TIDY_PAUSE, self._tidy)

    def _tidy(self) -> None:
        self._tidy_timer = None
        if self._frozen and self.is_attached:
            heap.tidy()

    # -- search and filters -------------------------------------------------------

    @on(Input.Changed, "#journal-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.set_query(self.journal_query.replace(text=event.value))

    @on(Input.Submitted, "#journal-search")
    def _search_submitted(self) -> None:
        self.query_one("#journal-list", OptionList).focus()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        field, _collection = SELECTS.get(event.select.id or "", ("", None))
        if not field:
            return
        value = None if event.value is Select.NULL else str(event.value)
        event.select.prompt = LABELS[event.select.id or ""]  # one value or none now
        if field == "status":
            self.set_query(self.journal_query.replace(status=value))
        else:
            self.set_query(self.journal_query.replace(**{field: (value,) if value else ()}))

    @on(Input.Changed, "#filter-since, #filter-until")
    def _date_changed(self, event: Input.Changed) -> None:
        field = DATES[event.input.id or ""]
        try:
            day: date | None = parse_date(event.value, self.reflect_app.clock.today())
        except ValueError:
            # Said on the filter line, as the date dialogs do (a colour alone
            # went unnoticed: the list kept the last date that could be read).
            event.input.add_class("-invalid")
            self._date_problems[field] = strings.JOURNAL_DATE_INVALID.format(
                field=strings.JOURNAL_DATE_FIELDS[field], text=one_line(event.value, 20)
            )
            self._show_filter_line()
            return
        event.input.remove_class("-invalid")
        had_problem = self._date_problems.pop(field, None) is not None
        self.set_query(self.journal_query.replace(**{field: day}))
        if had_problem:
            self._show_filter_line()

    def _show_filter_line(self) -> None:
        parts = self._describe_filters()
        if self._date_problems:
            text = " ".join(self._date_problems.values())
        elif parts:
            text = strings.JOURNAL_FILTERS_ACTIVE.format(filters=" · ".join(parts))
        elif self._in_text_field():
            text = strings.JOURNAL_SEARCH_HINT
        elif self.reading:
            text = strings.JOURNAL_FILTER_HINT_READING
        else:
            text = strings.JOURNAL_FILTER_HINT
        self._set_line("#journal-filter-line", one_line(text, 300))

    def _set_line(self, selector: str, text: str) -> None:
        """Show ``text`` in one of the one-line hints (the filters, the count).

        Only when it changed, and without a layout: both lines have a fixed
        size (``journal.tcss``), and a layout arranges and repaints the whole
        screen, which on every keystroke cost more than the list update
        itself (issue 13)."""
        if self._lines.get(selector) == text:
            return
        self._lines[selector] = text
        self.query_one(selector, Static).update(plain(text), layout=False)

    _filter_rows = 1

    def _fit_filter_line(self, static: Static, text: str) -> None:
        """The active filters wrap over up to ``FILTER_LINE_MAX`` rows instead of
        being cut (at 80 columns the line is ~38 wide).

        A new height lays out the whole screen, which a filter change must not
        pay for (issue 13 measures it): while the filter panel is open, where
        filters change, the line keeps ``FILTER_LINE_MAX`` rows; closed, it
        gets the rows its text needs. Both are set only when the panel opens
        or closes, or the screen is resized (a layout then anyway), never
        when the text changes (``_set_line``)."""
        if self.query_one("#journal-filters").has_class("-open"):
            rows = FILTER_LINE_MAX
        else:
            width = static.content_region.width
            if width <= 0:
                return  # not laid out yet: ``on_resize`` fits it
            wrapped = plain(text).wrap(width)
            rows = max(1, min(FILTER_LINE_MAX, len(wrapped)))
        if rows != self._filter_rows:
            self._filter_rows = rows
            static.styles.height = rows

    def on_resize(self) -> None:
        text = self._lines.get("#journal-filter-line")
        if text is not None:
            self._fit_filter_line(self.query_one("#journal-filter-line", Static), text)

    def _describe_filters(self) -> list[str]:
        q = self.journal_query
        content = self.reflect_app.content

        def names(collection: str, ids: tuple[str, ...]) -> str:
            # Short names where the content has them (practices), and "of"
            # between values: names may hold commas ("Buiten op binnen
            # aansluiten, en omgekeerd"), so commas made the list ambiguous.
            found = content.by_id(collection)
            return strings.JOURNAL_FILTER_OR.join(
                str(getattr(found.get(i), "short", "") or getattr(found.get(i), "name", i))
                for i in ids
            )

        parts = []
        if q.ids is not None:
            parts.append(self.ids_label)
        if q.steps is not None:
            state = strings.JOURNAL_STEP_STATES.get(q.steps[0], q.steps[0])
            parts.append(f"{strings.JOURNAL_FILTER_STEPS}: {state}")
        for label, collection, ids in (
            (strings.JOURNAL_FILTER_PRACTICE, "practices", q.practices),
            (strings.JOURNAL_FILTER_KIND, "case_kinds", q.case_kinds),
            (strings.JOURNAL_FILTER_BARRIER, "barriers", q.barriers),
            (strings.JOURNAL_FILTER_HELP, "helps", q.helps),
            (strings.JOURNAL_FILTER_RATED, "principles", q.rated),
        ):
            if ids:
                parts.append(f"{label}: {names(collection, ids)}")
        if q.tags:
            parts.append(f"{strings.JOURNAL_FILTER_TAG}: {strings.JOURNAL_FILTER_OR.join(q.tags)}")
        if q.status:
            status = strings.STATUS_DRAFT if q.status == "draft" else strings.STATUS_COMPLETE
            parts.append(f"{strings.JOURNAL_FILTER_STATUS}: {status}")
        if q.since or q.until:
            parts.append(f"{format_date(q.since)} – {format_date(q.until)}".strip())
        return parts

    @work(thread=True, exclusive=True, group="journal-tags")
    def load_tags(self) -> None:
        from reflect_tui.core.journal.query import distinct_tags

        try:
            tags = distinct_tags(self.reflect_app.store)
        except ReflectError:
            return
        self.app.call_from_thread(self._set_tags, tags)

    def _set_tags(self, tags: list[str]) -> None:
        if not is_open(self):  # left while the tags were read
            return
        self._tags = tuple(tags)
        select = self.query_one("#filter-tag", Select)
        current = select.value
        select.set_options([(plain(t), t) for t in tags])
        if current is not Select.NULL and current in tags:
            select.value = current

    def action_toggle_filters(self) -> None:
        filters = self.query_one("#journal-filters")
        if not filters.children:
            filters.mount_all(list(self._filter_widgets()))
            if not self.reflect_app.services.cursor_blink:
                for field in filters.query(Input):
                    field.cursor_blink = False
            self.load_tags()
        filters.toggle_class("-open")
        line = self.query_one("#journal-filter-line", Static)
        self._fit_filter_line(line, self._lines.get("#journal-filter-line", ""))
        self.refresh_bindings()  # "+" is offered while the filters are open
        if filters.has_class("-open"):
            self.call_after_refresh(self._focus_first_filter)
        else:
            self.query_one("#journal-list", OptionList).focus()

    def _focus_first_filter(self) -> None:
        for select in self.query("#filter-practice").results(Select):
            select.focus()

    _tags: tuple[str, ...] = ()

    def _filter_options(self, widget_id: str) -> list[tuple[str, str]]:
        """(label, value) of every value a filter select offers."""
        field, collection = SELECTS[widget_id]
        if collection is not None:
            items = self.reflect_app.content.by_id(collection).values()
            return [(str(getattr(i, "name", "")), str(getattr(i, "id", ""))) for i in items]
        return [(t, t) for t in dict.fromkeys([*getattr(self.journal_query, field), *self._tags])]

    def action_pick_many(self) -> None:
        """Several values of the focused filter's kind (``+``), in a dialog."""
        from reflect_tui.tui.dialogs.pick_many import PickManyDialog

        widget_id = "filter-practice"
        node = self.focused
        while node is not None:
            if isinstance(node, Select) and node.id in SELECTS and node.id != "filter-status":
                widget_id = node.id
                break
            node = node.parent if isinstance(node.parent, Widget) else None
        field, _collection = SELECTS[widget_id]
        select = self.query_one(f"#{widget_id}", Select)
        title = strings.PICK_TITLE.format(kind=LABELS[widget_id])

        def picked(values: tuple[str, ...] | None) -> None:
            if values is None:
                return
            with select.prevent(Select.Changed):
                select.value = values[0] if len(values) == 1 else Select.NULL
                select.prompt = select_prompt(widget_id, values)
            self.set_query(self.journal_query.replace(**{field: values}))

        chosen = getattr(self.journal_query, field)
        self.app.push_screen(PickManyDialog(title, self._filter_options(widget_id), chosen), picked)

    def _in_text_field(self) -> bool:
        return isinstance(self.focused, Input)

    def on_descendant_focus(self) -> None:
        """The hint line names the keys that work where the focus now is."""
        self._show_filter_line()

    def action_focus_list(self) -> None:
        self.query_one("#journal-list", OptionList).focus()

    def action_focus_search(self) -> None:
        self.query_one("#journal-search", Input).focus()

    # -- the highlighted reflection ---------------------------------------------------

    @on(OptionList.OptionHighlighted, "#journal-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        if index >= len(self.rows) - 1:
            self._near_end()
        if event.option.id and event.option.id != self._shown_id:
            self._shown_id = event.option.id
            self._load_detail(event.option.id)
        self._refresh_keys()

    @work(thread=True, exclusive=True, group="journal-detail")
    def _load_detail(self, reflection_id: str) -> None:
        from reflect_tui.tui.render import reflection_markdown

        # Rendering Markdown is the costliest thing this screen does on the UI
        # thread (one widget now, ``MarkdownPane``; still some milliseconds for
        # Rich to lay out a long reflection), so it waits until
        # the row stays highlighted for a moment *and* typing or filtering
        # paused: rendered between two keystrokes it would hold up the next
        # keystroke's list update.
        time.sleep(DETAIL_DELAY)
        while (wait := self._changed_at + TYPING_PAUSE - time.monotonic()) > 0:
            if get_current_worker().is_cancelled:
                return
            time.sleep(min(wait, 0.1))
        if get_current_worker().is_cancelled:
            return
        app = self.reflect_app
        try:
            text = reflection_markdown(app.store.get(reflection_id), app.content)
        except ReflectError as exc:
            text = strings.ERROR_GENERIC.format(error=exc)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_detail_text, text)

    def _show_detail_text(self, text: str) -> None:
        # A worker's result can arrive just after the screen was left (its
        # widgets are gone then; looking them up would end the app).
        if not is_open(self):
            return
        self.query_one("#journal-markdown", MarkdownPane).show(text)
        self.query_one("#journal-detail").scroll_home(animate=False)

    def highlighted_summary(self) -> ReflectionSummary | None:
        option_list = self.query_one("#journal-list", OptionList)
        index = option_list.highlighted
        if index is None or index >= len(self.rows):
            return None
        return self.rows[index]

    _keys_state: tuple[bool, bool] | None = None

    def _refresh_keys(self) -> None:
        """Redraw the footer's keys only when edit/delete or export became
        (un)available: each refresh rebuilds the footer's key widgets, which
        cost more than the list update itself on every keystroke."""
        state = (self.highlighted_summary() is not None, bool(self.rows))
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_many":
            return self.query_one("#journal-filters").has_class("-open")
        if action == "focus_list":
            return self._in_text_field()
        if action == "delete" and self.reading:
            return False
        if action in ("edit", "delete"):
            return self.highlighted_summary() is not None
        if action == "export":
            return bool(self.rows)
        return True

    # -- edit, delete, export ---------------------------------------------------------

    @on(OptionList.OptionSelected, "#journal-list")
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        summary = self.highlighted_summary()
        if summary is None:
            return
        if self.reading:
            self.reflect_app.read_reflection(summary.id)
        else:
            self.reflect_app.edit_reflection(summary.id, back_to_previous=True)

    def action_delete(self) -> None:
        summary = self.highlighted_summary()
        if summary is None:
            return
        from reflect_tui.tui.dialogs.confirm import ConfirmDialog

        text = strings.DELETE_CONFIRM.format(
            title=one_line(summary.title or strings.UNTITLED, 80),
            date=format_date(summary.occurred_on),
        )
        if self.reflect_app.locations is not None:
            from reflect_tui.core.journal.exports import copies_elsewhere_for

            try:
                copies = copies_elsewhere_for(self.reflect_app.store, summary.id)
            except ReflectError:  # gone or unreadable: the erase itself will say so
                copies = []
            if copies:
                paths = ", ".join(one_line(str(c.path), 120) for c in copies)
                text += strings.DELETE_CONFIRM_ELSEWHERE.format(paths=paths)
        dialog = ConfirmDialog(
            strings.DELETE_CONFIRM_TITLE, text, strings.DELETE_YES, strings.DELETE_NO
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._erase(summary.id)

        self.app.push_screen(dialog, answered)

    @work(thread=True, exclusive=True, group="journal-erase")
    def _erase(self, reflection_id: str) -> None:
        from reflect_tui.core.journal.exports import delete_with_copies

        app = self.reflect_app
        try:
            if app.locations is None:  # an app built without its folders: the journal only
                app.store.delete(reflection_id)
                left_over: list[str] = []
            else:
                done = delete_with_copies(app.store, app.locations, reflection_id)
                left_over = [
                    strings.DELETED_EXPORT_LEFT.format(path=path) for path, _exc in done.failed
                ]
                left_over += [
                    strings.DELETED_ELSEWHERE_LEFT.format(path=c.path) for c in done.elsewhere
                ]
        except ReflectError as exc:
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._erased, left_over)

    def _erased(self, left_over: list[str]) -> None:
        if not is_open(self):
            return  # left meanwhile: the erasure itself is done and kept
        self.notify(strings.DELETED, timeout=4)
        for message in left_over:
            self.notify(message, severity="warning", markup=False)
        self._shown_id = None
        self.refresh_results()

    def action_export(self) -> None:
        if not self.rows:
            return
        from reflect_tui.tui.dialogs.confirm import ChoiceDialog

        n = self.total if self.total is not None else len(self.rows)
        dialog = ChoiceDialog(
            by_count(strings.EXPORT_CHOOSE_TITLE, n),
            [("md", strings.EXPORT_CHOOSE_MD), ("json", strings.EXPORT_CHOOSE_JSON)],
            strings.EXPORT_CHOOSE_CANCEL,
        )

        def chosen(fmt: str | None) -> None:
            if fmt:
                self._export(fmt, self.journal_query)

        self.app.push_screen(dialog, chosen)

    @work(thread=True, exclusive=True, group="journal-export")
    def _export(self, fmt: str, query: JournalQuery) -> None:
        from reflect_tui.core.journal.export_set import write_export
        from reflect_tui.core.journal.markdown import content_namer
        from reflect_tui.core.paths import ensure_private_dir

        app = self.reflect_app
        folder = app.exports_dir
        if folder is None:
            return
        stamp = app.clock.now().strftime("%Y%m%d-%H%M%S")
        try:
            ensure_private_dir(folder)
            path = folder / f"dagboek-{stamp}.{fmt}"
            n = write_export(path, app.store, fmt, content_namer(app.content), query)
        except (OSError, ReflectError) as exc:
            message = strings.EXPORT_FAILED.format(error=exc)
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        message = by_count(strings.EXPORTED_SET, n, path=path_lines(path))
        self.app.call_from_thread(self.notify, message, markup=False, timeout=8)

    # -- navigation ---------------------------------------------------------------------

    def action_back(self) -> None:
        filters = self.query_one("#journal-filters")
        if filters.has_class("-open"):
            self.action_toggle_filters()
            return
        self.app.pop_screen()

    def action_insights(self) -> None:
        self.reflect_app.action_insights()

    _resumed_before = False
    _resumed_id: str | None = None  # the row highlighted before an edit or a dialog

    def on_screen_resume(self) -> None:
        # Back from a dialog or another screen (an edit): the journal may have
        # changed, the highlighted reflection too, though its id did not.
        if self._resumed_before:
            summary = self.highlighted_summary()
            self._resumed_id = summary.id if summary is not None else None
            self.refresh_results()
        self._resumed_before = True

    def _show_resumed(self, rows: list[ReflectionSummary]) -> None:
        """The first page after coming back: the same reflection stays highlighted
        (a search keystroke starts at the top; coming back from an edit should
        not), and the pane renders it again, since it may have been edited
        (``_highlighted`` skips an id it already shows)."""
        keep, self._resumed_id = self._resumed_id, None
        self._shown_id = None
        index = next((i for i, s in enumerate(rows) if s.id == keep), 0)
        option_list = self.query_one("#journal-list", OptionList)
        if option_list.highlighted == index:
            self._shown_id = rows[index].id
            self._load_detail(rows[index].id)
        else:
            option_list.highlighted = index
