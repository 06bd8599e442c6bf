"""Benchmark: hostile content and hostile input, as worst cases and counts.

Run: ``.venv/bin/python benchmarks/bench_hostile.py [--size BYTES] [--starts 3]
[--fuzz 1000]``.

1. **Content check of adversarial files.** Each generator in
   ``hostile_content.py`` writes one file of ``--size`` bytes (default just
   under the 1 MiB limit) aimed at one costly step of validation; the time
   of ``check_layers`` (what ``reflect content check`` runs) is printed for
   each, then the worst. Target: <= 2 s for any file.
2. **Start of the app with such a layer.** ``reflect`` is started on a
   fresh pseudo-terminal with a cold content cache, once without an extra
   layer and once with each of two hostile layers in
   ``REFLECT_CONTENT_PATH`` (one valid and as big as allowed, one refused
   with thousands of errors), interleaved; the time until the home
   screen's heading is drawn is compared (median of ``--starts``).
   Target: <= 2 s more than without.
3. **Fuzz counts.** ``--fuzz`` random content folders and ``--fuzz`` random
   import files (the strategies of ``tests/hostile_strategies.py``) go
   through ``reflect content check`` / ``reflect suggest`` and ``reflect
   import`` in-process; every run must end in success or one clear message.
   Printed: examples, successes, clear refusals, tracebacks (target 0).

A benchmark, not a test: it prints numbers and a PASS/MISS word per target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile_content import GENERATORS, MIB, write_layer  # noqa: E402
from tui_pty import PtyProgram, reflect_argv  # noqa: E402

from reflect_tui.tui import strings  # noqa: E402

CHECK_TARGET = 2.0
START_TARGET = 2.0


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def measure_checks(size: int, work: Path) -> float:
    from reflect_tui.core.content.loader import check_layers

    print(f"1. Content check of one adversarial file of {size:,} bytes")
    worst = worst_cpu = 0.0
    for name in GENERATORS:
        folder = work / "check" / name.replace(" ", "-")
        write_layer(folder, name, size)
        began, cpu = time.perf_counter(), time.process_time()
        result = check_layers([folder])
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
        worst = max(worst, took)
        worst_cpu = max(worst_cpu, cpu)
        print(f"   {name:<36} {took:6.2f} s  (CPU {cpu:5.2f} s, {len(result.errors)} errors)")
    print(
        f"   worst: {worst:.2f} s wall, {worst_cpu:.2f} s CPU (target <= {CHECK_TARGET:.0f} s) "
        f"{verdict(worst <= CHECK_TARGET)}; on a loaded machine read the CPU time"
    )
    return worst


def time_start(home: Path, layer: Path | None) -> float:
    """Seconds until the home heading is drawn, with a cold content cache."""
    shutil.rmtree(home / "cache", ignore_errors=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "REFLECT_HOME": str(home),
    }
    if layer is not None:
        env["REFLECT_CONTENT_PATH"] = str(layer)
    with PtyProgram(reflect_argv(), env) as program:
        began = program.start()
        return program.wait_for(strings.HOME_HEADING, timeout=300) - began


def measure_starts(size: int, starts: int, work: Path) -> float:
    print(f"\n2. Start to home screen, cold content cache, median of {starts}")
    layers: dict[str, Path | None] = {"no extra layer": None}
    for name in ("many valid items", "ids + unknown references"):
        folder = work / "start" / name.replace(" ", "-")
        write_layer(folder, name, size)
        layers[f"layer: {name}"] = folder
    times: dict[str, list[float]] = {name: [] for name in layers}
    home = work / "home"
    home.mkdir(exist_ok=True)
    time_start(home, None)  # warm-up: page cache, .pyc files
    for _ in range(starts):
        for name, layer in layers.items():
            times[name].append(time_start(home, layer))
    base = statistics.median(times["no extra layer"])
    worst_extra = 0.0
    for name, values in times.items():
        median = statistics.median(values)
        extra = median - base
        if name != "no extra layer":
            worst_extra = max(worst_extra, extra)
        print(f"   {name:<40} {median:6.2f} s  (+{extra:.2f} s)")
    ok = worst_extra <= START_TARGET
    print(
        f"   worst extra delay: {worst_extra:.2f} s (target <= {START_TARGET:.0f} s) {verdict(ok)}"
    )
    return worst_extra


def measure_fuzz(count: int, work: Path) -> int:
    from hostile_strategies import run_content_fuzz, run_import_fuzz

    print(f"\n3. Fuzzing: {count} content folders, {count} import files")
    tracebacks = 0
    for label, runner in (("content folders", run_content_fuzz), ("import files", run_import_fuzz)):
        began = time.perf_counter()
        counts = runner(count, work / label.replace(" ", "-"))
        tracebacks += counts["tracebacks"]
        print(
            f"   {label:<16} {counts['examples']:5d} examples: {counts['ok']} ok, "
            f"{counts['refused']} refused with a message, {counts['tracebacks']} tracebacks "
            f"({time.perf_counter() - began:.0f} s)"
        )
        for sample in counts["samples"][:3]:
            print(f"      traceback: {sample}")
    print(f"   tracebacks: {tracebacks} (target 0) {verdict(tracebacks == 0)}")
    return tracebacks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=MIB - 1024)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--fuzz", type=int, default=1000)
    parser.add_argument("--skip-start", action="store_true")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        measure_checks(args.size, work)
        if not args.skip_start:
            measure_starts(args.size, args.starts, work)
        if args.fuzz:
            measure_fuzz(args.fuzz, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
