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


@pytest.mark.parametrize("text", ["morgenochtend", "31-2-2026", "2026-13-01", "1-2-3-4"])
def test_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, TODAY)


def test_format_round_trips() -> None:
    assert format_date(date(2026, 11, 9)) == "9-11-2026"
    assert parse_date(format_date(date(2026, 11, 9)), TODAY) == date(2026, 11, 9)
    assert format_date(None) == ""


# -- the forms people type (issue 16) -------------------------------------------

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vandaag", date(2026, 12, 1)),
        ("Morgen", date(2026, 12, 2)),
        ("overmorgen", date(2026, 12, 3)),
        ("vrijdag", date(2026, 12, 4)),
        ("dinsdag", date(2026, 12, 8)),  # said on a Tuesday: next week's
        ("vr", date(2026, 12, 4)),
        ("volgende week dinsdag", date(2026, 12, 8)),
        ("volgende  week maandag", date(2026, 12, 7)),
        ("donderdag volgende week", date(2026, 12, 10)),
        ("volgende week", date(2026, 12, 8)),
        ("over 2 weken", date(2026, 12, 15)),
        ("over twee weken", date(2026, 12, 15)),
        ("over 3 dagen", date(2026, 12, 4)),
        ("over een maand", date(2027, 1, 1)),
        ("15 dec", date(2026, 12, 15)),
        ("15 dec.", date(2026, 12, 15)),
        ("15 december 2027", date(2027, 12, 15)),
        ("3 jan", date(2027, 1, 3)),  # a due date without a year lies ahead
        ("15-12", date(2026, 12, 15)),
        ("15-12-2026", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
    ],
)
def test_due_dates_as_people_type_them(text: str, expected: date) -> None:
    assert parse_date(text, TUESDAY, future=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gisteren", date(2026, 11, 30)),
        ("vrijdag", date(2026, 11, 27)),  # the day a case happened: the last Friday
        ("dinsdag", date(2026, 12, 1)),
        ("vorige week vrijdag", date(2026, 11, 27)),
        ("2 weken geleden", date(2026, 11, 17)),
        ("3 jan", date(2026, 1, 3)),
    ],
)
def test_past_dates_for_when_a_case_happened(text: str, expected: date) -> None:
    assert parse_date(text, TUESDAY) == expected


def test_a_month_later_on_a_shorter_month_takes_its_last_day() -> None:
    assert parse_date("over een maand", date(2027, 1, 31), future=True) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "text",
    ["vrijdagg", "15 decembr", "over veel weken", "volgende week feest", "32-12", "15 dec 26"],
)
def test_unreadable_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, TUESDAY, future=True)
