"""Dutch for argparse's own words: usage lines, help headings, usage errors.

Why: every message of ``reflect`` is Dutch, but argparse writes its usage
errors ("the following arguments are required: ID") and help headings in
English. argparse looks its strings up through a module-level ``_`` (and
``ngettext``) each time it uses them, which is the hook gettext offers;
``install`` points those at this table. Only the CLI calls it, just before
it builds the parser; a string that is not in the table stays English.
"""

from __future__ import annotations

import argparse

DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie: %(option)s kan %(matches)s zijn"
    ),
    "not allowed with argument %s": "mag niet samen met %s",
    "one of the arguments %s is required": "kies een van: %s",
    "ignored explicit argument %r": "waarde %r hoort hier niet bij",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}

_PLURALS: dict[str, tuple[str, str]] = {
    "expected %s argument": ("hier hoort %s waarde bij", "hier horen %s waarden bij"),
}


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    dutch = _PLURALS.get(singular)
    if dutch is None:
        return singular if n == 1 else plural
    return dutch[0] if n == 1 else dutch[1]


def install() -> None:
    """Make argparse speak Dutch in this process (idempotent)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
