"""Benchmark: the trainer tools of issue 15.

Run: ``.venv/bin/python benchmarks/bench_trainer.py [--files N] [--runs N]``

Prints, each beside its target:
- coverage of the built-in content, in-process median and the whole
  ``reflect content coverage --json`` process (target ≤ 1 s);
- live reload: from writing a content file to the app holding the new
  content, with the real watcher in a headless app (target ≤ 1 s, median);
- ``reflect org report --json`` over N share files (default 10,000): wall time
  (target ≤ 2 s) and peak memory against the same command over N/100 files,
  run side by side (flat memory: the ratio should stay near 1).
Not a test: shared machines are too noisy for timing assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reflect_tui.core.content.loader import check_layers, load_builtin
from reflect_tui.core.trainer.coverage import coverage

COVERAGE_TARGET_S = 1.0
RELOAD_TARGET_S = 1.0
ORG_TARGET_S = 2.0


def _verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "MISS"


def bench_coverage(runs: int) -> None:
    content = load_builtin()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        coverage(content)
        times.append(time.perf_counter() - start)
    inproc = statistics.median(times)
    walls = []
    for _ in range(max(3, runs // 2)):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reflect_tui", "content", "coverage", "--json"],
            check=True,
            capture_output=True,
        )
        walls.append(time.perf_counter() - start)
    wall = statistics.median(walls)
    print(
        f"coverage, in-process median:     {inproc:6.3f} s  {_verdict(inproc, COVERAGE_TARGET_S)}"
    )
    print(f"coverage, whole command median:  {wall:6.3f} s  {_verdict(wall, COVERAGE_TARGET_S)}")


TIP = """\
tips:
  - id: herlaad-tip
    title: "Versie {n}"
    text: "Een tip om herladen te meten."
    source: "Eigen"
    practices: [relaties]
"""


async def _reload_times(runs: int) -> list[float]:
    from datetime import UTC, datetime

    from reflect_tui.core.clock import FixedClock
    from reflect_tui.core.content.reload import ContentReloader
    from reflect_tui.core.paths import Locations
    from reflect_tui.tui.factory import build_app

    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        layer = Path(tmp) / "org"
        layer.mkdir()
        (layer / "tips.yaml").write_text(TIP.format(n=0), encoding="utf-8")
        content = check_layers([layer]).content
        locations = Locations(data_dir=Path(tmp) / "data", config_dir=Path(tmp) / "config")
        clock = FixedClock(datetime(2026, 12, 1, 9, tzinfo=UTC))
        with build_app(
            locations,
            clock,
            content=content,
            take_lock=False,
            content_reloader=ContentReloader([layer], content),
        ) as built:
            app = built.app
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.pause(0.5)
                for n in range(1, runs + 1):
                    start = time.perf_counter()
                    (layer / "tips.yaml").write_text(TIP.format(n=n), encoding="utf-8")
                    while app.content.tip("herlaad-tip").title != f"Versie {n}":
                        await asyncio.sleep(0.005)
                        if time.perf_counter() - start > 10:
                            break
                    times.append(time.perf_counter() - start)
                    await pilot.pause(0.2)
    return times


def bench_reload(runs: int) -> None:
    times = asyncio.run(_reload_times(runs))
    median = statistics.median(times)
    print(
        f"live reload, save to new content: median {median:6.3f} s, max {max(times):6.3f} s  "
        f"{_verdict(median, RELOAD_TARGET_S)}"
    )


def _write_shares(folder: Path, count: int) -> None:
    rng = random.Random(count)
    barriers = ["collegas", "verkokering", "politiek", "tijdgebrek", "sturing"]
    for i in range(count):
        months = {}
        for m in rng.sample(range(1, 13), 4):
            months[f"2026-{m:02d}"] = {
                "reflections": rng.randint(1, 6),
                "practices": {"situatie": rng.randint(0, 3), "relaties": rng.randint(0, 3)},
                "barriers": {b: rng.randint(0, 2) for b in rng.sample(barriers, 2)},
                "helps": {"collegas": rng.randint(0, 2)},
                "ratings": {"open": {str(r): rng.randint(0, 2) for r in range(1, 6)}},
            }
        doc = {"format": "reflect-share", "version": 1, "months": dict(sorted(months.items()))}
        (folder / f"deel-{i:05d}.json").write_text(json.dumps(doc), encoding="utf-8")


def _run_measured(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss


def bench_org(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        big.mkdir()
        small.mkdir()
        _write_shares(big, count)
        _write_shares(small, max(1, count // 100))
        base = [sys.executable, "-m", "reflect_tui", "org", "report"]
        rounds = []
        for _ in range(3):  # interleaved: big, small, big, small ...
            rounds.append(
                (
                    _run_measured([*base, str(big), "--json"]),
                    _run_measured([*base, str(small), "--json"]),
                )
            )
        big_wall = statistics.median(r[0][0] for r in rounds)
        big_rss = statistics.median(r[0][1] for r in rounds)
        small_rss = statistics.median(r[1][1] for r in rounds)
    print(
        f"org report, {count} share files: median {big_wall:6.3f} s  "
        f"{_verdict(big_wall, ORG_TARGET_S)}"
    )
    print(
        f"org report peak RSS: {big_rss / 1024:6.1f} MiB vs {small_rss / 1024:6.1f} MiB for "
        f"{max(1, count // 100)} files (ratio {big_rss / small_rss:4.2f}; flat memory ≈ 1)"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.setdefault("REFLECT_HOME", tempfile.mkdtemp(prefix="reflect-bench-"))
    bench_coverage(args.runs)
    bench_reload(args.runs)
    bench_org(args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
