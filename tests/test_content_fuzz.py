"""Fuzzing: any text at all gives valid content or located ContentErrors, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quickloop import examples

from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.content.loader import Layer, build_content, merge, read_layer
from reflect_tui.core.content.model import COLLECTIONS, Content
from reflect_tui.core.content.validate import SPECS, check_refs, validate_file
from reflect_tui.core.content.yamlsafe import parse_bytes

# The strategies' own repr is large; hypothesis warns about that, harmlessly.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

BASE = Path(__file__).parent / "content_fixtures" / "base"
_BASE_LAYER = read_layer(BASE)
_BASE_MERGED, _ = merge(None, _BASE_LAYER)

# Words the schema knows, so generated documents get past the first check
# and exercise the deeper paths of the validator.
_FIELDS = sorted({f for _, spec in SPECS.values() for f in spec} | {"id", "disabled"})
_WORDS = [
    *COLLECTIONS,
    *_FIELDS,
    "kind",
    "ids",
    "min_count",
    "rounds",
    "situatie",
    "open",
    "luisteren",
    "intake",
    "closing",
    "groep",
    "collegas",
    "barrier_recurring",
    "no",
    "12:30",
    "2024-01-01",
    "~",
    "",
]
_SCALARS = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(-3, 9),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(_WORDS), _SCALARS), inner, max_size=5),
    ),
    max_leaves=25,
)
_YAML_CHARS = st.sampled_from(
    [*"abc xyz:-[]{},#&*!|>'\"%@`?\n\t\\~=<0123456789", "\u00e9", "\U0001f600", "\x00"]
)


def _structured() -> st.SearchStrategy[str]:
    return _VALUES.map(lambda v: yaml.safe_dump(v, allow_unicode=True, sort_keys=False))


@st.composite
def _item_shaped(draw: st.DrawFn) -> str:
    """``{collection: [{id: ..., field: value, ...}]}`` with fields of that collection."""
    collection = draw(st.sampled_from(COLLECTIONS))
    fields = ["id", "disabled", *SPECS[collection][1]]
    items = draw(
        st.lists(
            st.dictionaries(
                st.sampled_from(fields),
                st.one_of(st.sampled_from(["situatie", "a-b", "x"]), _VALUES),
                max_size=6,
            ),
            max_size=3,
        )
    )
    return yaml.safe_dump({collection: items}, allow_unicode=True, sort_keys=False)


def _documents() -> st.SearchStrategy[bytes]:
    text = st.one_of(
        _item_shaped(),
        _structured(),
        st.text(_YAML_CHARS, max_size=200),
        st.text(max_size=200),
        st.tuples(_structured(), st.text(_YAML_CHARS, max_size=8), st.integers(0, 400)).map(
            lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
        ),
    )
    return st.one_of(
        text.map(lambda s: s.encode("utf-8", errors="surrogatepass")),
        st.binary(max_size=100),
    )


def _check(data: bytes) -> tuple[list[ContentError], Content]:
    """The same steps as a layer on top of the fixture base, from bytes."""
    parsed = parse_bytes(data, "fuzz.yaml")
    layer = Layer("fuzz", files=[parsed], errors=list(parsed.errors))
    if parsed.root is not None:
        entries, errors = validate_file(parsed.root, "fuzz.yaml")
        layer.entries.extend(entries)
        layer.errors.extend(errors)
    merged, merge_errors = merge(_BASE_MERGED, layer)
    errors = [*layer.errors, *merge_errors, *check_refs(merged)]
    return errors, build_content(merged, [_BASE_LAYER, layer])


@settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(_documents())
def test_any_input_is_content_or_located_errors(data: bytes) -> None:
    errors, content = _check(data)
    assert isinstance(content, Content)
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.file == "fuzz.yaml"
        assert error.line >= 1 and error.col >= 1
        assert error.path and error.message
        text = str(error)
        assert text.startswith(f"fuzz.yaml:{error.line}:{error.col}: {error.path}: ")
        assert "\n" not in error.message
    if not errors:
        # Valid content: every reference resolves.
        for tip in content.tips:
            assert set(tip.practices) <= {p.id for p in content.practices}


@settings(max_examples=examples(50), deadline=None)
@given(st.sampled_from(sorted(BASE.glob("*.yaml"))), st.integers(0, 10_000), st.text(max_size=3))
def test_mutated_valid_files_never_crash(path: Path, where: int, insert: str) -> None:
    data = path.read_bytes()
    where %= len(data) + 1
    mutated = data[:where] + insert.encode("utf-8", errors="surrogatepass") + data[where:]
    errors, content = _check(mutated)
    assert isinstance(content, Content)
    assert all(e.line >= 1 for e in errors)


def _has_anchor_events(text: str) -> bool:
    try:
        return any(getattr(e, "anchor", None) for e in yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return False


@settings(max_examples=examples(200), deadline=None)
@given(
    st.one_of(
        st.text(_YAML_CHARS, max_size=60),
        st.tuples(
            _structured(), st.sampled_from(["&a ", "*a", "&a\t", "[&a 1, *a]"]), st.integers(0, 200)
        ).map(lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]),
    )
)
def test_no_anchor_slips_past_the_quick_scan(text: str) -> None:
    """Whenever the reference parser sees an anchor or alias, we report one."""
    if _has_anchor_events(text):
        errors = parse_bytes(text.encode("utf-8", errors="surrogatepass"), "a.yaml").errors
        assert any("ankers" in e.message for e in errors), text


def _tags(node: object) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        out.append((current.tag, current.start_mark.line, current.start_mark.column))  # type: ignore[attr-defined]
        value = current.value  # type: ignore[attr-defined]
        if isinstance(value, list):
            for child in value:
                stack.extend(child if isinstance(child, tuple) else [child])
    return out


@settings(max_examples=examples(200), deadline=None)
@given(st.one_of(_structured(), _item_shaped(), st.text(_YAML_CHARS, max_size=80)))
def test_lean_resolver_gives_the_same_tags_as_pyyaml(text: str) -> None:
    """Our faster tag resolver must agree with PyYAML's on every node."""
    try:
        # The same parser as ours (libyaml when present): only the resolver differs.
        expected = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return
    parsed = parse_bytes(text.encode("utf-8"), "x.yaml")
    if expected is None or parsed.root is None:
        return
    assert _tags(parsed.root) == _tags(expected)
