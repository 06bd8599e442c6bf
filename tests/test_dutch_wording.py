"""Counts, decimals and verb number in generated Dutch sentences (issue 16).

The tester found "Exporteer 1 reflecties", "Nog 2 poging(en)", "2 back-up(s)",
"gem. 3.0" and "Tijdgebrek en werkdruk hinderde". Each is checked here where
the sentence is built (strings table, CLI, core reasons), plus sweeps over the
message tables so a new sentence cannot bring the mistake back.
"""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

from coach_fixtures.helpers import make_content

from reflect_tui.core.coach import reasons
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.wording import by_count, counted, decimal, is_plural, listed, verb
from reflect_tui.tui import strings

ROOT = Path(__file__).resolve().parents[1]


def test_by_count_picks_singular_only_for_one() -> None:
    assert by_count(strings.EXPORT_CHOOSE_TITLE, 1) == "Exporteer 1 reflectie"
    assert by_count(strings.EXPORT_CHOOSE_TITLE, 2) == "Exporteer 2 reflecties"
    assert by_count(strings.EXPORT_CHOOSE_TITLE, 0) == "Exporteer 0 reflecties"
    assert by_count(strings.PASSPHRASE_WRONG, 1).endswith("Nog 1 poging.")
    assert by_count(strings.PASSPHRASE_WRONG, 2).endswith("Nog 2 pogingen.")
    assert counted(1, "back-up", "back-ups") == "1 back-up"
    assert counted(3, "back-up", "back-ups") == "3 back-ups"


def _ui_texts() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for name in dir(strings):
        value = getattr(strings, name)
        found += [(name, v) for v in (value.values() if isinstance(value, dict) else [value])]
    return found


def test_a_count_before_a_plural_noun_is_always_a_pair() -> None:
    """ "{n} reflecties" as one fixed text would say "1 reflecties"."""
    counted_noun = re.compile(r"\{(n|left|count)\} (open |afgeronde )?\w+(en|s|ies)\b")
    single = [(n, v) for n, v in _ui_texts() if isinstance(v, str) and counted_noun.search(v)]
    assert single == []


def test_the_singular_of_every_pair_names_one_thing() -> None:
    for name, value in _ui_texts():
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
            one, many = value
            # "{n} daarvoor" needs no other word for one; otherwise the singular is its own text.
            assert "{n}" not in one or one == many, name
            assert many != one or "{n} " not in many or not re.search(r"\{n\} \w+s\b", many)


# A Dutch word with its plural ending in brackets; code such as ``_row(s)`` is not one.
_BRACKETED = re.compile(r"(?<![\w.])[a-z][a-z-]{2,}\((en|s)\)(?![\w(])")
# What users read: string literals in the package (not docstrings or comments, which are
# English developer text), the Dutch docs and README, and the built-in content.
_DUTCH_DOCS = ("README.md", "docs/content-guide.md", "docs/intervision.md")


_BEFORE_DOCSTRING = (tokenize.ENCODING, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)


def _user_strings(path: Path) -> list[tuple[int, str]]:
    found = []
    previous = tokenize.ENCODING
    with path.open("rb") as handle:
        for tok in tokenize.tokenize(handle.readline):
            docstring = previous in (
                tokenize.ENCODING,
                tokenize.NEWLINE,
                tokenize.INDENT,
                tokenize.DEDENT,
            )
            if tok.type == tokenize.STRING and not docstring:
                found.append((tok.start[0], tok.string))
            if tok.type not in (tokenize.COMMENT, tokenize.NL):
                previous = tok.type
    return found


def test_no_bracketed_plural_endings_left() -> None:
    """No "poging(en)" or "back-up(s)" in anything a user reads."""
    found = []
    for path in sorted((ROOT / "reflect_tui").rglob("*.py")):
        found += [
            f"{path.name}:{no}: {text}"
            for no, text in _user_strings(path)
            if _BRACKETED.search(text)
        ]
    texts = [ROOT / name for name in _DUTCH_DOCS] + sorted((ROOT / "content").glob("*.yaml"))
    for path in texts:
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _BRACKETED.search(line):
                found.append(f"{path.name}:{no}: {line.strip()}")
    assert found == []


def test_the_sweep_sees_a_bracketed_plural() -> None:
    assert _BRACKETED.search('_say(ctx, f"{n} back-up(s) omgezet.")')
    assert _BRACKETED.search("Nog {left} poging(en).")
    assert not _BRACKETED.search('"".join(_row(s) for s in rows)')


def test_decimal_uses_a_comma() -> None:
    assert decimal(3.0) == "3,0"
    assert decimal(2.456, 2) == "2,46"


def test_lists_and_verb_number() -> None:
    assert listed(["a"]) == "a"
    assert listed(["a", "b", "c"]) == "a, b en c"
    assert listed(["a", "b"], "of") == "a of b"
    assert is_plural(["a", "b"]) and not is_plural(["a"], [False]) and is_plural(["a"], [True])
    assert verb(True, "hielp", "hielpen") == "hielpen"


def test_barrier_reason_agrees_with_a_compound_name() -> None:
    content = make_content()
    assert reasons.barrier_recurring(content, "tijdgebrek", 3, 5) == (
        "Tijdgebrek en werkdruk hinderden je in 3 van je laatste 5 reflecties"
    )
    assert reasons.barrier_recurring(content, "politiek", 1, 1) == (
        "Politiek hinderde je in 1 van je laatste 1 reflectie"
    )


def test_builtin_factors_say_which_names_are_plural() -> None:
    content = load_builtin()
    plural = {f.id for f in content.barriers if f.plural}
    assert {"collegas", "tijdgebrek", "beleid-wetgeving"} <= plural
    assert "politiek" not in plural and "verkokering" not in plural
    helps = {f.id for f in content.helps if f.plural}
    assert {"collegas", "rugdekking", "tools"} <= helps and "ruimte" not in helps


def test_absent_help_reason_agrees() -> None:
    content = make_content()
    line = reasons._tip_line(content, "absent_help", ["rugdekking"], ["geen bestuurder"])
    assert line.endswith("'Bestuurlijk draagvlak en rugdekking' ontbreken.")
    line = reasons._tip_line(content, "absent_help", ["ruimte"], ["potje"])
    assert line.endswith("'Ruimte voor participatie' ontbreekt.")
    two = reasons._tip_line(content, "chosen_practice", ["situatie", "relaties"], [])
    assert two.startswith("Je koos de werkpraktijken ")


def test_stats_shows_means_with_a_decimal_comma(isolated_home: Path, capsys) -> None:
    """``reflect stats`` for people: "3,5", never "3.5"; the JSON keeps numbers."""
    from journal_fixtures.helpers import CLOCK, open_store
    from journal_fixtures.lookback import lookback_reflections

    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.main import main
    from reflect_tui.cli.parser import build_parser

    with open_store(isolated_home) as store:
        store.import_reflections(lookback_reflections())
    for argv in (["stats"], ["stats", "--json"]):
        assert main(argv, CliContext(build_parser().parse_args(argv), clock=CLOCK)) == 0
        out = capsys.readouterr().out
        if argv == ["stats"]:
            section = out.split("Zelfbeoordeling per principe")[1].split("\n\n")[0]
            assert re.search(r" \d,\d ", section) and not re.search(r"\d\.\d", section)
        else:
            assert re.search(r'"mean": \d\.\d', out)


def test_learning_reasons_count_days_in_dutch() -> None:
    assert reasons.next_steps_overdue(1, 1).endswith("(de oudste 1 dag)")
    assert reasons.next_steps_overdue(2, 9).startswith("2 vervolgstappen staan")
    assert reasons.reflection_gap(1) == "je laatste reflectie is van 1 dag geleden"
