"""What a session leaves behind, only when someone chooses: a reflection and a summary.

Why here, in core: the TUI's save step and any later front end must make
the same reflection and the same pseudonymised summary. The summary is
pseudonymised by default and says which kinds of data were replaced; the
case-bringer's own reflection goes through the normal journal store.
Also here: the open next steps of the previous intervision reflection,
shown first when the group starts again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core.dates import format_date
from reflect_tui.core.intervision import labels
from reflect_tui.core.intervision.meeting import Meeting
from reflect_tui.core.privacy import labels as privacy_labels
from reflect_tui.core.privacy.detect import KINDS
from reflect_tui.core.privacy.pseudonymise import Pseudonymiser, normalise
from reflect_tui.core.wording import by_count, clock

if TYPE_CHECKING:
    from reflect_tui.core.journal.model import Reflection
    from reflect_tui.core.journal.store import JournalStore
    from reflect_tui.core.journal.summary import OpenStep, ReflectionSummary

CASE_KIND = "intervisie"
TAG = "intervisie"


@dataclass(frozen=True)
class Summary:
    """The group summary as Markdown, and how many findings of each kind were replaced."""

    markdown: str
    counts: dict[str, int]
    pseudonymised: bool
    # (kind, text as found, replacement), once per text: what a review shows.
    findings: tuple[tuple[str, str, str], ...] = ()


def _planned(seconds: float) -> str:
    """``1 minuut``, ``10 minuten``; a round stretched by part of a minute as a clock."""
    minutes, rest = divmod(round(seconds), 60)
    if rest:
        return clock(seconds)
    return by_count(labels.SUMMARY_PLANNED, minutes)


def summary_markdown(
    meeting: Meeting, pseudonymise: bool = True, keep: Iterable[str] = ()
) -> Summary:
    """The group's summary: rounds and times, questions with marks, lessons, steps, evaluation.

    Only texts the group typed are pseudonymised (headings are ours); one
    ``Pseudonymiser`` serves them all, so a person keeps one letter.
    ``keep`` holds findings the group un-ticked in the review (false alarms).
    """
    p = Pseudonymiser(keep=frozenset(normalise(k) for k in keep))
    if pseudonymise:
        p.learn(_typed_texts(meeting))
    seen: dict[tuple[str, str], tuple[str, str, str]] = {}

    def clean(text: str) -> str:
        if not pseudonymise:
            return text
        proposals = p.propose(text)
        for prop in proposals:
            key = (prop.kind, normalise(prop.finding.text))
            seen.setdefault(key, (prop.kind, prop.finding.text, prop.replacement))
        return p.apply(text, proposals)

    today = meeting.clock.today()
    lines = [
        f"# {labels.SUMMARY_TITLE.format(method=meeting.method.name)}",
        "",
        labels.SUMMARY_DATE.format(date=format_date(today)),
    ]
    if meeting.case_title:
        lines += ["", clean(meeting.case_title)]
    lines += ["", f"## {labels.SUMMARY_ROUNDS}", ""]
    for entry in meeting.runner.log():
        used, planned = entry.used_seconds, entry.planned_seconds
        extra = labels.SUMMARY_SKIPPED if entry.skipped else ""
        lines.append(
            labels.SUMMARY_ROUND_LINE.format(
                name=entry.name, used=clock(used), planned=_planned(planned), extra=extra
            )
        )
    lines += ["", f"## {labels.SUMMARY_QUESTIONS}", ""]
    if meeting.questions:
        for q in meeting.questions:
            mark = f"[{labels.MARK_LABELS[q.mark]}] " if q.mark else ""
            lines.append(f"- {mark}{clean(q.text)}")
    else:
        lines.append(labels.SUMMARY_NONE)
    lines += ["", f"## {labels.SUMMARY_LESSONS}", ""]
    lines += [f"- {clean(t)}" for t in meeting.lessons] or [labels.SUMMARY_NONE]
    lines += ["", f"## {labels.SUMMARY_STEPS}", ""]
    if meeting.steps:
        for s in meeting.steps:
            due = f" ({labels.DUE.format(date=format_date(s.due))})" if s.due else ""
            lines.append(f"- {clean(s.text)}{due}")
    else:
        lines.append(labels.SUMMARY_NONE)
    lines += ["", f"## {labels.SUMMARY_EVALUATION}", ""]
    if meeting.rating is not None:
        lines.append(labels.SUMMARY_RATING.format(rating=meeting.rating))
    if meeting.evaluation:
        lines.append(clean(meeting.evaluation))
    if meeting.rating is None and not meeting.evaluation:
        lines.append(labels.SUMMARY_NONE)
    counts = {k: p.counts[k] for k in KINDS if p.counts.get(k)}
    lines += ["", f"## {labels.SUMMARY_PRIVACY}", ""]
    if pseudonymise:
        replaced = privacy_labels.replaced_line(counts, KINDS)
        lines.append(labels.SUMMARY_PSEUDONYMISED.format(replaced=replaced))
    else:
        lines.append(labels.SUMMARY_NOT_PSEUDONYMISED)
    return Summary("\n".join(lines) + "\n", counts, pseudonymise, tuple(seen.values()))


def _typed_texts(meeting: Meeting) -> list[str]:
    """Every text the group typed, so one pseudonymising pass knows them all first."""
    texts = [meeting.case_title, *(q.text for q in meeting.questions), *meeting.lessons]
    texts += [s.text for s in meeting.steps]
    if meeting.evaluation:
        texts.append(meeting.evaluation)
    return [t for t in texts if t]


def summary_file_name(when: date, method_id: str) -> str:
    """``2026-12-01-intervisie-incidentmethode.md`` (method ids are already safe)."""
    return f"{when.isoformat()}-intervisie-{method_id}.md"


def write_summary(exports_dir: Path, when: date, method_id: str, markdown: str) -> Path:
    """Write the summary into the app's export folder (0600), never over an older one."""
    from reflect_tui.core.paths import ensure_private_dir, write_private_file

    ensure_private_dir(exports_dir)
    path = exports_dir / summary_file_name(when, method_id)
    n = 2
    while path.exists():
        path = exports_dir / f"{Path(summary_file_name(when, method_id)).stem}-{n}.md"
        n += 1
    write_private_file(path, markdown.encode("utf-8"))
    return path


def build_reflection(
    meeting: Meeting, content_version: str = "", pseudonymise: bool = False
) -> Reflection:
    """The case-bringer's private reflection (case kind ``intervisie``), not yet saved.

    Marked questions go into the notes (warm first), then the unmarked ones,
    the meeting's score and the evaluation; lessons into the
    insight, steps into next steps. ``pseudonymise`` runs the same pass as
    the summary over every text, for a case-bringer who wants that.
    The id is the meeting's (``Meeting.reflection_id``), the same on every call.
    """
    from reflect_tui.core.journal.model import NextStep, Reflection

    p = Pseudonymiser()
    if pseudonymise:
        p.learn(_typed_texts(meeting))

    def clean(text: str) -> str:
        return p.run(text) if pseudonymise else text

    now = meeting.clock.now()
    title = labels.REFLECTION_TITLE.format(method=meeting.method.name)
    if meeting.case_title:
        title = labels.REFLECTION_TITLE_CASE.format(
            method=meeting.method.name, case=clean(meeting.case_title)
        )
    notes: list[str] = []
    marked = meeting.marked_questions()
    if marked:
        notes.append(labels.REFLECTION_QUESTIONS)
        notes += [f"- [{labels.MARK_LABELS[q.mark or '']}] {clean(q.text)}" for q in marked]
    # Unrated questions were asked about the real case too: keep them, after the rated ones.
    unrated = [q for q in meeting.questions if q.mark is None]
    if unrated:
        notes += ["", labels.REFLECTION_UNRATED] if notes else [labels.REFLECTION_UNRATED]
        notes += [f"- {clean(q.text)}" for q in unrated]
    if meeting.rating is not None:
        notes += ["", labels.SUMMARY_RATING.format(rating=meeting.rating)]
    if meeting.evaluation:
        notes += ["", f"{labels.SUMMARY_EVALUATION}: {clean(meeting.evaluation)}"]
    return Reflection(
        id=meeting.reflection_id,
        title=title,
        occurred_on=meeting.clock.today(),
        created_at=now,
        updated_at=now,
        status="complete",
        case_kind=CASE_KIND,
        insight="\n".join(clean(t) for t in meeting.lessons),
        next_steps=[NextStep(clean(s.text), s.due) for s in meeting.steps],
        tags=[TAG, meeting.method.id],
        notes="\n".join(notes).strip(),
        content_version=content_version,
    )


def write_reflection_file(exports_dir: Path, reflection: Reflection) -> Path:
    """The reflection as a journal file (0600) the case-bringer imports with ``reflect import``.

    Why: the meeting often runs on the chair's laptop, and the case-bringer's
    reflection belongs in the case-bringer's own journal, not the chair's.
    The file is the normal interchange format, named by the full id so that
    ``reflect delete`` finds it as a copy (``core/journal/exports``).
    """
    from reflect_tui.core.journal.interchange import dump_journal
    from reflect_tui.core.paths import ensure_private_dir, write_private_file

    ensure_private_dir(exports_dir)
    name = f"{reflection.occurred_on.isoformat()}-intervisie-reflectie-{reflection.id[:8]}.json"
    path = exports_dir / name
    write_private_file(path, dump_journal([reflection]).encode("utf-8"))
    return path


def save_reflection(store: JournalStore, reflection: Reflection) -> bool:
    """Into the case-bringer's own journal, through the normal store (one transaction).

    False, and nothing written, when the journal already has this reflection:
    a meeting's reflection keeps one id (``Meeting.reflection_id``), so a
    second "save" (a tester pressed ``r`` twice and got two identical rows)
    is the same reflection, already there. Erased in the meantime, it is
    added again.
    """
    return store.add(reflection, exist_ok=True)


def previous_open_steps(store: JournalStore) -> list[tuple[ReflectionSummary, int, OpenStep]]:
    """Open next steps of the newest intervision reflection that still has any."""
    steps = [row for row in store.open_next_steps() if row[0].case_kind == CASE_KIND]
    if not steps:
        return []
    newest = max(steps, key=lambda row: (row[0].occurred_on, row[0].updated_at))[0].id
    return sorted((row for row in steps if row[0].id == newest), key=lambda row: row[1])
