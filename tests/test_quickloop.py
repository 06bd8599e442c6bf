"""The quick loop's hypothesis budget: small only when ``slow`` tests are left out."""

from __future__ import annotations

import pytest
import quickloop


@pytest.mark.parametrize(
    ("markexpr", "quick"),
    [
        ("", False),
        ("not tui", False),
        ("slow", False),
        ("not tui and not slow", True),
        ("not  slow", True),
    ],
)
def test_only_a_run_without_slow_tests_is_the_quick_loop(
    monkeypatch: pytest.MonkeyPatch, markexpr: str, quick: bool
) -> None:
    monkeypatch.delenv("REFLECT_TESTS_QUICK", raising=False)
    assert quickloop.wants_quick(markexpr) is quick


def test_the_environment_overrides_the_marker_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFLECT_TESTS_QUICK", "0")
    assert not quickloop.wants_quick("not slow")
    monkeypatch.setenv("REFLECT_TESTS_QUICK", "1")
    assert quickloop.wants_quick("")


def test_examples_is_the_full_count_in_ci_and_a_tenth_in_the_quick_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quickloop, "QUICK", False)
    assert [quickloop.examples(n) for n in (25, 200)] == [25, 200]
    monkeypatch.setattr(quickloop, "QUICK", True)
    assert [quickloop.examples(n) for n in (25, 200)] == [5, 20]
