"""Turn one file's node tree into model objects, collecting every error.

Why hand-written instead of a schema library: it has to be fast (the whole
built-in content loads in a few milliseconds), it must point at the exact
line and column of each mistake, and its messages are for trainers, not
programmers. Cross-references are not checked here: a tip in an
organisation layer may point at a practice from the built-in layer, so
references are recorded (``Ref``) and checked on the merged content by
``check_refs``.

Conventions are in ``errors.py`` (dotted paths) and ``docs/content-guide.md``.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reflect_tui.core.content import model as m
from reflect_tui.core.content.errors import FILE_PATH, ContentError, quoted
from reflect_tui.core.content.yamlsafe import (
    ALLOWED_TAGS,
    TAG_BOOL,
    TAG_INT,
    TAG_MAP,
    TAG_NULL,
    TAG_SEQ,
    TAG_STR,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
)

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_INVALID: Any = object()

# Plain-language names of collections, used in "unknown id" messages.
COLLECTION_LABELS: Mapping[str, str] = {
    "practices": "werkpraktijk",
    "principles": "werkprincipe",
    "lsd_steps": "LSD-stap",
    "activities": "activiteit",
    "barriers": "belemmering (barriers)",
    "helps": "helpende factor (helps)",
    "case_kinds": "soort casus",
    "prompts": "vraag (prompt)",
    "tips": "tip",
    "learning_suggestions": "leersuggestie",
    "intervision_methods": "intervisiemethode",
    "sets": "vragenset",
}

# Which collection the ``ids`` of a learning-suggestion trigger refer to.
TRIGGER_ID_COLLECTION: Mapping[str, str | None] = {
    "barrier_recurring": "barriers",
    "practice_unreflected": "practices",
    "principle_low": "principles",
    "step_skipped": "lsd_steps",
    "help_absent": "helps",
    "next_steps_overdue": None,
    "reflection_gap": None,
}

_YAML11_HINTS: Mapping[str, str] = {
    TAG_BOOL: "YAML leest {v} als ja/nee-waarde",
    TAG_INT: "YAML leest {v} als getal",
    "tag:yaml.org,2002:float": "YAML leest {v} als getal",
    "tag:yaml.org,2002:timestamp": "YAML leest {v} als datum of tijd",
}


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference from one item to an id in some collection, with its position."""

    collection: str
    id: str
    file: str
    line: int
    col: int
    path: str


@dataclass(slots=True)
class Entry:
    """One validated item (or a switch-off) plus where it came from.

    ``item`` is None when the item is disabled or when it had errors; the
    id still counts as known so one mistake does not cause a cascade of
    "unknown id" errors elsewhere.
    """

    collection: str
    id: str
    item: Any
    disabled: bool
    file: str
    line: int
    col: int
    path: str
    refs: list[Ref] = field(default_factory=list)
    # False for an item whose id is missing or malformed: it takes no part in
    # the merge (it has no id to merge by), but its other fields and its
    # references are still checked, so one run reports all its errors.
    named: bool = True

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


# Past this many errors in one file (or unknown references in one check), stop.
MAX_ERRORS_PER_FILE = 500


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``; bedoel je 'x'?`` for the closest option, or an empty string."""
    return Hinter(options).hint(word)


class Hinter:
    """ "Did you mean" for many words against many options, at a bounded cost.

    Why: a content file of 620 KB with 20,000 ids and 20,000 unknown
    references once took 810 s to check, because every unknown word was
    compared with every id (quadratic). Here the options are sorted once
    (and once more by their reversed spelling), and each word is compared
    only with its ``NEIGHBOURS`` nearest options in both orders, so a typo
    late or early in a word is still found. At most ``MAX_HINTS`` hints are
    made per set of options (nobody reads more), and words longer than
    ``MAX_WORD`` get none (a similarity of long strings is quadratic in
    their length). Total cost: n log n in the number of options.
    """

    NEIGHBOURS = 24
    MAX_HINTS = 100
    MAX_WORD = 80

    def __init__(self, options: Iterable[str]) -> None:
        self._source = options
        self._forward: list[str] | None = None
        self._backward: list[str] = []
        self._left = self.MAX_HINTS

    def hint(self, word: str) -> str:
        """``; bedoel je 'x'?`` or an empty string."""
        if self._left <= 0 or len(word) > self.MAX_WORD:
            return ""
        self._left -= 1
        if self._forward is None:
            unique = {o for o in self._source if len(o) <= self.MAX_WORD}
            self._forward = sorted(unique)
            self._backward = sorted(o[::-1] for o in unique)
        candidates = self._near(self._forward, word)
        candidates.update(o[::-1] for o in self._near(self._backward, word[::-1]))
        close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
        return f"; bedoel je {quoted(close[0])}?" if close else ""

    def _near(self, ordered: list[str], word: str) -> set[str]:
        at = bisect.bisect_left(ordered, word)
        return set(ordered[max(0, at - self.NEIGHBOURS) : at + self.NEIGHBOURS])


class _FileValidator:
    """Validates one file; keeps the file name and the growing error list."""

    def __init__(self, display: str) -> None:
        self.file = display
        self.errors: list[ContentError] = []
        self.refs: list[Ref] = []
        self._hints_left = Hinter.MAX_HINTS

    def did_you_mean(self, word: str, options: Iterable[str]) -> str:
        """A hint for a misspelt key or kind, at most ``Hinter.MAX_HINTS`` per file."""
        if self._hints_left <= 0:
            return ""
        self._hints_left -= 1
        return did_you_mean(word, options)

    # -- reporting -------------------------------------------------------

    def error(self, node: Node, path: str, message: str) -> None:
        if node.tag not in ALLOWED_TAGS:
            return  # already reported once by yamlsafe, with the tag's name
        mark = node.start_mark
        if len(self.errors) >= MAX_ERRORS_PER_FILE:
            if len(self.errors) == MAX_ERRORS_PER_FILE:
                message = (
                    f"meer dan {MAX_ERRORS_PER_FILE} fouten; verdere fouten worden niet gemeld"
                )
                self.errors.append(
                    ContentError(self.file, mark.line + 1, mark.column + 1, path, message)
                )
            return
        self.errors.append(ContentError(self.file, mark.line + 1, mark.column + 1, path, message))

    # -- generic node readers -------------------------------------------

    def mapping(
        self,
        node: Node,
        path: str,
        allowed: tuple[str, ...],
        what: str = "hier hoort een item met velden (veld: waarde)",
    ) -> dict[str, tuple[Node, Node]] | None:
        """Fields of a mapping node; reports non-mappings, duplicates, unknown keys."""
        if not isinstance(node, MappingNode) or node.tag != TAG_MAP:
            if node.tag not in ALLOWED_TAGS:
                return None  # reported by yamlsafe
            self.error(node, path, f"{what}, {_describe(node)}")
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != TAG_STR:
                self.error(key_node, path, f"een veldnaam moet tekst zijn, {_describe(key_node)}")
                continue
            key = key_node.value
            if key in fields:
                first = fields[key][0].start_mark.line + 1
                self.error(
                    key_node,
                    _join(path, key),
                    f"veld {quoted(key)} staat er twee keer (ook op regel {first})",
                )
                continue
            if key not in allowed:
                hint = self.did_you_mean(key, allowed) or f"; mogelijk: {', '.join(allowed)}"
                self.error(key_node, _join(path, key), f"onbekend veld {quoted(key)}{hint}")
                continue
            fields[key] = (key_node, value_node)
        return fields

    def text(self, node: Node, path: str, nullable: bool = False) -> Any:
        """A non-empty string; explains YAML 1.1 surprises in plain words."""
        if isinstance(node, ScalarNode):
            if node.tag == TAG_STR:
                value = node.value.strip()
                if value:
                    return value
                if nullable:
                    return None
                self.error(node, path, "mag niet leeg zijn")
                return _INVALID
            if node.tag == TAG_NULL:
                if nullable:
                    return None
                self.error(node, path, "mag niet leeg zijn")
                return _INVALID
            hint = _YAML11_HINTS.get(node.tag)
            if hint and not node.style:  # plain: None (Python) or '' (libyaml)
                surprise = hint.format(v=node.value)
                self.error(
                    node,
                    path,
                    f"hier hoort tekst, maar {surprise}; zet er aanhalingstekens omheen: "
                    f'"{node.value}"',
                )
                return _INVALID
        self.error(node, path, f"hier hoort tekst, {_describe(node)}")
        return _INVALID

    def opt_text(self, node: Node, path: str) -> Any:
        return self.text(node, path, nullable=True)

    def integer(self, node: Node, path: str, minimum: int = 1, maximum: int | None = None) -> Any:
        """A whole number in range; only plain decimal digits, nothing clever."""
        if isinstance(node, ScalarNode) and node.tag in (TAG_INT, TAG_STR):
            raw = node.value.strip().replace("_", "")
            if len(raw) <= 12 and _INT_RE.match(raw):
                value = int(raw)
                if value >= minimum and (maximum is None or value <= maximum):
                    return value
        if maximum is None:
            wanted = f"een heel getal van {minimum} of meer"
        else:
            wanted = f"een heel getal van {minimum} tot en met {maximum}"
        self.error(node, path, f"hier hoort {wanted}, {_describe(node)}")
        return _INVALID

    def boolean(self, node: Node, path: str) -> Any:
        if isinstance(node, ScalarNode) and node.tag == TAG_BOOL:
            value = node.value.lower()
            if value in ("true", "false"):
                return value == "true"
        self.error(node, path, f"hier hoort true of false, {_describe(node)}")
        return _INVALID

    def sequence(self, node: Node, path: str) -> list[Node] | None:
        if isinstance(node, SequenceNode) and node.tag == TAG_SEQ:
            return list(node.value)
        if isinstance(node, ScalarNode) and node.tag == TAG_NULL:
            return []
        self.error(node, path, f"hier hoort een lijst (- ... of [...]), {_describe(node)}")
        return None

    def texts(self, node: Node, path: str) -> Any:
        items = self.sequence(node, path)
        if items is None:
            return _INVALID
        out = []
        ok = True
        for i, child in enumerate(items):
            value = self.text(child, f"{path}[{i}]")
            if value is _INVALID:
                ok = False
            else:
                out.append(value)
        return tuple(out) if ok else _INVALID

    def ref(self, node: Node, path: str, collection: str, nullable: bool = False) -> Any:
        value = self.text(node, path, nullable=nullable)
        if value is None or value is _INVALID:
            return value
        mark = node.start_mark
        self.refs.append(Ref(collection, value, self.file, mark.line + 1, mark.column + 1, path))
        return value

    def refs_list(self, node: Node, path: str, collection: str) -> Any:
        items = self.sequence(node, path)
        if items is None:
            return _INVALID
        out: list[str] = []
        seen: set[str] = set()  # a set, not ``in out``: a list of 100,000 refs is linear
        ok = True
        for i, child in enumerate(items):
            value = self.ref(child, f"{path}[{i}]", collection)
            if value is _INVALID:
                ok = False
            elif value in seen:
                self.error(child, f"{path}[{i}]", f"{quoted(value)} staat er twee keer in")
            else:
                out.append(value)
                seen.add(value)
        return tuple(out) if ok else _INVALID


def _join(path: str, key: str) -> str:
    key = key or "''"
    return key if path == FILE_PATH else f"{path}.{key}"


def _describe(node: Node) -> str:
    """What the user wrote instead, in words."""
    if isinstance(node, MappingNode):
        return "maar dit is een item met velden"
    if isinstance(node, SequenceNode):
        return "maar dit is een lijst"
    if isinstance(node, ScalarNode):
        if node.tag == TAG_NULL:
            return "maar het is leeg"
        return f"maar er staat {quoted(node.value)}"
    return "maar er staat iets anders"  # pragma: no cover


# -- field specifications ----------------------------------------------------

Reader = Callable[[_FileValidator, Node, str], Any]


class RefsReader:
    """Reads a list of ids in ``collection``; ``at_least_one`` refuses an empty list.

    A class rather than a closure so the JSON Schema (``schema.py``) can read
    which collection a field points at from the same spec the validator runs.
    """

    __slots__ = ("at_least_one", "collection")

    def __init__(self, collection: str, at_least_one: bool = False) -> None:
        self.collection = collection
        self.at_least_one = at_least_one

    def __call__(self, v: _FileValidator, node: Node, path: str) -> Any:
        value = v.refs_list(node, path, self.collection)
        if self.at_least_one and value == ():
            v.error(node, path, f"noem minstens een {COLLECTION_LABELS[self.collection]}")
            return _INVALID
        return value


def _refs(collection: str) -> Reader:
    return RefsReader(collection)


def _refs_required(collection: str) -> Reader:
    """At least one id (an activity serves at least one practice)."""
    return RefsReader(collection, at_least_one=True)


def _positive(v: _FileValidator, node: Node, path: str) -> Any:
    return v.integer(node, path, minimum=1)


def _non_negative(v: _FileValidator, node: Node, path: str) -> Any:
    return v.integer(node, path, minimum=0)


# Numbers within the ranges the code can compute with (``model.MAX_*``): a
# trigger's days are subtracted from today, its counts size a look-back.
def _trigger_count(v: _FileValidator, node: Node, path: str) -> Any:
    return v.integer(node, path, minimum=1, maximum=m.MAX_TRIGGER_COUNT)


def _trigger_days(v: _FileValidator, node: Node, path: str) -> Any:
    return v.integer(node, path, minimum=0, maximum=m.MAX_TRIGGER_DAYS)


def _minutes(v: _FileValidator, node: Node, path: str) -> Any:
    return v.integer(node, path, minimum=1, maximum=m.MAX_ROUND_MINUTES)


def _rating(v: _FileValidator, node: Node, path: str) -> Any:
    return v.integer(node, path, minimum=1, maximum=5)


# The number fields of a trigger (``kind`` and ``ids`` are read on their own).
TRIGGER_READERS: Mapping[str, Reader] = {
    "min_count": _trigger_count,
    "window": _trigger_count,
    "max_rating": _rating,
    "days": _trigger_days,
}
TRIGGER_KEYS: tuple[str, ...] = ("kind", "ids", *TRIGGER_READERS)

_TEXT: Reader = _FileValidator.text
_OPT_TEXT: Reader = _FileValidator.opt_text
_TEXTS: Reader = _FileValidator.texts
_BOOL: Reader = _FileValidator.boolean


def _anchors(v: _FileValidator, node: Node, path: str) -> Any:
    """Rating anchors: a mapping with exactly the keys 1..5, each a text."""
    if not isinstance(node, MappingNode) or node.tag != TAG_MAP:
        v.error(
            node, path, f"hier horen de ankers 1 tot en met 5 (1: ..., 2: ...), {_describe(node)}"
        )
        return _INVALID
    out: dict[int, str] = {}
    ok = True
    for key_node, value_node in node.value:
        key = None
        if isinstance(key_node, ScalarNode) and key_node.tag in (TAG_INT, TAG_STR):
            raw = key_node.value.strip()
            if raw in ("1", "2", "3", "4", "5"):
                key = int(raw)
        if key is None:
            v.error(
                key_node, path, f"een anker hoort bij score 1, 2, 3, 4 of 5, {_describe(key_node)}"
            )
            ok = False
            continue
        if key in out:
            v.error(key_node, f"{path}.{key}", f"anker {key} staat er twee keer")
            ok = False
            continue
        value = v.text(value_node, f"{path}.{key}")
        if value is _INVALID:
            ok = False
            out[key] = ""
        else:
            out[key] = value
    missing = [str(k) for k in range(1, 6) if k not in out]
    if missing:
        v.error(
            node,
            path,
            f"ankers ontbreken voor score {', '.join(missing)}; alle vijf (1-5) zijn nodig",
        )
        ok = False
    return {k: out[k] for k in sorted(out)} if ok else _INVALID


def _trigger(v: _FileValidator, node: Node, path: str) -> Any:
    allowed = TRIGGER_KEYS
    fields = v.mapping(
        node, path, allowed, what="hier hoort een trigger (kind: ..., min_count: ...)"
    )
    if fields is None:
        return _INVALID
    if "kind" not in fields:
        v.error(node, path, "verplicht veld 'kind' ontbreekt")
        return _INVALID
    kind_node = fields["kind"][1]
    kind = v.text(kind_node, f"{path}.kind")
    if kind is _INVALID:
        return _INVALID
    if kind not in m.TRIGGER_KINDS:
        hint = v.did_you_mean(kind, m.TRIGGER_KINDS) or f"; mogelijk: {', '.join(m.TRIGGER_KINDS)}"
        v.error(kind_node, f"{path}.kind", f"onbekende soort trigger {quoted(kind)}{hint}")
        return _INVALID
    values: dict[str, Any] = {"kind": kind}
    target = TRIGGER_ID_COLLECTION[kind]
    readers = TRIGGER_READERS
    ok = True
    for key, (_, value_node) in fields.items():
        sub = f"{path}.{key}"
        if key == "kind":
            continue
        if key == "ids":
            if target is None:
                value = v.sequence(value_node, sub)
                if value:
                    v.error(
                        value_node, sub, f"ids wordt niet gebruikt bij kind '{kind}'; laat het weg"
                    )
                    ok = False
                continue
            value = v.refs_list(value_node, sub, target)
        else:
            value = readers[key](v, value_node, sub)
        if value is _INVALID:
            ok = False
        else:
            values[key] = value
    return m.Trigger(**values) if ok else _INVALID


def _round(v: _FileValidator, node: Node, path: str) -> Any:
    return _build_fields(
        v, node, path, _ROUND_SPEC, m.Round, what="hier hoort een ronde (name: ..., role: ...)"
    )


def _rounds(v: _FileValidator, node: Node, path: str) -> Any:
    items = v.sequence(node, path)
    if items is None:
        return _INVALID
    if not items:
        v.error(node, path, "een methode heeft minstens een ronde nodig")
        return _INVALID
    out = [_round(v, child, f"{path}[{i}]") for i, child in enumerate(items)]
    return _INVALID if any(r is _INVALID for r in out) else tuple(out)


MIN_SITUATION_GROUPS = 2


def _situation_groups(v: _FileValidator, node: Node, path: str) -> Any:
    """A situation's ``when``: two or more groups, each a list of words or phrases.

    Why at least two: one group is a keyword or a cue, which tips have
    already; a situation is about words that occur together.
    """
    items = v.sequence(node, path)
    if items is None:
        return _INVALID
    if len(items) < MIN_SITUATION_GROUPS:
        v.error(
            node,
            path,
            "een situatie heeft minstens twee groepen woorden nodig, bijvoorbeeld "
            "[[wethouder, raad], [beloofd, toegezegd]]; voor een los woord of zinsdeel "
            "gebruik je keywords of cues",
        )
        return _INVALID
    groups = []
    ok = True
    for i, child in enumerate(items):
        sub = f"{path}[{i}]"
        if isinstance(child, ScalarNode) and child.tag == TAG_STR:
            word = v.text(child, sub)  # one word alone is a group of one
            words = _INVALID if word is _INVALID else (word,)
        else:
            words = v.texts(child, sub)
        if words is _INVALID:
            ok = False
        elif not words:
            v.error(child, sub, "een groep woorden mag niet leeg zijn")
            ok = False
        elif (loose := _function_word(words)) is not None:
            v.error(
                child,
                sub,
                f"het losse woord {quoted(loose)} zegt niets over een situatie (een lidwoord, "
                "voornaamwoord, voorzetsel of hulpwerkwoord); zet het in een zinsdeel, "
                "zoals 'geen geld', of laat het weg",
            )
            ok = False
        else:
            groups.append(tuple(dict.fromkeys(words)))
    return tuple(groups) if ok else _INVALID


def _function_word(words: Iterable[str]) -> str | None:
    """The first one-word entry that is a function word ("ze", "over", "zou").

    Why: such a word is in almost every text, so its group would always be
    there and the situation would rest on the other groups alone (seen:
    "over" in "melding over ..." read as material left over).
    """
    from reflect_tui.core.text_analysis import FUNCTION_WORDS

    for word in words:
        parts = word.split()
        if len(parts) == 1 and parts[0].casefold() in FUNCTION_WORDS:
            return word
    return None


def _situation(v: _FileValidator, node: Node, path: str) -> Any:
    return _build_fields(
        v,
        node,
        path,
        _SITUATION_SPEC,
        m.Situation,
        what='hier hoort een situatie (when: [[...], [...]], reason: "Je beschrijft ...")',
    )


def _situations(v: _FileValidator, node: Node, path: str) -> Any:
    items = v.sequence(node, path)
    if items is None:
        return _INVALID
    out = [_situation(v, child, f"{path}[{i}]") for i, child in enumerate(items)]
    return _INVALID if any(s is _INVALID for s in out) else tuple(out)


def _prompt_texts(v: _FileValidator, node: Node, path: str) -> Any:
    value = v.texts(node, path)
    if value == ():
        v.error(node, path, "een vragenset heeft minstens een vraag nodig")
        return _INVALID
    return value


def _role(v: _FileValidator, node: Node, path: str) -> Any:
    value = v.text(node, path)
    if value is not _INVALID and value not in m.ROLES:
        hint = v.did_you_mean(value, m.ROLES) or f"; mogelijk: {', '.join(m.ROLES)}"
        v.error(node, path, f"onbekende rol {quoted(value)}{hint}")
        return _INVALID
    return value


def _step(v: _FileValidator, node: Node, path: str) -> Any:
    value = v.text(node, path)
    if value is not _INVALID and value not in m.PROMPT_STEPS:
        hint = v.did_you_mean(value, m.PROMPT_STEPS) or f"; mogelijk: {', '.join(m.PROMPT_STEPS)}"
        v.error(node, path, f"onbekende stap {quoted(value)}{hint}")
        return _INVALID
    return value


def _audience(v: _FileValidator, node: Node, path: str) -> Any:
    """Whom a tip advises: one or more of ``m.AUDIENCES``."""
    values = v.texts(node, path)
    if values is _INVALID:
        return _INVALID
    for value in values:
        if value not in m.AUDIENCES:
            hint = did_you_mean(value, m.AUDIENCES) or f"; mogelijk: {', '.join(m.AUDIENCES)}"
            v.error(node, path, f"onbekende doelgroep {quoted(value)}{hint}")
            return _INVALID
    return tuple(dict.fromkeys(values))


def _opt_practice(v: _FileValidator, node: Node, path: str) -> Any:
    return v.ref(node, path, "practices", nullable=True)


@dataclass(frozen=True, slots=True)
class _Field:
    reader: Reader
    required: bool = True
    default: Any = None
    # Added to "verplicht veld ... ontbreekt" where the field's meaning is not obvious.
    missing_hint: str = ""


_ROUND_SPEC: Mapping[str, _Field] = {
    "name": _Field(_TEXT),
    "role": _Field(_role),
    "minutes": _Field(_minutes),
    "purpose": _Field(_TEXT),
    "prompts": _Field(_TEXTS, required=False, default=()),
    "rule": _Field(_TEXT, required=False, default=""),
    "questions": _Field(_BOOL, required=False, default=False),
}

_SITUATION_SPEC: Mapping[str, _Field] = {
    "when": _Field(_situation_groups),
    "reason": _Field(_TEXT),
}

# Trainers adding their own barrier or help asked what rank it should get.
RANK_MISSING = (
    " (de volgorde, als in de tabel van het essay; geef een eigen item een getal "
    "na de ingebouwde, die 1 tot en met 7 hebben)"
)

_NAME_DESC = {"name": _Field(_TEXT), "description": _Field(_TEXT)}
_FACTOR = {
    **_NAME_DESC,
    "rank": _Field(_positive, missing_hint=RANK_MISSING),
    "keywords": _Field(_TEXTS, required=False, default=()),
    "plural": _Field(_BOOL, required=False, default=False),
}

# collection -> (model class, fields other than id/disabled)
SPECS: Mapping[str, tuple[type, Mapping[str, _Field]]] = {
    "practices": (
        m.Practice,
        {
            "name": _Field(_TEXT),
            "short": _Field(_TEXT, required=False),
            "description": _Field(_TEXT),
            "keywords": _Field(_TEXTS, required=False, default=()),
        },
    ),
    "principles": (
        m.Principle,
        {**_NAME_DESC, "question": _Field(_TEXT), "anchors": _Field(_anchors)},
    ),
    "lsd_steps": (m.LsdStep, dict(_NAME_DESC)),
    "activities": (
        m.Activity,
        {**_NAME_DESC, "practices": _Field(_refs_required("practices"))},
    ),
    "barriers": (m.Factor, dict(_FACTOR)),
    "helps": (m.Factor, dict(_FACTOR)),
    "case_kinds": (m.CaseKind, dict(_NAME_DESC)),
    "prompts": (
        m.Prompt,
        {
            "practice": _Field(_opt_practice, required=False),
            "step": _Field(_step),
            "text": _Field(_TEXT),
            "topic": _Field(_OPT_TEXT, required=False),
            "case_kinds": _Field(_refs("case_kinds"), required=False, default=()),
        },
    ),
    "tips": (
        m.Tip,
        {
            "title": _Field(_TEXT),
            "text": _Field(_TEXT),
            "source": _Field(_TEXT),
            "practices": _Field(_refs("practices"), required=False, default=()),
            "principles": _Field(_refs("principles"), required=False, default=()),
            "lsd_steps": _Field(_refs("lsd_steps"), required=False, default=()),
            "activities": _Field(_refs("activities"), required=False, default=()),
            "barriers": _Field(_refs("barriers"), required=False, default=()),
            "helps": _Field(_refs("helps"), required=False, default=()),
            "keywords": _Field(_TEXTS, required=False, default=()),
            "case_kinds": _Field(_refs("case_kinds"), required=False, default=()),
            "audience": _Field(_audience, required=False, default=()),
            "cues": _Field(_TEXTS, required=False, default=()),
            "situations": _Field(_situations, required=False, default=()),
            "about": _Field(_OPT_TEXT, required=False),
        },
    ),
    "learning_suggestions": (
        m.LearningSuggestion,
        {
            "title": _Field(_TEXT),
            "text": _Field(_TEXT),
            "source": _Field(_TEXT),
            "trigger": _Field(_trigger),
        },
    ),
    "intervision_methods": (
        m.IntervisionMethod,
        {**_NAME_DESC, "source": _Field(_TEXT), "rounds": _Field(_rounds)},
    ),
    "sets": (
        m.PromptSet,
        {
            **_NAME_DESC,
            "prompts": _Field(_prompt_texts),
            "methods": _Field(_refs("intervision_methods"), required=False, default=()),
        },
    ),
}
_ALLOWED_KEYS: Mapping[str, tuple[str, ...]] = {
    name: ("id", *fields, "disabled") for name, (_, fields) in SPECS.items()
}
_ROUND_KEYS = tuple(_ROUND_SPEC)


def _build_fields(
    v: _FileValidator,
    node: Node,
    path: str,
    spec: Mapping[str, _Field],
    cls: type,
    what: str,
    fields: dict[str, tuple[Node, Node]] | None = None,
    extra: dict[str, Any] | None = None,
) -> Any:
    """Read every field in ``spec`` from a mapping and build ``cls`` if all are valid."""
    if fields is None:
        fields = v.mapping(node, path, tuple(spec), what=what)
        if fields is None:
            return _INVALID
    values: dict[str, Any] = dict(extra or {})
    ok = True
    for name, fspec in spec.items():
        pair = fields.get(name)
        if pair is None:
            if fspec.required:
                v.error(node, path, f"verplicht veld '{name}' ontbreekt{fspec.missing_hint}")
                ok = False
            else:
                values[name] = fspec.default
            continue
        value = fspec.reader(v, pair[1], _join(path, name))
        if value is _INVALID:
            ok = False
        else:
            values[name] = value
    if not ok:
        return _INVALID
    return cls(**values)


def _check_prompt(v: _FileValidator, node: Node, path: str, prompt: m.Prompt) -> bool:
    """LSD prompts belong to a practice; intake and closing prompts do not."""
    if prompt.step in m.LSD_STEP_IDS and prompt.practice is None:
        v.error(
            node,
            path,
            f"een vraag bij stap '{prompt.step}' hoort bij een werkpraktijk: vul 'practice' in",
        )
        return False
    if prompt.step not in m.LSD_STEP_IDS and prompt.practice is not None:
        v.error(
            node,
            f"{path}.practice",
            f"een vraag bij stap '{prompt.step}' hoort niet bij een werkpraktijk: "
            "laat 'practice' weg",
        )
        return False
    return True


def validate_file(root: Node, display: str) -> tuple[list[Entry], list[ContentError]]:
    """Every item of one file as an Entry, plus every error found in it."""
    v = _FileValidator(display)
    top = v.mapping(
        root,
        FILE_PATH,
        m.COLLECTIONS,
        what="het bestand moet beginnen met collecties zoals 'tips:' of 'prompts:'",
    )
    entries: list[Entry] = []
    if top is None:
        return entries, v.errors
    for collection, (_, seq_node) in top.items():
        items = v.sequence(seq_node, collection)
        if items is None:
            continue
        for index, item_node in enumerate(items):
            if len(v.errors) >= MAX_ERRORS_PER_FILE:
                # Nobody reads 50,000 errors, and making them is most of the time
                # a hostile 1 MiB file costs; the file is refused either way.
                mark = item_node.start_mark
                v.errors.append(
                    ContentError(
                        display,
                        mark.line + 1,
                        mark.column + 1,
                        _item_path(collection, index, item_node),
                        f"meer dan {MAX_ERRORS_PER_FILE} fouten; de rest van het bestand "
                        "is niet meer gecontroleerd",
                    )
                )
                return entries, v.errors
            entry = _validate_item(v, collection, index, item_node)
            if entry is not None:
                entries.append(entry)
    return entries, v.errors


def _item_path(collection: str, index: int, node: Node) -> str:
    """``tips.my-id`` when the item has a well-formed id, else ``tips[3]``."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if (
                isinstance(key, ScalarNode)
                and key.value == "id"
                and isinstance(value, ScalarNode)
                and value.tag == TAG_STR
                and ID_RE.match(value.value.strip())
            ):
                return f"{collection}.{value.value.strip()}"
    return f"{collection}[{index}]"


def _validate_item(v: _FileValidator, collection: str, index: int, node: Node) -> Entry | None:
    cls, spec = SPECS[collection]
    path = _item_path(collection, index, node)
    fields = v.mapping(node, path, _ALLOWED_KEYS[collection])
    if fields is None:
        return None
    mark = node.start_mark
    item_id = _valid_id(v, fields, node, path)
    # An item without a usable id is checked all the same (the guide promises
    # every error in one run), but takes no part in the merge: ``named``.
    named = item_id is not None
    entry = Entry(
        collection,
        item_id or "",
        None,
        False,
        v.file,
        mark.line + 1,
        mark.column + 1,
        path,
        named=named,
    )
    if "disabled" in fields:
        disabled = v.boolean(fields["disabled"][1], f"{path}.disabled")
        if disabled is _INVALID:
            return entry
        if disabled:
            entry.disabled = named  # without an id it switches nothing off
            return entry  # a switch-off needs only its id
    errors_before = len(v.errors)
    refs_before = len(v.refs)
    item = _build_fields(
        v, node, path, spec, cls, what="", fields=fields, extra={"id": item_id or ""}
    )
    if item is not _INVALID and collection == "prompts" and not _check_prompt(v, node, path, item):
        item = _INVALID
    if collection == "practices" and item is not _INVALID and "short" not in fields:
        item = m.Practice(item.id, item.name, item.name, item.description, item.keywords)
    entry.refs = v.refs[refs_before:]
    if named and item is not _INVALID and len(v.errors) == errors_before:
        entry.item = item
    return entry


def _valid_id(
    v: _FileValidator, fields: dict[str, tuple[Node, Node]], node: Node, path: str
) -> str | None:
    """The item's id, or None after reporting why it has no usable one."""
    if "id" not in fields:
        v.error(node, path, "verplicht veld 'id' ontbreekt")
        return None
    id_node = fields["id"][1]
    item_id = v.text(id_node, f"{path}.id")
    if item_id is _INVALID:
        return None
    if not ID_RE.match(item_id):
        v.error(
            id_node,
            f"{path}.id",
            f"id {quoted(item_id)} mag alleen kleine letters, cijfers en streepjes bevatten "
            "(zoals 'mijn-tip-2')",
        )
        return None
    return str(item_id)


def check_refs(
    entries: Mapping[str, Mapping[str, Entry]],
    known: Mapping[str, set[str]] | None = None,
    unnamed: Iterable[Entry] = (),
) -> list[ContentError]:
    """Every reference in ``entries`` that points at an id no layer defines.

    ``entries`` is the merged content (collection -> id -> Entry); ``known``
    adds ids that exist but failed validation, so they are not reported
    twice; ``unnamed`` are items without a usable id (``Entry.named``),
    outside the merge, whose references are checked all the same.
    """
    errors: list[ContentError] = []
    live: dict[str, set[str]] = {
        name: {i for i, e in items.items() if not e.disabled} for name, items in entries.items()
    }
    for name in m.COLLECTIONS:
        live.setdefault(name, set())
        if known and name in known:
            live[name] |= known[name]
    hinters = {name: Hinter(ids) for name, ids in live.items()}
    every = [entry for items in entries.values() for entry in items.values()]
    for entry in [*every, *unnamed]:
        if entry.disabled:
            continue
        for ref in entry.refs:
            if ref.id in live[ref.collection]:
                continue
            if len(errors) >= MAX_ERRORS_PER_FILE:
                errors.append(
                    ContentError(
                        ref.file,
                        ref.line,
                        ref.col,
                        ref.path,
                        f"meer dan {MAX_ERRORS_PER_FILE} onbekende verwijzingen; "
                        "de rest is niet meer gemeld",
                    )
                )
                return errors
            label = COLLECTION_LABELS[ref.collection]
            hint = hinters[ref.collection].hint(ref.id)
            errors.append(
                ContentError(
                    ref.file,
                    ref.line,
                    ref.col,
                    ref.path,
                    f"onbekende {label} {quoted(ref.id)}{hint}",
                )
            )
    return errors
