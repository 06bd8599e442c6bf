"""Benchmark: a journal of 1,000, 10,000 and 50,000 reflections, side by side with jrnl.

Run: ``.venv/bin/python benchmarks/bench_scale.py [--sizes 1000 10000 50000] [--runs 3]
[--big-runs 1] [--skip-tui] [--instructions]``.

Every figure is a ratio measured in this one run (the two sides interleaved,
medians of ``--runs``; ``--big-runs`` for 50,000 and more, which take long):

- ``reflect search WORD`` vs ``jrnl -contains WORD``  (target >= 6x faster)
- ``reflect list -n 10`` vs ``jrnl -n 10``            (>= 6x)
- ``reflect export --format json`` vs ``jrnl --export json``   (>= 3x)
- ``reflect import FILE`` (the interchange file, into an empty journal)
  vs ``jrnl --import --file FILE`` (the same entries as jrnl text, into an
  empty jrnl journal)                                 (at least as fast: >= 1x)
- peak RSS of that import and of ``reflect export -o FILE``, JSON and
  Markdown (``--format md``)                           (<= 150 MB at 50k)
- add one reflection (``store.add``, in-process) vs the same on an empty
  journal (information)
- the home screen with its lists drawn ("Open vervolgstappen" on a pty)
  vs a bare Textual app's first frame (``tui_bare_app.py``; <= 1.3x at 50k);
  with ``--instructions`` also as valgrind callgrind instruction counts
  (information: a count does not move with the machine's load, so it shows
  whether anything grows with the journal where the pty timing is noisy)
- one coach pass through the store (recent reflections, tips shown,
  learning suggestions with the overdue steps of the whole journal, tip
  matching for the newest reflection; in-process, ms; <= 50 ms at 50k)
- ``reflect suggest`` vs the same on an empty journal  (<= 1.2x at 50k)
- the journal file (with its WAL) vs the JSON export   (<= 1.3x)

The journals are ``journal_textgen.make_realistic`` (about 2.5 KB of JSON
each, with ratings, barriers, helps, one to three next steps of which some
are overdue). They are generated once and cached in
``$REFLECT_BENCH_CACHE`` (default ``/tmp/reflect-scale-bench``), together
with the jrnl journal and a jrnl venv (``pip install jrnl==4.6`` there:
jrnl pins an older rich than Textual needs, so it cannot share our venv;
``$JRNL`` overrides). This is a benchmark, not a test: the machine is
shared and noisy, so it prints numbers and PASS/MISS and never fails a build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_journal import JRNL_CONFIG  # noqa: E402
from journal_textgen import make_realistic, to_jrnl_text  # noqa: E402

CACHE = Path(os.environ.get("REFLECT_BENCH_CACHE", "/tmp/reflect-scale-bench"))
SEARCH_WORD = "Kastanjelaan"
TODAY = date.today()

# name: (target, higher_is_better, only at the largest size)
TARGETS: dict[str, tuple[float, bool, bool]] = {
    "search vs jrnl (x faster)": (6.0, True, False),
    "list -n 10 vs jrnl (x faster)": (6.0, True, False),
    "export json vs jrnl (x faster)": (3.0, True, False),
    "import vs jrnl --import (x faster)": (1.0, True, False),
    "import peak RSS (MB)": (150.0, False, True),
    "export peak RSS (MB)": (150.0, False, True),
    "Markdown export peak RSS (MB)": (150.0, False, True),
    "add one, vs empty journal (x)": (0.0, False, False),
    "home lists drawn / bare frame (x)": (1.3, False, True),
    "home lists, instructions / bare (x)": (0.0, False, False),
    "coach pass through store (ms)": (50.0, False, True),
    "suggest vs empty journal (x)": (1.2, False, True),
    "file size / JSON export (x)": (1.3, False, False),
}


# --- helpers ------------------------------------------------------------------------------


def reflect_argv() -> list[str]:
    script = Path(sys.executable).with_name("reflect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reflect_tui"]


def find_jrnl() -> str | None:
    for candidate in (os.environ.get("JRNL"), CACHE / "jrnl-venv/bin/jrnl", shutil.which("jrnl")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def ensure_jrnl() -> str | None:
    found = find_jrnl()
    if found:
        return found
    print("installing jrnl 4.6 into", CACHE / "jrnl-venv", "(once) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(CACHE / "jrnl-venv")], check=True)
    done = subprocess.run(
        [str(CACHE / "jrnl-venv/bin/pip"), "install", "-q", "jrnl==4.6"], capture_output=True
    )
    return find_jrnl() if done.returncode == 0 else None


def run(argv: list[str], env: dict[str, str], rss: bool = False) -> float:
    """Seconds the process took; with ``rss``, its peak RSS (MB) is left in ``run.rss``.

    The peak is read by a one-line shim that measures the program as its
    child (``RUSAGE_CHILDREN``): the shim is a fresh small process, so the
    figure is not inflated by this script's own memory, which a child made
    by ``fork`` would carry in its high-water mark until ``exec``.
    """
    shim = (
        "import resource, subprocess, sys;"
        "code = subprocess.call(sys.argv[1:]);"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "sys.stderr.write(f'\\nPEAK-RSS-KB {peak}\\n'); sys.exit(code)"
    )
    command = [sys.executable, "-c", shim, *argv] if rss else argv
    began = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - began
    err = done.stderr.decode(errors="replace")
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{err}")
    if rss:
        peak_kb = int(err.rsplit("PEAK-RSS-KB ", 1)[1].split()[0])
        run.rss = peak_kb / 1024  # type: ignore[attr-defined]
    return elapsed


def median_pair(
    ours: Callable[[], float], theirs: Callable[[], float] | None, runs: int
) -> tuple[float, float | None]:
    """Interleaved medians, after one untimed warm-up of each."""
    ours()
    if theirs:
        theirs()
    mine, others = [], []
    for _ in range(runs):
        mine.append(ours())
        if theirs:
            others.append(theirs())
    return statistics.median(mine), statistics.median(others) if others else None


def compile_package() -> None:
    """Byte-compile ``reflect_tui`` once, as ``pip install .`` does at install time.

    Why: jrnl runs from a pip-installed venv, whose ``.pyc`` files pip wrote;
    ours may be an editable checkout run with ``PYTHONDONTWRITEBYTECODE=1``
    (set in some shells and CI images), where every ``reflect`` process would
    compile its modules from source again (about 50 ms of a 1k ``reflect
    search``), a cost no installed user pays.
    """
    import compileall

    import reflect_tui

    compileall.compile_dir(Path(reflect_tui.__file__).parent, quiet=1)


def reflect_env(home: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("REFLECT_", "JRNL"))}
    return {**base, "REFLECT_HOME": str(home)}


def jrnl_env(folder: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("REFLECT_", "JRNL"))}
    return {
        **base,
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder),
        "NO_COLOR": "1",
        "TERM": "dumb",
    }


def jrnl_config(folder: Path, journal: Path) -> Path:
    config = folder / "jrnl.yaml"
    config.write_text(JRNL_CONFIG.format(journal=journal), encoding="utf-8")
    return config


# --- the cached journals ------------------------------------------------------------------


def build(size: int) -> Path:
    """The cache folder for ``size``: interchange file, reflect home, jrnl journal."""
    folder = CACHE / str(size)
    ready = folder / "ready"
    if ready.exists() and ready.read_text() == TODAY.isoformat():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"  generating {size} reflections (cached in {folder}) ...", flush=True)
    from reflect_tui.core.journal.interchange import dump_journal

    reflections = make_realistic(size, TODAY)
    (folder / "journal.json").write_text(dump_journal(reflections), encoding="utf-8")
    (folder / "jrnl").mkdir()
    (folder / "jrnl" / "journal.txt").write_text(to_jrnl_text(reflections), encoding="utf-8")
    del reflections
    home = folder / "home"
    run([*reflect_argv(), "import", str(folder / "journal.json")], reflect_env(home))
    ready.write_text(TODAY.isoformat())
    return folder


# --- the measures -------------------------------------------------------------------------


def measure(
    size: int, runs: int, jrnl: str | None, tui: bool, instructions: bool = False
) -> dict[str, float | None]:
    folder = build(size)
    home, source = folder / "home", folder / "journal.json"
    env = reflect_env(home)
    reflect = reflect_argv()
    jfolder = folder / "jrnl"
    jconfig = jrnl_config(jfolder, jfolder / "journal.txt")
    jenv = jrnl_env(jfolder)
    results: dict[str, float | None] = {}

    def ratio(ours: float, theirs: float | None) -> float | None:
        return None if theirs is None else theirs / ours

    def theirs(*argv: str) -> Callable[[], float] | None:
        if jrnl is None:
            return None
        return lambda: run([jrnl, "--config-file", str(jconfig), *argv], jenv)

    if jrnl:
        run([jrnl, "--config-file", str(jconfig), "-n", "1"], jenv)  # jrnl may upgrade once
    pairs = {
        "search vs jrnl (x faster)": (
            [*reflect, "search", SEARCH_WORD],
            theirs("-contains", SEARCH_WORD),
        ),
        "list -n 10 vs jrnl (x faster)": ([*reflect, "list", "-n", "10"], theirs("-n", "10")),
        "export json vs jrnl (x faster)": (
            [*reflect, "export", "--format", "json"],
            theirs("--export", "json"),
        ),
    }
    for name, (argv, other) in pairs.items():
        ours, others = median_pair(lambda argv=argv: run(argv, env), other, runs)
        results[name] = ratio(ours, others)
        print(f"    {name:<36} reflect {ours * 1000:8.0f} ms   jrnl {ms(others)}", flush=True)

    export_file = folder / "export-out.json"
    run([*reflect, "export", "-o", str(export_file)], env, rss=True)
    results["export peak RSS (MB)"] = run.rss  # type: ignore[attr-defined]
    export_file.unlink()
    markdown_file = folder / "export-out.md"  # streamed a page at a time too
    run([*reflect, "export", "--format", "md", "-o", str(markdown_file)], env, rss=True)
    results["Markdown export peak RSS (MB)"] = run.rss  # type: ignore[attr-defined]
    markdown_file.unlink()

    # Import into empty journals, both tools, interleaved.
    with tempfile.TemporaryDirectory(prefix="bench-scale-", dir=CACHE) as scratch:
        rss: list[float] = []
        counter = iter(range(1_000_000))

        def import_reflect() -> float:
            target = Path(scratch) / f"r{next(counter)}"
            took = run([*reflect, "import", str(source)], reflect_env(target))
            shutil.rmtree(target)
            return took

        def import_rss() -> float:
            target = Path(scratch) / f"m{next(counter)}"
            took = run([*reflect, "import", str(source)], reflect_env(target), rss=True)
            rss.append(run.rss)  # type: ignore[attr-defined]
            shutil.rmtree(target)
            return took

        def import_jrnl() -> float:
            target = Path(scratch) / f"j{next(counter)}"
            target.mkdir()
            (target / "journal.txt").write_text("", encoding="utf-8")
            config = jrnl_config(target, target / "journal.txt")
            took = run(
                [
                    jrnl or "",
                    "--config-file",
                    str(config),
                    "--import",
                    "--file",
                    str(jfolder / "journal.txt"),
                ],
                jrnl_env(target),
            )
            shutil.rmtree(target)
            return took

        ours, others = median_pair(import_reflect, import_jrnl if jrnl else None, runs)
        import_rss()  # once more, for the peak memory (the shim would skew the timing)
        results["import vs jrnl --import (x faster)"] = ratio(ours, others)
        results["import peak RSS (MB)"] = max(rss)
        print(f"    {'import':<36} reflect {ours * 1000:8.0f} ms   jrnl {ms(others)}", flush=True)

    results["add one, vs empty journal (x)"] = add_one_ratio(home)
    results["coach pass through store (ms)"] = coach_pass_ms(home)

    with tempfile.TemporaryDirectory(prefix="bench-scale-empty-", dir=CACHE) as empty:
        empty_env = reflect_env(Path(empty))
        run([*reflect, "list"], empty_env)  # creates the empty journal
        ours, others = median_pair(
            lambda: run([*reflect, "suggest"], env),
            lambda: run([*reflect, "suggest"], empty_env),
            runs,
        )
        results["suggest vs empty journal (x)"] = ours / (others or ours)
        print(f"    {'suggest':<36} journal {ours * 1000:8.0f} ms   empty {ms(others)}")

    files = [home / "journal.sqlite3", home / "journal.sqlite3-wal"]
    size_bytes = sum(f.stat().st_size for f in files if f.exists())
    results["file size / JSON export (x)"] = size_bytes / source.stat().st_size
    json_mb = source.stat().st_size / 1e6
    print(f"    journal file {size_bytes / 1e6:.1f} MB, JSON export {json_mb:.1f} MB")
    results["home lists drawn / bare frame (x)"] = home_ratio(home, runs) if tui else None
    if tui and instructions:
        results["home lists, instructions / bare (x)"] = home_instructions(home)
    return results


def ms(seconds: float | None) -> str:
    return "       -" if seconds is None else f"{seconds * 1000:8.0f} ms"


def add_one_ratio(home: Path) -> float:
    """Median time of ``store.add`` of a new reflection, big journal / empty journal.

    Done on copies (the cached journal stays as it was): the big one via
    SQLite's backup API into a scratch file.
    """
    import sqlite3

    from journal_textgen import make_reflections

    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.journal.store import JournalStore

    extra = make_reflections(8, seed=99)
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-add-", dir=CACHE) as scratch:
        copy = Path(scratch) / "big" / "journal.sqlite3"
        copy.parent.mkdir(mode=0o700)
        source = sqlite3.connect(home / "journal.sqlite3")
        target = sqlite3.connect(copy)
        source.backup(target)
        source.close()
        target.close()
        for name, path in (("big", copy), ("empty", Path(scratch) / "empty" / "journal.sqlite3")):
            with JournalStore.open(path, SystemClock()) as store:
                took = []
                for r in extra:
                    began = time.perf_counter()
                    store.add(r)
                    took.append(time.perf_counter() - began)
                times[name] = statistics.median(took)
    print(
        f"    {'add one (store.add)':<36} journal {times['big'] * 1000:8.1f} ms"
        f"   empty {times['empty'] * 1000:8.1f} ms"
    )
    return times["big"] / times["empty"]


def coach_pass_ms(home: Path) -> float:
    """One coach pass through the store, as the app runs it (``core/coach/service``):
    learning suggestions over the recent journal with the overdue steps of the
    whole journal, and a tip ranking for the newest reflection."""
    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.coach.service import learning_for, rank_tips
    from reflect_tui.core.coach.signals import Signals
    from reflect_tui.core.content.loader import load_builtin
    from reflect_tui.core.journal.store import JournalStore

    content = load_builtin()
    now = datetime.now(UTC)
    with JournalStore.open(home / "journal.sqlite3", SystemClock()) as store:
        newest = store.recent(1)[0]

        def one_pass() -> None:
            learning_for(content, store, TODAY)
            rank_tips(content, store, now, Signals.from_reflection(newest), reflection_id=newest.id)

        one_pass()
        took, cpu = [], []
        for _ in range(7):
            began, began_cpu = time.perf_counter(), time.process_time()
            one_pass()
            took.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
    result = statistics.median(took) * 1000
    cpu_ms = statistics.median(cpu) * 1000
    # CPU time is printed too: on a loaded machine the wall time is mostly waiting.
    print(f"    {'coach pass through the store':<36} {result:8.1f} ms (CPU {cpu_ms:.1f} ms)")
    return result


def home_ratio(home: Path, runs: int) -> float:
    """Home screen with its lists drawn vs a bare Textual app's first frame (pty)."""
    from bench_tui import bare_argv, child_env, reflect_argv, time_start
    from tui_bare_app import READY

    from reflect_tui.tui import strings

    with tempfile.TemporaryDirectory(prefix="bench-scale-tui-", dir=CACHE) as work:
        reflect_env_tui = child_env(Path(work), home)
        bare_env = child_env(Path(work), None)
        ours, others = median_pair(
            lambda: time_start(reflect_argv(), reflect_env_tui, strings.HOME_STEPS),
            lambda: time_start(bare_argv(), bare_env, READY),
            max(runs, 5),
        )
    assert others is not None
    print(f"    {'home lists drawn':<36} reflect {ours * 1000:8.0f} ms   bare {ms(others)}")
    return ours / others


_bare_instructions: list[int] = []


def home_instructions(home: Path) -> float | None:
    """Instructions (callgrind, all threads) to the frame with the lists drawn,
    over the bare app's to its first frame (counted once per run of this script)."""
    from bench_tui import bare_argv, child_env, count_start_instructions, reflect_argv
    from tui_bare_app import READY

    from reflect_tui.tui import strings

    script = reflect_argv()
    if shutil.which("valgrind") is None or len(script) != 1:
        print("    (no valgrind or no installed `reflect` script: no instruction counts)")
        return None
    with tempfile.TemporaryDirectory(prefix="bench-scale-cg-", dir=CACHE) as scratch:
        work = Path(scratch)
        if not _bare_instructions:
            bare = bare_argv()[-1]
            _bare_instructions.append(
                count_start_instructions(bare, child_env(work, None), READY, work)
            )
        ours = count_start_instructions(script[0], child_env(work, home), strings.HOME_STEPS, work)
    bare_count = _bare_instructions[0]
    print(
        f"    {'home lists drawn (callgrind)':<36} reflect {ours / 1e6:8.1f} M"
        f"   bare {bare_count / 1e6:8.1f} M"
    )
    return ours / bare_count


# --- report -------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 50_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-runs", type=int, default=1, help="runs at 50,000 and more")
    parser.add_argument("--skip-tui", action="store_true", help="no pty start-up measure")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the home screen's instructions with valgrind (about a minute a size)",
    )
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    compile_package()
    jrnl = ensure_jrnl()
    if jrnl is None:
        print("jrnl not available: the jrnl ratios are left out")
    table: dict[int, dict[str, float | None]] = {}
    for size in args.sizes:
        print(f"\n{size} reflections", flush=True)
        runs = args.big_runs if size >= 50_000 else args.runs
        table[size] = measure(size, runs, jrnl, not args.skip_tui, args.instructions)

    largest = max(args.sizes)
    print(f"\n{'measure':<38}" + "".join(f"{s:>12}" for s in args.sizes) + f"{'target':>10}")
    for name, (target, higher, only_largest) in TARGETS.items():
        cells = []
        for size in args.sizes:
            value = table[size].get(name)
            if value is None:
                cells.append(f"{'-':>12}")
                continue
            checked = target > 0 and (size == largest or not only_largest)
            ok = value >= target if higher else value <= target
            mark = ("" if ok else " MISS") if checked else ""
            cells.append(f"{value:>7.2f}{mark:<5}")
        sign = ">=" if higher else "<="
        target_text = f"{sign}{target:g}" + (" @max" if only_largest else "") if target else "info"
        print(f"{name:<38}" + "".join(cells) + f"{target_text:>10}")
    print(
        f"\nruns: {args.runs} (median), {args.big_runs} at 50,000+; one run of this script;"
        f" {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
