"""The live-reload rule (``core/content/reload.py``) without a watcher: what counts as a change."""

from __future__ import annotations

from pathlib import Path

from reflect_tui.core.coach.examples import example_model
from reflect_tui.core.content.loader import check_layers
from reflect_tui.core.content.reload import ContentReloader

TIP = """\
tips:
  - id: eigen-tip
    title: "Bel de wijkregisseur"
    text: "Bel de wijkregisseur voor je een bewoner iets toezegt over de straat."
    source: "Eigen"
    practices: [relaties]
    keywords: [wijkregisseur]
"""

EXAMPLE = """\
examples:
  - tips: [eigen-tip]
    text: "{text}"
"""


def _reloader(tmp_path: Path) -> ContentReloader:
    layer = tmp_path / "org"
    (layer / "examples").mkdir(parents=True)
    (layer / "tips.yaml").write_text(TIP, encoding="utf-8")
    return ContentReloader([layer], check_layers([layer]).content)


def test_an_examples_only_edit_gives_new_content_and_reaches_the_coach(tmp_path: Path) -> None:
    """Examples are not part of the content's version; a reload must still take them.

    The coach's example model is cached per Content object, so the same object
    after an examples-only edit would keep coaching on the old notes.
    """
    reloader = _reloader(tmp_path)
    start = reloader.current
    assert "eigen-tip" not in example_model(start).counts
    examples = reloader.layers[0] / "examples" / "eigen.yaml"
    examples.write_text(EXAMPLE.format(text="De straat gaat open, ik beloofde tegels."), "utf-8")
    outcome = reloader.reload()
    assert outcome.errors == ()
    assert outcome.changed
    assert outcome.content is not start and outcome.content.version == start.version
    assert example_model(outcome.content).counts["eigen-tip"] == 1
    assert example_model(start).counts.get("eigen-tip") is None  # the old object is untouched
    # Nothing changed since: no reload notice, the same content stays.
    again = reloader.reload()
    assert not again.changed and again.content is outcome.content
    # A second note for the tip: taken again.
    examples.write_text(
        EXAMPLE.format(text="Weer tegels beloofd.")
        + '  - tips: [eigen-tip]\n    text: "Een bewoner over de bomen."\n',
        "utf-8",
    )
    third = reloader.reload()
    assert third.changed and example_model(third.content).counts["eigen-tip"] == 2


def test_a_broken_examples_file_keeps_the_last_good_content(tmp_path: Path) -> None:
    reloader = _reloader(tmp_path)
    start = reloader.current
    (reloader.layers[0] / "examples" / "eigen.yaml").write_text(
        "examples:\n  - tips: [bestaat-niet]\n    text: x\n", "utf-8"
    )
    outcome = reloader.reload()
    assert outcome.errors and "bestaat-niet" in str(outcome.errors[0])
    assert outcome.content is start and not outcome.changed


def test_an_examples_file_is_a_content_change_for_the_watcher() -> None:
    assert ContentReloader.is_content_change("/org/examples/eigen.yaml")
    assert not ContentReloader.is_content_change("/org/examples/.eigen.yaml.swp")
