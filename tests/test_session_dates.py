"""Dates as Dutch users type them."""

from __future__ import annotations

from datetime import date

import pytest

from reflect_tui.core.dates import format_date, parse_date

TODAY = date(2026, 11, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("2026-11-09", date(2026, 11, 9)),
        ("9-11-2026", date(2026, 11, 9)),
        ("9/11/26", date(2026, 11, 9)),
        ("9.11", date(2026, 11, 9)),
        (" 1-1 ", date(2026, 1, 1)),
    ],
)
def test_parse(text: str, expected: date | None) -> None:
    assert parse_date(text, TODAY) == expected


def test_due_date_without_year_lies_ahead() -> None:
    assert parse_date("1-1", TODAY, future=True) == date(2027, 1, 1)


@pytest.mark.parametrize("text", ["morgen", "31-2-2026", "2026-13-01", "1-2-3-4"])
def test_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, TODAY)


def test_format_round_trips() -> None:
    assert format_date(date(2026, 11, 9)) == "9-11-2026"
    assert parse_date(format_date(date(2026, 11, 9)), TODAY) == date(2026, 11, 9)
    assert format_date(None) == ""
