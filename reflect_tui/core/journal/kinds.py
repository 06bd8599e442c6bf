"""How one kind of value is stored, exchanged and checked: the codecs of the field table.

Why kinds: a reflection's fields are declared once (the dataclasses in
``model``, each field tagged with its kind), and every format is built
from that declaration: the SQLite row writer and reader, the interchange
encoder and validating decoder, and the fast export, whose SQL
(``json_sql``) has SQLite write JSON text straight from stored values. A
kind holds, for one sort of value, all five conversions side by side, so
they cannot drift apart; the fast export is byte-for-byte the interchange
encoder (tests hold the two together).

No model import here: the model imports the kinds to tag its fields.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from reflect_tui.core.journal import codec, values
from reflect_tui.core.journal.summary import STATUSES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Problem(Exception):
    """One flaw in an interchange document, with its exact place."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where


class Kind:
    """Plain text (the default): ``str`` in the model, TEXT in SQLite, a string in JSON."""

    default: Any = ""

    def to_db(self, value: Any) -> Any:
        return value

    def from_db(self, stored: Any) -> Any:
        return stored

    def to_json(self, value: Any) -> Any:
        """The JSON-ready value the interchange encoder writes."""
        return value

    def json_sql(self, column: str) -> str:
        """SQL giving the JSON text of ``column``'s stored value, equal to encoding
        ``to_json(from_db(stored))`` with the interchange encoder (``fast_export``).

        ``json_quote`` escapes exactly what Python's JSON string encoder escapes
        (``"``, ``\\``, and control characters: ``\\b \\t \\n \\f \\r`` short, the
        others as ``\\u00xx``) and passes every other character as it is, as
        ``ensure_ascii=False`` does; NULL gives ``null``.
        """
        return f"json_quote({column})"

    def from_json(self, value: Any, where: str) -> Any:
        """The model value for a JSON value; raise ``Problem`` when it is not valid."""
        return text(value, where)


class OptionalText(Kind):
    default = None

    def from_json(self, value: Any, where: str) -> Any:
        return None if value is None else text(value, where)


class Id(Kind):
    def from_json(self, value: Any, where: str) -> Any:
        rid = text(value, where)
        # ``split()`` cuts at exactly the characters ``str.isspace`` names: one
        # piece equal to the whole means non-empty and no white space (in C).
        if len(rid) > 200 or rid.split() != [rid]:
            raise Problem(where, "moet een niet-leeg id zonder spaties zijn")
        return rid


class Status(Kind):
    default = "draft"

    def from_json(self, value: Any, where: str) -> Any:
        if value not in STATUSES:
            raise Problem(where, f"moet een van {', '.join(STATUSES)} zijn")
        return value


class Day(Kind):
    """A calendar date: ISO ``YYYY-MM-DD`` both in SQLite and in JSON."""

    def to_db(self, value: Any) -> Any:
        return codec.date_to_db(value)

    def from_db(self, stored: Any) -> Any:
        return codec.date_from_db(stored)

    def to_json(self, value: Any) -> Any:
        return None if value is None else value.isoformat()

    def from_json(self, value: Any, where: str) -> Any:
        return day(value, where)


class OptionalDay(Day):
    default = None

    def from_json(self, value: Any, where: str) -> Any:
        return None if value is None else day(value, where)


class Timestamp(Kind):
    """A UTC moment: fixed-width text in SQLite (sorts), ``isoformat()`` in JSON."""

    def to_db(self, value: Any) -> Any:
        return codec.ts_to_db(value)

    def from_db(self, stored: Any) -> Any:
        return codec.ts_from_db(stored)

    def to_json(self, value: Any) -> Any:
        moment: datetime = value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()

    def json_sql(self, column: str) -> str:
        # The stored form always has microseconds; isoformat() drops ".000000".
        return (
            f"json_quote(CASE WHEN substr({column}, 20, 7) = '.000000'"
            f" THEN substr({column}, 1, 19) || substr({column}, 27) ELSE {column} END)"
        )

    def from_json(self, value: Any, where: str) -> Any:
        return moment(value, where)


class TextList(Kind):
    """A short list of ids, tags or lines: a JSON array in one column, spliced as is."""

    @property
    def default(self) -> Any:
        return []

    def to_db(self, value: Any) -> Any:
        return codec.ids_to_db(value)

    def from_db(self, stored: Any) -> Any:
        return codec.ids_from_db(stored)

    def to_json(self, value: Any) -> Any:
        return list(value)

    def json_sql(self, column: str) -> str:
        return f"coalesce(nullif({column}, ''), '[]')"  # the stored array as it is

    def from_json(self, value: Any, where: str) -> Any:
        items = a_list(value, where)
        for i, item in enumerate(items):
            if type(item) is str and item.isascii():
                continue  # ASCII is valid UTF-8: no need to build the place name
            text(item, f"{where}[{i}]")
        return list(items)


class Flag(Kind):
    """A yes/no: 0/1 in SQLite, ``true``/``false`` in JSON."""

    default = False

    def to_db(self, value: Any) -> Any:
        return 1 if value else 0

    def from_db(self, stored: Any) -> Any:
        return bool(stored)

    def to_json(self, value: Any) -> Any:
        return bool(value)

    def json_sql(self, column: str) -> str:
        return f"CASE WHEN {column} THEN 'true' ELSE 'false' END"

    def from_json(self, value: Any, where: str) -> Any:
        if not isinstance(value, bool):
            raise Problem(where, "moet true of false zijn")
        return value


class Rating(Kind):
    """A self-rating 1..5, or none."""

    default = None

    def json_sql(self, column: str) -> str:
        whole = f"CAST(CAST({column} AS INTEGER) AS TEXT)"
        return f"CASE WHEN {column} IS NULL THEN 'null' ELSE {whole} END"

    def from_json(self, value: Any, where: str) -> Any:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
        ):
            raise Problem(where, f"moet een geheel getal 1 t/m 5 zijn (of null), niet {value!r}")
        return value


class Count(Kind):
    """A whole number of 1 or more (a rank)."""

    default = 1

    def json_sql(self, column: str) -> str:
        return f"CAST(CAST({column} AS INTEGER) AS TEXT)"

    def from_json(self, value: Any, where: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise Problem(where, f"moet een geheel getal van 1 of meer zijn, niet {value!r}")
        return value


# --- small validators, shared with the interchange decoder ------------------------------


def text(value: Any, where: str) -> str:
    try:
        return values.text(value)
    except values.BadValue as bad:
        raise Problem(where, bad.message) from None


def a_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise Problem(where, f"verwacht een lijst, niet {kind_name(value)}")
    return value


def day(value: Any, where: str) -> date:
    try:
        return values.iso_date(value)
    except values.BadValue as bad:
        raise Problem(where, bad.message) from None


def moment(value: Any, where: str) -> datetime:
    try:
        return values.timestamp(value)
    except values.BadValue as bad:
        raise Problem(where, bad.message) from None


kind_name = values.kind_of


TEXT = Kind()
OPTIONAL_TEXT = OptionalText()
ID = Id()
STATUS = Status()
DAY = Day()
OPTIONAL_DAY = OptionalDay()
TIMESTAMP = Timestamp()
TEXT_LIST = TextList()
FLAG = Flag()
RATING = Rating()
COUNT = Count()
