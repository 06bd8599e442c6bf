"""The arguments of the scripted commands, read without argparse.

Why: ``reflect list``, ``search``, ``export`` and ``suggest`` run from
scripts and are measured against jrnl as whole processes, where importing
argparse (with gettext) and building even one subparser cost more than the
query on a journal of a thousand reflections. This reads only the plain
forms of those commands (``list -n 10``, ``search woord --json``,
``export --format json -o FILE``) and gives exactly what the parser would
give (a test compares the two); anything else (help, a filter, an
abbreviation, a value that looks like an option, an error) returns None
and goes through the parser, so messages and help read as before.
"""

from __future__ import annotations

from types import SimpleNamespace

# Global options with a value, and where argparse stores them.
_GLOBAL_VALUE = {"--data-dir": "data_dir", "--content": "content"}

# The filter options' ``dest``s (``filters.FILTER_DESTS``; a test keeps them equal).
_FILTERS = ("practice", "kind", "barrier", "help_factor", "tag", "status", "since", "until")


def _plain(value: str) -> bool:
    """A value argparse would take as it is (not an option, not ``--``)."""
    return bool(value) and not value.startswith("-")


def quick_args(argv: list[str]) -> SimpleNamespace | None:
    """The namespace ``build_parser().parse_args(argv)`` would return, or None."""
    found: dict[str, object] = {"data_dir": None, "content": None, "watch": False}
    index = 0
    while index < len(argv):
        word = argv[index]
        name, eq, value = word.partition("=")
        if name in _GLOBAL_VALUE:
            if not eq:
                if index + 1 >= len(argv):
                    return None
                index += 1
                value = argv[index]
            if not _plain(value):
                return None
            if name == "--content":
                found["content"] = [*(found["content"] or []), value]  # type: ignore[misc]
            else:
                found["data_dir"] = value
        elif word == "--watch":
            found["watch"] = True
        else:
            break
        index += 1
    if index >= len(argv):
        return None
    command, rest = argv[index], argv[index + 1 :]
    reader = _COMMANDS.get(command)
    options = reader(rest) if reader is not None else None
    if options is None:
        return None
    return SimpleNamespace(**found, command=command, **options)


def _int_value(text: str) -> int | None:
    """``int(text)`` for plain digits only; anything else is left to argparse."""
    return int(text) if text.isascii() and text.isdigit() else None


def _list(rest: list[str]) -> dict[str, object] | None:
    from reflect_tui.cli.journal_cmd import run_list

    options: dict[str, object] = {"n": None, "json": False}
    if not _read_options(rest, options, None):
        return None
    return {**options, **dict.fromkeys(_FILTERS), "handler": run_list}


def _search(rest: list[str]) -> dict[str, object] | None:
    from reflect_tui.cli.journal_cmd import run_search

    words: list[str] = []
    options: dict[str, object] = {"n": 50, "json": False}
    if not _read_options(rest, options, words) or not words:
        return None
    return {"query": words, **options, **dict.fromkeys(_FILTERS), "handler": run_search}


def _read_options(rest: list[str], options: dict[str, object], words: list[str] | None) -> bool:
    """``-n N`` and ``--json`` in any order; plain words into ``words``, in one run.

    One run because argparse takes a ``nargs="+"`` positional in one piece:
    ``search kap -n 2 boom`` is an error there, so it is left to argparse.
    """
    index, words_ended = 0, False
    while index < len(rest):
        word = rest[index]
        if word == "-n" and index + 1 < len(rest):
            number = _int_value(rest[index + 1])
            if number is None:
                return False
            options["n"] = number
            index += 1
        elif word == "--json":
            options["json"] = True
        elif words is not None and _plain(word) and not (words and words_ended):
            words.append(word)
            index += 1
            continue
        else:
            return False
        words_ended = bool(words)
        index += 1
    return True


def _export(rest: list[str]) -> dict[str, object] | None:
    from reflect_tui.cli.journal_cmd import run_export

    options: dict[str, object] = {"format": "json", "output": None}
    index = 0
    while index < len(rest):
        word, following = rest[index], rest[index + 1] if index + 1 < len(rest) else None
        if word == "--format" and following in ("json", "md"):
            options["format"] = following
        elif word in ("-o", "--output") and following is not None and _plain(following):
            options["output"] = following
        else:
            return None
        index += 2
    return {**options, **dict.fromkeys(_FILTERS), "handler": run_export}


def _suggest(rest: list[str]) -> dict[str, object] | None:
    from reflect_tui.cli.coach_cmd import run_suggest

    if rest not in ([], ["--json"]):
        return None
    return {"json": bool(rest), "handler": run_suggest}


def _import(rest: list[str]) -> dict[str, object] | None:
    """``import FILE`` (``-`` for standard input, and anything unusual, goes to argparse)."""
    from reflect_tui.cli.journal_cmd import run_import

    if len(rest) != 1 or not _plain(rest[0]):
        return None
    return {"file": rest[0], "handler": run_import}


_COMMANDS = {
    "list": _list,
    "search": _search,
    "export": _export,
    "suggest": _suggest,
    "import": _import,
}
