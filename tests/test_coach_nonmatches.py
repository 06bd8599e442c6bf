"""The coach reads text right: sentences that must not, and must, trigger a barrier, help, practice.

The sentences live in tests/data/coach_nonmatches.yaml (issue 11, item 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reflect_tui.core.coach.signals import TextEvidence, read_text
from reflect_tui.core.content.loader import load_builtin

DATA = yaml.safe_load(
    (Path(__file__).parent / "data" / "coach_nonmatches.yaml").read_text(encoding="utf-8")
)
CONTENT = load_builtin()


def _found(evidence: TextEvidence, what: str) -> set[str]:
    return set(getattr(evidence, what))


def _case_id(case: dict[str, Any]) -> str:
    return str(case["text"])[:48]


def test_the_file_holds_enough_sentences() -> None:
    assert len(DATA["must_not"]) >= 40
    assert len(DATA["must"]) >= 10


@pytest.mark.parametrize("case", DATA["must_not"], ids=_case_id)
def test_must_not_trigger(case: dict[str, Any]) -> None:
    evidence = read_text(CONTENT, case["text"])
    for what, ids in case["not"].items():
        wrong = _found(evidence, what) & set(ids)
        assert not wrong, f"{case['text']!r} read as {what} {sorted(wrong)}"


@pytest.mark.parametrize("case", DATA["must"], ids=_case_id)
def test_must_trigger(case: dict[str, Any]) -> None:
    evidence = read_text(CONTENT, case["text"])
    for what, ids in case["expect"].items():
        missing = set(ids) - _found(evidence, what)
        assert not missing, f"{case['text']!r} not read as {what} {sorted(missing)}"
