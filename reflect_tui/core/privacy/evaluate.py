"""Measure the detector against labelled sentences: recall and precision per kind.

Why in the package: the benchmark prints the figures and a test guards a
floor under them; both must count the same way. A labelled span counts as
found when a finding of the same kind overlaps it; a finding counts as right
when it overlaps a labelled span of its kind. Overlap rather than exact
bounds, because "Marloes van der Meer" found as "Marloes van der Meer van
Vergunningen" still hides the person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reflect_tui.core.privacy.detect import KINDS, find

# The targets (issue 14), in one place for the benchmark that prints the
# figures and the test that holds them: recall per kind, precision overall.
RECALL_TARGETS = {
    "bsn": 0.95,
    "telefoon": 0.95,
    "email": 0.95,
    "postcode": 0.95,
    "adres": 0.95,
    "naam": 0.85,
}
PRECISION_TARGET = 0.8


@dataclass(frozen=True)
class Labelled:
    """One sentence and its personal data as (kind, start, end)."""

    text: str
    spans: tuple[tuple[str, int, int], ...]


@dataclass
class KindScore:
    """Counts for one kind; the ratios are None when there is nothing to divide by."""

    true_pos: int = 0
    false_neg: int = 0
    false_pos: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        total = self.true_pos + self.false_neg
        return self.true_pos / total if total else None

    @property
    def precision(self) -> float | None:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else None


def load(path: Path) -> list[Labelled]:
    """Read a labelled YAML file; each labelled text counts at every occurrence."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[Labelled] = []
    for item in items:
        text = item["text"]
        spans: list[tuple[str, int, int]] = []
        for kind, value in item["spans"]:
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r} in {path}")
            start = text.find(value)
            if start < 0:
                raise ValueError(f"{value!r} not in {text!r}")
            while start >= 0:
                spans.append((kind, start, start + len(value)))
                start = text.find(value, start + 1)
        out.append(Labelled(text, tuple(spans)))
    return out


def score(items: Iterable[Labelled]) -> dict[str, KindScore]:
    """Per kind (and ``totaal``): labelled spans found, and findings that were right."""
    scores = {kind: KindScore() for kind in (*KINDS, "totaal")}
    for item in items:
        findings = find(item.text)
        for kind, start, end in item.spans:
            hit = any(f.kind == kind and f.start < end and start < f.end for f in findings)
            for key in (kind, "totaal"):
                if hit:
                    scores[key].true_pos += 1
                else:
                    scores[key].false_neg += 1
            if not hit:
                scores[kind].misses.append(item.text[start:end])
        for f in findings:
            right = any(k == f.kind and f.start < e and s < f.end for k, s, e in item.spans)
            if not right:
                scores[f.kind].false_pos += 1
                scores["totaal"].false_pos += 1
                scores[f.kind].false_alarms.append(f.text)
    return scores


def table(scores: dict[str, KindScore], title: str) -> Sequence[str]:
    """Plain lines: kind, labelled count, recall, precision."""

    def pct(value: float | None) -> str:
        return "   -" if value is None else f"{value:4.2f}"

    lines = [title, f"  {'soort':<14} {'n':>3}  recall  precision"]
    for kind, s in scores.items():
        n = s.true_pos + s.false_neg
        lines.append(f"  {kind:<14} {n:>3}    {pct(s.recall)}     {pct(s.precision)}")
    return lines
