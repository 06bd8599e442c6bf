"""Reading the dates people type: ``9-11-2026``, ``9/11``, ``2026-11-09``.

Why not only ISO: Dutch users write day first. A date without a year is
taken in the current year, or the next one when it already passed, because
a due date for a next step lies in the future.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")


def parse_date(text: str, today: date, *, future: bool = False) -> date | None:
    """The date in ``text``; None for blank; ValueError when it is not a date.

    ``future`` picks next year for a day-month without a year that is
    already past (due dates); otherwise the current year is used.
    """
    text = text.strip()
    if not text:
        return None
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    if match := _DUTCH.match(text):
        day, month = int(match.group(1)), int(match.group(2))
        if match.group(3):
            year = int(match.group(3))
            year = year + 2000 if year < 100 else year
            return date(year, month, day)
        candidate = date(today.year, month, day)
        if future and candidate < today:
            candidate = date(today.year + 1, month, day)
        return candidate
    raise ValueError(f"not a date: {text!r}")


def format_date(value: date | None) -> str:
    """Day-month-year as Dutch readers expect (``2-11-2026``); blank for None."""
    if value is None:
        return ""
    return f"{value.day}-{value.month}-{value.year}"
