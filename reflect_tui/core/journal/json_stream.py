"""Reading one JSON object whose big member is an array, one element at a time.

Why our own reader instead of ``json.load``: an interchange file of 50,000
reflections is hundreds of megabytes; ``json.load`` holds all of it as
Python objects at once (860 MB peak, and the garbage collector alone cost
half the parse time). Here the document's top level is walked by hand and
each element of the streamed array is decoded by the standard library's C
decoder (``JSONDecoder.raw_decode``) from a buffer that keeps only what is
not yet decoded, so memory holds one buffer and one element whatever the
file's size. Any valid JSON layout is accepted (any whitespace, any key
order); what is not valid JSON is reported with line and column, like
``json.loads`` would.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

CHUNK = 1 << 20  # characters read at a time (grows for a single very large element)
_WS = " \t\n\r"


class JsonSyntaxError(ValueError):
    """Not valid JSON (or nested too deep, or a number too long); ``line``/``col`` 1-based."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(f"{message} (regel {line}, kolom {col})")
        self.message = message
        self.line = line
        self.col = col


class TooDeep(ValueError):
    """Arrays or objects nested deeper than Python's recursion allows."""


class _Reader:
    def __init__(self, stream: TextIO, decoder: json.JSONDecoder) -> None:
        self._stream = stream
        self._decode = decoder.raw_decode
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # line number of buf[0]
        self._line_start = 0  # offset in buf where that line starts (may be negative)

    # --- buffer ----------------------------------------------------------------------------

    def _more(self, at_least: int = CHUNK) -> bool:
        if self.eof:
            return False
        data = self._stream.read(max(CHUNK, at_least))
        if not data:
            self.eof = True
            return False
        if self.pos:
            dropped = self.buf[: self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self._line += newlines
                self._line_start = dropped.rfind("\n") + 1 - self.pos
            else:
                self._line_start -= self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += data
        return True

    def where(self, pos: int) -> tuple[int, int]:
        before = self.buf[:pos]
        newlines = before.count("\n")
        if newlines:
            return self._line + newlines, pos - before.rfind("\n")
        return self._line, pos - self._line_start + 1

    def fail(self, message: str, pos: int | None = None) -> JsonSyntaxError:
        line, col = self.where(self.pos if pos is None else pos)
        return JsonSyntaxError(message, line, col)

    # --- tokens ----------------------------------------------------------------------------

    def peek(self) -> str:
        """The next non-whitespace character ('' at the end), without consuming it."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not self._more():
                return ""

    def expect(self, char: str, message: str) -> None:
        if self.peek() != char:
            raise self.fail(message)
        self.pos += 1

    def value(self) -> Any:
        """Decode the next complete JSON value."""
        self.peek()
        while True:
            try:
                value, end = self._decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self._more(len(self.buf)):
                    continue  # the value may only be cut off by the buffer's end
                raise self.fail(_dutch(exc.msg), exc.pos) from None
            except RecursionError:
                raise TooDeep() from None
            except ValueError as exc:  # e.g. an integer of more than 4300 digits
                raise self.fail(f"ongeldig getal ({exc})") from None
            if end == len(self.buf) and self._more(len(self.buf)):
                continue  # a number like 12 may continue as 123 in the next chunk
            self.pos = end
            return value


def _dutch(msg: str) -> str:
    known = {
        "Expecting value": "waarde verwacht",
        "Unterminated string starting at": "tekst zonder afsluitend aanhalingsteken",
        "Expecting ',' delimiter": "',' verwacht",
        "Expecting ':' delimiter": "':' verwacht",
        "Expecting property name enclosed in double quotes": "veldnaam tussen dubbele"
        " aanhalingstekens verwacht",
        "Invalid control character at": "ongeldig stuurteken",
        "Invalid \\escape": "ongeldige \\-code",
        "Extra data": "extra tekst na het einde",
    }
    return known.get(msg, msg)


MEMBER, ARRAY, ELEMENT, NOT_A_LIST = "member", "array", "element", "not-a-list"


def events(
    stream: TextIO, streamed_key: str, decoder: json.JSONDecoder | None = None
) -> Iterator[tuple[str, Any, Any]]:
    """Walk a top-level JSON object, yielding what it holds as it is read.

    ``(MEMBER, key, value)`` for every member but ``streamed_key``;
    ``(ARRAY, streamed_key, None)`` when its array starts, then
    ``(ELEMENT, index, value)`` for each element of ``streamed_key``'s array,
    which is never built as a whole; ``(NOT_A_LIST, streamed_key, value)`` if
    that member is not an array. ``decoder`` decodes each value (pass one
    with ``parse_int`` hooks to keep huge numbers cheap). Raises
    ``JsonSyntaxError`` on invalid JSON, ``TooDeep`` on nesting past the
    recursion limit and ``TypeError`` (the value's type name) if the
    document is not an object.
    """
    reader = _Reader(stream, decoder or json.JSONDecoder())
    if reader.peek() != "{":
        if reader.peek() == "":
            raise reader.fail("waarde verwacht")
        not_an_object = reader.value()  # valid JSON of another kind, or a syntax error
        raise TypeError(type(not_an_object).__name__)
    reader.pos += 1
    if reader.peek() == "}":
        reader.pos += 1
    else:
        while True:
            if reader.peek() != '"':
                raise reader.fail(_dutch("Expecting property name enclosed in double quotes"))
            key = reader.value()
            reader.expect(":", _dutch("Expecting ':' delimiter"))
            if key == streamed_key and reader.peek() == "[":
                yield ARRAY, key, None
                yield from _array(reader)
            elif key == streamed_key:
                yield NOT_A_LIST, key, reader.value()
            else:
                yield MEMBER, key, reader.value()
            _separator(reader, "}")
            if reader.buf[reader.pos - 1] == "}":
                break
    if reader.peek() != "":
        raise reader.fail(_dutch("Extra data"))


def _separator(reader: _Reader, closing: str) -> None:
    """Consume ',' or ``closing`` (the caller checks which)."""
    following = reader.peek()
    if following not in (",", closing):
        raise reader.fail(_dutch("Expecting ',' delimiter"))
    reader.pos += 1


def _array(reader: _Reader) -> Iterator[tuple[str, Any, Any]]:
    reader.pos += 1  # "["
    if reader.peek() == "]":
        reader.pos += 1
        return
    index = 0
    while True:
        yield ELEMENT, index, reader.value()
        index += 1
        _separator(reader, "]")
        if reader.buf[reader.pos - 1] == "]":
            return
