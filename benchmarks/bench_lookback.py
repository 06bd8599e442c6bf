"""Looking back on a big journal: the journal screen, search/filter keystrokes,
insights and memory, with 50,000 reflections (issue 13 targets).

Prints, measured in this one run:

- journal screen: first page shown after the key (target <= 200 ms);
- each search keystroke or filter change: from the key event posted to the
  app (what the terminal driver does) to the first paint of the screen with
  that query's page (target <= 50 ms each: the worst counts, so the
  worst is printed beside the median, with the slowest keys named and the
  work per key: queries, rows fetched, layouts, paints);
- insights: ``core.insights.compute`` (target <= 300 ms);
- app RSS with the journal screen open on the big journal against the same
  app on an empty journal (target <= 1.3x), each in its own process.

The 50,000-reflection journal is generated once (``journal_textgen``) and
kept under /tmp (``--journal-dir``), because generating it takes minutes;
pass ``--fresh`` to rebuild it. On a shared machine
they move by 10-20 % between runs, and far more under heavy load, so the
process CPU time of the same work is printed beside them (both threads of
the app count: the worker's query and the UI thread's list update).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {"first page": 200.0, "keystroke": 50.0, "insights": 300.0, "rss": 1.3}
FILTERS = [
    {"practices": ("situatie",)},
    {"practices": ("situatie",), "barriers": ("politiek",)},
    {"practices": ("situatie",), "barriers": ("politiek",), "tags": ("bomen",)},
    {"case_kinds": ("klacht",)},
    {"helps": ("ruimte",)},
    {"status": "draft"},
]


def build_journal(directory: Path, count: int, fresh: bool) -> Path:
    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.journal.store import JournalStore

    path = directory / "data" / "journal.sqlite3"
    if path.exists() and not fresh:
        with JournalStore.open(path, SystemClock()) as store:
            if store.count() == count:
                return path
    from journal_textgen import make_reflections

    directory.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    print(f"generating {count} reflections in {path} (once) ...", flush=True)
    with JournalStore.open(path, SystemClock()) as store:
        store.import_reflections(make_reflections(count))
    return path


def _app(data_dir: Path):  # -> (BuiltApp, app)
    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.content.loader import load_builtin
    from reflect_tui.core.paths import Locations
    from reflect_tui.tui.factory import build_app

    locations = Locations(data_dir=data_dir, config_dir=data_dir.parent / "config")
    built = build_app(
        locations, SystemClock(), content=load_builtin(), take_lock=False, cursor_blink=False
    )
    return built, built.app


async def _wait(pilot, condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not update")
        await asyncio.sleep(0.001)


async def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app's workers; superseded (cancelled) searches are fine."""
    from textual.worker import WorkerCancelled

    for worker in list(app.workers):
        with contextlib.suppress(WorkerCancelled):
            await worker.wait()


# Typed one key at a time into the search field, as a person types: words
# grow, a word is corrected (backspace), a second word follows. "b" alone
# is the one-letter case (no search word yet), "bo" the biggest result set.
TYPED = ["b", "o", "o", "m", "backspace", "backspace", "m", "e", "n", "space", "s", "t", "r"]
TYPING_GAP = 0.12  # seconds from one key to the next (a quick typist), unless the list is later
FILTER_GAP = 0.6  # seconds between filter changes: the count and the detail pane run in between


class Probe:
    """Timestamps and work counts of one app, per keystroke.

    A keystroke starts when its key event is posted to the app (what the
    terminal driver does) and ends when the screen has been painted with
    the page of that keystroke's query: the first compositor refresh after
    ``_show_page`` applied the newest generation. In between it counts the
    work: queries run (page and count), rows fetched, layouts, paints.
    """

    def __init__(self) -> None:
        self.shown_generation: int | None = None
        self.painted_at: float | None = None
        self.painted_cpu: float | None = None
        self.counts: dict[str, int] = {}

    def reset(self) -> None:
        self.shown_generation = None
        self.painted_at = self.painted_cpu = None
        self.counts = {"queries": 0, "rows": 0, "layouts": 0, "paints": 0, "pages kept": 0}

    def add(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


@contextlib.contextmanager
def instrumented(probe: Probe):  # type: ignore[no-untyped-def]
    """Patch the journal screen and Textual's screen to feed ``probe``."""
    from textual.screen import Screen

    import reflect_tui.tui.screens.journal as journal

    saved = (journal.find, journal.count, journal.JournalScreen._show_page)
    saved_screen = (Screen._compositor_refresh, Screen._refresh_layout)

    def find(*args, **kwargs):  # type: ignore[no-untyped-def]
        rows = saved[0](*args, **kwargs)
        probe.add("queries")
        probe.add("rows", len(rows))
        return rows

    def count(*args, **kwargs):  # type: ignore[no-untyped-def]
        probe.add("queries")
        return saved[1](*args, **kwargs)

    def show_page(self, generation, rows, reset, *size):  # type: ignore[no-untyped-def]
        built = self.pages_built
        saved[2](self, generation, rows, reset, *size)
        if generation == self._generation and reset:
            probe.shown_generation = generation
            if self.pages_built == built:  # the same page as shown: kept, nothing to paint
                probe.add("pages kept")
                probe.painted_at, probe.painted_cpu = time.perf_counter(), time.process_time()

    def compositor_refresh(self):  # type: ignore[no-untyped-def]
        saved_screen[0](self)
        probe.add("paints")
        if probe.shown_generation is not None and probe.painted_at is None:
            probe.painted_at, probe.painted_cpu = time.perf_counter(), time.process_time()

    def refresh_layout(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        probe.add("layouts")
        saved_screen[1](self, *args, **kwargs)

    journal.find, journal.count = find, count
    journal.JournalScreen._show_page = show_page  # type: ignore[method-assign]
    Screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign]
    Screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
    try:
        yield
    finally:
        journal.find, journal.count, journal.JournalScreen._show_page = saved
        Screen._compositor_refresh, Screen._refresh_layout = saved_screen  # type: ignore[method-assign]


async def measure_screen(data_dir: Path, rounds: int) -> dict[str, Any]:
    """First page after ``j``, then each typed key and filter change until painted."""
    from textual import events

    from reflect_tui.core.journal.query import JournalQuery
    from reflect_tui.tui.screens.journal import JournalScreen

    built, app = _app(data_dir)
    times: dict[str, Any] = {
        "first page": [],
        "keystroke": [],
        "filter": [],
        "keystroke cpu": [],
        "filter cpu": [],
        "keystroke work": [],
        "filter work": [],
        "slowest": [],
    }
    probe = Probe()

    async def until_painted(generation: int) -> None:
        await _wait(
            None, lambda: probe.painted_at is not None and probe.shown_generation == generation
        )

    with instrumented(probe):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(rounds):
                probe.reset()
                start = time.perf_counter()
                await pilot.press("j")
                screen = app.screen
                assert isinstance(screen, JournalScreen)
                await until_painted(screen._generation)
                assert probe.painted_at is not None and screen.rows
                times["first page"].append((probe.painted_at - start) * 1000)
                await _settle(app)
                await pilot.pause(0.5)  # the word list is warm, as after a glance at the list
                for key in TYPED:
                    before = screen._generation
                    probe.reset()
                    start, cpu = time.perf_counter(), time.process_time()
                    character = " " if key == "space" else (key if len(key) == 1 else None)
                    app.post_message(events.Key(key, character))
                    await _wait(None, lambda s=screen, b=before: s._generation != b)  # type: ignore[misc]
                    await until_painted(screen._generation)
                    assert probe.painted_at is not None and probe.painted_cpu is not None
                    ms = (probe.painted_at - start) * 1000
                    times["keystroke"].append(ms)
                    times["keystroke cpu"].append((probe.painted_cpu - cpu) * 1000)
                    times["keystroke work"].append(dict(probe.counts))
                    times["slowest"].append((ms, f"key {key!r} -> {screen.journal_query.text!r}"))
                    await asyncio.sleep(max(0.0, start + TYPING_GAP - time.perf_counter()))
                for filters in FILTERS:
                    await _settle(app)
                    await asyncio.sleep(FILTER_GAP)
                    probe.reset()
                    start, cpu = time.perf_counter(), time.process_time()
                    # What a filter select's Changed handler does.
                    screen.set_query(JournalQuery(text="bomen", **filters))  # type: ignore[arg-type]
                    await until_painted(screen._generation)
                    assert probe.painted_at is not None and probe.painted_cpu is not None
                    ms = (probe.painted_at - start) * 1000
                    times["filter"].append(ms)
                    times["filter cpu"].append((probe.painted_cpu - cpu) * 1000)
                    times["filter work"].append(dict(probe.counts))
                    times["slowest"].append((ms, f"filter {filters}"))
                await _settle(app)
                await pilot.press("escape")
                await pilot.pause(0.3)
        built.close()
    return times


def measure_insights(journal: Path, rounds: int) -> tuple[list[float], list[float]]:
    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.insights import compute
    from reflect_tui.core.journal.store import JournalStore

    out, cpu = [], []
    with JournalStore.open(journal, SystemClock()) as store:
        today = datetime.now(UTC).date()
        for _ in range(rounds):
            start, started_cpu = time.perf_counter(), time.process_time()
            result = compute(store, today)
            out.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        assert result.total > 0
    return out, cpu


RSS_CHILD = """
import asyncio, json, sys
sys.path.insert(0, {here!r})
from pathlib import Path
from bench_lookback import _app, _settle, _wait

def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

async def main():
    built, app = _app(Path({data!r}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        screen = app.screen
        await _wait(pilot, lambda: getattr(app.screen, "total", None) is not None)
        await _settle(app)
        await pilot.pause(0.2)
        print(json.dumps({{"rss_kb": rss_kb(), "rows": len(app.screen.rows)}}))
    built.close()

asyncio.run(main())
"""


def measure_rss(data_dir: Path) -> dict[str, int]:
    code = RSS_CHILD.format(here=str(HERE), data=str(data_dir))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--journal-dir",
        type=Path,
        default=None,
        help="where the generated journal is kept (default /tmp/reflect-bench-lookback-COUNT)",
    )
    parser.add_argument("--fresh", action="store_true", help="regenerate the journal")
    args = parser.parse_args()
    big_dir = (
        args.journal_dir or Path(tempfile.gettempdir()) / f"reflect-bench-lookback-{args.count}"
    )
    journal = build_journal(big_dir, args.count, args.fresh)
    data_dir = journal.parent

    screen = asyncio.run(measure_screen(data_dir, args.rounds))
    insights, insights_cpu = measure_insights(journal, args.rounds)
    with tempfile.TemporaryDirectory(prefix="bench-lookback-empty-") as empty:
        empty_data = Path(empty) / "data"
        empty_rss = measure_rss(empty_data)
    big_rss = measure_rss(data_dir)

    def row(name: str, values: list[float], target: float) -> None:
        median, worst = statistics.median(values), max(values)
        verdict = "ok" if worst <= target else ("median ok" if median <= target else "OVER TARGET")
        print(
            f"{name:<34} median {median:7.1f} ms  worst {worst:7.1f} ms"
            f"  target {target:5.0f} ms  {verdict}"
        )

    print(
        f"\n{args.count} reflections, {args.rounds} rounds, one run; machine load "
        f"{os.getloadavg()[0]:.1f} (a shared machine: expect 10-20 % noise)"
    )
    row("journal screen: first page", screen["first page"], TARGETS["first page"])
    row("search keystroke: list updated", screen["keystroke"], TARGETS["keystroke"])
    row("filter change: list updated", screen["filter"], TARGETS["keystroke"])
    row("insights: compute", insights, TARGETS["insights"])
    print(
        "CPU time of the process for the same work (what a busy machine hardly changes;"
        " read it first when a wall time is near its target):"
    )
    row("  search keystroke, CPU", screen["keystroke cpu"], TARGETS["keystroke"])
    row("  filter change, CPU", screen["filter cpu"], TARGETS["keystroke"])
    row("  insights: compute, CPU", insights_cpu, TARGETS["insights"])
    for kind in ("keystroke", "filter"):
        work = screen[f"{kind} work"]
        mean = {k: sum(w.get(k, 0) for w in work) / len(work) for k in work[0]}
        print(
            f"  work per {kind} (mean of {len(work)}): "
            + ", ".join(f"{k} {v:.1f}" for k, v in mean.items())
        )
    slowest = sorted(screen["slowest"], reverse=True)[:3]
    print("  slowest: " + "; ".join(f"{what} {ms:.0f} ms" for ms, what in slowest))
    ratio = big_rss["rss_kb"] / max(1, empty_rss["rss_kb"])
    verdict = "ok" if ratio <= TARGETS["rss"] else "OVER TARGET"
    print(
        f"{'RSS, journal screen open':<34} {big_rss['rss_kb'] / 1024:7.1f} MB"
        f" vs empty journal {empty_rss['rss_kb'] / 1024:7.1f} MB: {ratio:.2f}x"
        f"  target {TARGETS['rss']:.1f}x  {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
