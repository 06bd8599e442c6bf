"""The built-in content meets issue 3: complete against the essay, and every tag resolves.

Why these tests exist: the coach is only as good as its content, and trainers
will edit these files. A count that silently drops (a prompt deleted, a tip
tagged with a misspelt id, a sentence pasted from the essay) must fail here,
not surface as a thin or broken coaching session.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.content.model import LSD_STEP_IDS, ROLES, TRIGGER_KINDS, Content

PROJECT_ROOT = Path(__file__).resolve().parents[1]
COPIED_TEXT_TOOL = PROJECT_ROOT.parent / "shared" / "tools" / "copied_text.py"
GLOSSARY = PROJECT_ROOT.parent / "shared" / "glossary.md"

# The fixed vocabulary of shared/glossary.md.
PRACTICES = {"situatie", "relaties", "oplossingen", "binnen-buiten", "praktisch"}
PRINCIPLES = {"open", "resultaatgericht", "verbindend", "bricolerend"}
ACTIVITIES = {
    "contact-maken",
    "contact-onderhouden",
    "luisteren",
    "uitleggen",
    "uitzoeken",
    "bijeenkomsten-organiseren",
    "gesprekken-begeleiden",
    "mensen-verbinden",
    "meedenken",
    "alternatieven-bedenken",
    "collegas-betrekken",
    "collegas-overtuigen",
    "uitwerken",
    "afwegen",
    "materieel-ondersteunen",
}
# Essay table 1 order, most named first.
BARRIERS = (
    "collegas",
    "verkokering",
    "politiek",
    "beleid-wetgeving",
    "formele-processen",
    "tijdgebrek",
    "sturing",
)
HELPS = ("ruimte", "visie", "collegas", "integraal", "rugdekking", "leren", "tools")
REQUIRED_CASE_KINDS = {
    "vraag",
    "klacht",
    "initiatief",
    "project",
    "bijeenkomst",
    "overleg-collegas",
}
INTAKE_TOPICS = ("gebeurd", "betrokken", "belangen")
CLOSING_TOPICS = ("inzicht", "volgende-stap", "betrekken")
REQUIRED_METHODS = {"incidentmethode", "roddelmethode", "lsd-oefenronde"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_builtin()


def ids(items: object) -> set[str]:
    return {item.id for item in items}  # type: ignore[attr-defined]


def test_glossary_constants_match_the_glossary_file() -> None:
    """Guards the constants above against drifting from the shared glossary."""
    if not GLOSSARY.is_file():
        pytest.skip("shared/glossary.md not available")
    text = GLOSSARY.read_text(encoding="utf-8")
    backticked = set(re.findall(r"`([a-z0-9-]+)`", text))
    expected = PRACTICES | PRINCIPLES | ACTIVITIES | set(BARRIERS) | set(HELPS)
    assert not expected - backticked, sorted(expected - backticked)


def test_framework_has_exactly_the_glossary_ids(content: Content) -> None:
    assert ids(content.practices) == PRACTICES
    assert len(content.practices) == 5
    assert ids(content.principles) == PRINCIPLES
    assert len(content.principles) == 4
    assert tuple(s.id for s in content.lsd_steps) == LSD_STEP_IDS
    assert ids(content.activities) == ACTIVITIES
    assert len(content.activities) == 15
    assert ids(content.barriers) == set(BARRIERS)
    assert ids(content.helps) == set(HELPS)


def test_barriers_and_helps_keep_the_essay_table_order(content: Content) -> None:
    assert tuple(b.id for b in sorted(content.barriers, key=lambda b: b.rank)) == BARRIERS
    assert tuple(h.id for h in sorted(content.helps, key=lambda h: h.rank)) == HELPS
    for factor in (*content.barriers, *content.helps):
        assert factor.description.strip(), factor.id
        assert len(factor.keywords) >= 5, factor.id


def test_every_practice_has_description_keywords_and_activities(content: Content) -> None:
    served = Counter(p for a in content.activities for p in a.practices)
    for practice in content.practices:
        assert practice.description.strip(), practice.id
        assert len(practice.keywords) >= 10, practice.id
        assert served[practice.id] >= 1, f"no activity serves {practice.id}"
    for activity in content.activities:
        assert activity.practices, activity.id
        assert set(activity.practices) <= PRACTICES, activity.id


def test_required_case_kinds(content: Content) -> None:
    assert not REQUIRED_CASE_KINDS - ids(content.case_kinds)


def test_each_principle_has_a_question_and_five_anchors(content: Content) -> None:
    for principle in content.principles:
        assert principle.question.strip(), principle.id
        assert sorted(principle.anchors) == [1, 2, 3, 4, 5], principle.id
        assert all(text.strip() for text in principle.anchors.values()), principle.id
        assert len(set(principle.anchors.values())) == 5, principle.id


def test_lsd_prompts_per_practice_and_step(content: Content) -> None:
    per_cell = Counter((p.practice, p.step) for p in content.prompts if p.step in LSD_STEP_IDS)
    for practice in PRACTICES:
        for step in LSD_STEP_IDS:
            assert per_cell[(practice, step)] >= 4, (practice, step)
    assert sum(per_cell.values()) >= 60
    texts = [p.text for p in content.prompts]
    duplicates = [t for t, n in Counter(texts).items() if n > 1]
    assert not duplicates, duplicates


def test_intake_and_closing_prompts_per_topic(content: Content) -> None:
    intake = Counter(p.topic for p in content.prompts_for("intake"))
    closing = Counter(p.topic for p in content.prompts_for("closing"))
    for topic in INTAKE_TOPICS:
        assert intake[topic] >= 2, topic
    for topic in CLOSING_TOPICS:
        assert closing[topic] >= 2, topic


def test_tip_counts(content: Content) -> None:
    assert len(content.tips) >= 40
    per_practice = Counter(p for tip in content.tips for p in tip.practices)
    for practice in PRACTICES:
        assert per_practice[practice] >= 5, practice
    per_barrier = Counter(b for tip in content.tips for b in tip.barriers)
    for barrier in BARRIERS:
        assert per_barrier[barrier] >= 2, barrier


def test_every_tip_tag_refers_to_a_known_id(content: Content) -> None:
    known = {
        "practices": ids(content.practices),
        "principles": ids(content.principles),
        "lsd_steps": ids(content.lsd_steps),
        "activities": ids(content.activities),
        "barriers": ids(content.barriers),
        "helps": ids(content.helps),
        "case_kinds": ids(content.case_kinds),
    }
    unknown = [
        (tip.id, field, tag)
        for tip in content.tips
        for field, valid in known.items()
        for tag in getattr(tip, field)
        if tag not in valid
    ]
    assert not unknown


def test_every_tip_and_learning_suggestion_has_a_source(content: Content) -> None:
    for item in (*content.tips, *content.learning_suggestions):
        assert item.source.strip(), item.id


def test_learning_suggestions(content: Content) -> None:
    suggestions = content.learning_suggestions
    assert len(suggestions) >= 10
    assert {s.trigger.kind for s in suggestions} == set(TRIGGER_KINDS)
    for s in suggestions:
        t = s.trigger
        assert t.min_count >= 1, s.id
        if t.kind in ("barrier_recurring", "principle_low", "step_skipped"):
            assert t.min_count <= t.window, s.id
        if t.kind == "reflection_gap":
            assert t.days >= 7, s.id


def test_intervision_methods(content: Content) -> None:
    methods = {m.id: m for m in content.intervision_methods}
    assert not REQUIRED_METHODS - set(methods)
    for method in methods.values():
        assert method.rounds, method.id
        total = sum(r.minutes for r in method.rounds)
        assert 45 <= total <= 90, (method.id, total)
        roles = {r.role for r in method.rounds}
        assert roles <= set(ROLES), method.id
        assert "casusinbrenger" in roles, method.id
        for r in method.rounds:
            assert r.purpose.strip(), (method.id, r.name)


def test_no_sentence_copied_from_the_essay() -> None:
    if not COPIED_TEXT_TOOL.is_file():
        pytest.skip("../shared/tools/copied_text.py not available")
    result = subprocess.run(
        [sys.executable, str(COPIED_TEXT_TOOL)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
