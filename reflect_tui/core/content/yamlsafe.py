"""Safe YAML reading: text in, a node tree with positions out, nothing executed.

Why nodes and not Python objects: a node keeps the line and column of every
value (for ``FILE:LINE:COL`` errors) and still says whether a scalar was
quoted, so the validator can catch YAML 1.1 surprises (``no`` read as a
boolean, ``12:30`` as a number) exactly where the schema wants text.
Nothing is ever constructed here, so a ``!!python/...`` tag can do no harm;
it is reported as an error. Aliases and anchors are refused outright (they
serve no purpose in hand-written content and enable "billion laughs" bombs).
The libyaml-based ``CSafeLoader`` is used where available because it is
several times faster than the pure-Python loader.
"""

from __future__ import annotations

import contextlib
import gc
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reflect_tui.core.content.errors import FILE_PATH, ContentError
from reflect_tui.core.content.yaml_hints import yaml_hint
from reflect_tui.core.content.yaml_messages import dutch_yaml_message
from reflect_tui.core.os_messages import os_reason
from reflect_tui.core.wording import decimal

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
# An anchor or alias starts a node, so it follows a line start, whitespace or
# a flow indicator; anything else ("R&D") is plain text.
# (The regex is slow on long text, hence the plain ``in`` test before it.)
_MAYBE_ANCHOR = re.compile(r"(?<![^\s\[{,:])[&*]")

TAG_STR = "tag:yaml.org,2002:str"
TAG_INT = "tag:yaml.org,2002:int"
TAG_BOOL = "tag:yaml.org,2002:bool"
TAG_NULL = "tag:yaml.org,2002:null"
TAG_FLOAT = "tag:yaml.org,2002:float"
TAG_TIMESTAMP = "tag:yaml.org,2002:timestamp"
TAG_SEQ = "tag:yaml.org,2002:seq"
TAG_MAP = "tag:yaml.org,2002:map"
# The only tags content may carry; timestamps and floats are allowed to exist
# so the validator can explain "put quotes around it" instead of "bad tag".
ALLOWED_TAGS = frozenset(
    {TAG_STR, TAG_INT, TAG_BOOL, TAG_NULL, TAG_FLOAT, TAG_TIMESTAMP, TAG_SEQ, TAG_MAP}
)

_IMPLICIT = {
    key: tuple(pairs) for key, pairs in _Loader.yaml_implicit_resolvers.items() if key is not None
}
_WILDCARD = tuple(_Loader.yaml_implicit_resolvers.get(None, ()))


class _ComposeLoader(_Loader):
    """The safe loader with a leaner tag resolver.

    Why: resolving the implicit tag of each scalar is about a third of the
    composing time and the built-in content must load in well under 25 ms.
    The result is the same as the stock resolver (no path resolvers are
    registered on the safe loader); ``odd_tags`` notes a resolved tag
    outside ALLOWED_TAGS (``<<`` merge keys, ``=``) so the caller knows to
    look for it.
    """

    odd_tags = False

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()) + _WILDCARD:
                    if regexp.match(value):
                        if tag not in ALLOWED_TAGS:
                            self.odd_tags = True
                        return str(tag)
            return TAG_STR
        return TAG_SEQ if kind is SequenceNode else TAG_MAP


__all__ = [
    "ALLOWED_TAGS",
    "MAX_FILE_BYTES",
    "TAG_BOOL",
    "TAG_FLOAT",
    "TAG_INT",
    "TAG_MAP",
    "TAG_NULL",
    "TAG_SEQ",
    "TAG_STR",
    "TAG_TIMESTAMP",
    "MappingNode",
    "Node",
    "ParsedFile",
    "ScalarNode",
    "SequenceNode",
    "parse_bytes",
    "read_file",
    "short_tag",
]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One YAML file: its raw bytes (for the content hash) and its node tree.

    ``root`` is None when the file could not be used at all; ``errors``
    then says why.
    """

    display: str
    data: bytes
    root: Node | None
    errors: tuple[ContentError, ...]


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` -> ``!!python/object`` (as the user typed it)."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a big node tree is built.

    Why: composing 150,000 nodes made the collector run over the growing
    heap again and again, 3.1 s for a 1 MiB file instead of 0.4 s. Nodes
    hold no reference cycles, so nothing is lost by collecting afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_file(path: Path, display: str) -> ParsedFile:
    """Read and parse ``path``; every failure becomes a ContentError."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end.
            return _failed(display, b"", 1, 1, "dit is geen gewoon bestand")
        size = info.st_size
        if size > MAX_FILE_BYTES:
            return _failed(display, b"", 1, 1, _too_big(size))
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = os_reason(exc)
        return _failed(display, b"", 1, 1, f"kan het bestand niet lezen: {reason}")
    return parse_bytes(data, display)


def parse_bytes(data: bytes, display: str) -> ParsedFile:
    """Decode and parse one file's bytes into a node tree."""
    if len(data) > MAX_FILE_BYTES:
        return _failed(display, data, 1, 1, _too_big(len(data)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        return _failed(
            display,
            data,
            line,
            col,
            "het bestand is geen UTF-8-tekst; sla het op als UTF-8",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    errors: list[ContentError] = []
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        # Only then scan the events (linear in the text size even for an
        # alias bomb); "R&D" or "5*3" in prose do not trigger the scan.
        errors = _anchor_errors(text, display)
        if errors:
            return ParsedFile(display, data, None, tuple(errors))
    loader = _ComposeLoader(text)
    try:
        with gc_paused():
            root = loader.get_single_node()
    except yaml.YAMLError as exc:
        return ParsedFile(display, data, None, (_yaml_error(exc, text, display),))
    except RecursionError:
        return _failed(display, data, 1, 1, "de YAML is te diep genest")
    finally:
        loader.dispose()
    if root is None:
        return _failed(display, data, 1, 1, "het bestand is leeg")
    if loader.odd_tags or "!" in text:
        # Explicit tags need a "!" in the source; only then walk everything.
        # The tree is still validated (nothing was constructed); the
        # validator skips the tagged nodes silently.
        errors = _tag_errors(root, display)
    return ParsedFile(display, data, root, tuple(errors))


def _too_big(size: int) -> str:
    return (
        f"het bestand is te groot ({decimal(size / 1024 / 1024)} MiB); "
        f"maximaal {MAX_FILE_BYTES // 1024 // 1024} MiB per bestand"
    )


def _failed(display: str, data: bytes, line: int, col: int, message: str) -> ParsedFile:
    return ParsedFile(display, data, None, (ContentError(display, line, col, FILE_PATH, message),))


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset (column counted in characters)."""
    start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def _text_position(text: str, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _anchor_errors(text: str, display: str) -> list[ContentError]:
    """Every anchor (``&x``) and alias (``*x``) in the text, as errors."""
    errors: list[ContentError] = []
    message = (
        "YAML-ankers (&naam) en -verwijzingen (*naam) zijn niet toegestaan; "
        "schrijf de waarde voluit"
    )
    try:
        for event in yaml.parse(text, Loader=_Loader):
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                # The parser always sets a start mark; the stubs allow None.
                mark = event.start_mark
                line, column = (mark.line, mark.column) if mark is not None else (0, 0)
                errors.append(ContentError(display, line + 1, column + 1, FILE_PATH, message))
                if len(errors) >= 100:
                    break
    except yaml.YAMLError as exc:
        if not errors:
            # A syntax error: compose will report it the same way.
            return []
        errors.append(_yaml_error(exc, text, display))
    except RecursionError:
        return []
    return errors


def _tag_errors(root: Node, display: str) -> list[ContentError]:
    """Every node with a tag outside ALLOWED_TAGS (``!!python/object``, ``!foo``)."""
    errors: list[ContentError] = []
    stack: list[Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in ALLOWED_TAGS:
            mark = node.start_mark
            errors.append(
                ContentError(
                    display,
                    mark.line + 1,
                    mark.column + 1,
                    FILE_PATH,
                    f"de tag {short_tag(node.tag)} is niet toegestaan; "
                    "gebruik gewone tekst, lijsten en velden",
                )
            )
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    errors.sort(key=lambda e: (e.line, e.col))
    return errors


def _yaml_error(exc: yaml.YAMLError, text: str, display: str) -> ContentError:
    """A parser error as one readable line with the position of the problem."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    else:
        line, col = _text_position(text, int(getattr(exc, "position", 0) or 0))
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    context_at = None if context_mark is None else (context_mark.line + 1, context_mark.column + 1)
    hint = yaml_hint(text, line, context, context_at, str(problem))
    if hint is not None:  # the cause is clear: say where and what to do
        return ContentError(
            display, hint.line, hint.col, FILE_PATH, f"geen geldige YAML: {hint.text}"
        )
    detail = dutch_yaml_message(context, str(problem))
    return ContentError(display, line, col, FILE_PATH, f"geen geldige YAML ({detail})")
