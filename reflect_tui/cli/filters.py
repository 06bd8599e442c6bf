"""The journal filters as command-line options, turned into a ``JournalQuery``.

Why a module of its own: ``reflect list``, ``reflect search`` and ``reflect
stats`` take the same options, and they must mean exactly what the journal
screen's filters mean, so all of them build the core ``JournalQuery``.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reflect_tui.core.journal.query import JournalQuery

STATUS_CHOICES = {
    "concept": "draft",
    "afgerond": "complete",
    "draft": "draft",
    "complete": "complete",
}


def add_filter_args(p: argparse.ArgumentParser) -> None:
    """The filter options; each list option may be repeated (any of them matches)."""
    p.add_argument("--practice", action="append", metavar="ID", help="werkpraktijk (mag vaker)")
    p.add_argument("--kind", action="append", metavar="ID", help="soort casus (mag vaker)")
    p.add_argument("--barrier", action="append", metavar="ID", help="wat hinderde (mag vaker)")
    p.add_argument(
        "--help-factor",
        "--helped",
        dest="help_factor",
        action="append",
        metavar="ID",
        help="wat hielp (mag vaker)",
    )
    p.add_argument("--tag", action="append", metavar="TAG", help="label (mag vaker)")
    p.add_argument("--status", choices=sorted(STATUS_CHOICES), help="concept of afgerond")
    p.add_argument("--since", metavar="DATUM", help="vanaf deze datum (bijv. 1-3-2026)")
    p.add_argument("--until", metavar="DATUM", help="tot en met deze datum")


# The ``dest`` of every filter option above.
FILTER_DESTS = ("practice", "kind", "barrier", "help_factor", "tag", "status", "since", "until")


def any_given(args: argparse.Namespace) -> bool:
    """Whether any filter option was given at all.

    Why ask before building a ``JournalQuery``: the query module brings
    ``dataclasses`` (and with it ``inspect``, ``ast``, ``tokenize``), about
    a sixth of a plain ``reflect list``'s whole process; unfiltered listing
    does not need it.
    """
    return any(getattr(args, name, None) is not None for name in FILTER_DESTS)


def parse_day(text: str | None, option: str, today: date) -> date | None:
    """A date typed on the command line (Dutch or ISO); ReflectError when it is not one."""
    if text is None:
        return None
    from reflect_tui.core.dates import parse_date
    from reflect_tui.core.errors import ReflectError

    try:
        return parse_date(text, today)
    except ValueError:
        raise ReflectError(
            f"{option}: '{text}' is geen datum; schrijf bijvoorbeeld 1-3-2026 of 2026-03-01.",
            exit_code=2,
        ) from None


def query_from_args(args: argparse.Namespace, today: date, text: str = "") -> JournalQuery:
    """The ``JournalQuery`` the options describe (the same one the journal screen builds)."""
    from reflect_tui.core.journal.query import JournalQuery

    status = getattr(args, "status", None)
    return JournalQuery(
        text=text,
        practices=tuple(getattr(args, "practice", None) or ()),
        case_kinds=tuple(getattr(args, "kind", None) or ()),
        barriers=tuple(getattr(args, "barrier", None) or ()),
        helps=tuple(getattr(args, "help_factor", None) or ()),
        tags=tuple(getattr(args, "tag", None) or ()),
        status=STATUS_CHOICES[status] if status else None,
        since=parse_day(getattr(args, "since", None), "--since", today),
        until=parse_day(getattr(args, "until", None), "--until", today),
    )
