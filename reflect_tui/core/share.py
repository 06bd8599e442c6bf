"""An organisation's own table of what hinders and helps, without reading journals.

Why counts and months only: a share file leaves a civil servant's machine and
lands with a trainer or a team. It holds, per calendar month, how many
reflections there were and how often each practice, barrier and help was
ticked and each principle rated 1..5. No text, no ids of reflections, no day
dates. The user sees the whole file before it is written (the CLI shows
``share_json``). Ids inside are content ids (practices, barriers, ...), which
say nothing about a person.

The report side reads many share files one at a time (flat memory), trusts
none of them (each is validated; a bad one is reported and skipped) and
suppresses every cell built from fewer than ``K_ANONYMITY`` share files, so a
count can never point at one or two people.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect_tui.core.os_messages import os_reason

if TYPE_CHECKING:
    from reflect_tui.core.journal.model import Reflection

SHARE_FORMAT = "reflect-share"
SHARE_VERSION = 1
K_ANONYMITY = 5
MAX_SHARE_BYTES = 1 << 20  # a share file of a very long journal is a few hundred KB
MAX_COUNT = 1_000_000
CATEGORIES: tuple[str, ...] = ("practices", "barriers", "helps")
RATINGS = ("1", "2", "3", "4", "5")
_MONTH = re.compile(r"(19|20)\d\d-(0[1-9]|1[0-2])\Z")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


class ShareError(ValueError):
    """A share file that is not one: the message says why, in Dutch, for the report."""


def build_share(reflections: Iterable[Reflection]) -> dict[str, Any]:
    """The share document of completed reflections (drafts say nothing yet)."""
    months: dict[str, dict[str, Any]] = {}
    for r in reflections:
        if r.status != "complete":
            continue
        month = f"{r.occurred_on.year:04d}-{r.occurred_on.month:02d}"
        bucket = months.setdefault(
            month,
            {"reflections": 0, "practices": {}, "barriers": {}, "helps": {}, "ratings": {}},
        )
        bucket["reflections"] += 1
        for category in CATEGORIES:
            counts = bucket[category]
            for item in dict.fromkeys(getattr(r, category)):  # once per reflection
                counts[item] = counts.get(item, 0) + 1
        for rating in r.principles:
            if rating.rating is None:
                continue
            per = bucket["ratings"].setdefault(rating.id, dict.fromkeys(RATINGS, 0))
            per[str(rating.rating)] += 1
    ordered = {m: _sorted_bucket(months[m]) for m in sorted(months)}
    return {"format": SHARE_FORMAT, "version": SHARE_VERSION, "months": ordered}


def _sorted_bucket(bucket: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"reflections": bucket["reflections"]}
    for category in CATEGORIES:
        out[category] = dict(sorted(bucket[category].items()))
    out["ratings"] = dict(sorted(bucket["ratings"].items()))
    return out


def share_json(document: Mapping[str, Any]) -> str:
    """The exact text written to the file (and shown to the user first)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- reading share files -------------------------------------------------------


def _count(value: Any, where: str) -> int:
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise ShareError(f"{where}: hier hoort een telling (0 tot {MAX_COUNT})")
    return value


@lru_cache(maxsize=4096)
def _valid_id(key: str) -> bool:
    """Ids repeat in every file: check each distinct one once."""
    return len(key) <= 80 and _ID.match(key) is not None


def _counts(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ShareError(f"{where}: hier horen tellingen per id")
    for key, n in value.items():
        if not isinstance(key, str) or not _valid_id(key):
            raise ShareError(f"{where}: ongeldige id")
        if type(n) is not int or not 0 <= n <= MAX_COUNT:
            _count(n, f"{where}.{key}")
    return value


def parse_share(text: str) -> dict[str, dict[str, Any]]:
    """The months of one share file, validated; ``ShareError`` for anything else."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ShareError("geen geldige JSON") from exc
    if not isinstance(data, dict) or data.get("format") != SHARE_FORMAT:
        raise ShareError("geen deelbestand van reflect (format ontbreekt)")
    if type(data.get("version")) is not int or data["version"] != SHARE_VERSION:
        raise ShareError(f"onbekende versie (verwacht {SHARE_VERSION})")
    if set(data) - {"format", "version", "months"}:
        raise ShareError("onbekende velden: een deelbestand bevat alleen tellingen")
    months = data.get("months")
    if not isinstance(months, dict):
        raise ShareError("'months' ontbreekt")
    out: dict[str, dict[str, Any]] = {}
    for month, bucket in months.items():
        if not isinstance(month, str) or not _MONTH.match(month):
            raise ShareError("een maand hoort als JJJJ-MM")
        if not isinstance(bucket, dict) or set(bucket) - {"reflections", *CATEGORIES, "ratings"}:
            raise ShareError(f"{month}: onverwachte velden")
        parsed: dict[str, Any] = {"reflections": _count(bucket.get("reflections", 0), month)}
        for category in CATEGORIES:
            parsed[category] = _counts(bucket.get(category, {}), f"{month}.{category}")
        ratings = bucket.get("ratings", {})
        if not isinstance(ratings, dict):
            raise ShareError(f"{month}.ratings: hier horen cijfers per werkprincipe")
        parsed["ratings"] = {}
        for principle, per in ratings.items():
            counts = _counts(per, f"{month}.ratings")
            if set(counts) - set(RATINGS) or not _ID.match(str(principle)):
                raise ShareError(f"{month}.ratings: cijfers horen bij 1 tot en met 5")
            parsed["ratings"][principle] = counts
        out[month] = parsed
    return out


# -- aggregating ---------------------------------------------------------------


@lru_cache(maxsize=1024)
def quarter_of(month: str) -> str:
    """``2026-11`` -> ``2026-K4``."""
    year, mm = month.split("-")
    return f"{year}-K{(int(mm) - 1) // 3 + 1}"


# Cell keys: ("reflections",), (category, id), (category, id, quarter),
# ("ratings", principle, rating). Two flat counters instead of nested
# objects: 10,000 files add up in well under the 2-second target.
CellKey = tuple[str, ...]
_REFLECTIONS: CellKey = ("reflections",)


@dataclass
class OrgReport:
    """The aggregated table: a total and a number of share files per cell.

    ``visible`` hides any cell built from fewer than ``k`` share files.
    """

    files_read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    totals: dict[CellKey, int] = field(default_factory=dict)
    files: dict[CellKey, int] = field(default_factory=dict)
    k: int = K_ANONYMITY

    def visible(self, key: CellKey) -> int | None:
        """The total of a cell, or None when fewer than ``k`` share files built it."""
        return self.totals.get(key, 0) if self.files.get(key, 0) >= self.k else None

    def people(self, key: CellKey) -> int | None:
        """How many share files named it, or None below ``k``."""
        n = self.files.get(key, 0)
        return n if n >= self.k else None

    def ids(self, category: str) -> list[str]:
        return sorted({key[1] for key in self.totals if len(key) == 2 and key[0] == category})

    def ranked(self, category: str) -> list[tuple[str, int | None, int | None]]:
        """(id, people who named it, times named), most people first; small cells hidden.

        "People" is share files that ticked the id at least once, like the
        essay's table counts respondents rather than mentions.
        """
        rows = [
            (item, self.people((category, item)), self.visible((category, item)))
            for item in self.ids(category)
        ]
        return sorted(rows, key=lambda r: (-(r[1] or 0), r[0]))

    def quarters(self) -> list[str]:
        return sorted({key[2] for key in self.totals if len(key) == 3 and key[0] in CATEGORIES})

    def to_json(self) -> dict[str, Any]:
        quarters = self.quarters()
        principles = sorted({key[1] for key in self.totals if key[0] == "ratings"})
        return {
            "k_anonymity": self.k,
            "files_read": self.files_read,
            "skipped": [{"file": f, "reason": why} for f, why in self.skipped],
            "reflections": self.visible(_REFLECTIONS),
            "quarters": quarters,
            "ranked": {
                category: [
                    {
                        "id": item,
                        "people": people,
                        "times": times,
                        "by_quarter": {q: self.visible((category, item, q)) for q in quarters},
                    }
                    for item, people, times in self.ranked(category)
                ]
                for category in CATEGORIES
            },
            "ratings": {
                principle: {r: self.visible(("ratings", principle, r)) for r in RATINGS}
                for principle in principles
            },
        }


def _iter_share_files(folder: Path) -> Iterator[Path]:
    try:
        yield from sorted(p for p in folder.iterdir() if p.suffix == ".json" and p.is_file())
    except OSError as exc:
        raise ShareError(f"kan de map niet lezen: {os_reason(exc)}") from exc


def aggregate(folder: Path, k: int = K_ANONYMITY) -> OrgReport:
    """Read every ``*.json`` in ``folder`` one by one into a k-anonymous report."""
    report = OrgReport(k=k)
    for path in _iter_share_files(folder):
        try:
            if path.stat().st_size > MAX_SHARE_BYTES:
                raise ShareError("te groot voor een deelbestand")
            months = parse_share(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            report.skipped.append((path.name, "kan het bestand niet lezen"))
            continue
        except ShareError as exc:
            report.skipped.append((path.name, str(exc)))
            continue
        report.files_read += 1
        add_file(report, months)
    return report


def add_file(report: OrgReport, months: Mapping[str, Mapping[str, Any]]) -> None:
    """Add one file; a cell counts the file once however many months it spans."""
    local: dict[CellKey, int] = {}
    get = local.get
    for month, bucket in months.items():
        quarter = quarter_of(month)
        local[_REFLECTIONS] = get(_REFLECTIONS, 0) + bucket["reflections"]
        for category in CATEGORIES:
            for item, n in bucket[category].items():
                key: CellKey = (category, item)
                local[key] = get(key, 0) + n
                qkey = (category, item, quarter)
                local[qkey] = get(qkey, 0) + n
        for principle, per in bucket["ratings"].items():
            for rating, n in per.items():
                rkey = ("ratings", principle, rating)
                local[rkey] = get(rkey, 0) + n
    totals, files = report.totals, report.files
    for key, n in local.items():
        totals[key] = totals.get(key, 0) + n
        if n:
            files[key] = files.get(key, 0) + 1
