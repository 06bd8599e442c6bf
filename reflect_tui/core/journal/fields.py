"""The field table of a reflection, read once from the model's declarations.

Why a table: the SQLite row writer and reader (``records``), the
interchange encoder and decoder (``interchange``) and the fast export
(``fast_export``) all walk these tuples instead of
naming fields one by one, so a new field cannot be forgotten in one of
them and the formats cannot drift apart. The declarations themselves are
the dataclasses in ``model`` (each field tagged with its kind). The streamed
export reads a copy of this table (``field_table``, kept equal by a test) so
that it never imports the model.
"""

from __future__ import annotations

import dataclasses

from reflect_tui.core.journal import kinds
from reflect_tui.core.journal.field_table import ChildTable, Field
from reflect_tui.core.journal.model import Reflection

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NamedTuple
else:  # typing is kept off the path of ``reflect export`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

__all__ = ["CHILDREN", "REFLECTION", "SCALARS", "SEARCHED", "Children", "Field"]


class Children(NamedTuple):
    """A list of child records (answers, ratings, steps) in a table of their own."""

    name: str
    table: str
    item: type[Any]
    fields: tuple[Field, ...]
    omit_empty: bool


def _fields_of(cls: type[Any]) -> tuple[Field | Children, ...]:
    out: list[Field | Children] = []
    for f in dataclasses.fields(cls):
        meta = f.metadata
        if "table" in meta:
            item = meta["item"]
            sub = tuple(x for x in _fields_of(item) if isinstance(x, Field))
            out.append(Children(f.name, meta["table"], item, sub, meta["omit_empty"]))
            continue
        if "kind" not in meta:
            raise TypeError(f"{cls.__name__}.{f.name} has no kind; declare it with value()")
        out.append(
            Field(
                f.name,
                meta["column"] or f.name,
                meta["kind"],
                meta["required"],
                meta["search"],
                meta["omit_none"],
                meta["nonempty"],
            )
        )
    return tuple(out)


# Every field of a reflection in interchange order.
REFLECTION: tuple[Field | Children, ...] = _fields_of(Reflection)
# The values kept in the ``reflections`` row, and the lists kept in child tables.
SCALARS: tuple[Field, ...] = tuple(f for f in REFLECTION if isinstance(f, Field))
CHILDREN: tuple[Children, ...] = tuple(f for f in REFLECTION if isinstance(f, Children))
# Free text that makes a reflection findable besides its title. The search index reads it
# through the view ``reflection_fts_source`` (schema 3, see ``fts``); a test holds that
# view to these flags, so a searchable field added here without the view fails.
SEARCHED: tuple[Field, ...] = tuple(f for f in SCALARS if f.search)


def export_view() -> tuple[Field | ChildTable, ...]:
    """``REFLECTION`` as ``field_table`` holds it (child lists without their record class)."""
    return tuple(
        f if isinstance(f, Field) else ChildTable(f.name, f.table, f.fields, f.omit_empty)
        for f in REFLECTION
    )


def export_table_source() -> str:
    """The lines of ``field_table.REFLECTION`` for the table read here (``ruff format``-ed)."""
    names = {id(v): k for k, v in vars(kinds).items() if isinstance(v, kinds.Kind)}

    def line(f: Field, indent: str) -> str:
        flags = f"{f.required}, {f.search}, {f.omit_none}, {f.nonempty}"
        return f'{indent}Field("{f.name}", "{f.column}", kinds.{names[id(f.kind)]}, {flags}),'

    out: list[str] = []
    for f in export_view():
        if isinstance(f, Field):
            out.append(line(f, "    "))
            continue
        out.append(f'    ChildTable(\n        "{f.name}",\n        "{f.table}",\n        (')
        out += [line(g, " " * 12) for g in f.fields]
        out.append(f"        ),\n        {f.omit_empty},\n    ),")
    return "\n".join(out)
