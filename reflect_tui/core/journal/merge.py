"""Three-way merge of one reflection edited in two places at once.

Why: an editor (the app's guided flow) holds its own copy of a reflection
for as long as it is open, while another window or ``reflect`` may change
the stored one meanwhile (tick a next step done, move its due date). Writing
the editor's copy whole would silently undo that change. The store therefore
merges, inside the transaction of the write (``JournalStore.save``): every
value the editor left as it was (``mine == base``) takes the stored value
(``theirs``); every value the editor changed is written. Where both sides
changed the same value differently, the editor's value is written (it is the
one on the user's screen) and the field is reported, so the user is told.

Granularity: every scalar field on its own; a list of child records (next
steps, answers, ratings, shown tips) item by item and value by value when it
has the same length on all three sides (so ticking step 2 done elsewhere and
retitling step 1 here both survive), else as one whole list.

Built from the field table (``fields``), so a new field needs no change here.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence

from reflect_tui.core.journal.fields import CHILDREN, SCALARS
from reflect_tui.core.journal.model import Reflection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

# Not merged: the identity and the stamps the store itself sets.
_FIXED = frozenset({"id", "created_at", "updated_at"})


class Merged(NamedTuple):
    """The reflection to write and what the merge did, by field name.

    ``kept``: changed elsewhere only, so the stored value was kept.
    ``overridden``: changed on both sides differently; the editor's value won.
    """

    reflection: Reflection
    kept: tuple[str, ...]
    overridden: tuple[str, ...]


def _pick(base: Any, mine: Any, theirs: Any) -> tuple[Any, str]:
    """One value to write, and what happened: ``""``, ``"kept"`` or ``"overridden"``."""
    if mine in (base, theirs):
        return theirs, ("kept" if theirs != base and mine != theirs else "")
    if theirs == base:
        return mine, ""
    return mine, "overridden"


def _merge_items(
    base: Sequence[Any], mine: Sequence[Any], theirs: Sequence[Any], names: Sequence[str]
) -> tuple[list[Any], set[str]]:
    """Item by item, value by value (the three lists have the same length)."""
    out: list[Any] = []
    seen: set[str] = set()
    for b, m, t in zip(base, mine, theirs, strict=True):
        changes: dict[str, Any] = {}
        for name in names:
            value, what = _pick(getattr(b, name), getattr(m, name), getattr(t, name))
            if value != getattr(m, name):
                changes[name] = value
            if what:
                seen.add(what)
        out.append(copy.deepcopy(dataclasses.replace(m, **changes) if changes else m))
    return out, seen


def three_way(base: Reflection, mine: Reflection, theirs: Reflection) -> Merged:
    """``mine`` (the editor's copy, derived from ``base``) merged with the stored ``theirs``.

    Returns a new reflection; none of the three is changed. Its ``updated_at``
    is ``mine``'s: the store stamps the write.
    """
    result = copy.deepcopy(mine)
    kept: list[str] = []
    overridden: list[str] = []
    for field in SCALARS:
        if field.name in _FIXED:
            continue
        value, what = _pick(
            getattr(base, field.name), getattr(mine, field.name), getattr(theirs, field.name)
        )
        setattr(result, field.name, copy.deepcopy(value))
        if what == "kept":
            kept.append(field.name)
        elif what == "overridden":
            overridden.append(field.name)
    for child in CHILDREN:
        b, m, t = (getattr(r, child.name) for r in (base, mine, theirs))
        if len(b) == len(m) == len(t):
            items, seen = _merge_items(b, m, t, [f.name for f in child.fields])
        else:
            value, what = _pick(b, m, t)
            items, seen = copy.deepcopy(list(value)), {what} if what else set()
        setattr(result, child.name, items)
        if "kept" in seen:
            kept.append(child.name)
        if "overridden" in seen:
            overridden.append(child.name)
    return Merged(result, tuple(kept), tuple(overridden))
