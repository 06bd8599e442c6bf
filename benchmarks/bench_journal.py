"""Benchmark: the journal CLI against jrnl on the same 10,000 entries.

Run: ``.venv/bin/python benchmarks/bench_journal.py [--count 10000] [--runs 5]``.

Builds a reflect journal of ``--count`` generated Dutch reflections and the
same entries as a jrnl plain-text journal, then times, as separate
processes (what a user waits for, start-up included), side by side in one
run and as the median of ``--runs`` runs:

- ``reflect search WORD``            vs ``jrnl -contains WORD``
- ``reflect list -n 10``             vs ``jrnl -n 10``
- ``reflect export --format json``   vs ``jrnl --export json``

and prints each ratio with its target (search and list >= 6x, export >= 3x).
jrnl is found via ``$JRNL``, then ``PATH``, then the separate venv at
``benchmarks/.work/jrnl-venv`` (jrnl 4.6 pins rich; a separate venv keeps
the app's environment untouched). Without jrnl only reflect's times are shown.

This is a benchmark, not a test: machines are shared and noisy, so it
reports numbers and never fails a build.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from journal_textgen import make_reflections, to_jrnl_text  # noqa: E402

from reflect_tui.core.clock import SystemClock  # noqa: E402
from reflect_tui.core.journal.store import JournalStore  # noqa: E402

TARGETS = {"search": 6.0, "list": 6.0, "export": 3.0}
SEARCH_WORD = "Kastanjelaan"

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def find_reflect() -> list[str]:
    script = Path(sys.executable).with_name("reflect")
    if script.exists():
        return [str(script)]
    found = shutil.which("reflect")
    return [found] if found else [sys.executable, "-m", "reflect_tui"]


def find_jrnl() -> str | None:
    candidates = [os.environ.get("JRNL"), shutil.which("jrnl"), HERE / ".work/jrnl-venv/bin/jrnl"]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{result.stderr.decode(errors='replace')}")
    return elapsed


def output_of(argv: list[str], env: dict[str, str]) -> str:
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-journal-"))
    try:
        print(f"Building {args.count} reflections (seed {args.seed}) in {work} ...")
        reflections = make_reflections(args.count, args.seed)
        home = work / "reflect-home"
        with JournalStore.open(home / "journal.sqlite3", SystemClock()) as store:
            store.import_reflections(reflections)
            assert store.count() == args.count
        jrnl_home = work / "jrnl-home"
        jrnl_home.mkdir()
        journal_txt = jrnl_home / "journal.txt"
        journal_txt.write_text(to_jrnl_text(reflections), encoding="utf-8")
        config = jrnl_home / "jrnl.yaml"
        config.write_text(JRNL_CONFIG.format(journal=journal_txt), encoding="utf-8")
        db_mb = (home / "journal.sqlite3").stat().st_size / 1e6
        print(
            f"reflect journal: {db_mb:.1f} MB;"
            f" jrnl journal: {journal_txt.stat().st_size / 1e6:.1f} MB"
        )

        base_env = {k: v for k, v in os.environ.items() if not k.startswith(("REFLECT_", "JRNL"))}
        reflect_env = {**base_env, "REFLECT_HOME": str(home)}
        jrnl_env = {
            **base_env,
            "HOME": str(jrnl_home),
            "XDG_CONFIG_HOME": str(jrnl_home),
            "XDG_DATA_HOME": str(jrnl_home),
            "NO_COLOR": "1",
            "TERM": "dumb",
        }
        reflect = find_reflect()
        jrnl = find_jrnl()
        ops: dict[str, tuple[list[str], list[str] | None]] = {
            "search": (
                [*reflect, "search", SEARCH_WORD],
                [jrnl, "--config-file", str(config), "-contains", SEARCH_WORD] if jrnl else None,
            ),
            "list": (
                [*reflect, "list", "-n", "10"],
                [jrnl, "--config-file", str(config), "-n", "10"] if jrnl else None,
            ),
            "export": (
                [*reflect, "export", "--format", "json"],
                [jrnl, "--config-file", str(config), "--export", "json"] if jrnl else None,
            ),
        }
        extra = {"search (all hits)": [*reflect, "search", SEARCH_WORD, "-n", "1000000"]}

        # Sanity: both tools see the same data.
        hits_reflect = (
            len(
                output_of(
                    [*reflect, "search", SEARCH_WORD, "-n", "1000000", "--json"], reflect_env
                ).split('"id"')
            )
            - 1
        )
        print(f"'{SEARCH_WORD}': reflect finds {hits_reflect} reflections", end="")
        if jrnl:
            version = output_of([jrnl, "--version"], jrnl_env).splitlines()[0]
            timed(ops["list"][1], jrnl_env)  # jrnl may rewrite its config once; not timed
            print(f"; {version} finds", end=" ")
            jrnl_export = output_of(
                [jrnl, "--config-file", str(config), "-contains", SEARCH_WORD, "--export", "json"],
                jrnl_env,
            )
            import json

            print(len(json.loads(jrnl_export)["entries"]), "entries")
        else:
            print("\njrnl not found ($JRNL, PATH, benchmarks/.work/jrnl-venv): reflect only.")

        results: dict[str, tuple[float, float | None]] = {}
        for name, (mine, theirs) in ops.items():
            timed(mine, reflect_env)  # warm the page cache
            if theirs:
                timed(theirs, jrnl_env)
            ours, others = [], []
            for _ in range(args.runs):  # interleaved, so drift hits both alike
                ours.append(timed(mine, reflect_env))
                if theirs:
                    others.append(timed(theirs, jrnl_env))
            results[name] = (statistics.median(ours), statistics.median(others) if others else None)
        for name, argv in extra.items():
            timed(argv, reflect_env)
            results[name] = (
                statistics.median(timed(argv, reflect_env) for _ in range(args.runs)),
                None,
            )

        print()
        print(f"{'operation':<20} {'reflect':>10} {'jrnl':>10} {'ratio':>8} {'target':>8}  result")
        for name, (ours, others) in results.items():
            if others is None:
                print(f"{name:<20} {ours * 1000:>8.0f}ms {'-':>10} {'-':>8} {'-':>8}")
                continue
            ratio = others / ours
            target = TARGETS[name]
            verdict = "ok" if ratio >= target else "BELOW TARGET"
            print(
                f"{name:<20} {ours * 1000:>8.0f}ms {others * 1000:>8.0f}ms"
                f" {ratio:>7.1f}x {target:>7.0f}x  {verdict}"
            )
        print(
            f"\nmedian of {args.runs} runs each, {args.count} reflections, one run of this script"
        )
        return 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
