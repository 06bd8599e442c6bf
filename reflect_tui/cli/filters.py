"""The journal filters as command-line options, turned into a ``JournalQuery``.

Why a module of its own: ``reflect list``, ``reflect search`` and ``reflect
stats`` take the same options, and they must mean exactly what the journal
screen's filters mean, so all of them build the core ``JournalQuery``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from reflect_tui.core.content.model import Content
    from reflect_tui.core.journal.query import JournalQuery

STATUS_CHOICES = {
    "concept": "draft",
    "afgerond": "complete",
    "draft": "draft",
    "complete": "complete",
}


class _DutchChoices(tuple[str, ...]):
    """The Dutch status names, shown in help and errors; English aliases still accepted.

    Why a tuple with its own ``__contains__``: argparse checks a value with
    ``in`` and lists the choices by iterating, so this accepts every key of
    ``STATUS_CHOICES`` while the "ongeldige keuze" line names only Dutch words.
    """

    def __contains__(self, value: object) -> bool:
        return value in STATUS_CHOICES


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
    p.add_argument(
        "--status",
        choices=_DutchChoices(("concept", "afgerond")),
        metavar="{concept,afgerond}",  # the English aliases still work, unadvertised
        help="concept of afgerond",
    )
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


def _checked(
    args: argparse.Namespace, dest: str, load: Callable[[], Content] | None, what: str
) -> tuple[str, ...]:
    """The ids given for one filter option, checked against the content when it is at hand."""
    given = getattr(args, dest, None) or ()
    if not given or load is None:
        return tuple(given)
    from reflect_tui.cli.ids import check_ids

    content = load()
    known: dict[str, list[str]] = {
        "practice": [item.id for item in content.practices],
        "kind": [item.id for item in content.case_kinds],
        "barrier": [item.id for item in content.barriers],
        "help_factor": [item.id for item in content.helps],
    }
    return tuple(check_ids(given, known[dest], what))


def query_from_args(
    args: argparse.Namespace,
    today: date,
    text: str = "",
    load_content: Callable[[], Content] | None = None,
) -> JournalQuery:
    """The ``JournalQuery`` the options describe (the same one the journal screen builds).

    With ``load_content`` every practice, kind, barrier and help id is checked
    (content is loaded only when one of them was given), so an unknown id is an
    error that lists the known ones instead of an empty result.
    """
    from reflect_tui.core.journal.query import JournalQuery

    if load_content is not None:
        loaded: list[Content] = []
        once = load_content

        def load_once() -> Content:  # several options, one load (and one set of warnings)
            if not loaded:
                loaded.append(once())
            return loaded[0]

        load_content = load_once
    status = getattr(args, "status", None)
    return JournalQuery(
        text=text,
        practices=_checked(args, "practice", load_content, "werkpraktijk"),
        case_kinds=_checked(args, "kind", load_content, "soort casus"),
        barriers=_checked(args, "barrier", load_content, "belemmering"),
        helps=_checked(args, "help_factor", load_content, "hulpfactor"),
        tags=tuple(getattr(args, "tag", None) or ()),
        status=STATUS_CHOICES[status] if status else None,
        since=parse_day(getattr(args, "since", None), "--since", today),
        until=parse_day(getattr(args, "until", None), "--until", today),
    )
