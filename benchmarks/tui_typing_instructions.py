"""Instructions per typed key: reflect's LSD answer beside a bare TextArea.

Run: ``.venv/bin/python benchmarks/tui_typing_instructions.py [--keys 30]``
(needs ``valgrind``, a Debian package; about 2-3 minutes).

Why: the typing ratio of ``bench_tui.py`` is a wall-clock latency, and on a
shared machine it moves by more than the margin to its target. Machine
instructions hardly move with the load. Each app runs on a pty under
valgrind's callgrind with instrumentation off (start-up is not counted),
is taken to its answer field with the same keys as ``bench_tui.py``, then
``callgrind_control`` switches instrumentation on, ``--keys`` letters are
typed one at a time (each waited for on screen, ``--gap`` seconds apart),
and instrumentation is switched off again. All threads count, the autosave
writer too. Cursor blinking is off in both apps (``run_without_blink``).

Read with care: timers still run on wall-clock time, and under valgrind a
key takes far longer than for a typist, so reflect's autosave (every 0.5 s
while typing) fires about once per key or two instead of once per five or
six; how many fire varies from run to run (seen: 17.8-18.1 M per key for
reflect at one commit, 15.7-16.3 M for the bare app). For the cost of the
screen itself, compare runs with the autosave out of the way (a long
``DEBOUNCE_SECONDS`` in a scratch checkout).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_tui import (  # noqa: E402
    LETTERS,
    bare_argv,
    child_env,
    cpu_seconds,
    open_bare_textarea,
    reflect_answer_size,
    reflect_argv,
)
from tui_pty import ALT_RIGHT, HOME, PtyProgram, Timeout  # noqa: E402


def run_without_blink(script: str, *args: str) -> None:
    """Run a Textual program with every TextArea's cursor blink off.

    Why: under valgrind a key takes long enough for the blink timer (0.5 s)
    to fire between keys, which it never does for a real typist (each key
    restarts the blink); the slower app would pay for more blinks.
    """
    import runpy

    from textual.widgets import TextArea

    original = TextArea.__init__

    def init(self: TextArea, *a: Any, **kw: Any) -> None:
        original(self, *a, **kw)
        self.set_reactive(TextArea.cursor_blink, False)

    TextArea.__init__ = init  # type: ignore[method-assign]
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


def unblinking(argv: list[str]) -> list[str]:
    """``argv`` (a Python script and its arguments) run through ``run_without_blink``."""
    script = argv[1] if argv[0] == sys.executable else argv[0]
    rest = argv[2:] if argv[0] == sys.executable else argv[1:]
    return [sys.executable, str(Path(__file__).resolve()), "--run", script, *rest]


def open_reflect_answer(program: PtyProgram) -> None:
    """From the home screen to the first LSD answer, as ``bench_tui`` does,
    but patient: under valgrind a key can arrive before the step is ready,
    so each key is sent again until its step shows."""
    from reflect_tui.core.content.loader import load_builtin
    from reflect_tui.core.wording import by_count
    from reflect_tui.tui import strings

    content = load_builtin()
    lsd = content.by_id("lsd_steps")["luisteren"]
    label = strings.STEP_LSD.format(practice=content.practices[0].short, step=lsd.name)  # type: ignore[attr-defined]
    program.wait_for(strings.HOME_HEADING, timeout=120)
    ticked = by_count(strings.PROGRESS_PRACTICES, 3, k=1)
    for keys, shows in (
        (["n"], strings.STEP_INTAKE),
        ([ALT_RIGHT], strings.STEP_PRACTICES),
        ([HOME, " "], ticked),
        ([ALT_RIGHT], label),
    ):
        for _attempt in range(5):
            program.drain(3.0)
            program.mark()
            for key in keys:
                sent_output = program.output
                program.send(key)
                program.output = sent_output  # keep what the earlier keys drew
                program.drain(3.0)
            try:
                program.wait_for(shows, timeout=30)
                break
            except Timeout:
                if keys[-1] == " ":  # sent again, it would untick the practice
                    raise
                continue
        else:
            raise Timeout(f"{shows!r} did not appear")


def settle(program: PtyProgram, pid: int, timeout: float = 300.0) -> None:
    """Wait until the app is idle: under valgrind, work started with the step
    (the coach's dictionary warm-up thread, earlier similar cases) runs for
    many seconds and would otherwise be counted as typing."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        before = cpu_seconds(pid)
        program.drain(2.0)
        if cpu_seconds(pid) - before < 0.4:  # mostly idle over 2 s
            return


def control(pid: int, *options: str) -> None:
    subprocess.run(
        ["callgrind_control", *options, str(pid)],
        check=True,
        capture_output=True,
        timeout=120,
    )


def count_typing(
    argv: list[str],
    env: dict[str, str],
    open_field: Callable[[PtyProgram], None],
    keys: int,
    gap: float,
    work: Path,
    keep: Path | None = None,
) -> int:
    """Instructions (all threads) spent on typing ``keys`` letters."""
    out = work / "callgrind.typing"
    for old in work.glob("callgrind.typing*"):
        old.unlink()
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out}",
        *unblinking(argv),
    ]
    text = (LETTERS * (keys // len(LETTERS) + 1))[:keys]
    with PtyProgram(cmd, env) as program:
        program.start()
        assert program.process is not None
        open_field(program)
        pid = program.process.pid
        settle(program, pid)
        control(pid, "--instr=on")
        program.drain(0.5)
        for k, letter in enumerate(text):
            program.send(letter)
            program.wait_for(text[: k + 1], timeout=60)
            program.drain(gap)
        control(pid, "--instr=off")
        control(pid, "--dump=typing")
    total = 0
    for dump in work.glob("callgrind.typing*"):
        found = re.search(r"^totals: (\d+)", dump.read_text(), re.MULTILINE)
        if found is not None:
            total += int(found.group(1))
            if keep is not None:
                shutil.copy(dump, keep / f"{dump.name}.{argv[-1].rsplit('/', 1)[-1]}")
    if not total:
        raise RuntimeError(f"no instruction counts in {work}")
    return total


def main() -> int:
    if sys.argv[1:2] == ["--run"]:
        run_without_blink(*sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40, help="letters typed per app")
    parser.add_argument("--gap", type=float, default=0.08, help="seconds between letters")
    parser.add_argument("--keep", type=Path, help="copy the callgrind files into this folder")
    parser.add_argument("--only", choices=("bare", "reflect"), help="count one app only")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        print("valgrind is not installed: nothing to count")
        return 0
    work = Path(tempfile.mkdtemp(prefix="tui-typing-instr-"))
    try:
        _, height = reflect_answer_size()
        apps = {
            "bare TextArea app": (
                bare_argv("textarea", str(height)),
                child_env(work, None),
                open_bare_textarea,
            ),
            "reflect LSD answer": (
                reflect_argv(),
                child_env(work, work / "home"),
                open_reflect_answer,
            ),
        }
        per_key: dict[str, float] = {}
        for name, (argv, env, opener) in apps.items():
            if args.only and not name.startswith(args.only):
                continue
            began = time.perf_counter()
            count = count_typing(argv, env, opener, args.keys, args.gap, work, args.keep)
            per_key[name] = count / args.keys
            print(
                f"{name:<22} {per_key[name] / 1e6:7.3f} M instructions per key"
                f"  ({time.perf_counter() - began:.0f} s)",
                flush=True,
            )
        if len(per_key) == 2:
            bare, reflect = per_key.values()
            print(f"ratio reflect / bare: {reflect / bare:.3f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
