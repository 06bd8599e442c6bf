"""``core/lean_typing.NamedTuple`` behaves as ``typing.NamedTuple`` does.

The modules on the path of ``reflect list``/``search`` declare their named
tuples with it (to keep ``typing`` out of those processes), so everything
else in the app must not be able to tell the two apart.
"""

from __future__ import annotations

import pickle
import typing

import pytest

from reflect_tui.core import lean_typing
from reflect_tui.core.journal.summary import OpenStep


def _declare(base: typing.Any) -> typing.Any:
    class Point(base):  # type: ignore[misc]
        """A point."""

        x: int
        y: int = 0
        label: str = "p"

        @property
        def total(self) -> int:
            return int(self.x) + int(self.y)

        def moved(self, dx: int) -> Point:
            return self._replace(x=self.x + dx)  # type: ignore[no-any-return]

    return Point


LEAN, TYPED = _declare(lean_typing.NamedTuple), _declare(typing.NamedTuple)


@pytest.mark.parametrize("make", [lambda P: P(1), lambda P: P(1, 2), lambda P: P(x=3, label="q")])
def test_values_fields_and_methods_are_the_same(make: typing.Any) -> None:
    lean, typed = make(LEAN), make(TYPED)
    assert tuple(lean) == tuple(typed) and repr(lean) == repr(typed)
    assert lean._asdict() == typed._asdict()
    assert LEAN._fields == TYPED._fields and LEAN._field_defaults == TYPED._field_defaults
    assert lean.total == typed.total and tuple(lean.moved(2)) == tuple(typed.moved(2))
    assert isinstance(lean, tuple) and lean == typed  # tuples compare by value
    assert LEAN.__doc__ == TYPED.__doc__ == "A point."
    assert LEAN.__module__ == TYPED.__module__ == __name__
    assert list(LEAN.__annotations__) == list(TYPED.__annotations__)


def _default_before_plain(base: typing.Any) -> None:
    class Bad(base):  # type: ignore[misc]
        a: int = 1
        b: int


def _overwrites_make(base: typing.Any) -> None:
    class Bad(base):  # type: ignore[misc]
        a: int

        def _make(self) -> None: ...


@pytest.mark.parametrize("base", [lean_typing.NamedTuple, typing.NamedTuple])
def test_mistakes_are_refused_as_typing_refuses_them(base: typing.Any) -> None:
    with pytest.raises(TypeError, match="cannot follow default"):
        _default_before_plain(base)
    with pytest.raises(AttributeError, match="_make"):
        _overwrites_make(base)
    with pytest.raises(TypeError):
        _declare(base)()  # x has no default


def test_a_declared_row_pickles_and_keeps_its_defaults() -> None:
    step = OpenStep("bel de wijkagent", None)
    assert step.done is False
    assert pickle.loads(pickle.dumps(step)) == step
    assert type(pickle.loads(pickle.dumps(step))) is OpenStep


def test_cast_and_protocol_cost_nothing_at_run_time() -> None:
    value = object()
    assert lean_typing.cast(int, value) is value

    class Clocklike(lean_typing.Protocol):
        def now(self) -> int:
            return 0

    assert Clocklike.__mro__[1] is lean_typing.Protocol
