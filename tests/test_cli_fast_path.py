"""Plain ``reflect`` skips building the parser; it must mean exactly the same."""

from __future__ import annotations

from reflect_tui.cli.main import no_arguments
from reflect_tui.cli.parser import build_parser


def test_no_arguments_equals_what_the_parser_gives() -> None:
    assert vars(no_arguments()) == vars(build_parser().parse_args([]))
