"""Earlier similar cases, named in a notice while a reflection is being written.

Kept out of the App: finding the cases is core's (``core/journal/similar``);
what is left here is when to look again (only when the reflection's practices
or barriers changed), when to speak (only when the cases differ from the last
notice) and how to say why in one short line per case.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from reflect_tui.core.errors import ReflectError
from reflect_tui.tui import strings
from reflect_tui.tui.screen_notices import notify_on

if TYPE_CHECKING:
    from textual.screen import Screen

    from reflect_tui.core.content.model import Content
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.similar import SimilarCase
    from reflect_tui.tui.app import ReflectApp

# Which shared thing a similar-case notice names (the strongest first).
SIMILAR_REASON_ORDER = ("barriers", "practices", "helps", "case_kind", "words")


class SimilarCases:
    """The similar-cases notice of one app: what it last looked for and named."""

    def __init__(self, app: ReflectApp) -> None:
        self._app = app
        self.ids: tuple[str, ...] = ()  # the cases the last notice named (palette, journal)
        self._looked_for: tuple[object, ...] | None = None
        self._shown: tuple[str, tuple[str, ...]] | None = None

    def offer(self, reflection: Reflection) -> None:
        """Look for earlier similar cases off the UI thread and name them (with
        why) in a notice; the palette opens them in the journal.

        Asked after the intake and again when practices or barriers were
        chosen: it runs again only when those changed, and a notice only
        comes when it would name other cases than the last one did."""
        key = (reflection.id, tuple(reflection.practices), tuple(reflection.barriers))
        if self._looked_for == key or not (reflection.title or reflection.what_happened):
            return
        self._looked_for = key
        snapshot = deepcopy(reflection)
        screen = self._app.screen  # the notice is this screen's (the session's)
        self._app.run_worker(
            lambda: self._find(snapshot, screen), thread=True, exclusive=True, group="similar"
        )

    def _find(self, reflection: Reflection, screen: Screen[Any]) -> None:
        from reflect_tui.core.journal.similar import similar_cases

        app = self._app
        try:
            found = similar_cases(app.store, reflection)
        except ReflectError:
            return
        if not found:
            return
        ids = tuple(c.summary.id for c in found)
        if self._shown == (reflection.id, ids):
            return  # the same cases as the last notice: nothing new to say
        self._shown = (reflection.id, ids)
        self.ids = ids
        message = strings.SIMILAR_NOTICE.format(cases="\n".join(notice_lines(found, app.content)))
        # Bound to the session's screen: after Esc it covered the home screen.
        app.call_from_thread(notify_on, screen, message, title=strings.SIMILAR_TITLE, timeout=8)


def notice_lines(found: Sequence[SimilarCase], content: Content) -> list[str]:
    """One line per case: its title, date, whether a draft, and the strongest
    shared thing, at most two names: every shared item of every case made a
    notice of some twenty lines that covered the step for seconds."""
    from reflect_tui.core.dates import format_date
    from reflect_tui.tui.text import one_line

    lines = []
    for case in found:
        kind = next((k for k in SIMILAR_REASON_ORDER if k in case.shared), "")
        items = case.shared.get(kind, ())
        why = shared_reason(kind, items[:2], content) if kind else ""
        if len(items) > 2:
            why += strings.SIMILAR_MORE
        lines.append(
            strings.SIMILAR_CASE.format(
                title=one_line(case.summary.title or strings.UNTITLED, 40),
                date=format_date(case.summary.occurred_on),
                draft=strings.SIMILAR_DRAFT if case.summary.status == "draft" else "",
                why=why,
            )
        )
    return lines


def shared_reason(kind: str, items: Sequence[str], content: Content) -> str:
    """``ook hinderden Collega's``: names listed with "en", the verb agreeing."""
    from reflect_tui.core.wording import is_plural, listed, verb

    one, many = strings.SIMILAR_REASONS[kind]
    flags = [_plural(kind, i, content) for i in items]
    form = verb(is_plural(items, flags), one, many)
    return form.format(items=listed([_name(kind, i, content) for i in items]))


def _plural(kind: str, item_id: str, content: Content) -> bool:
    if kind not in ("barriers", "helps"):
        return False
    return content.plural_of(kind, item_id)


def _name(kind: str, item_id: str, content: Content) -> str:
    if kind == "words":
        return item_id
    return content.name_of(kind if kind != "case_kind" else "case_kinds", item_id)
