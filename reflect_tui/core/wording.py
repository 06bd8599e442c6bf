"""Small Dutch wording rules every layer shares: counts, decimals, lists, verb number.

Why one home: sentences with a number in them are built in the TUI strings,
the CLI and core's message tables. Each place used to pick its own way
("2 back-up(s)", "Exporteer 1 reflecties", ``f"{x:.1f}"`` with a point), so
the same mistake came back in every layer. A message table keeps both forms
of a counted sentence as a pair, ``(one, many)``, and these helpers choose
by the number; the words stay in the tables, so an English edition swaps
the tables and keeps the rule.
"""

from __future__ import annotations

from collections.abc import Sequence

# (singular sentence, plural sentence); both may use ``{n}`` and other fields.
Forms = tuple[str, str]


def by_count(forms: Forms, n: int, **fields: object) -> str:
    """The singular form for exactly one, the plural for every other number (0 included)."""
    one, many = forms
    return (one if n == 1 else many).format(n=n, **fields)


def counted(n: int, one: str, many: str) -> str:
    """``1 reflectie``, ``3 reflecties``, ``0 reflecties``."""
    return f"{n} {one if n == 1 else many}"


def decimal(value: float, places: int = 1) -> str:
    """A number as Dutch readers write it: ``3,0`` (comma), never ``3.0``.

    Halves round up (3,25 -> ``3,3``), as readers round by hand: Python's
    formatting rounds half to even on the binary value and showed ``3,2``.
    Only for text meant for people; JSON keeps real numbers. (``decimal`` is
    imported here, not at the top: the CLI's hot commands import this module.)
    """
    from decimal import ROUND_HALF_UP, Decimal

    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{exact:.{places}f}".replace(".", ",")


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` as a whole percentage, halves up (1 of 8 -> 13)."""
    from decimal import ROUND_HALF_UP, Decimal

    if whole <= 0:
        return 0
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def clock(seconds: float) -> str:
    """A span of time as a clock shows it: ``1:13``, ``0:40``, ``12:00`` (whole seconds).

    Why not whole minutes: a round of one minute that ran 1:13 read "1 van 1
    minuten", the overrun hidden; the timer on screen and the summary now
    write time the same way.
    """
    whole = round(abs(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def listed(names: Sequence[str], last: str = "en") -> str:
    """``a`` | ``a en b`` | ``a, b en c`` (``last="of"`` for a choice)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {last} " + names[-1]


def is_plural(names: Sequence[str], plural_flags: Sequence[bool] = ()) -> bool:
    """Whether a subject made of ``names`` takes a plural verb.

    Two or more names joined with "en" are a compound subject (plural); one
    name is plural when its flag says so ("Collega's", "Tijdgebrek en werkdruk").
    """
    if len(names) > 1:
        return True
    return bool(plural_flags) and bool(plural_flags[0])


def verb(plural: bool, one: str, many: str) -> str:
    """``hinderde`` or ``hinderden``, chosen by the subject's number."""
    return many if plural else one


def sentence_start(text: str) -> str:
    """``text`` with a capital first letter, as a line of its own begins.

    Reasons are written as phrases (``je liet Samenvatten leeg ...``) or
    start with a name (``Collega's hinderden je ...``): shown one per line
    ("Waarom: ...", ``reflect suggest``) they began now small, now capital.
    """
    return text[:1].upper() + text[1:]
