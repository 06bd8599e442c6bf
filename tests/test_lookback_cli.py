"""``reflect list`` filters, ``reflect search`` with filters and ``reflect stats``:
the same answers as the core query and insights (which the screens use)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from journal_fixtures.helpers import CLOCK, open_store
from journal_fixtures.lookback import lookback_reflections

from reflect_tui.cli.context import CliContext
from reflect_tui.cli.main import main
from reflect_tui.cli.parser import build_parser
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.insights import compute, in_content_order
from reflect_tui.core.journal.query import JournalQuery, matching_ids


@pytest.fixture
def home(isolated_home: Path) -> Path:
    with open_store(isolated_home) as store:
        store.import_reflections(lookback_reflections())
    return isolated_home


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    args = build_parser().parse_args(list(argv))
    code = main(list(argv), CliContext(args, clock=CLOCK))
    out, err = capsys.readouterr()
    return code, out, err


CASES = [
    (["--practice", "situatie"], JournalQuery(practices=("situatie",))),
    (
        ["--practice", "situatie", "--practice", "praktisch"],
        JournalQuery(practices=("situatie", "praktisch")),
    ),
    (["--kind", "klacht"], JournalQuery(case_kinds=("klacht",))),
    (["--barrier", "politiek"], JournalQuery(barriers=("politiek",))),
    (["--help-factor", "collegas"], JournalQuery(helps=("collegas",))),
    (["--tag", "bomen"], JournalQuery(tags=("bomen",))),
    (["--status", "concept"], JournalQuery(status="draft")),
    (["--since", "1-1-2026"], JournalQuery(since=date(2026, 1, 1))),
    (["--until", "2025-09-15"], JournalQuery(until=date(2025, 9, 15))),
    (
        ["--practice", "situatie", "--barrier", "politiek", "--since", "1-12-2025"],
        JournalQuery(practices=("situatie",), barriers=("politiek",), since=date(2025, 12, 1)),
    ),
]


@pytest.mark.parametrize(("argv", "query"), CASES)
def test_list_filters_agree_with_the_core_query(home: Path, capsys, argv, query) -> None:
    code, out, _ = _run(capsys, "list", "--json", *argv)
    assert code == 0
    with open_store(home) as store:
        expected = matching_ids(store, query)
    assert [item["id"] for item in json.loads(out)] == expected
    assert expected  # every case selects something


def test_list_with_filters_that_match_nothing(home: Path, capsys) -> None:
    code, out, _ = _run(capsys, "list", "--tag", "bestaat-niet")
    assert code == 0 and "Geen reflecties gevonden" in out


def test_bad_date_is_one_dutch_line(home: Path, capsys) -> None:
    """A word the date reader does not know ('gisteren' is a date since issue 16)."""
    code, _, err = _run(capsys, "list", "--since", "ergens")
    assert code == 2 and "geen datum" in err and "Traceback" not in err


def test_search_takes_the_same_filters(home: Path, capsys) -> None:
    code, out, _ = _run(capsys, "search", "--json", "straat")
    assert code == 0 and {i["title"] for i in json.loads(out)} >= {"Project groene straat"}
    code, out, _ = _run(capsys, "search", "--json", "straat", "--status", "concept")
    assert code == 0 and json.loads(out) == []


def test_stats_json_is_the_insights_of_the_core(home: Path, capsys) -> None:
    code, out, _ = _run(capsys, "stats", "--json")
    assert code == 0
    with open_store(home) as store:
        expected = in_content_order(compute(store, CLOCK.today()), load_builtin()).to_json()
    assert json.loads(out) == json.loads(json.dumps(expected))
    code, out, _ = _run(capsys, "stats", "--json", "--since", "1-1-2026")
    assert json.loads(out)["total"] == 3


def test_stats_lists_principles_and_skipped_steps_in_content_order(home: Path, capsys) -> None:
    """Reproduction: Bricolerend first (by id) and the skipped steps by practice id,
    while the insights screen showed Open first."""
    content = load_builtin()
    code, out, _ = _run(capsys, "stats")
    assert code == 0
    ratings = out.split("Zelfbeoordeling per principe")[1].split("\n\n")[0]
    shown = [p.id for p in content.principles if p.name in ratings]
    assert len(shown) >= 2
    assert sorted(shown, key=lambda i: ratings.index(content.by_id("principles")[i].name)) == shown
    skips = out.split("Overgeslagen LSD-stappen")[1].split("\n\n")[0]
    named = [p.id for p in content.practices if p.name in skips]
    assert len(named) >= 2
    assert sorted(named, key=lambda i: skips.index(content.by_id("practices")[i].name)) == named
    data = json.loads(_run(capsys, "stats", "--json")[1])
    order = [p.id for p in content.principles]
    rated = [s["id"] for s in data["ratings"]]
    assert rated == sorted(rated, key=order.index)


def test_stats_text_names_practices_and_the_essay_rank(home: Path, capsys) -> None:
    code, out, _ = _run(capsys, "stats")
    assert code == 0
    assert "De situatie in kaart brengen" in out and "essay" in out
    # Next steps in drafts count too: draft 3's is overdue, draft 8's done.
    assert "Vervolgstappen (ook die in concepten): 4 gedaan, 1 open, 3 te laat" in out


def test_stats_on_an_empty_journal(isolated_home: Path, capsys) -> None:
    code, out, _ = _run(capsys, "stats")
    assert code == 0 and "Nog geen afgeronde reflecties" in out


def test_search_finds_other_word_forms_like_the_app(home: Path, capsys) -> None:
    """``reflect search boom`` finds "bomen" (and "boom"): the same word analysis as
    the journal screen's search, through the same core query. The added reflection
    says "bomen" in its text only (no tag), so the match is the text's."""
    from journal_fixtures.helpers import sample_reflection
    from journal_fixtures.lookback import rid

    only_text = sample_reflection(
        rid(9), title="Gracht", what_happened="Twee bomen gekapt.", tags=[], status="complete"
    )
    with open_store(home) as store:
        store.import_reflections([only_text])
    code, out, _ = _run(capsys, "search", "--json", "boom")
    assert code == 0
    found = [item["id"] for item in json.loads(out)]
    assert set(found) == {rid(4), rid(6), rid(9)}  # "boom" in 4, "bomen" in 6 and 9
    with open_store(home) as store:
        # the screen's query (newest first; search ranks by relevance)
        assert sorted(found) == sorted(matching_ids(store, JournalQuery(text="boom")))
    code, out, _ = _run(capsys, "search", "boom")
    assert code == 0 and "Gracht" in out and "Project groene straat" in out


def test_stats_explains_the_arrows_only_when_they_can_show(home: Path, capsys) -> None:
    """Tester: "Pijlen: ..." was explained beside "daarvoor: 0", where no arrow can be."""
    code, out, _ = _run(capsys, "stats")
    assert code == 0 and "daarvoor: 2" in out and "Pijlen:" in out and "↑" in out
    code, out, _ = _run(capsys, "stats", "--since", "1-1-2026")
    assert code == 0 and "daarvoor: 0" in out
    assert "Pijlen" not in out and not any(arrow in out for arrow in "↑↓→")
