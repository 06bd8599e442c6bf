"""Reading the dates people type, and showing dates the same way everywhere.

People write a due date as they say it: ``vrijdag``, ``morgen``, ``over 2
weken``, ``volgende week dinsdag``, ``15 dec``, ``15-12``; or as numbers,
day first (``15-12-2026``), or ISO (``2026-12-15``). All of those are read
here, for the app and the CLI alike.

Why our own parser and not ``dateparser``: measured on this machine
(2026-12-01, Dutch settings, DMY, future preference) dateparser read nine of
the ten forms above but not "volgende week dinsdag", took about 90 ms to
import and 120 ms for its first parse, and brings ``regex``, ``pytz`` and
``tzlocal`` along. The forms we need fit in one small, fully tested module
that costs microseconds a key.

``future`` tells what a date without a year or a bare weekday means: for a
due date (next steps) the next such day; for the day a case happened the
most recent one. The words are data (tables below), not logic.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# Patterns as text, compiled by ``re`` on first use (and cached there): this module
# is imported by every ``reflect list``/``search``/``export`` for ``format_date``,
# and compiling them at import was ~5 M instructions of such a process.
_ISO = r"^(\d{4})-(\d{1,2})-(\d{1,2})$"
_NUMERIC = r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$"
_DAY_MONTH = r"^(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$"
_IN = r"^over\s+(\w+)\s+(dag|dagen|week|weken|maand|maanden)$"
_AGO = r"^(\w+)\s+(dag|dagen|week|weken|maand|maanden)\s+geleden$"

# Relative day words: offset from today.
DAY_WORDS = {
    "vandaag": 0,
    "morgen": 1,
    "overmorgen": 2,
    "gisteren": -1,
    "eergisteren": -2,
}

# Weekday names and their usual abbreviations (Monday = 0, as ``date.weekday``).
WEEKDAYS = {
    "maandag": 0,
    "ma": 0,
    "dinsdag": 1,
    "di": 1,
    "woensdag": 2,
    "wo": 2,
    "donderdag": 3,
    "do": 3,
    "vrijdag": 4,
    "vr": 4,
    "zaterdag": 5,
    "za": 5,
    "zondag": 6,
    "zo": 6,
}

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
}

NEXT_WEEK = ("volgende week", "komende week")
LAST_WEEK = ("vorige week",)


def parse_date(text: str, today: date, *, future: bool = False) -> date | None:
    """The date in ``text``; None for blank; ValueError when it is not a date."""
    text = " ".join(text.strip().casefold().split())
    if not text:
        return None
    for reader in (_numeric, _words, _week_relative, _span, _day_month):
        found = reader(text, today, future)
        if found is not None:
            return found
    raise ValueError(f"not a date: {text!r}")


def _numeric(text: str, today: date, future: bool) -> date | None:
    if match := re.match(_ISO, text):
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    if match := re.match(_NUMERIC, text):
        return _with_year(int(match.group(1)), int(match.group(2)), match.group(3), today, future)
    return None


def _day_month(text: str, today: date, future: bool) -> date | None:
    """``15 dec``, ``15 december 2026``."""
    match = re.match(_DAY_MONTH, text)
    if match is None or match.group(2) not in MONTHS:
        return None
    return _with_year(int(match.group(1)), MONTHS[match.group(2)], match.group(3), today, future)


def _with_year(day: int, month: int, year_text: str | None, today: date, future: bool) -> date:
    """A day and month, in the year given or the year that fits ``future``."""
    if year_text:
        year = int(year_text)
        return date(year + 2000 if year < 100 else year, month, day)
    candidate = date(today.year, month, day)
    if future and candidate < today:
        candidate = date(today.year + 1, month, day)
    return candidate


def _words(text: str, today: date, future: bool) -> date | None:
    """``morgen``, ``vrijdag``: a relative day or the nearest such weekday."""
    if text in DAY_WORDS:
        return today + timedelta(days=DAY_WORDS[text])
    weekday = WEEKDAYS.get(text)
    if weekday is None:
        return None
    if future:
        # The next one, never today: "vrijdag" said on a Friday means next week.
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def _week_relative(text: str, today: date, future: bool) -> date | None:
    """``volgende week``, ``volgende week dinsdag``, ``dinsdag volgende week``,
    ``vorige week vrijdag``."""
    for phrases, weeks in ((NEXT_WEEK, 1), (LAST_WEEK, -1)):
        for phrase in phrases:
            if text == phrase:
                return today + timedelta(weeks=weeks)
            rest = None
            if text.startswith(phrase + " "):
                rest = text.removeprefix(phrase + " ")
            elif text.endswith(" " + phrase):
                rest = text.removesuffix(" " + phrase)
            if rest is not None and rest in WEEKDAYS:
                monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
                return monday + timedelta(days=WEEKDAYS[rest])
    return None


def _span(text: str, today: date, future: bool) -> date | None:
    """``over 2 weken``, ``over een maand``, ``3 dagen geleden``."""
    sign = 1
    match = re.match(_IN, text)
    if match is None:
        match = re.match(_AGO, text)
        sign = -1
    if match is None:
        return None
    amount_text, unit = match.groups()
    amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS.get(amount_text)
    if amount is None:
        return None
    amount *= sign
    if unit in ("dag", "dagen"):
        return today + timedelta(days=amount)
    if unit in ("week", "weken"):
        return today + timedelta(weeks=amount)
    return _add_months(today, amount)


def _add_months(start: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(start.day, day))
        except ValueError:
            continue
    raise ValueError("unreachable")  # pragma: no cover - day 28 exists in every month


def format_date(value: date | None) -> str:
    """Day-month-year as Dutch readers expect (``2-11-2026``); blank for None.

    The one way a date is shown to people, in the app and in the CLI's text
    output alike; JSON keeps ISO (``date.isoformat``).
    """
    if value is None:
        return ""
    return f"{value.day}-{value.month}-{value.year}"


WEEKDAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def format_date_long(value: date) -> str:
    """The date with its weekday (``vrijdag 4-12-2026``): confirms what a word like
    "vrijdag" or "over 2 weken" was read as."""
    return f"{WEEKDAY_NAMES[value.weekday()]} {format_date(value)}"
