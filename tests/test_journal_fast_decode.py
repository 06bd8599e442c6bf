"""The import's fast decoder accepts only what the full decoder accepts, and builds the same."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import reflections, sample_reflection
from quickloop import examples

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.fast_decode import fast_reflection
from reflect_tui.core.journal.interchange import (
    _Problem,
    reflection_from_dict,
    reflection_to_dict,
)
from reflect_tui.core.journal.values import parse_float, parse_int

SETTINGS = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _full(obj: Any) -> Any:
    try:
        return reflection_from_dict(obj, "r")
    except (_Problem, ReflectError):
        return "refused"


@SETTINGS
@given(reflection=reflections)
def test_a_valid_reflection_takes_the_fast_path_and_is_identical(reflection) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(json.dumps(reflection_to_dict(reflection)))
    fast = fast_reflection(obj)
    if any(ord(c) == 0 for c in json.dumps(obj)):  # still decoded right, fast or not
        assert fast in (None, _full(obj))
        return
    assert fast is not None and fast == _full(obj) == reflection


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.just("\ud800"),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@SETTINGS
@given(
    reflection=st.just(sample_reflection()),
    path=st.sampled_from(
        [
            ("id",),
            ("status",),
            ("title",),
            ("occurred_on",),
            ("created_at",),
            ("tags",),
            ("case_kind",),
            ("answers",),
            ("answers", 0),
            ("answers", 0, "step"),
            ("answers", 0, "prompt_id"),
            ("principles", 0, "rating"),
            ("next_steps", 0, "due"),
            ("next_steps", 0, "done"),
            ("extra",),
            ("answers", 0, "extra"),
        ]
    ),
    value=json_values,
    drop=st.booleans(),
)
def test_a_damaged_reflection_is_never_accepted_by_the_fast_path_alone(
    reflection, path, value, drop
) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(
        json.dumps(reflection_to_dict(reflection)), parse_int=parse_int, parse_float=parse_float
    )
    target = obj
    for step in path[:-1]:
        target = target[step]
    if drop and isinstance(target, dict):
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    fast = fast_reflection(obj)
    assert fast is None or fast == _full(obj)
