"""Issue 18: an unhandled error never prints journal text (defect 1's second half).

Textual printed a traceback with local variables (answer text among them);
now the screen gets one notice naming the place and the error type, and a
private report (0600, in the data folder) holds frames but no values.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from reflect_tui.tui.app import ReflectApp

SECRET = "GEHEIM-antwoord-over-mevrouw-Jansen"


async def test_a_crash_shows_place_and_type_and_writes_a_private_report(
    make_app, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(self: ReflectApp) -> None:
        answer_text = SECRET  # a local variable Textual would have printed
        raise OverflowError(f"date value out of range near {answer_text}")

    monkeypatch.setattr(ReflectApp, "action_help", explode)
    app = make_app()
    with pytest.raises(OverflowError):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
    shown = " ".join(capsys.readouterr().err.split())  # what Textual printed on exit
    assert "OverflowError" in shown and "test_tui_crash_report:explode" in shown
    assert SECRET not in shown and "answer_text" not in shown
    reports = list((data_dir / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1 and reports[0].name in shown
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(reports[0].parent.stat().st_mode) == 0o700
    text = reports[0].read_text()
    assert "OverflowError" in text and "explode" in text
    assert SECRET not in text
