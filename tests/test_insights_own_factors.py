"""Barriers and helps an organisation adds are its own, not the essay's.

Reproduction (tester, stop 14): a layer barrier with ``rank: 8`` showed in
``reflect stats`` as "8. Trage ICT en systemen 1 essay 8", while the essay's
table has seven items and does not name it.
"""

from __future__ import annotations

from pathlib import Path

from journal_fixtures.helpers import open_store, run_cli, sample_reflection

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import ESSAY_FACTOR_IDS, essay_rank

LAYER = """\
barriers:
  - id: wijkstad-ict
    name: Trage ICT en systemen
    rank: 8
    description: Systemen die niet met elkaar praten, zodat je dubbel invoert.
"""


def test_the_built_in_ranks_are_the_essays() -> None:
    content = load_builtin()
    for collection, ids in ESSAY_FACTOR_IDS.items():
        factors = getattr(content, collection)
        assert [f.id for f in factors] == list(ids)
        assert all(essay_rank(collection, f.id) == f.rank for f in factors)
    assert essay_rank("barriers", "wijkstad-ict") is None


def test_stats_labels_an_organisations_own_barrier_as_its_own(tmp_path: Path) -> None:
    layer = tmp_path / "org"
    layer.mkdir()
    (layer / "framework.yaml").write_text(LAYER, encoding="utf-8")
    home = tmp_path / "home"
    with open_store(home) as store:
        store.add(sample_reflection(barriers=["wijkstad-ict", "politiek"]))
    code, out, err = run_cli(home, "--content", str(layer), "stats")
    assert code == 0, err
    own = next(line for line in out.splitlines() if "Trage ICT en systemen" in line)
    assert own.rstrip().endswith("van je organisatie") and "essay" not in own
    politiek = next(line for line in out.splitlines() if " Politiek " in line)
    assert politiek.rstrip().endswith("essay 3")
