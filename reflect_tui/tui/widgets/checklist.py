"""A checklist with an optional note below it (barriers, helps)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from reflect_tui.tui.text import clean, plain
from reflect_tui.tui.widgets.answer_area import AnswerArea
from reflect_tui.tui.widgets.tick_list import TickList


class ChecklistWithNote(Vertical):
    """Tick items with space or a click; write a note. Posts Changed on any edit."""

    DEFAULT_CLASSES = "checklist"

    class Changed(Message):
        def __init__(self, checklist: ChecklistWithNote) -> None:
            super().__init__()
            self.checklist = checklist

        @property
        def control(self) -> ChecklistWithNote:
            return self.checklist

    def __init__(
        self,
        title: str,
        items: Sequence[tuple[str, str]],
        selected: Iterable[str],
        note: str,
        *,
        note_label: str,
        descriptions: Mapping[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._descriptions = dict(descriptions or {})
        self._title = title
        self._items = list(items)
        self._initial = set(selected)
        self._note = note
        self._note_label = note_label

    def compose(self) -> ComposeResult:
        yield Static(plain(self._title, "bold"), classes="checklist-title")
        yield TickList[str](
            *(
                Selection(plain(name), item_id, item_id in self._initial)
                for item_id, name in self._items
            )
        )
        if self._descriptions:
            yield Static("", classes="description")
        yield AnswerArea(
            clean(self._note),
            placeholder=self._note_label,
            classes="note note-area",
            on_change=self._note_changed,
        )

    @property
    def selected(self) -> list[str]:
        return list(self.query_one(SelectionList).selected)

    @property
    def note(self) -> str:
        return self._note

    def first_focus(self) -> Widget:
        return self.query_one(SelectionList)

    @on(SelectionList.SelectedChanged)
    def _selected(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.post_message(self.Changed(self))

    @on(SelectionList.SelectionHighlighted)
    def _highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        event.stop()
        text = self._descriptions.get(str(event.selection.value), "")
        for label in self.query(".description").results(Static):
            label.update(plain(text))

    def _note_changed(self, text: str) -> None:
        if text != self._note:
            self._note = text
            self.post_message(self.Changed(self))
