"""Hostile inputs for the standing fuzz suite and ``benchmarks/bench_hostile.py``.

Two generators, each with a runner that pushes every example through the
same path a user's input takes and sorts the outcome into "ok", "refused
with a message" (a ``ReflectError`` or located content errors) and
"traceback" (anything else: the only failure).

- Content folders: items shaped like every collection, mostly valid, with
  hostile values (huge and negative numbers, escape codes, bidi overrides,
  long strings, YAML 1.1 surprises). A folder that passes the check is then
  USED: learning suggestions over a journal with overdue steps (today near
  the ends of the calendar too), tips for a text, the content overview and
  its JSON, because "valid content crashes the app" was defect 1.
- Import files: interchange documents with hostile values in every field
  (deep nesting, numbers of thousands of digits, dates at the calendar's
  ends with offsets, lone surrogates, ``version: true``/``1.0``, ISO week
  dates), plus raw bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from reflect_tui.core.content import model as m
from reflect_tui.core.errors import ReflectError

HOSTILE_TEXT = [
    "\x1b[2J\x1b]0;pwned\x07",
    "\u202egnirts",
    "[bold]x[/]",
    "é" * 3,
    "🙂",
    "a" * 5000,
    "no",
    "12:30",
    "2026-01-01",
    "~",
    "",
    " ",
    "situatie",
    "open",
    "luisteren",
    "collegas",
    "ruimte",
    "\x00",
]
HOSTILE_INTS = [0, 1, 2, 5, 6, -1, 3650, 3651, 999999, 10**12, 2**63, -(2**63)]
_TEXTS = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=20))
_INTS = st.one_of(st.sampled_from(HOSTILE_INTS), st.integers())
_SCALAR = st.one_of(_TEXTS, _INTS, st.booleans(), st.none(), st.floats(allow_nan=True))
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_TEXTS, inner, max_size=3)
    ),
    max_leaves=8,
)

_IDS = {
    "practices": ["situatie", "relaties", "oplossingen", "binnen-buiten", "praktisch"],
    "principles": ["open", "resultaatgericht", "verbindend", "bricolerend"],
    "lsd_steps": ["luisteren", "samenvatten", "doorvragen"],
    "barriers": ["collegas", "verkokering", "politiek", "tijdgebrek"],
    "helps": ["ruimte", "visie"],
    "activities": ["luisteren", "uitleggen", "meedenken"],
}
# Mostly numbers in range, sometimes the edges and far beyond them.
_GOOD_INTS = st.sampled_from([1, 1, 2, 3, 5, 30, 1000, 3650, 0, 3651, 999999, 10**12])


def _good_value(field: str) -> st.SearchStrategy[Any]:
    """A value the schema wants for ``field`` (so items get past the first checks)."""
    if field in _IDS:
        return st.lists(st.sampled_from(_IDS[field]), max_size=3, unique=True)
    if field in ("rank", "minutes"):
        return _GOOD_INTS
    if field == "anchors":
        return st.just({i: f"anker {i}" for i in range(1, 6)})
    if field == "trigger":
        return st.fixed_dictionaries(
            {"kind": st.sampled_from(m.TRIGGER_KINDS)},
            optional={
                "days": _GOOD_INTS,
                "min_count": _GOOD_INTS,
                "window": _GOOD_INTS,
                "max_rating": st.sampled_from([1, 3, 5, 6]),
            },
        )
    if field == "step":
        return st.sampled_from(m.PROMPT_STEPS)
    if field == "role":
        return st.sampled_from(m.ROLES)
    if field in ("practice",):
        return st.sampled_from(_IDS["practices"])
    if field in ("keywords", "case_kinds", "prompts", "methods"):
        return st.lists(_GOOD_TEXT, max_size=3)
    return _GOOD_TEXT


# Text a required field accepts, hostile inside: escapes, bidi, markup, emoji, 5,000 chars.
_GOOD_TEXT = st.one_of(
    st.sampled_from([t for t in HOSTILE_TEXT if t.strip() and t != "\x00"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
        lambda t: t.strip() != ""
    ),
)


@st.composite
def content_file(draw: st.DrawFn) -> str:
    """One YAML document: a few items of a few collections, fields mostly well-typed."""
    from reflect_tui.core.content.validate import SPECS

    doc: dict[str, list[dict[str, Any]]] = {}
    for collection in draw(st.lists(st.sampled_from(m.COLLECTIONS), min_size=1, max_size=3)):
        fields = list(SPECS[collection][1])
        if collection == "activities":
            fields.remove("practices")
        items = []
        for n in range(draw(st.integers(1, 3))):
            item: dict[str, Any] = {"id": f"fuzz-{collection.replace('_', '-')}-{n}"}
            if collection == "activities":
                item["practices"] = ["situatie"]
            for field in fields:
                if draw(st.integers(0, 40)) == 0:
                    continue  # sometimes a required field is missing
                hostile = draw(st.integers(0, 20)) == 0
                item[field] = draw(_VALUE if hostile else _good_value(field))
            items.append(item)
        doc[collection] = items
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    if draw(st.integers(0, 15)) == 0:  # raw damage now and then
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["\t", ": [", "&a ", "*a", "!!python/name:os.system", "\x00"]))
            + text[at:]
        )
    return text


# --- import documents --------------------------------------------------------------------

_DEEP = "[" * 5000 + "]" * 5000
_HUGE_NUMBER = "9" * 5000


def _mostly(draw: st.DrawFn, good: Any, hostile: st.SearchStrategy[Any]) -> Any:
    """``good`` seven times in eight, else a draw from ``hostile``."""
    return good if draw(st.integers(0, 7)) else draw(hostile)


def _reflection_dict(draw: st.DrawFn) -> dict[str, Any]:
    stamp = st.one_of(
        st.sampled_from(
            [
                "2026-03-01T14:05:00+00:00",
                "0001-01-01T00:00:00+01:00",
                "9999-12-31T23:59:59-01:00",
                "2026-03-01T14:05:00",
                "2026-W01-1T10:00:00+00:00",
                "2026-03-01T14:05:00Z",
            ]
        ),
        _TEXTS,
    )
    day = st.one_of(
        st.sampled_from(
            ["2026-02-27", "0001-01-01", "9999-12-31", "2026-W01-1", "20260227", "2026-02-30"]
        ),
        _TEXTS,
    )
    item: dict[str, Any] = {
        "id": draw(st.one_of(st.sampled_from(["a", "ABC", "x/y", "\ud800", "\x1b[2J"]), _TEXTS)),
        "title": draw(_TEXTS),
        "occurred_on": _mostly(draw, "2026-02-27", day),
        "created_at": _mostly(draw, "2026-02-27T19:00:00+00:00", stamp),
        "updated_at": _mostly(draw, "2026-02-27T21:30:00+00:00", stamp),
        "status": _mostly(draw, "complete", st.sampled_from(["draft", "other"])),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "answers": st.lists(
            st.fixed_dictionaries({"practice": _TEXTS, "step": _TEXTS, "text": _TEXTS}), max_size=2
        ),
        "principles": st.lists(
            st.fixed_dictionaries(
                {"id": _TEXTS, "rating": st.one_of(_INTS, st.none(), st.floats())}
            ),
            max_size=2,
        ),
        "next_steps": st.lists(
            st.fixed_dictionaries(
                {"text": _TEXTS, "due": st.one_of(day, st.none()), "done": st.booleans()}
            ),
            max_size=2,
        ),
        "tags": st.lists(_TEXTS, max_size=2),
        "insight": _TEXTS,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            item[key] = draw(
                st.one_of(strategy, _VALUE) if draw(st.integers(0, 4)) == 0 else strategy
            )
    return item


@st.composite
def import_file(draw: st.DrawFn) -> bytes:
    """The bytes of one import file: mostly well-formed documents with hostile values."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.binary(max_size=200))
    if kind == 1:
        return draw(
            st.sampled_from(
                [
                    _DEEP.encode(),
                    ('{"format": "reflect-journal", "version": ' + _HUGE_NUMBER + "}").encode(),
                    b'{"format": "reflect-journal", "version": true, "reflections": []}',
                    b'{"format": "reflect-journal", "version": 1.0, "reflections": []}',
                    b'{"format": "reflect-journal", "version": 1, "reflections": ['
                    + _DEEP.encode()
                    + b"]}",
                    b'{"a": NaN}',
                ]
            )
        )
    version = 1 if draw(st.integers(0, 7)) else draw(st.sampled_from([1.0, True, "1", 2, None]))
    doc = {
        "format": "reflect-journal" if draw(st.integers(0, 15)) else "x",
        "version": version,
        "reflections": [_reflection_dict(draw) for _ in range(draw(st.integers(0, 3)))],
    }
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 15)) == 0:
        text = text.replace("1,", _HUGE_NUMBER + ",", 1)
    return text.encode("utf-8", "surrogatepass")


# --- runners -------------------------------------------------------------------------------


def _fuzz_settings(count: int) -> settings:
    return settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def _record(counts: dict[str, Any], action: Callable[[], bool]) -> None:
    counts["examples"] += 1
    try:
        ok = action()
    except ReflectError:
        counts["refused"] += 1
    except Exception as exc:  # the one failure this suite looks for
        counts["tracebacks"] += 1
        where = traceback.extract_tb(exc.__traceback__)[-1]
        counts["samples"].append(f"{type(exc).__name__} at {where.filename}:{where.lineno}")
    else:
        counts["ok" if ok else "refused"] += 1


def _new_counts() -> dict[str, Any]:
    return {"examples": 0, "ok": 0, "refused": 0, "tracebacks": 0, "samples": []}


def use_content(folder: Path, home: Path) -> bool:
    """Check ``folder`` as ``reflect content check`` does; if valid, use it everywhere.

    The core computations run with the calendar's ends as "today"; the
    front-end paths run through the CLI itself (``coach``, ``suggest``,
    ``content show``), so the fuzz follows them when their code changes.
    """
    from reflect_tui.cli.content_cmd import render_overview
    from reflect_tui.core.coach.learning import learning_suggestions
    from reflect_tui.core.content.export import content_to_json
    from reflect_tui.core.content.loader import check_layers

    result = check_layers([folder])
    if result.errors:
        for error in result.errors:
            str(error)
        return False
    content = result.content
    render_overview(content)
    json.dumps(content_to_json(content))
    reflections = _journal()
    for today in (date(2026, 4, 1), date(1, 1, 5), date(9999, 12, 30)):
        learning_suggestions(content, reflections, today)
    journal_home = home / "journal"
    if not journal_home.exists():
        from journal_fixtures.helpers import open_store

        with open_store(journal_home) as store:
            store.import_reflections(reflections)
    for argv in (
        ["coach", "--text", "bewoners boos over de bomen, collega's werken niet mee"],
        ["coach", "--text", "bomen", "--json"],
        ["suggest"],
        ["suggest", "--json"],
        ["content", "show"],
    ):
        _cli(["--content", str(folder), *argv], journal_home)
    return True


def _cli(argv: list[str], home: Path) -> None:
    """One CLI command in this process; an unexpected error propagates, a refusal must not."""
    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import main
    from reflect_tui.cli.parser import build_parser

    out, err = io.StringIO(), io.StringIO()
    args = build_parser().parse_args(argv)
    ctx = CliContext(args, env={"REFLECT_HOME": str(home)}, stdout=out, stderr=err)
    if _main_raising(main, args, ctx) != 0:
        raise AssertionError(f"{argv[2:]} refused valid content: {err.getvalue()!r}")


def _journal() -> list[Any]:
    from journal_fixtures.helpers import sample_reflection

    return [sample_reflection(f"r-{i}") for i in range(3)]


def run_content_fuzz(count: int, work: Path) -> dict[str, Any]:
    """``count`` content folders through check and use; the outcome counts."""
    counts = _new_counts()
    work.mkdir(parents=True, exist_ok=True)

    @_fuzz_settings(count)
    @given(st.lists(content_file(), min_size=1, max_size=3))
    def one(files: list[str]) -> None:
        folder = work / f"layer-{counts['examples']}"
        folder.mkdir()
        for n, text in enumerate(files):
            (folder / f"f{n}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        _record(counts, lambda: use_content(folder, work))

    one()
    return counts


def import_bytes(data: bytes, home: Path) -> bool:
    """``reflect import`` of ``data`` into the journal in ``home``, as the CLI runs it."""
    from reflect_tui.cli.main import main

    source = home / "import.json"
    source.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.parser import build_parser

    args = build_parser().parse_args(["--data-dir", str(home), "import", str(source)])
    ctx = CliContext(args, env={"REFLECT_HOME": str(home)}, stdout=out, stderr=err)
    with contextlib.redirect_stderr(err):
        code = _main_raising(main, args, ctx)
    if code != 0:
        message = err.getvalue().strip()
        if "\n" in message or not message:
            raise AssertionError(f"not one clear line: {message!r}")
        return False
    # What was stored must read back: list, export, show of each reflection.
    for argv in (["list"], ["export"], ["export", "--format", "md"]):
        args = build_parser().parse_args(["--data-dir", str(home), *argv])
        ctx = CliContext(args, env={"REFLECT_HOME": str(home)}, stdout=out, stderr=err)
        if _main_raising(main, args, ctx) != 0:
            raise AssertionError(f"{argv} failed after an import: {err.getvalue()!r}")
    return True


def _main_raising(main: Callable[..., int], args: Any, ctx: Any) -> int:
    """``args.handler`` as ``main`` runs it, but an unexpected error propagates."""
    try:
        return int(args.handler(args, ctx) or 0)
    except ReflectError as exc:
        print(f"reflect: {exc.message}", file=ctx.stderr)
        return exc.exit_code


def run_import_fuzz(count: int, work: Path) -> dict[str, Any]:
    """``count`` import files through ``reflect import``; the outcome counts."""
    counts = _new_counts()
    home = work / "journal"
    home.mkdir(parents=True, exist_ok=True)

    @_fuzz_settings(count)
    @given(import_file())
    def one(data: bytes) -> None:
        _record(counts, lambda: import_bytes(data, home))

    one()
    return counts
