"""The lemma table (core/lemma_table.py): same answers as simplemma, built once, safe."""

from __future__ import annotations

import random
import stat
from pathlib import Path

import pytest

from reflect_tui.core import lemma_table
from reflect_tui.core.lemma_table import LemmaTable, open_lemma_table, table_bytes


@pytest.fixture(scope="module")
def forms() -> dict[str, str]:
    return {k: str(v) for k, v in lemma_table._decoded().items()}


def test_table_gives_the_dictionarys_lemmas(forms: dict[str, str], isolated_home: Path) -> None:
    table = open_lemma_table()
    assert isinstance(table, LemmaTable)
    found = lemma_table.table_path()
    assert found is not None
    path = Path(found)
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sample = random.Random(7).sample(sorted(forms), 3000)
    for form in [*sample, "bomen", "geholpen", "kastje"]:
        assert table.get(form) == forms.get(form), form
    for missing in ["", "zzzzqq", "\u00e9\u00e9n-twee", "a\tb", sorted(forms)[0][:-1] or "x"]:
        assert table.get(missing) == forms.get(missing)
    # The first and last lines are found too (binary search edges).
    ordered = sorted(forms, key=lambda f: f.encode())
    for form in (ordered[0], ordered[-1]):
        assert table.get(form) == forms[form]


def test_a_second_open_reads_the_file_without_decoding(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_lemma_table()  # builds the file

    def no_decoding() -> dict[str, str]:
        raise AssertionError("the dictionary was decoded again")

    monkeypatch.setattr(lemma_table, "_decoded", no_decoding)
    assert open_lemma_table().get("bomen") == "boom"


def test_a_damaged_file_is_rebuilt_and_an_unwritable_cache_falls_back(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    found = lemma_table.table_path()
    assert found is not None
    path = Path(found)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage")
    assert isinstance(open_lemma_table(), LemmaTable)
    assert path.read_bytes().startswith(lemma_table.HEADER)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setattr(lemma_table, "table_path", lambda: blocked / "lemmas.txt")
    fallback = open_lemma_table()
    assert not isinstance(fallback, LemmaTable)
    assert fallback.get("bomen") == "boom"


def test_table_bytes_skips_forms_that_would_break_lines() -> None:
    data = table_bytes({"b": "x", "a\nb": "y", "c\td": "z", "a": "w"})
    assert data == lemma_table.HEADER + b"a\tw\nb\tx\n"


@pytest.mark.parametrize("name", ["simplemma", "snowballstemmer", "json", "no_such_module_here"])
def test_find_spec_finds_what_importlibs_finds(name: str) -> None:
    import importlib.util

    ours, theirs = lemma_table.find_spec(name), importlib.util.find_spec(name)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert (ours.name, ours.origin, ours.submodule_search_locations) == (
            theirs.name,
            theirs.origin,
            theirs.submodule_search_locations,
        )
