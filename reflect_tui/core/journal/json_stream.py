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

Why two decoders: the careful one (with ``parse_int`` hooks that keep a
number of thousands of digits cheap and nameable) costs a Python call per
number, about a third of the C decoder's time on a journal's ratings. The
array's elements are decoded by a plain one (``fast``) when given; a caller
that doubts an element asks ``Events.again`` for it once more through the
careful decoder, and a number the plain one refuses (over 4,300 digits) is
decoded carefully at once. So every value that reaches a message was
decoded carefully, and the well-formed bulk never pays for the hooks.
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
    def __init__(
        self, stream: TextIO, decoder: json.JSONDecoder, fast: json.JSONDecoder | None = None
    ) -> None:
        self._stream = stream
        self._decode = decoder.raw_decode
        self._fast = (fast or decoder).raw_decode
        self.buf = ""
        self.pos = 0
        self.start = 0  # where the value decoded last began in buf
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
            newlines = count_newlines(dropped)
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

    def value(self, fast: bool = False) -> Any:
        """Decode the next complete JSON value (with the plain decoder if ``fast``)."""
        self.peek()
        decode = self._fast if fast else self._decode
        while True:
            try:
                value, end = decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self._more(len(self.buf)):
                    continue  # the value may only be cut off by the buffer's end
                raise self.fail(_dutch(exc.msg), exc.pos) from None
            except RecursionError:
                raise TooDeep() from None
            except ValueError as exc:  # e.g. an integer of more than 4300 digits
                if decode is not self._decode:
                    decode = self._decode  # the careful decoder keeps it as a HugeNumber
                    continue
                raise self.fail(f"ongeldig getal ({exc})") from None
            if end == len(self.buf) and self._more(len(self.buf)):
                continue  # a number like 12 may continue as 123 in the next chunk
            self.start = self.pos
            self.pos = end
            return value

    def again(self) -> Any:
        """The value decoded last, decoded once more by the careful decoder.

        Only between decoding it and reading on: the buffer still holds it.
        """
        return self._decode(self.buf, self.start)[0]


def count_newlines(text: str) -> int:
    """``text.count("\\n")``, faster where lines are long.

    Why: the reader counts the lines of everything it has read (for the line
    numbers of a syntax error), and ``str.count`` looks at every character:
    5 % of reading an export, which has one reflection (~2.5 KB) per line.
    ``str.find`` jumps to the next newline (``memchr``); so newlines are
    found one by one while they are rare, and counted by ``count`` from the
    point where they turn out to be frequent (an indented file).
    """
    limit = len(text) >> 8  # lines of 256 characters on average or longer
    found = 0
    at = text.find("\n")
    while at >= 0:
        found += 1
        if found > limit:
            return found + text.count("\n", at + 1)
        at = text.find("\n", at + 1)
    return found


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


class Events:
    """The events of one document (see ``events``), with ``again`` for the element in hand."""

    def __init__(
        self,
        stream: TextIO,
        streamed_key: str,
        decoder: json.JSONDecoder | None,
        fast: json.JSONDecoder | None,
    ) -> None:
        self._reader = _Reader(stream, decoder or json.JSONDecoder(), fast)
        self._events = _walk(self._reader, streamed_key)

    def __iter__(self) -> Iterator[tuple[str, Any, Any]]:
        return self._events

    def again(self) -> Any:
        """The element yielded last, decoded by the careful decoder (call before reading on)."""
        return self._reader.again()


def events(
    stream: TextIO,
    streamed_key: str,
    decoder: json.JSONDecoder | None = None,
    fast: json.JSONDecoder | None = None,
) -> Events:
    """Walk a top-level JSON object, yielding what it holds as it is read.

    ``(MEMBER, key, value)`` for every member but ``streamed_key``;
    ``(ARRAY, streamed_key, None)`` when its array starts, then
    ``(ELEMENT, index, value)`` for each element of ``streamed_key``'s array,
    which is never built as a whole; ``(NOT_A_LIST, streamed_key, value)`` if
    that member is not an array. ``decoder`` decodes each value (pass one
    with ``parse_int`` hooks to keep huge numbers cheap); ``fast``, if
    given, decodes the elements (see the module's docstring). Raises
    ``JsonSyntaxError`` on invalid JSON, ``TooDeep`` on nesting past the
    recursion limit and ``TypeError`` (the value's type name) if the
    document is not an object.
    """
    return Events(stream, streamed_key, decoder, fast)


def _walk(reader: _Reader, streamed_key: str) -> Iterator[tuple[str, Any, Any]]:
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
        yield ELEMENT, index, reader.value(fast=True)
        index += 1
        _separator(reader, "]")
        if reader.buf[reader.pos - 1] == "]":
            return
