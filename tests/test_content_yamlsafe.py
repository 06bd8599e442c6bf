"""Safe YAML reading: every hostile or broken input becomes a located ContentError."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.content.yamlsafe import MAX_FILE_BYTES, parse_bytes, read_file


def _errors(text: str | bytes, name: str = "tips.yaml") -> list[ContentError]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(parse_bytes(data, name).errors)


def test_plain_file_parses_to_nodes_with_positions() -> None:
    parsed = parse_bytes(b"tips:\n  - id: a\n", "tips.yaml")
    assert parsed.errors == ()
    assert parsed.root is not None
    item = parsed.root.value[0][1].value[0]
    assert item.start_mark.line == 1  # 0-based in the node, 1-based in errors


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        refs = ",".join([f"*{prev}"] * 9)
        lines.append(f"{cur}: &{cur} [{refs}]")
    errors = _errors("\n".join(lines) + "\n")
    assert errors, "an alias bomb must be an error"
    assert all("ankers" in e.message for e in errors)
    assert errors[0].line == 1 and errors[0].col == 4
    assert len(errors) <= 101  # capped, not one per expanded node


def test_a_single_anchor_is_refused_too() -> None:
    errors = _errors("tips:\n  - &x {id: a}\n")
    assert [(e.line, e.col) for e in errors] == [(2, 5)]


def test_undefined_alias_is_a_located_error() -> None:
    errors = _errors("tips: *nothing\n")
    assert len(errors) == 1
    assert errors[0].line == 1


def test_python_tag_is_reported_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'tips: !!python/object/apply:os.system ["touch {marker}"]\n'
    errors = _errors(text)
    assert not marker.exists()
    assert len(errors) == 1
    assert "!!python/object/apply:os.system" in errors[0].message
    assert (errors[0].line, errors[0].col) == (1, 7)


def test_local_tags_and_merge_keys_are_refused() -> None:
    errors = _errors("tips:\n  - !mijn {id: a}\n  - {<<: {id: b}}\n")
    messages = [e.message for e in errors]
    assert any("!mijn" in m for m in messages)
    assert any("!!merge" in m for m in messages)


def test_non_utf8_file_points_at_the_bad_byte() -> None:
    errors = _errors(b"tips:\n  - id: caf\xe9\n")
    assert len(errors) == 1
    assert "UTF-8" in errors[0].message
    assert (errors[0].line, errors[0].col) == (2, 12)


def test_utf8_bom_is_accepted() -> None:
    assert parse_bytes(b"\xef\xbb\xbftips: []\n", "tips.yaml").errors == ()


def test_empty_and_comment_only_files_are_errors() -> None:
    for text in ("", "\n\n", "# alleen commentaar\n"):
        errors = _errors(text)
        assert len(errors) == 1
        assert "leeg" in errors[0].message
        assert str(errors[0]).startswith("tips.yaml:1:1: ")


def test_syntax_error_has_line_and_column() -> None:
    errors = _errors("tips:\n  - id: a\n    title: [open\n")
    assert len(errors) == 1
    assert errors[0].line >= 3
    assert "geen geldige YAML" in errors[0].message


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("tips:\n  - id: a\n    keywords: [a, b\n", "een komma of ] ontbreekt"),
        ("tips:\n  - id: a\n   title: x\n", "springt 3 spaties in"),
        ("tips:\n  - id: a\n    title: a: b\n", "dubbele punt"),
        ('tips:\n  - id: "a\n', "aanhalingsteken"),
    ],
)
def test_syntax_errors_are_fully_dutch(text: str, dutch: str) -> None:
    """Issue 16: "while parsing a flow sequence" reached trainers in English."""
    (error,) = _errors(text)
    assert dutch in error.message
    english = ("while", "expected", "found", "parsing", "scanning", "could not")
    assert not any(word in error.message for word in english), error.message


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        # A tester's tab: "tussen twee waarden: een teken dat hier niet mag".
        ("tips:\n\t- id: x\n", (2, 1), "tab; gebruik alleen spaties"),
        ("tips:\n  - id: x\n\ttitle: y\n", (3, 1), "tab; gebruik alleen spaties"),
        # A tester's 5-space indent: "een dubbele punt (:) staat hier niet op zijn plaats".
        (
            "tips:\n  - id: x\n    title: y\n     text: z\n",
            (4, 6),
            "deze regel springt 5 spaties in en de regel erboven 4",
        ),
        ("tips:\n  - id: x\n    title: y\n  text: z\n", (4, 3), "springt 2 spaties in"),
        # Glued to the colon, reported by the parser on the line after.
        ("tips:\n  - id: x\n    title:y\n    text: z\n", (3, 10), "schrijf 'title: ...'"),
        ("tips:\n  - id:x\n    title: y\n", (2, 7), "schrijf 'id: ...'"),
        # Unclosed quote: the parser stops at the end of the file.
        (
            "tips:\n  - id: x\n    title: 'y\n    text: z\n    source: s\n",
            (3, 12),
            "aanhalingsteken (') hier wordt niet gesloten",
        ),
        ("tips:\n  - id: x\n    title: Wijkstad: doe het\n", (3, 5), "tussen aanhalingstekens"),
    ],
)
def test_common_syntax_errors_say_what_to_do_where(
    text: str, where: tuple[int, int], hint: str
) -> None:
    (error,) = _errors(text)
    assert (error.line, error.col) == where
    assert error.message.startswith("geen geldige YAML: ") and hint in error.message


def test_unrecognised_syntax_error_keeps_the_parser_message() -> None:
    (error,) = _errors("tips:\n  - id: x\n    source: http://a.b/c\n    keywords: [a\n")
    assert error.message == "geen geldige YAML (in een lijst tussen [ ]: een komma of ] ontbreekt)"


def test_two_documents_in_one_file_is_an_error() -> None:
    errors = _errors("tips: []\n---\nprompts: []\n")
    assert len(errors) == 1
    assert errors[0].line == 2


def test_control_character_is_an_error_with_position() -> None:
    errors = _errors("tips:\n  - id: a\x07\n")
    assert len(errors) == 1
    assert errors[0].line == 2


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "tips.yaml"
    big.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    parsed = read_file(big, "tips.yaml")
    assert parsed.root is None
    assert "te groot" in parsed.errors[0].message


def test_unreadable_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    parsed = read_file(tmp_path / "missing.yaml", "missing.yaml")
    assert parsed.root is None
    assert "kan het bestand niet lezen" in parsed.errors[0].message


def test_deep_nesting_is_an_error() -> None:
    errors = _errors("tips: " + "[" * 5000 + "]" * 5000 + "\n")
    assert len(errors) == 1
    assert errors[0].line == 1


def test_fifo_or_device_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "tips.yaml"
    os.mkfifo(fifo)
    parsed = read_file(fifo, "tips.yaml")
    assert parsed.root is None
    assert "geen gewoon bestand" in parsed.errors[0].message


@pytest.mark.slow  # not in the quick loop: a fresh interpreter without libyaml (~2 s)
def test_pure_python_fallback_behaves_the_same() -> None:
    """Without libyaml the safe pure-Python loader is used, with the same results."""
    import subprocess
    import sys

    code = r"""
import yaml
del yaml.CSafeLoader
from reflect_tui.core.content import yamlsafe as ys
assert ys._Loader is yaml.SafeLoader
ok = ys.parse_bytes(b"tips:\n  - {id: a, title: no}\n", "t.yaml")
assert ok.errors == () and ok.root.value[0][1].value[0].value[1][1].tag.endswith(":bool")
deep = ys.parse_bytes(b"tips: " + b"[" * 900 + b"]" * 900 + b"\n", "t.yaml")
assert deep.root is None or deep.errors == (), deep.errors
deeper = ys.parse_bytes(b"tips: " + b"[" * 20000 + b"]" * 20000 + b"\n", "t.yaml")
assert deeper.root is None and deeper.errors[0].line == 1, deeper.errors
bomb = ys.parse_bytes(b"a: &a [1]\nb: [*a, *a]\n", "t.yaml")
assert [e.line for e in bomb.errors] == [1, 2, 2], bomb.errors
tag = ys.parse_bytes(b"a: !!python/name:os.system x\n", "t.yaml")
assert "!!python/name:os.system" in tag.errors[0].message
print("fallback ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "fallback ok"
