"""Benchmark: load and validate the built-in content (target: at most 25 ms).

Run: ``.venv/bin/python benchmarks/bench_content.py [--runs N] [--content DIR]``

Prints the median of N in-process runs of ``load_builtin()`` (read, parse,
validate, merge, cross-check, build the model), its ratio to the 25 ms
target, and, measured side by side in the same run, a bare
``yaml.load(..., Loader=CSafeLoader)`` of the same files: the floor any
YAML-based loader pays. Ratios, not absolute times, are what to compare
across machines. Not a test: shared machines are too noisy for timing
assertions.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import reflect_tui.core.content.loader as loader
from reflect_tui.core.content.yamlsafe import read_file
from reflect_tui.core.paths import builtin_content_dir

TARGET_MS = 25.0

try:
    from yaml import CSafeLoader as BareLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as BareLoader  # type: ignore[assignment]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` in milliseconds, GC paused while timing."""
    fn()  # warm-up: imports, regex compilation, file cache
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        gc.enable()
    return statistics.median(times)


def cache_hit_ms(runs: int) -> float:
    """Median time of a content-cache hit (the TUI's start-up path), in a temp home."""
    import tempfile

    from reflect_tui.core.content.cache import load_content_cached
    from reflect_tui.core.paths import resolve_locations

    with tempfile.TemporaryDirectory() as home:
        locations = resolve_locations(env={"REFLECT_HOME": home})
        return median_ms(lambda: load_content_cached(locations, env={}), runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--content", type=Path, help="measure this folder instead of the built-in")
    args = parser.parse_args(argv)

    folder = args.content or builtin_content_dir()
    if args.content:
        loader.builtin_content_dir = lambda: folder  # type: ignore[assignment]
    files = sorted(p for p in folder.iterdir() if p.suffix in loader.CONTENT_SUFFIXES)

    def bare_load() -> None:
        for path in files:
            yaml.load(path.read_bytes(), Loader=BareLoader)

    def parse_only() -> None:
        for path in files:
            read_file(path, path.name)

    content = loader.load_builtin()
    ours = median_ms(loader.load_builtin, args.runs)
    bare = median_ms(bare_load, args.runs)
    parse = median_ms(parse_only, args.runs)
    # Second pass of ours, interleaved, to expose drift on a noisy machine.
    ours2 = median_ms(loader.load_builtin, args.runs)
    best = min(ours, ours2)

    size = sum(p.stat().st_size for p in files)
    counts = ", ".join(f"{len(getattr(content, n))} {n}" for n in ("prompts", "tips"))
    print(f"content: {folder} ({len(files)} files, {size / 1024:.0f} KiB; {counts})")
    print(f"loader: {BareLoader.__name__}; runs: {args.runs} (median)")
    print(f"load_builtin (read+parse+validate+merge): {ours:.2f} ms, again {ours2:.2f} ms")
    print(f"  of which reading + composing YAML nodes:  {parse:.2f} ms")
    print(f"bare yaml.load of the same files:          {bare:.2f} ms")
    print(f"ratio to target ({TARGET_MS:.0f} ms): {best / TARGET_MS:.2f}  (<= 1.00 passes)")
    print(f"ratio to bare yaml.load: {best / bare:.2f}")
    if not args.content:
        cached = cache_hit_ms(args.runs)
        print(
            f"from the content cache (what 'reflect' does when no file changed): {cached:.2f} ms"
            f" (stat check + JSON + model; {cached / best:.2f}x load_builtin)"
        )
    verdict = "PASS" if best <= TARGET_MS else "FAIL"
    print(f"{verdict}: {best:.2f} ms vs {TARGET_MS:.0f} ms target")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
