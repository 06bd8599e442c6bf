"""Decoding single values of the interchange format, strictly and safely.

Why a layer of its own: the whole-document parser (today ``json.loads`` in
``interchange``; a streaming parser may replace it) and the field checks
must agree on what a value may be, and each hostile value found in an
adversarial pass must end in a clear message instead of a traceback:

- numbers of thousands of digits (``int()`` refuses > 4,300 digits, and
  nothing in the format needs more than a few) -> ``HugeNumber``;
- lone surrogates (``"\\ud800"`` is valid JSON but cannot be stored as UTF-8);
- timestamps at the calendar's ends with an offset (``0001-01-01T00:00:00+01:00``
  is before year 1 in UTC: OverflowError);
- ``"version": true`` and ``1.0`` (equal to 1 in Python, not in the format);
- ISO week and ordinal dates and compact forms (``2026-W01-1``, ``20260301``)
  that Python's ``fromisoformat`` accepts but the format does not.

Every function raises ``BadValue`` with a Dutch message; the caller adds
where the value was.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# A number in the format is a rating (1-5) or the format version: 30 digits is plenty.
MAX_NUMBER_DIGITS = 30
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}(:\d{2})?)?"
)


class BadValue(ValueError):
    """A value that is not what the format allows; ``message`` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HugeNumber:
    """A JSON number too long to be anything in the format (kept as text, never converted)."""

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"{self.digits[:12]}… ({len(self.digits)} cijfers)"


def parse_int(text: str) -> int | HugeNumber:
    """``json.loads(parse_int=...)``: an int, or a ``HugeNumber`` past ``MAX_NUMBER_DIGITS``."""
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        return HugeNumber(text)
    return int(text)


def parse_float(text: str) -> float | HugeNumber:
    """``json.loads(parse_float=...)``: no float in the format needs a long literal either."""
    if len(text) > MAX_NUMBER_DIGITS * 2:
        return HugeNumber(text)
    return float(text)


def kind_of(value: Any) -> str:
    """What a value is, in words, for a message."""
    names = {
        dict: "een object",
        list: "een lijst",
        str: "tekst",
        bool: "true/false",
        int: "een getal",
        float: "een getal",
        type(None): "null",
        HugeNumber: "een getal van te veel cijfers",
    }
    return names.get(type(value), type(value).__name__)


def text(value: Any) -> str:
    """A string that can be stored as UTF-8 (no lone surrogates)."""
    if not isinstance(value, str):
        raise BadValue(f"verwacht tekst, niet {kind_of(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadValue(
            f"bevat een ongeldig teken (een losse surrogaat U+{ord(value[exc.start]):04X} "
            f"op positie {exc.start})"
        ) from None
    return value


def format_version(value: Any) -> int:
    """The format version: a whole JSON number, not ``true`` or ``1.0``."""
    if type(value) is not int:
        raise BadValue(f"versie {value!r} wordt niet ondersteund (verwacht een geheel getal)")
    return value


def iso_date(value: Any) -> date:
    """``YYYY-MM-DD`` and nothing else (no week dates, no compact form)."""
    raw = text(value)
    if _DATE_RE.fullmatch(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise BadValue(f"verwacht een datum als JJJJ-MM-DD, niet {raw!r}")


def timestamp(value: Any) -> datetime:
    """An ISO 8601 moment with a time zone, as UTC, within the calendar."""
    raw = text(value)
    moment = None
    if _TIMESTAMP_RE.fullmatch(raw):
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            moment = None
    if moment is None:
        raise BadValue(
            f"verwacht een tijdstip in ISO 8601 (bv. 2026-03-01T14:05:00+00:00), niet {raw!r}"
        )
    if moment.tzinfo is None:
        raise BadValue("tijdstip zonder tijdzone; voeg bv. +00:00 of Z toe")
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise BadValue(
            f"tijdstip {raw!r} valt in UTC buiten de kalender (jaar 1 t/m 9999)"
        ) from None
