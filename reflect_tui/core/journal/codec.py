"""How model values are written to and read from SQLite columns.

Why fixed-width UTC text for timestamps: ``ORDER BY`` on text then equals
chronological order, the values survive any SQLite tool, and microseconds
are kept so a save-and-reload gives back the identical object.

``json`` is imported where it is used: the terminal UI's first frame reads
only summaries, and the import would otherwise be part of every start-up.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def ts_to_db(moment: datetime) -> str:
    """A timestamp as fixed-width UTC ISO text (naive values are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def ts_from_db(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def date_to_db(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def date_from_db(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


try:
    # The C string encoder that ``json.encoder.encode_basestring`` is, taken from where
    # it lives: importing ``json.encoder`` imports the whole json package (~5 M
    # instructions of a ``reflect export`` process, which needs only this function).
    from _json import encode_basestring as _json_string
except ImportError:  # an interpreter without the C accelerator: json's own fallback
    from json.encoder import encode_basestring as _json_string

json_string = _json_string

_encode_list: Any = None


def ids_to_db(ids: list[str]) -> str:
    """A small list of ids or tags as a JSON array (kept in the reflection row).

    Exactly what ``json.JSONEncoder(ensure_ascii=False).encode`` gives (the fast
    export splices the stored text as it is). A list of plain strings, nearly
    always, is joined here from the C string encoder: an import encodes four
    lists per reflection, and the encoder's own call costs several times more.
    """
    if not ids:
        return "[]"
    global _encode_list
    if all(type(item) is str for item in ids):
        return "[" + ", ".join(map(json_string, ids)) + "]"
    if _encode_list is None:
        import json

        _encode_list = json.JSONEncoder(ensure_ascii=False).encode
    result: str = _encode_list(list(ids))
    return result


def ids_from_db(text: str | None) -> list[str]:
    if not text:
        return []
    import json

    value = json.loads(text)
    return [str(v) for v in value] if isinstance(value, list) else []
