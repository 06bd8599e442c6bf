"""After the first frame the start-up objects are frozen out of the collector's sight.

Why it matters: without it each full collection walked every module and widget
again while the user typed (typing CPU 1.28-1.35x a bare app; with it 1.07x).
"""

from __future__ import annotations

import gc


async def test_start_up_objects_are_frozen_after_the_first_frame(make_app) -> None:
    gc.unfreeze()  # the process is shared with other tests: start from nothing frozen
    assert gc.get_freeze_count() == 0
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0
    gc.unfreeze()
