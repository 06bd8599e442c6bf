"""The journal query (filters, sort, paging) and the stemmed search behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store
from journal_fixtures.lookback import lookback_reflections, rid

from reflect_tui.core.journal.query import JournalQuery, count, find, matching_ids
from reflect_tui.core.journal.search import match_expression, word_alternatives


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path) as s:
        s.import_reflections(lookback_reflections())
        yield s


def _ids(store, **filters) -> list[int]:
    found = find(store, JournalQuery(**filters))
    return [int(s.id[:8], 16) for s in found]


def test_newest_first_and_oldest_first(store) -> None:
    assert _ids(store) == [8, 7, 6, 5, 4, 3, 2, 1]
    assert _ids(store, sort="oldest") == [1, 2, 3, 4, 5, 6, 7, 8]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"practices": ("situatie",)}, [6, 4, 1]),
        ({"practices": ("situatie", "praktisch")}, [7, 6, 4, 2, 1]),  # any of one kind
        ({"case_kinds": ("klacht",)}, [8, 5, 1]),
        ({"barriers": ("politiek",)}, [6, 4, 1]),
        ({"helps": ("collegas",)}, [2]),
        ({"tags": ("bomen",)}, [6, 4]),
        ({"status": "draft"}, [8, 3]),
        ({"since": date(2026, 1, 1)}, [8, 7, 6, 5]),
        ({"until": date(2025, 9, 15)}, [2, 1]),
        ({"since": date(2025, 9, 1), "until": date(2025, 12, 31)}, [4, 3, 2]),
        # kinds combine with AND
        ({"practices": ("situatie",), "barriers": ("politiek",), "tags": ("bomen",)}, [6, 4]),
        ({"practices": ("situatie",), "status": "draft"}, []),
        ({"ids": (rid(2), rid(5))}, [5, 2]),
        ({"ids": ()}, []),
    ],
)
def test_each_filter_and_their_combination(store, filters, expected) -> None:
    assert _ids(store, **filters) == expected
    assert count(store, JournalQuery(**filters)) == len(expected)


def test_paging(store) -> None:
    query = JournalQuery()
    first = find(store, query, limit=3)
    second = find(store, query, limit=3, offset=3)
    assert [s.id for s in first + second] == matching_ids(store, query)[:6]


def test_search_finds_other_forms_by_stem(store) -> None:
    # "bomen" is written in reflection 6 (and a tag of 4 and 6), "boom" only in 4
    assert _ids(store, text="boom") == [6, 4]
    assert _ids(store, text="bomen") == [6, 4]


def test_search_folds_diacritics_and_matches_prefixes(store) -> None:
    assert _ids(store, text="cafe") == [2]  # café
    assert _ids(store, text="CAFÉ") == [2]
    assert _ids(store, text="vergaderin") == [7]  # prefix while typing
    assert _ids(store, text="feest vergadering") == [7]  # every word must occur
    assert _ids(store, text="boom", status="draft") == []


def test_search_ignores_query_syntax_and_one_letter_words() -> None:
    assert match_expression('kap" OR x') == '"kap"* AND "or"*'
    assert match_expression("!!!") is None
    assert match_expression("a") is None
    # the tokenizer folds it on both sides; the first prefix covers the typed word
    # (the match key may be shorter than it: cafe -> caf)
    assert "café".startswith(word_alternatives("Café")[0])


@pytest.mark.parametrize("text", ['"', "NEAR(", "a*b", "col:x", "^", "-", "😀", "\x00"])
def test_search_never_raises_on_fts_syntax(store, text: str) -> None:
    assert isinstance(find(store, JournalQuery(text=text)), list)


_LONG = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000)"
    " SELECT count(*) FROM c"
)


def test_a_read_stops_when_its_caller_no_longer_wants_it(store) -> None:
    """The journal screen's count of an outdated query gives way to the next page."""
    from reflect_tui.core.journal.store import Cancelled

    with pytest.raises(Cancelled):
        store.read_rows(_LONG, [], cancelled=lambda: True)
    # the handler is gone afterwards: plain reads and writes run to the end
    assert store.read_rows(_LONG)[0][0] == 200000
    assert store.read_rows(_LONG, [], cancelled=lambda: False)[0][0] == 200000
    store.save(store.get(rid(1)))


def test_index_terms_are_kept_until_the_journal_changes(store, tmp_path: Path) -> None:
    assert "bosrand" not in store.index_terms("bo")
    one = store.get(rid(2))
    one.notes = "Een wandeling langs de bosrand."
    store.save(one)  # this connection's write
    assert "bosrand" in store.index_terms("bo")
    with open_store(tmp_path) as other:  # another connection's write
        two = other.get(rid(4))
        two.notes = "Overleg in het bospaviljoen."
        other.save(two)
    assert "bospaviljoen" in store.index_terms("bo")
    assert _ids(store, text="bospaviljoen") == [4]


# -- the journal screen's kept search matches (``kept_matches``) -------------------------

KEPT_QUERIES = [
    JournalQuery(text="boom"),
    JournalQuery(text="boom", practices=("situatie",)),
    JournalQuery(text="boom", case_kinds=("klacht",), sort="oldest"),
    JournalQuery(text="boom", status="draft"),
    JournalQuery(text="boom", tags=("bomen",), barriers=("politiek",)),
    JournalQuery(text="boom", since=date(2026, 1, 1)),
]


def _statements(store) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    return seen


def test_kept_matches_answer_as_the_index_does(store) -> None:
    assert count(store, KEPT_QUERIES[0], reuse=True) == count(store, KEPT_QUERIES[0]) > 0
    seen = _statements(store)
    for query in KEPT_QUERIES:
        for limit, offset in ((2, 0), (2, 1), (None, 0)):
            assert find(store, query, limit, offset, reuse=True) == find(
                store, query, limit, offset
            )
        assert count(store, query, reuse=True) == count(store, query)
    kept_pages = [s for s in seen if "reflection_match" in s and "LIMIT" in s]
    assert len(kept_pages) == 3 * len(KEPT_QUERIES)  # every page asked with reuse used them
    assert not any("MATCH" in s for s in kept_pages)


def test_kept_matches_are_not_used_for_other_words_or_a_changed_journal(store, tmp_path) -> None:
    count(store, JournalQuery(text="boom"), reuse=True)
    seen = _statements(store)
    assert find(store, JournalQuery(text="straat"), reuse=True) == find(
        store, JournalQuery(text="straat")
    )
    assert not any("reflection_match" in s for s in seen)
    # This connection's write: a reflection that now mentions a tree.
    one = store.get(rid(7))
    one.notes = "Een boom op het plein."
    store.save(one)
    assert 7 in [int(s.id[:8], 16) for s in find(store, JournalQuery(text="boom"), reuse=True)]
    count(store, JournalQuery(text="boom"), reuse=True)
    with open_store(tmp_path) as other:  # another connection's write
        two = other.get(rid(2))
        two.notes = "Onder de boom."
        other.save(two)
    assert 2 in [int(s.id[:8], 16) for s in find(store, JournalQuery(text="boom"), reuse=True)]


def test_a_cancelled_count_keeps_no_matches(store, monkeypatch) -> None:
    import sqlite3

    from reflect_tui.core.journal.store import Cancelled

    fill = store._kept.fill

    def interrupted_fill(expression, version, run):  # type: ignore[no-untyped-def]
        def run_until_insert(sql, params):  # type: ignore[no-untyped-def]
            if sql.startswith("INSERT"):  # stopped halfway, as the progress handler does
                raise sqlite3.OperationalError("interrupted")
            return run(sql, params)

        fill(expression, version, run_until_insert)

    monkeypatch.setattr(store._kept, "fill", interrupted_fill)
    query = JournalQuery(text="boom")
    with pytest.raises(Cancelled):
        count(store, query, cancelled=lambda: True, reuse=True)
    seen = _statements(store)
    assert find(store, query, reuse=True) == find(store, query)
    assert not any("reflection_match" in s for s in seen)


def test_without_reuse_nothing_is_kept(store) -> None:
    """``reflect list`` / ``search`` ask one question per process: no temp table."""
    query = JournalQuery(text="boom")
    find(store, query)
    count(store, query)
    temp = store.read_rows("SELECT name FROM sqlite_temp_master")
    assert "reflection_match" not in {row[0] for row in temp}
