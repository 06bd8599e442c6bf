"""Adversarial content files for ``bench_hostile.py`` and the content fuzz tests.

Each generator writes one YAML file of at most ``size`` bytes (the loader's
limit is 1 MiB) that aims at one costly step of validation: long reference
lists with duplicates, thousands of unknown references next to thousands of
ids (the "did you mean" search), deep nesting, one enormous line, thousands
of invalid items (one error each), unknown keys, long unknown ids.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

MIB = 1024 * 1024


def _fill(head: str, unit: Callable[[int], str], size: int, tail: str = "") -> str:
    parts = [head]
    used = len(head) + len(tail)
    i = 0
    while True:
        piece = unit(i)
        if used + len(piece) > size:
            break
        parts.append(piece)
        used += len(piece)
        i += 1
    parts.append(tail)
    return "".join(parts)


def long_ref_list(size: int) -> str:
    """One tip whose ``practices`` list holds every practice many times over."""
    head = "tips:\n  - id: veel-refs\n    title: t\n    text: t\n    source: s\n    practices:\n"
    names = ("situatie", "relaties", "oplossingen", "binnen-buiten", "praktisch")
    return _fill(head, lambda i: f"      - {names[i % 5]}\n", size)


def unknown_refs(size: int) -> str:
    """Half the file defines barrier ids, the other half refers to unknown ones."""
    half = size // 2
    ids = _fill(
        "barriers:\n",
        lambda i: f"  - id: hindernis-{i:06d}\n    name: n\n    description: d\n    rank: 1\n",
        half,
    )
    refs = _fill(
        "tips:\n  - id: onbekend\n    title: t\n    text: t\n    source: s\n    barriers:\n",
        lambda i: f"      - hindernix-{i:06d}\n",
        size - len(ids),
    )
    return ids + refs


def unknown_long_refs(size: int) -> str:
    """Unknown references of 2,000 characters each (a costly similarity per pair)."""
    head = "barriers:\n" + "".join(
        f"  - id: h-{'x' * 1500}{i}\n    name: n\n    description: d\n    rank: 1\n"
        for i in range(50)
    )
    head += "tips:\n  - id: lang\n    title: t\n    text: t\n    source: s\n    barriers:\n"
    return _fill(head, lambda i: f"      - h-{'y' * 2000}{i}\n", size)


def many_bad_items(size: int) -> str:
    """Thousands of items that each have several errors."""
    return _fill("tips:\n", lambda i: f"  - id: Fout_{i}\n    title: [1]\n    onbekend: x\n", size)


def many_good_items(size: int) -> str:
    """As many valid tips as fit."""
    return _fill(
        "tips:\n",
        lambda i: (
            f"  - id: tip-{i:06d}\n    title: Tip {i}\n    text: Doe iets {i}.\n"
            "    source: s\n    practices: [situatie]\n"
        ),
        size,
    )


def deep_nesting(size: int) -> str:
    """Flow sequences nested as deep as the size allows."""
    depth = (size - 40) // 2
    return "tips:\n  - id: diep\n    title: " + "[" * depth + "]" * depth + "\n"


def deep_block_nesting(size: int) -> str:
    """Block mappings nested deeper and deeper (indentation grows)."""
    lines = ["tips:\n"]
    used = 6
    depth = 0
    while used < size - 200 and depth < 2000:
        line = "  " * (depth + 1) + f"k{depth}:\n"
        lines.append(line)
        used += len(line)
        depth += 1
    return "".join(lines)


def one_long_line(size: int) -> str:
    """A single text of nearly 1 MiB."""
    head = "tips:\n  - id: lang\n    title: t\n    text: "
    return head + "woord " * ((size - len(head) - 10) // 6) + "\n"


def unknown_keys(size: int) -> str:
    """One item with thousands of unknown keys (each gets a "did you mean")."""
    return _fill(
        "tips:\n  - id: sleutels\n    title: t\n    text: t\n", lambda i: f"    titel{i}: x\n", size
    )


def duplicate_ids(size: int) -> str:
    """The same id defined thousands of times."""
    return _fill("tips:\n", lambda i: "  - id: dubbel\n    title: t\n    text: t\n", size)


def big_trigger_values(size: int) -> str:
    """Learning suggestions with the largest numbers the validator lets through (valid)."""
    return _fill(
        "learning_suggestions:\n",
        lambda i: (
            f"  - id: leer-{i}\n    title: t\n    text: t\n    source: s\n"
            "    trigger: {kind: next_steps_overdue, days: 3650, min_count: 1000, window: 1000}\n"
        ),
        size,
    )


GENERATORS: dict[str, Callable[[int], str]] = {
    "long reference list (duplicates)": long_ref_list,
    "ids + unknown references": unknown_refs,
    "long unknown references": unknown_long_refs,
    "many invalid items": many_bad_items,
    "many valid items": many_good_items,
    "deep flow nesting": deep_nesting,
    "deep block nesting": deep_block_nesting,
    "one long line": one_long_line,
    "unknown keys": unknown_keys,
    "duplicate ids": duplicate_ids,
    "huge trigger numbers": big_trigger_values,
}


def write_layer(folder: Path, name: str, size: int = MIB - 1024) -> Path:
    """A content folder holding one adversarial file made by ``GENERATORS[name]``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = GENERATORS[name](size)
    path = folder / "aanval.yaml"
    path.write_text(text, encoding="utf-8")
    return path
