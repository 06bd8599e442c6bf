"""``NamedTuple`` and ``Protocol`` for modules on the path of ``reflect list``/``search``.

Why not ``typing``: importing it (with the ``contextlib`` and ``warnings``
it pulls in) was ~10 % of the instructions of a whole ``reflect list``
process at 1,000 reflections, and those commands are measured against jrnl
as whole processes. A module there writes::

    TYPE_CHECKING = False
    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from reflect_tui.core.lean_typing import NamedTuple

so type checkers see ``typing``'s own (they treat any ``TYPE_CHECKING`` as
true), and at run time the class is made here. ``tests/test_lean_typing.py``
holds the two to the same behaviour; ``tests/test_cli_fast_path.py`` checks
that the scripted commands do not import ``typing``.

Unlike ``typing.NamedTuple``, field annotations are never evaluated (nor
checked), so a module using this one may use ``from __future__ import
annotations``: no ``compile()`` per field (see ``core/paths.py``).
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# What typing.NamedTuple refuses to have overwritten, and what it does not copy.
_PROHIBITED = frozenset(
    {
        "__new__",
        "__init__",
        "__slots__",
        "__getnewargs__",
        "_fields",
        "_field_defaults",
        "_make",
        "_replace",
        "_asdict",
        "_source",
    }
)
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__"})


class _NamedTupleMeta(type):
    """Turns ``class X(NamedTuple): a: int; b: str = ""`` into a ``collections.namedtuple``.

    The same steps as ``typing.NamedTupleMeta``, without its type checks.
    """

    def __new__(
        mcls, typename: str, bases: tuple[type, ...], ns: dict[str, object]
    ) -> _NamedTupleMeta:
        if not bases:  # the NamedTuple base class itself
            return super().__new__(mcls, typename, bases, ns)
        if bases != (NamedTuple,):
            raise TypeError("can only inherit from a NamedTuple type")
        annotations = ns.get("__annotations__", {})
        assert isinstance(annotations, dict)
        fields = list(annotations)
        defaults = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError(
                    f"Non-default namedtuple field {name} cannot follow default field"
                    f"{'s' if len(defaults) > 1 else ''} {', '.join(fields[: len(defaults)])}"
                )
        make: Callable[..., type[tuple[object, ...]]] = namedtuple
        made = make(typename, fields, defaults=defaults, module=str(ns["__module__"]))
        made.__annotations__ = dict(annotations)
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in fields:
                setattr(made, key, value)
        return made  # type: ignore[return-value]


class NamedTuple(metaclass=_NamedTupleMeta):
    """Base class of a named tuple declared with annotations (see the module docstring)."""


class Protocol:
    """At run time a plain base class; type checkers see ``typing.Protocol``.

    Only for protocols that nothing checks with ``isinstance`` at run time.
    """


def cast(kind: object, value: object) -> object:
    """``typing.cast`` at run time: the value itself."""
    return value
