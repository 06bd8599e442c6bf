"""``reflect content preview``: the guided session on content being written.

Why a throwaway journal: a trainer tries prompts and tips as a participant
would, many times over, and none of it belongs in their own journal. The
app runs on a fresh journal in a private temporary folder (0700) that is
removed when the preview ends, with a banner saying so, and watches the
content so every save shows up within a second.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings

if TYPE_CHECKING:
    from reflect_tui.core.clock import Clock


def preview(
    layers: Sequence[Path],
    clock: Clock,
    *,
    env: Mapping[str, str] | None = None,
    stderr: TextIO,
) -> int:
    """Run the app on ``layers`` (stacked on the built-in content) with a throwaway journal."""
    from reflect_tui.core.content.loader import check_layers
    from reflect_tui.core.content.reload import ContentReloader
    from reflect_tui.core.paths import resolve_locations
    from reflect_tui.tui.factory import build_app

    result = check_layers(list(layers))
    if result.errors:
        for error in result.errors:
            print(error, file=stderr)
        print(by_count(strings.PREVIEW_REFUSED, len(result.errors)), file=stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="reflect-voorbeeld-") as tmp:
        locations = resolve_locations(Path(tmp) / "journal", env)
        try:
            built = build_app(
                locations,
                clock,
                env=env,
                content=result.content,
                take_lock=False,
                exports_dir=Path(tmp) / "exports",
                banner=strings.PREVIEW_BANNER,
                content_reloader=ContentReloader(layers, result.content),
            )
        except ReflectError as exc:
            print(strings.LAUNCH_FAILED.format(error=exc.message), file=stderr)
            return exc.exit_code or 1
        with built:
            code = built.app.run()
    return int(code or 0)
