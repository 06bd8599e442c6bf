"""Benchmark: how the terminal UI feels, as ratios to bare Textual apps in the same run.

Run: ``.venv/bin/python benchmarks/bench_tui.py [--runs 15] [--blocks 10] [--keys 50]``.

Method (both sides of every ratio are measured by the same code, interleaved
A, B, A, B... with the order rotated each round, so machine noise and drift
hit both alike; medians are reported):

1. **Start-up to interactive home screen.** ``reflect`` (the installed
   console script) and ``benchmarks/tui_bare_app.py`` (Header, a Static,
   Footer) are spawned on a fresh 100x30 pseudo-terminal
   (``TERM=xterm-256color``, no ``TEXTUAL_*``/``NO_COLOR``). The time runs
   from just before spawning until the first frame that contains the
   screen's own text (reflect: the home heading; bare: its ready line) has
   been written to the terminal. reflect's home screen draws in two steps:
   the first frame holds the heading, the "new" and "resume" buttons, the
   draft line (and, for an empty journal, the welcome text), and keys sent
   from then on are handled; the next steps, learning suggestions and
   recent reflections are read and added right after it. That first frame
   is what the ratio times. For the big journal the time until the lists
   are drawn ("Open vervolgstappen" on screen) is printed too, as
   information: it is what a user waits for to read them. reflect is
   timed with an empty journal and with a journal of ``--count`` generated
   reflections (``journal_textgen.py``, built once per run), both with a
   warm content cache (the warm-up start writes it, as any earlier start
   would). Target: <= 1.15x. Timings on a shared machine move by 10-20%
   from run to run, so the same start-ups are then counted in machine
   instructions under valgrind's callgrind (``tui_first_frame.py``; one
   run each, repeatable to a fraction of a percent; skipped without
   valgrind or with ``--no-instructions``): the cost ratio without the
   noise. Then ``tui_startup_parts.py`` times the parts of reflect's
   start-up in one process (imports, content, journal queries of the home
   screen), so a miss points at its cause.
2. **Typing into an answer, autosave on.** reflect is started on an empty
   journal (real store, real background writer, default debounce), taken
   to the first LSD answer with keys (``n``, alt+right, space, alt+right),
   and the bare app (``tui_bare_app.py textarea HEIGHT``: Header, a Static, a
   focused TextArea as high as reflect's answer field, measured in the same
   run with Textual's headless pilot, Footer) is started the
   same way. Then ``--keys``
   letters are typed one at a time with ``--gap`` seconds between them
   (a fast typist, so the autosave timer fires in between); each key's
   time runs from writing it to the pty until the output contains the
   answer's text including that letter. Letters only, no spaces: a space
   could be confused with the blank cursor cell. Target: <= 1.1x (median
   of all keys of each app). Also printed: the median of the ratios of
   paired blocks (each reflect block beside the bare block run just
   before or after it, which cancels slow drift of the machine), and the
   app's CPU time per key over each block (user + system, all threads,
   so the autosave writer is included).

This is a benchmark, not a test: it prints numbers and a PASS/MISS word per
target, and never fails a build.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from tui_bare_app import READY, TEXTAREA_READY  # noqa: E402
from tui_pty import ALT_RIGHT, COLUMNS, HOME, ROWS, PtyProgram, reflect_argv  # noqa: E402

from reflect_tui.core.wording import by_count  # noqa: E402
from reflect_tui.tui import strings  # noqa: E402

START_TARGET = 1.15
TYPING_TARGET = 1.1
LETTERS = "abcdefghijklmnopqrstuvwxyz"
MAX_KEYS = 80  # the answer field is ~94 columns wide at 100x30; no wrapping


def bare_argv(*args: str) -> list[str]:
    return [sys.executable, str(HERE / "tui_bare_app.py"), *args]


def child_env(work: Path, reflect_home: Path | None) -> dict[str, str]:
    """A clean, explicit environment: what a user's terminal would give."""
    user_home = work / "user"
    user_home.mkdir(exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(user_home),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
    }
    if reflect_home is not None:
        env["REFLECT_HOME"] = str(reflect_home)
    return env


def build_journal(home: Path, count: int) -> float:
    """``count`` generated reflections in ``home``; the seconds it took."""
    from journal_textgen import make_reflections

    from reflect_tui.core.clock import SystemClock
    from reflect_tui.core.journal.store import JournalStore

    began = time.perf_counter()
    with JournalStore.open(home / "journal.sqlite3", SystemClock()) as store:
        store.import_reflections(make_reflections(count))
    return time.perf_counter() - began


# -- 1. start-up ---------------------------------------------------------------


def time_start(argv: list[str], env: dict[str, str], marker: str) -> float:
    """Seconds from spawning until ``marker`` is on the terminal."""
    with PtyProgram(argv, env) as program:
        began = program.start()
        return program.wait_for(marker) - began


def startup_parts(env: dict[str, str], runs: int = 3) -> tuple[dict[str, float], str]:
    """The fastest of ``runs`` for each part of ``tui_startup_parts.py``; its last line."""
    best: dict[str, float] = {}
    note = ""
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, str(HERE / "tui_startup_parts.py")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        for line in out[:-1]:
            name, _, value = line.partition("\t")
            best[name] = min(best.get(name, float("inf")), float(value))
        note = out[-1]
    return best, note


def count_start_instructions(script: str, env: dict[str, str], marker: str, work: Path) -> int:
    """Instructions (valgrind callgrind, all threads) from the interpreter's
    start to the first frame that shows ``marker``; see ``tui_first_frame.py``."""
    out = work / "callgrind.start"
    out.unlink(missing_ok=True)
    argv = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        sys.executable,
        str(HERE / "tui_first_frame.py"),
        marker,
        script,
    ]
    with PtyProgram(argv, env) as program:
        program.start()
        assert program.process is not None
        deadline = time.perf_counter() + 600
        while program.process.poll() is None and time.perf_counter() < deadline:
            program.drain(0.1)  # keep the pty flowing: a full one would block the app
    text = out.read_text()
    found = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"no instruction count in {out}")
    return int(found.group(1))


# -- 2. typing -----------------------------------------------------------------


def open_reflect_answer(program: PtyProgram) -> None:
    """From the home screen to the first LSD answer, with keys as a user would."""
    from reflect_tui.core.content.loader import load_builtin

    content = load_builtin()
    first = content.practices[0]
    lsd = content.by_id("lsd_steps")["luisteren"]
    label = strings.STEP_LSD.format(practice=first.short, step=lsd.name)  # type: ignore[attr-defined]
    program.wait_for(strings.HOME_HEADING)
    program.drain(0.2)
    program.send("n")
    program.wait_for(strings.STEP_INTAKE)
    program.drain(0.2)
    program.send(ALT_RIGHT)
    program.wait_for(strings.STEP_PRACTICES)
    program.drain(0.2)
    program.send(HOME)  # highlight the first practice, wherever the highlight starts
    program.drain(0.3)
    program.send(" ")  # tick it
    program.wait_for(by_count(strings.PROGRESS_PRACTICES, 3, k=1))
    program.drain(0.2)
    program.send(ALT_RIGHT)
    program.wait_for(label)


def reflect_answer_size() -> tuple[int, int]:
    """The size of reflect's first LSD answer field on a COLUMNS x ROWS screen.

    Measured in-process (headless, same keys as ``open_reflect_answer``) so
    the bare TextArea can be given the same height: a stock TextArea redraws
    every line of the field on each key, so a taller field costs more per
    key. (reflect's ``AnswerArea`` redraws only the edited line when nothing
    else moved; that saving is reflect's own and belongs in the ratio.)
    """
    import asyncio
    from datetime import UTC, datetime

    from textual.widgets import TextArea

    from reflect_tui.core.clock import FixedClock
    from reflect_tui.core.content.loader import load_builtin
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.tui.app import ReflectApp

    async def measure(folder: Path) -> tuple[int, int]:
        clock = FixedClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
        store = JournalStore.open(folder / "journal.sqlite3", clock)
        app = ReflectApp(store, load_builtin(), clock, exports_dir=folder / "exports")
        try:
            async with app.run_test(size=(COLUMNS, ROWS)) as pilot:
                await pilot.press("n")
                await pilot.pause()
                await pilot.press("alt+right")
                await pilot.pause()
                await pilot.press("home", "space")
                await pilot.pause()
                await pilot.press("alt+right")
                await pilot.pause()
                size = app.screen.query_one("#answer", TextArea).outer_size
                return size.width, size.height
        finally:
            app.saver.close()
            store.close()

    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(measure(Path(folder)))


def open_bare_textarea(program: PtyProgram) -> None:
    program.wait_for(TEXTAREA_READY)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def type_block(
    argv: list[str],
    env: dict[str, str],
    open_field: Callable[[PtyProgram], None],
    keys: int,
    gap: float,
) -> tuple[list[float], float]:
    """Per-key seconds from writing a letter to seeing the answer with it,
    and the app's CPU seconds per key over the block (all threads: the
    autosave writer counts too)."""
    text = (LETTERS * (keys // len(LETTERS) + 1))[:keys]
    latencies = []
    with PtyProgram(argv, env) as program:
        program.start()
        open_field(program)
        program.drain(0.5)  # let the first frames and focus settle
        assert program.process is not None
        cpu_before = cpu_seconds(program.process.pid)
        for k, letter in enumerate(text):
            sent = program.send(letter)
            latencies.append(program.wait_for(text[: k + 1]) - sent)
            program.drain(gap)
        cpu_per_key = (cpu_seconds(program.process.pid) - cpu_before) / keys
    return latencies, cpu_per_key


# -- reporting -----------------------------------------------------------------


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "MISS"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def measure_start(args: argparse.Namespace, work: Path) -> None:
    empty_home = work / "empty"
    big_home = work / "big"
    print(f"Building a journal of {args.count} reflections ...", flush=True)
    print(f"  built in {build_journal(big_home, args.count):.1f} s")
    reflect = reflect_argv()
    starts: dict[str, tuple[list[str], dict[str, str], str]] = {
        "bare Textual app": (bare_argv(), child_env(work, None), READY),
        "reflect, empty journal": (reflect, child_env(work, empty_home), strings.HOME_HEADING),
        f"reflect, {args.count} reflections": (
            reflect,
            child_env(work, big_home),
            strings.HOME_HEADING,
        ),
        # Information only (no target): until the lists below the buttons are drawn.
        "  ... until lists are drawn": (reflect, child_env(work, big_home), strings.HOME_STEPS),
    }
    print("\n1. Start to interactive home screen (pty, first frame with the screen's text)")
    for argv, env, marker in starts.values():  # warm-up: page cache, .pyc files
        time_start(argv, env, marker)
    start_times: dict[str, list[float]] = {name: [] for name in starts}
    names = list(starts)
    for run in range(args.runs):
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:
            argv, env, marker = starts[name]
            start_times[name].append(time_start(argv, env, marker))
    bare = statistics.median(start_times[names[0]])
    print(f"   {'app':<30} {'median':>11} {'min':>11} {'ratio':>7} {'target':>7}")
    print(f"   {names[0]:<30} {ms(bare)} {ms(min(start_times[names[0]]))}")
    for name in names[1:]:
        median = statistics.median(start_times[name])
        ratio = median / bare
        line = f"   {name:<30} {ms(median)} {ms(min(start_times[name]))} {ratio:6.2f}x"
        if not name.startswith(" "):
            line += f" {START_TARGET:6.2f}x  {verdict(ratio, START_TARGET)}"
        print(line)
    # Each round starts every app once, back to back: the ratio within a
    # round is hardly touched by the machine's drift over the whole run.
    for name in names[1:3]:
        paired = [r / b for r, b in zip(start_times[name], start_times[names[0]], strict=True)]
        print(
            f"   median of the {len(paired)} per-round ratios, {name}:"
            f" {statistics.median(paired):.2f}x (spread {min(paired):.2f}-{max(paired):.2f})"
        )

    reflect_script = reflect_argv()
    if args.instructions and shutil.which("valgrind") and len(reflect_script) == 1:
        print("\n   Instructions to the same first frame (valgrind callgrind, one run each):")
        script = reflect_script[0]
        counts = {
            "bare Textual app": count_start_instructions(
                str(HERE / "tui_bare_app.py"), child_env(work, None), READY, work
            ),
            "reflect, empty journal": count_start_instructions(
                script, child_env(work, empty_home), strings.HOME_HEADING, work
            ),
            f"reflect, {args.count} reflections": count_start_instructions(
                script, child_env(work, big_home), strings.HOME_HEADING, work
            ),
        }
        base_count = counts["bare Textual app"]
        for name, count in counts.items():
            print(f"   {name:<30} {count / 1e6:8.1f} M  {count / base_count:6.3f}x")
    elif args.instructions:
        print("\n   (no valgrind or no installed `reflect` script: no instruction counts)")

    print("\n   Where reflect's time goes (in-process, fastest of 3, ms):")
    empty_parts, empty_note = startup_parts(starts[names[1]][1])
    big_parts, big_note = startup_parts(starts[names[2]][1])
    print(f"   {'part':<42} {'empty':>8} {args.count:>8}")
    for part, value in empty_parts.items():
        print(f"   {part:<42} {value:8.1f} {big_parts.get(part, float('nan')):8.1f}")
    print(f"   empty {empty_note}\n   big   {big_note}")


def measure_typing(args: argparse.Namespace, work: Path) -> None:
    print(
        f"\n2. Keystroke to screen while typing an answer (autosave on;"
        f" {args.blocks} blocks x {args.keys} keys, {args.gap * 1000:.0f} ms apart)"
    )
    width, height = reflect_answer_size()
    print(f"   reflect's answer field: {width}x{height}; the bare TextArea gets the same height")
    typing: dict[str, tuple[list[str], dict[str, str], Callable[[PtyProgram], None]]] = {
        "bare TextArea app": (
            bare_argv("textarea", str(height)),
            child_env(work, None),
            open_bare_textarea,
        ),
        "reflect LSD answer": (
            reflect_argv(),
            child_env(work, work / "typing"),
            open_reflect_answer,
        ),
    }
    key_times: dict[str, list[float]] = {name: [] for name in typing}
    block_medians: dict[str, list[float]] = {name: [] for name in typing}
    cpu_per_key: dict[str, list[float]] = {name: [] for name in typing}
    names = list(typing)
    for block in range(args.blocks):
        order = names if block % 2 == 0 else names[::-1]
        for name in order:
            argv, env, opener = typing[name]
            shutil.rmtree(work / "typing", ignore_errors=True)  # each block starts empty
            times, cpu = type_block(argv, env, opener, args.keys, args.gap)
            key_times[name] += times
            block_medians[name].append(statistics.median(times))
            cpu_per_key[name].append(cpu)
    base = statistics.median(key_times[names[0]])
    print(f"   {'app':<30} {'median':>11} {'p90':>11} {'ratio':>7} {'target':>7}")
    for name in names:
        values = key_times[name]
        median = statistics.median(values)
        p90 = statistics.quantiles(values, n=10)[-1]
        line = f"   {name:<30} {ms(median)} {ms(p90)}"
        if name != names[0]:
            ratio = median / base
            line += f" {ratio:6.2f}x {TYPING_TARGET:6.2f}x  {verdict(ratio, TYPING_TARGET)}"
        print(line)
    for name in names:
        spread = " ".join(f"{m * 1000:.1f}" for m in block_medians[name])
        print(f"   per-block medians, {name}: {spread} ms")
    # Blocks run in pairs (A B, then B A): the ratio within a pair is hardly
    # touched by the machine's drift over the run.
    paired = [r / b for r, b in zip(block_medians[names[1]], block_medians[names[0]], strict=True)]
    print(
        f"   median of the {len(paired)} paired block ratios: {statistics.median(paired):.2f}x"
        f" (spread {min(paired):.2f}-{max(paired):.2f})"
    )
    cpu = {name: statistics.median(values) for name, values in cpu_per_key.items()}
    print(
        f"   app CPU time per key (all threads, median of blocks): bare"
        f" {cpu[names[0]] * 1000:.2f} ms, reflect {cpu[names[1]] * 1000:.2f} ms,"
        f" ratio {cpu[names[1]] / cpu[names[0]]:.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-ups per app (median)")
    parser.add_argument("--count", type=int, default=10_000, help="reflections in the big journal")
    parser.add_argument("--blocks", type=int, default=10, help="typing blocks per app")
    parser.add_argument("--keys", type=int, default=50, help="letters per typing block")
    parser.add_argument("--gap", type=float, default=0.08, help="seconds between letters")
    parser.add_argument("--only", choices=("start", "typing"), help="run one measurement only")
    parser.add_argument(
        "--no-instructions",
        dest="instructions",
        action="store_false",
        help="skip the valgrind instruction counts of the start-up (about 40 s)",
    )
    args = parser.parse_args()
    if not 1 <= args.keys <= MAX_KEYS:
        parser.error(f"--keys must be 1..{MAX_KEYS}: the letters must fit on one line")

    import textual

    print(
        f"Python {platform.python_version()}, Textual {textual.__version__},"
        f" {os.cpu_count()} CPUs; terminal: pty 100x30 xterm-256color"
    )
    work = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    began = time.perf_counter()
    try:
        if args.only != "typing":
            measure_start(args, work)
        if args.only != "start":
            measure_typing(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n(total {time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
