"""Word keys from several threads at once (the UI thread's coach and the draft
writer's search index): the shared Snowball stemmer keeps its state in the
object, and without a lock two threads corrupted each other's word. Found by
the tmux navigation test of issue 16 (a crash on the practices step while the
draft was being saved)."""

from __future__ import annotations

import threading

from reflect_tui.core import text_analysis
from tests.quickloop import examples


def test_word_keys_are_the_same_from_four_threads_at_once() -> None:
    words = [
        f"{word}{n}"
        for n in range(examples(1500))  # all 1,500 in CI, 150 in the quick loop
        for word in ("bewonersavonden", "herinrichting", "collega", "speeltuinen")
    ]
    text_analysis.warm_up()
    key = text_analysis.word_key.__wrapped__  # past the cache: stem every word
    expected = [key(w) for w in words]
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            results[n] = [key(w) for w in words]
        except Exception as exc:  # the unlocked stemmer raised IndexError
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(result == expected for result in results.values())
