"""Benchmark: an encrypted journal against the same journal in plaintext (issue 17).

Run: ``.venv/bin/python benchmarks/bench_encrypt.py [--count 10000] [--runs 5]``.

Builds a journal of ``--count`` generated reflections, copies it, encrypts
the copy with ``reflect encrypt``'s own code (SQLCipher 4, default KDF
parameters), and times side by side in one run, as the median of
``--runs`` interleaved runs, each on a freshly opened store (SQLite's page
cache cold, the OS cache warm, as for a CLI command):

- search: ``store.search(WORD)`` (the 50 best hits) and all hits;
- list: every summary, newest first (``reflect list``);
- export: the streamed JSON export (``reflect export``).

The key is already unlocked for these (the passphrase costs one key
derivation per process, measured apart): target encrypted <= 1.5x plain.

Start-up: unlocking the journal (passphrase -> key file check -> data key)
plus opening the store, against the key derivation alone (PBKDF2-HMAC-SHA512
with the key file's parameters): target <= KDF + 10 %.

This is a benchmark, not a test: machines are shared and noisy, so it
reports numbers and never fails a build.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from journal_textgen import make_reflections  # noqa: E402

from reflect_tui.core.clock import SystemClock  # noqa: E402
from reflect_tui.core.journal import encryption, keyfile, keys  # noqa: E402
from reflect_tui.core.journal.store import JournalStore  # noqa: E402

SEARCH_WORD = "Kastanjelaan"
PASSPHRASE = "een lange zin als wachtwoord voor de meting"
TARGET_RATIO = 1.5
TARGET_STARTUP = 1.10


def _ops(store: JournalStore) -> dict[str, Callable[[], object]]:
    return {
        "search (50)": lambda: store.search(SEARCH_WORD),
        "search (all)": lambda: store.search(SEARCH_WORD, limit=1_000_000),
        "list (all)": lambda: store.list(),
        "export json": lambda: sum(len(c) for c in store.export_json_chunks()),
    }


def _time_op(journal: Path, name: str) -> float:
    """One run of ``name`` on a freshly opened store (open included, as a command does)."""
    began = time.perf_counter()
    with JournalStore.open(journal, SystemClock()) as store:
        _ops(store)[name]()
    return time.perf_counter() - began


def _startup(journal: Path) -> float:
    keys.forget()
    began = time.perf_counter()
    keys.unlock(journal, PASSPHRASE)
    with JournalStore.open(journal, SystemClock()) as store:
        store.list(limit=10)
    return time.perf_counter() - began


def _kdf(journal: Path) -> float:
    found = keyfile.read(keyfile.key_file_path(journal))
    began = time.perf_counter()
    keyfile.derive(PASSPHRASE, found.salt, found.iterations)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-encrypt-"))
    try:
        print(f"Building {args.count} reflections (seed {args.seed}) in {work} ...")
        plain = work / "plain" / "journal.sqlite3"
        with JournalStore.open(plain, SystemClock()) as store:
            store.import_reflections(make_reflections(args.count, args.seed))
            count = store.count()
        shutil.copytree(plain.parent, work / "encrypted")
        encrypted = work / "encrypted" / "journal.sqlite3"
        began = time.perf_counter()
        encryption.encrypt(encrypted, PASSPHRASE)
        took = time.perf_counter() - began
        print(
            f"{count} reflections; plain {plain.stat().st_size / 1e6:.1f} MB, encrypted "
            f"{encrypted.stat().st_size / 1e6:.1f} MB; 'reflect encrypt' took {took:.2f} s"
        )
        keys.forget()
        keys.unlock(encrypted, PASSPHRASE)  # the operations below run unlocked

        with (
            JournalStore.open(plain, SystemClock()) as a,
            JournalStore.open(encrypted, SystemClock()) as b,
        ):
            same = len(a.search(SEARCH_WORD, 1_000_000)) == len(b.search(SEARCH_WORD, 1_000_000))
        print(f"same hits for '{SEARCH_WORD}' in both: {same}")

        print()
        print(
            f"{'operation':<14} {'plain':>9} {'encrypted':>10} {'ratio':>7} {'target':>7}  result"
        )
        for name in _ops_names():
            _time_op(plain, name)
            _time_op(encrypted, name)  # warm the OS cache for both
            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(args.runs):  # interleaved, so drift hits both alike
                ours.append(_time_op(plain, name))
                theirs.append(_time_op(encrypted, name))
            p, e = statistics.median(ours), statistics.median(theirs)
            ratio = e / p
            verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
            print(
                f"{name:<14} {p * 1000:>7.1f}ms {e * 1000:>8.1f}ms {ratio:>6.2f}x "
                f"{TARGET_RATIO:>6.2f}x  {verdict}"
            )

        kdfs, starts = [], []
        for _ in range(args.runs):
            kdfs.append(_kdf(encrypted))
            starts.append(_startup(encrypted))
        kdf, start = statistics.median(kdfs), statistics.median(starts)
        ratio = start / kdf
        verdict = "ok" if ratio <= TARGET_STARTUP else "MISSED"
        print()
        print(
            f"start-up with passphrase {start * 1000:.0f}ms, key derivation alone "
            f"{kdf * 1000:.0f}ms: {ratio:.2f}x (target <= {TARGET_STARTUP:.2f}x)  {verdict}"
        )
        print("(figures from one run on this machine; a loaded machine moves them 10-20 %)")
    finally:
        keys.forget()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _ops_names() -> list[str]:
    return ["search (50)", "search (all)", "list (all)", "export json"]


if __name__ == "__main__":
    raise SystemExit(main())
