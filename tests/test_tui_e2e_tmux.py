"""End to end: a user runs the installed ``reflect`` in a real terminal (tmux).

Why tmux on top of the Pilot tests: Pilot drives the app in-process, so it
never sees the console script, the real terminal driver, key sequences as a
terminal encodes them (alt+→ is ``ESC [1;3C``), start-up and shutdown, or the
journal as the separate ``reflect show`` process reads it. This test types a
short reflection as a person would and then checks the journal from outside.

Robustness on a loaded machine: every step waits for something to appear on
the screen (polling ``capture-pane``, generous timeouts) instead of sleeping
a fixed time, and keys that move focus are followed by a short pause because
Textual may deliver keys sent straight after a Tab to the field that had focus.
Which practices the coach pre-selects is never assumed: each checkbox is
toggled and the count of ticked practices that the step shows tells whether
it is now on or off, and is toggled back when it is not what we want.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import Content
from reflect_tui.tui import strings

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")

WIDTH, HEIGHT = 100, 30
WAIT = 20.0  # seconds per wait: generous, a loaded 2-core machine can be slow
FOCUS_PAUSE = 0.3  # after a key that moves focus (see the module docstring)
POLL = 0.05

TITLE = "Bewonersavond speeltuin Parkwijk"
WHAT = "De bewoners waren boos over de kapvergunning en voelden zich niet gehoord."
WANTED_PRACTICES = ("situatie", "praktisch")
ANSWERS = {
    ("situatie", "luisteren"): "Ik hoorde vooral zorgen over de bomen.",
    ("praktisch", "samenvatten"): "Ze willen een vast aanspreekpunt.",
}
PRINCIPLE_KEYS = ("4", "3", "5", "2")  # ratings in content order
PRINCIPLE_NOTE = "ik luisterde eerst"
BARRIER_NOTE = "de afdeling reageerde traag"
INSIGHT = "Eerder de buurt in gaan."
NEXT_STEP = "Bel de wijkraad terug"

# The practices step says how many practices are ticked ("2 gekozen, ...").
CHOSEN_RE = re.compile(
    re.escape(strings.PROGRESS_PRACTICES[1]).replace(r"\{k\}", r"(\d+)").replace(r"\{n\}", r"\d+")
)


def squash(text: str) -> str:
    """Whitespace runs to one space, so text wrapped over lines still matches."""
    return " ".join(text.split())


def reflect_command() -> list[str]:
    """The installed console script beside this interpreter (as a user runs it)."""
    script = Path(sys.executable).parent / "reflect"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "reflect_tui"]


def clean_env(home: Path) -> dict[str, str]:
    """A minimal, explicit environment: no TEXTUAL_*, NO_COLOR, COLUMNS, ..."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home / "user"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
        "REFLECT_HOME": str(home / "reflect-home"),
    }
    (home / "user").mkdir(exist_ok=True)
    return env


class Terminal:
    """One tmux server on its own socket, with one 100x30 window running a command."""

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.socket = f"reflect-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.target = "reflect"
        self.env = env
        self.config = workdir / "tmux.conf"
        self.status_file = workdir / "exit-status"
        # Own config: never the user's ~/.tmux.conf; no status line (all 30 rows
        # for the app); keep the pane after exit, so a traceback can be read.
        self.config.write_text(
            "set -g status off\n"
            "set -g remain-on-exit on\n"
            "set -g default-shell /bin/sh\n"
            'set -g default-terminal "tmux-256color"\n',
            encoding="utf-8",
        )

    def tmux(self, *args: str) -> str:
        argv = [str(TMUX), "-u", "-L", self.socket, "-f", str(self.config), *args]
        done = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=WAIT)
        if done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, argv: list[str]) -> None:
        command = " ".join(shlex.quote(a) for a in argv)
        command += f"; echo $? > {shlex.quote(str(self.status_file))}"
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.target,
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            *(item for k, v in self.env.items() for item in ("-e", f"{k}={v}")),
            command,
        )

    def kill(self) -> None:
        """Stop this test's tmux server and remove its socket file (tmux leaves it)."""
        path = subprocess.run(
            [str(TMUX), "-L", self.socket, "display-message", "-p", "#{socket_path}"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WAIT,
            check=False,
        ).stdout.strip()
        subprocess.run(
            [str(TMUX), "-L", self.socket, "kill-server"],
            env=self.env,
            capture_output=True,
            timeout=WAIT,
            check=False,
        )
        if path.endswith(self.socket):
            Path(path).unlink(missing_ok=True)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def keys(self, *keys: str, pause: float = 0.0) -> None:
        """Send named keys (``Tab``, ``M-Right``, ``C-q``, ``n``) one by one."""
        for key in keys:
            self.tmux("send-keys", "-t", self.target, key)
            if pause:
                time.sleep(pause)

    def focus_key(self, *keys: str) -> None:
        """Keys that move focus or change the step: pause after each one."""
        self.keys(*keys, pause=FOCUS_PAUSE)

    def type(self, text: str) -> None:
        """Type literal text (as fast as a paste) and wait until it shows."""
        self.tmux("send-keys", "-t", self.target, "-l", text)
        self.wait_for(text)

    def show(self, key: str, *texts: str) -> str:
        """Press ``key`` (n, alt+right), wait for the screen it leads to, let it settle.

        The settle pause matters for lists: a SelectionList highlights its
        first item only after it got focus, a moment after it is drawn.
        """
        self.keys(key)
        screen = self.wait_for(*texts)
        time.sleep(FOCUS_PAUSE)
        return screen

    def wait_until(self, what: str, check: Callable[[str], bool], timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(POLL)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """Wait until every text is on screen (compared with whitespace squashed)."""
        wanted = [squash(t) for t in texts]
        return self.wait_until(
            repr(texts), lambda s: all(w in squash(s) for w in wanted), timeout=timeout
        )

    def chosen(self) -> int:
        """How many practices the practices step says are ticked."""
        screen = self.screen()
        match = CHOSEN_RE.search(squash(screen))
        assert match, f"no count of chosen practices on screen:\n{screen}"
        return int(match.group(1))

    def wait_chosen_change(self, before: int) -> int:
        """Wait until the count of ticked practices differs from ``before``; the new count."""
        screen = self.wait_until(
            f"the count of chosen practices to change from {before}",
            lambda s: bool((m := CHOSEN_RE.search(squash(s))) and int(m.group(1)) != before),
        )
        match = CHOSEN_RE.search(squash(screen))
        assert match is not None
        return int(match.group(1))

    def exit_status(self) -> int:
        """Wait for the program to end; its exit status.

        The shell that runs it writes the status to a file: tmux itself
        sometimes leaves the dead process unreaped for a long while, so
        ``#{pane_dead_status}`` stays empty.
        """
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            text = self.status_file.read_text() if self.status_file.exists() else ""
            if text.endswith("\n"):
                return int(text)
            time.sleep(POLL)
        raise AssertionError(f"reflect did not exit; the screen was:\n{self.screen()}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path, clean_env(tmp_path))
    try:
        yield term
    finally:
        term.kill()


def lsd_label(content: Content, practice_id: str, step_id: str) -> str:
    step = content.by_id("lsd_steps")[step_id]
    return strings.STEP_LSD.format(
        practice=content.practice(practice_id).short,
        step=step.name,  # type: ignore[attr-defined]
    )


def set_practices(term: Terminal, content: Content, wanted: tuple[str, ...]) -> None:
    """Tick exactly ``wanted``, whatever was pre-selected.

    Each item is toggled once; the count of ticked practices on screen goes
    up when it was switched on and down when it was switched off. When the
    new state is not the one we want, it is toggled back.
    """
    chosen = term.chosen()
    term.focus_key("Home")  # the first practice, wherever the highlight starts
    for index, practice in enumerate(content.practices):
        if index:
            term.focus_key("Down")
        term.keys("Space")
        now = term.wait_chosen_change(chosen)
        now_on = now > chosen
        chosen = now
        if now_on != (practice.id in wanted):
            term.keys("Space")
            chosen = term.wait_chosen_change(chosen)
    assert term.chosen() == len(wanted)


def read_json(env: dict[str, str], *args: str) -> object:
    done = subprocess.run(
        [*reflect_command(), *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_user_completes_a_reflection_in_a_real_terminal(terminal: Terminal) -> None:
    content = load_builtin()
    term = terminal
    due = date.today() + timedelta(days=7)

    term.start(reflect_command())
    term.wait_for(strings.HOME_HEADING, strings.HOME_NEW_BUTTON)

    # (a) intake: title, then Tab through kind, date and who to "what happened"
    term.show("n", strings.STEP_INTAKE, strings.INTAKE_TITLE)
    term.type(TITLE)
    term.focus_key("Tab", "Tab", "Tab", "Tab")
    term.type(WHAT)

    # (b) practices: set exactly the ones we want
    term.show("M-Right", strings.STEP_PRACTICES)
    set_practices(term, content, WANTED_PRACTICES)

    # (c) LSD: answer two steps, skip the other four
    prompts_seen: dict[tuple[str, str], str] = {}
    chosen = [p.id for p in content.practices if p.id in WANTED_PRACTICES]
    for practice in chosen:
        for lsd in ("luisteren", "samenvatten", "doorvragen"):
            screen = term.show("M-Right", lsd_label(content, practice, lsd))
            if (practice, lsd) in ANSWERS:
                prompts_seen[(practice, lsd)] = squash(screen)
                term.type(ANSWERS[(practice, lsd)])

    # (d) principles: a rating for each, a note with the first
    term.show("M-Right", strings.STEP_PRINCIPLES)
    for index, key in enumerate(PRINCIPLE_KEYS):
        if index:
            term.focus_key("Tab")  # past the previous principle's note
        term.keys(key)
        term.focus_key("Tab")
        if index == 0:
            term.type(PRINCIPLE_NOTE)

    # (e) organisation: tick the first barrier, write a note
    term.show("M-Right", strings.STEP_ORGANISATION, strings.BARRIERS)
    term.focus_key("Home")  # the first barrier, wherever the highlight starts
    term.keys("Space")
    term.focus_key("Tab")
    term.type(BARRIER_NOTE)

    # (f) closing: insight, a next step and its due date
    term.show("M-Right", strings.STEP_CLOSING, strings.CLOSING_INSIGHT)
    term.type(INSIGHT)
    term.focus_key("Tab")
    term.type(NEXT_STEP)
    term.focus_key("Tab")
    term.type(due.isoformat())

    # (g) summary, finish, back home, quit
    term.show("M-Right", strings.STEP_SUMMARY, strings.SUMMARY_INTRO)
    term.keys("a")
    term.wait_for(strings.HOME_RECENT, TITLE)
    term.keys("C-q")
    assert term.exit_status() == 0

    # The journal, read by separate processes as a script would.
    listed = read_json(term.env, "list", "--json")
    assert isinstance(listed, list)
    assert [(r["title"], r["status"]) for r in listed] == [(TITLE, "complete")]
    r = read_json(term.env, "show", listed[0]["id"], "--format", "json")
    assert isinstance(r, dict)
    assert r["status"] == "complete"
    assert r["title"] == TITLE
    assert r["what_happened"] == WHAT
    assert r["practices"] == chosen
    answers = {(a["practice"], a["step"]): a for a in r["answers"]}
    assert {k: a["text"] for k, a in answers.items()} == ANSWERS
    for key, answer in answers.items():
        assert answer["prompt"], key
        assert squash(answer["prompt"]) in prompts_seen[key], "the prompt shown is stored"
    ratings = {p["id"]: (p["rating"], p["note"]) for p in r["principles"]}
    principle_ids = [p.id for p in content.principles]
    assert {i: ratings[i][0] for i in principle_ids} == {
        i: int(k) for i, k in zip(principle_ids, PRINCIPLE_KEYS, strict=True)
    }
    assert ratings[principle_ids[0]][1] == PRINCIPLE_NOTE
    assert r["barriers"] == [content.barriers[0].id]
    assert r["barrier_note"] == BARRIER_NOTE
    assert r["insight"] == INSIGHT
    assert r["next_steps"] == [{"text": NEXT_STEP, "due": due.isoformat(), "done": False}]


# -- navigation keys as real terminals send them (issue 16) --------------------------

ESC_F = ("1b", "66")  # macOS Terminal: option+→
ESC_B = ("1b", "62")  # macOS Terminal: option+←
CSI_ALT_RIGHT = ("1b", "5b", "31", "3b", "33", "43")  # xterm, GNOME, iTerm2, Windows Terminal
CSI_ALT_LEFT = ("1b", "5b", "31", "3b", "33", "44")


def send_bytes(term: Terminal, *hexes: str) -> None:
    """Send raw bytes in one write, as a terminal does for one key press."""
    term.tmux("send-keys", "-t", term.target, "-H", *hexes)


def next_friday(today: date) -> date:
    return today + timedelta(days=(4 - today.weekday() - 1) % 7 + 1)


def test_navigation_with_the_sequences_terminals_send(terminal: Terminal) -> None:
    content = load_builtin()
    term = terminal
    term.start(reflect_command())
    term.wait_for(strings.HOME_HEADING, strings.HOME_NEW_BUTTON)

    term.show("n", strings.STEP_INTAKE, strings.INTAKE_TITLE)
    term.type(TITLE)
    term.focus_key("Tab", "Tab", "Tab", "Tab")  # kind, date, who, what happened
    term.type(WHAT)

    # ESC f / ESC b (macOS Terminal) move like alt+→ / alt+←.
    send_bytes(term, *ESC_F)
    term.wait_for(strings.STEP_PRACTICES)
    send_bytes(term, *ESC_B)
    term.wait_for(strings.STEP_INTAKE, TITLE)
    # ESC [1;3C (most terminals) too.
    send_bytes(term, *CSI_ALT_RIGHT)
    term.wait_for(strings.STEP_PRACTICES)
    time.sleep(FOCUS_PAUSE)
    set_practices(term, content, ("situatie",))

    # Through the LSD steps with tmux's own alt+→ and ESC f mixed.
    for index, lsd in enumerate(("luisteren", "samenvatten", "doorvragen")):
        key = ESC_F if index % 2 else CSI_ALT_RIGHT
        send_bytes(term, *key)
        term.wait_for(lsd_label(content, "situatie", lsd))
        time.sleep(FOCUS_PAUSE)
    send_bytes(term, *CSI_ALT_LEFT)
    term.wait_for(lsd_label(content, "situatie", "samenvatten"))
    time.sleep(FOCUS_PAUSE)
    term.show("M-Right", lsd_label(content, "situatie", "doorvragen"))
    term.show("M-Right", strings.STEP_PRINCIPLES)
    send_bytes(term, *ESC_F)
    term.wait_for(strings.STEP_ORGANISATION, strings.BARRIERS)
    time.sleep(FOCUS_PAUSE)
    send_bytes(term, *ESC_F)
    term.wait_for(strings.STEP_CLOSING, strings.CLOSING_INSIGHT)
    time.sleep(FOCUS_PAUSE)

    # An unreadable due date keeps the user on the step until it is fixed.
    term.type(INSIGHT)
    term.focus_key("Tab")
    term.type(NEXT_STEP)
    term.focus_key("Tab")
    term.type("vrijdagg")
    term.wait_for("geen datum")
    send_bytes(term, *ESC_F)
    time.sleep(1.0)
    screen = squash(term.screen())
    assert squash(strings.SUMMARY_INTRO) not in screen
    assert squash(strings.CLOSING_INSIGHT) in screen
    term.keys("BSpace")
    term.wait_until("the date to be read", lambda s: "geen datum" not in squash(s))
    send_bytes(term, *ESC_F)
    term.wait_for(strings.STEP_SUMMARY, strings.SUMMARY_INTRO)
    time.sleep(FOCUS_PAUSE)
    term.keys("a")
    term.wait_for(strings.HOME_RECENT, TITLE)
    term.keys("C-q")
    assert term.exit_status() == 0

    listed = read_json(term.env, "list", "--json")
    assert isinstance(listed, list) and listed[0]["status"] == "complete"
    r = read_json(term.env, "show", listed[0]["id"], "--format", "json")
    assert isinstance(r, dict)
    assert r["practices"] == ["situatie"]
    friday = next_friday(date.today())
    assert r["next_steps"] == [{"text": NEXT_STEP, "due": friday.isoformat(), "done": False}]
