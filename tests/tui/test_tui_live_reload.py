"""Live reload and preview (issue 15 items 3-4): real file changes, real watcher.

The watcher is watchfiles on the real file system; each test waits for the
outcome with a generous ceiling (the 1-second target is measured in
``benchmarks/bench_trainer.py``, never in a timed test).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reflect_tui.core.content.loader import check_layers
from reflect_tui.core.content.reload import ContentReloader
from reflect_tui.tui import strings
from reflect_tui.tui.widgets.content_errors import PANEL_ID
from tests.tui.conftest import AppFactory
from tests.tui.tui_helpers import notices

WAIT = 15.0

TIP = """\
tips:
  - id: eigen-tip
    title: "{title}"
    text: "Een eigen tip om te zien of herladen werkt."
    source: "Eigen"
    practices: [relaties]
    keywords: [herladen]
"""


def _layer(tmp_path: Path, title: str = "Eerste versie") -> Path:
    layer = tmp_path / "org"
    layer.mkdir(exist_ok=True)
    (layer / "tips.yaml").write_text(TIP.format(title=title), encoding="utf-8")
    return layer


async def _until(pilot: object, condition: object) -> bool:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while loop.time() < deadline:
        if condition():  # type: ignore[operator]
            return True
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    return False


async def test_a_saved_change_reaches_the_app(tmp_path: Path, make_app: AppFactory) -> None:
    layer = _layer(tmp_path)
    start = check_layers([layer]).content
    app = make_app(content=start, content_reloader=ContentReloader([layer], start))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)  # the watcher is up
        assert app.content.tip("eigen-tip").title == "Eerste versie"
        (layer / "tips.yaml").write_text(TIP.format(title="Tweede versie"), encoding="utf-8")
        assert await _until(pilot, lambda: app.content.tip("eigen-tip").title == "Tweede versie")
        # notify() posts a message: the notice lands a turn after the content.
        assert await _until(pilot, lambda: any("Inhoud opnieuw geladen" in n for n in notices(app)))
        assert app.services.content is app.content  # new screens use the new content


async def test_an_examples_only_edit_reaches_the_next_coaching(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """A note saved in ``examples/`` (a subfolder) reaches the coach of the running app.

    The examples are not in the content's version, and the coach's model is
    cached per Content object: before the fix, the app kept its Content and
    coached on the old notes. The file is written again on each wait turn
    (same bytes), so the test does not depend on when the watcher is up.
    """
    from reflect_tui.core.coach.examples import example_model

    layer = _layer(tmp_path)
    (layer / "examples").mkdir()
    start = check_layers([layer]).content
    app = make_app(content=start, content_reloader=ContentReloader([layer], start))
    note = 'examples:\n  - tips: [eigen-tip]\n    text: "Herladen van een voorbeeld."\n'
    target = layer / "examples" / "eigen.yaml"

    def taken() -> bool:
        if app.content is start:
            target.write_text(note, encoding="utf-8")
            return False
        return True

    async with app.run_test(size=(120, 40)) as pilot:
        assert "eigen-tip" not in example_model(app.services.content).counts
        assert await _until(pilot, taken)
        assert app.content.version == start.version  # the content files did not change
        assert example_model(app.services.content).counts["eigen-tip"] == 1


async def test_a_broken_file_keeps_the_last_good_content_and_shows_errors(
    tmp_path: Path, make_app: AppFactory
) -> None:
    layer = _layer(tmp_path)
    start = check_layers([layer]).content
    app = make_app(content=start, content_reloader=ContentReloader([layer], start))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        (layer / "tips.yaml").write_text(
            TIP.format(title="Kapot").replace("[relaties]", "[relatie]"), encoding="utf-8"
        )
        assert await _until(pilot, lambda: bool(app.screen.query(f"#{PANEL_ID}")))
        panel_text = str(app.screen.query_one(f"#{PANEL_ID}").render())
        assert "tips.yaml:6:" in panel_text and "relatie" in panel_text
        assert app.content.version == start.version  # the last good content stays
        # Fixed again: the panel goes, the new content comes.
        (layer / "tips.yaml").write_text(TIP.format(title="Gerepareerd"), encoding="utf-8")
        assert await _until(pilot, lambda: not app.screen.query(f"#{PANEL_ID}"))
        assert app.content.tip("eigen-tip").title == "Gerepareerd"
        assert await _until(pilot, lambda: strings.CONTENT_FIXED in notices(app))


async def test_preview_banner_and_throwaway_journal(tmp_path: Path, make_app: AppFactory) -> None:
    layer = _layer(tmp_path)
    content = check_layers([layer]).content
    app = make_app(
        content=content,
        banner=strings.PREVIEW_BANNER,
        content_reloader=ContentReloader([layer], content),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.sub_title == strings.PREVIEW_BANNER
        assert any("tijdelijk dagboek" in n for n in notices(app))
        # A tester saw "er wordt niets bewaard" above "Alles wordt meteen bewaard".
        welcome = str(app.screen.query_one("#welcome").render())
        assert "tijdelijk dagboek dat verdwijnt" in welcome
        assert "meteen bewaard" not in welcome


def test_preview_command_refuses_broken_content_with_exact_errors(
    tmp_path: Path, capsys: object
) -> None:
    from reflect_tui.cli.main import main

    layer = _layer(tmp_path)
    (layer / "tips.yaml").write_text("tips:\n  - id: x\n    title: [\n", encoding="utf-8")
    assert main(["content", "preview", str(layer)]) == 1
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "tips.yaml:" in err and "Voorbeeld niet gestart" in err
