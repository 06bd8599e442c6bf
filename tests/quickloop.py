"""How many hypothesis examples a property test runs: all in CI, a tenth in the quick loop.

The quick loop (``python -m pytest -m "not tui and not slow"``) is for the
edit-test cycle; CI runs the plain ``python -m pytest`` and so every example.
``tests/conftest.py`` sets :data:`QUICK` in ``pytest_configure``, before any
test module is imported, so ``@settings(max_examples=examples(200))`` sees it.
Property tests stay in the quick loop with fewer examples (they are often the
only check of a behaviour); the full count still runs before every landing in CI.
"""

from __future__ import annotations

import os

QUICK = False
"""True when this run leaves out the ``slow`` tests (or ``REFLECT_TESTS_QUICK=1``)."""


def examples(full: int) -> int:
    """``full`` in CI; a tenth of it (at least 5) in the quick loop."""
    return max(5, full // 10) if QUICK else full


def wants_quick(markexpr: str) -> bool:
    """Whether a run is the quick loop: the environment decides, else the ``-m`` expression.

    ``REFLECT_TESTS_QUICK=1`` forces the small budget, ``=0`` the full one;
    without it, a run whose ``-m`` expression says ``not slow`` is the quick loop.
    """
    forced = os.environ.get("REFLECT_TESTS_QUICK")
    if forced in {"0", "1"}:
        return forced == "1"
    return "not slow" in " ".join(markexpr.split())
