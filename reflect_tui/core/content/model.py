"""The typed content model: what the YAML files mean once validated.

Everything is frozen: content is loaded once, shared by the coach, the
session flow and the UI, and must not change under them. Lists are tuples
for the same reason. Ids are the canonical ones from the glossary.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

# The steps a prompt can belong to: the three LSD steps plus the bookends.
INTAKE = "intake"
CLOSING = "closing"
LSD_STEP_IDS: tuple[str, ...] = ("luisteren", "samenvatten", "doorvragen")
PROMPT_STEPS: tuple[str, ...] = (INTAKE, *LSD_STEP_IDS, CLOSING)

# The essay's table 1 (glossary): what hinders and what helps inside, most
# named first. Only these items have an essay rank; a barrier or help that an
# organisation layer adds (a new id) is the organisation's own, whatever
# ``rank`` it was given to place it.
ESSAY_FACTOR_IDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "barriers": (
            "collegas",
            "verkokering",
            "politiek",
            "beleid-wetgeving",
            "formele-processen",
            "tijdgebrek",
            "sturing",
        ),
        "helps": ("ruimte", "visie", "collegas", "integraal", "rugdekking", "leren", "tools"),
    }
)


def essay_rank(collection: str, factor_id: str) -> int | None:
    """The item's place in the essay's table (1 = most named), None when the essay lacks it."""
    ids = ESSAY_FACTOR_IDS.get(collection, ())
    return ids.index(factor_id) + 1 if factor_id in ids else None


# The collections, in the order of the JSON contract of ``reflect content show --json``.
COLLECTIONS: tuple[str, ...] = (
    "practices",
    "principles",
    "lsd_steps",
    "activities",
    "barriers",
    "helps",
    "case_kinds",
    "prompts",
    "tips",
    "learning_suggestions",
    "intervision_methods",
    "sets",
)

TriggerKind = Literal[
    "barrier_recurring",
    "practice_unreflected",
    "principle_low",
    "next_steps_overdue",
    "step_skipped",
    "help_absent",
    "reflection_gap",
]
TRIGGER_KINDS: tuple[str, ...] = (
    "barrier_recurring",
    "practice_unreflected",
    "principle_low",
    "next_steps_overdue",
    "step_skipped",
    "help_absent",
    "reflection_gap",
)

ROLES: tuple[str, ...] = ("casusinbrenger", "procesbegeleider", "groep", "iedereen")
# Whom a tip advises: the civil servant working with the community (the app's
# user), or the organisation around them (a colleague, a manager).
AUDIENCES: tuple[str, ...] = ("grenswerker", "collega", "leidinggevende")


@dataclass(frozen=True, slots=True)
class Practice:
    """One of the five vital practices (the "what")."""

    id: str
    name: str
    short: str
    description: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Principle:
    """One of the four principles (the "how"), with its self-check.

    ``anchors`` maps each rating 1..5 to observable behaviour, so a rating
    means the same thing to every user.
    """

    id: str
    name: str
    description: str
    question: str
    anchors: Mapping[int, str]


@dataclass(frozen=True, slots=True)
class LsdStep:
    """Listen, summarise or probe."""

    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Activity:
    """One of the fifteen activities, linked to the practices it serves."""

    id: str
    name: str
    description: str
    practices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Factor:
    """A barrier ("wat hindert") or a help ("wat helpt") inside the organisation.

    ``rank`` keeps the essay's order (1 = most named).
    """

    id: str
    name: str
    description: str
    rank: int
    keywords: tuple[str, ...] = ()
    # The name is grammatically plural ("Collega's", "Tijdgebrek en werkdruk"):
    # sentences about it take a plural verb ("hinderden", not "hinderde").
    plural: bool = False


@dataclass(frozen=True, slots=True)
class CaseKind:
    """A kind of case: vraag, klacht, initiatief, ..."""

    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Prompt:
    """A question shown to the user.

    ``practice`` is None for intake and closing prompts. ``topic`` says what
    an intake or closing prompt is about (e.g. ``gebeurd``, ``betrokken``,
    ``belangen``, ``inzicht``, ``volgende-stap``, ``betrekken``) so the UI
    can place it beside the matching field.
    """

    id: str
    practice: str | None
    step: str
    text: str
    topic: str | None = None
    case_kinds: tuple[str, ...] = ()  # shown only for these kinds of case (empty: always)


@dataclass(frozen=True, slots=True)
class Situation:
    """A case situation in which a tip is THE move, written by a trainer.

    ``when`` holds two or more groups of words or short phrases; the
    situation is in a text when every group has one of its words within one
    sentence and the next (coach/situations.py). ``reason`` names the
    situation in a Dutch sentence for the user ("Je beschrijft ...").
    """

    when: tuple[tuple[str, ...], ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Tip:
    """A piece of craft knowledge from the essay, tagged so the coach can match it."""

    id: str
    title: str
    text: str
    source: str
    practices: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    lsd_steps: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    helps: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    case_kinds: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()  # AUDIENCES; empty: the boundary worker
    # Phrases showing the case is the very situation this tip is for (coach/cues.py).
    cues: tuple[str, ...] = ()
    # Situations in which this tip is the core move (coach/situations.py).
    situations: tuple[Situation, ...] = ()
    # What the tip advises, completing "deze tip gaat over ..." (reason lines).
    about: str | None = None


# The ranges the code can compute with, checked by the validator: ``days`` is
# subtracted from today (999,999 days is before year 1: OverflowError), the
# counts size a look-back over the journal, minutes are added up for a round.
MAX_TRIGGER_DAYS = 3650
MAX_TRIGGER_COUNT = 1000
MAX_ROUND_MINUTES = 600


@dataclass(frozen=True, slots=True)
class Trigger:
    """The journal pattern that makes a learning suggestion relevant.

    ``ids`` narrows the pattern to certain barriers, practices, principles,
    LSD steps or helps (empty: any). ``min_count`` is how often the pattern
    must occur within the last ``window`` reflections; ``max_rating`` is
    the highest rating that counts as low (``principle_low``); ``days`` is
    the gap for ``reflection_gap`` and the overdue age for
    ``next_steps_overdue``.
    """

    kind: TriggerKind
    ids: tuple[str, ...] = ()
    min_count: int = 1
    window: int = 10
    max_rating: int = 2
    days: int = 0


@dataclass(frozen=True, slots=True)
class LearningSuggestion:
    """A way to keep learning, offered when its trigger matches the journal."""

    id: str
    title: str
    text: str
    source: str
    trigger: Trigger


@dataclass(frozen=True, slots=True)
class Round:
    """One round of an intervision method.

    ``rule`` is the speaking rule the chair reads out ("alleen feitelijke
    vragen"); empty means the default rule for ``role``. ``questions``
    marks a round in which the note-taker collects the group's questions.
    """

    name: str
    role: str
    minutes: int
    purpose: str
    prompts: tuple[str, ...]
    rule: str = ""
    questions: bool = False


@dataclass(frozen=True, slots=True)
class IntervisionMethod:
    """A peer-consultation method, run round by round."""

    id: str
    name: str
    description: str
    source: str
    rounds: tuple[Round, ...]


@dataclass(frozen=True, slots=True)
class PromptSet:
    """A named set of questions a group can choose for one intervision session.

    Why a collection of its own: a group (or its trainer) keeps the questions
    it likes in its own content folder and picks one set per session, without
    editing the methods. ``methods`` limits the set to some methods (empty:
    any method); ``prompts`` are shown beside each round's own prompts.
    """

    id: str
    name: str
    description: str
    prompts: tuple[str, ...]
    methods: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Content:
    """The merged, validated content of all layers.

    ``version`` identifies this exact content (a short hash of the layer
    files), stored with each reflection so a later reader knows which
    prompts and tips it was written with. ``layers`` lists the folders that
    were used, lowest priority first, as absolute paths.
    """

    practices: tuple[Practice, ...]
    principles: tuple[Principle, ...]
    lsd_steps: tuple[LsdStep, ...]
    activities: tuple[Activity, ...]
    barriers: tuple[Factor, ...]
    helps: tuple[Factor, ...]
    case_kinds: tuple[CaseKind, ...]
    prompts: tuple[Prompt, ...]
    tips: tuple[Tip, ...]
    learning_suggestions: tuple[LearningSuggestion, ...]
    intervision_methods: tuple[IntervisionMethod, ...]
    sets: tuple[PromptSet, ...] = ()
    version: str = "unknown"
    layers: tuple[str, ...] = ()
    _index: Mapping[str, Mapping[str, object]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )
    _prompt_groups: Mapping[tuple[str, str | None], tuple[Prompt, ...]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    def __post_init__(self) -> None:
        index = {name: {item.id: item for item in getattr(self, name)} for name in COLLECTIONS}
        object.__setattr__(self, "_index", MappingProxyType(index))
        # The session asks for a step's prompts on every typed key (the
        # prompt shown is stored with the answer): a lookup, not a scan.
        groups: dict[tuple[str, str | None], list[Prompt]] = {}
        for prompt in self.prompts:
            groups.setdefault((prompt.step, prompt.practice), []).append(prompt)
        frozen = {key: tuple(items) for key, items in groups.items()}
        object.__setattr__(self, "_prompt_groups", MappingProxyType(frozen))

    def by_id(self, collection: str) -> Mapping[str, object]:
        """Items of ``collection`` keyed by id (read-only)."""
        return self._index[collection]

    def name_of(self, collection: str, item_id: str) -> str:
        """The item's name for a reader; the id itself when the content has no such
        item (an id from an older content version, or a removed layer)."""
        item = self._index[collection].get(item_id)
        return str(getattr(item, "name", item_id)) if item is not None else item_id

    def plural_of(self, collection: str, item_id: str) -> bool:
        """Whether the item's name takes a plural verb ("Collega's hinderden")."""
        return bool(getattr(self._index[collection].get(item_id), "plural", False))

    def practice(self, practice_id: str) -> Practice:
        return self._index["practices"][practice_id]  # type: ignore[return-value]

    def principle(self, principle_id: str) -> Principle:
        return self._index["principles"][principle_id]  # type: ignore[return-value]

    def barrier(self, barrier_id: str) -> Factor:
        return self._index["barriers"][barrier_id]  # type: ignore[return-value]

    def help(self, help_id: str) -> Factor:
        return self._index["helps"][help_id]  # type: ignore[return-value]

    def tip(self, tip_id: str) -> Tip:
        return self._index["tips"][tip_id]  # type: ignore[return-value]

    def prompts_for(
        self, step: str, practice: str | None = None, case_kind: str | bool | None = False
    ) -> tuple[Prompt, ...]:
        """Prompts for one step (and practice, for LSD steps), in file order.

        With ``case_kind`` (an id, or None for a case of no stated kind),
        prompts limited to other kinds of case (``Prompt.case_kinds``: one
        that asks about "the meeting" makes no sense after a phone call) are
        left out, unless that would leave none. ``False``: no filtering.
        """
        prompts = self._prompt_groups.get((step, practice), ())
        if case_kind is False:
            return prompts
        fitting = tuple(p for p in prompts if not p.case_kinds or case_kind in p.case_kinds)
        return fitting or prompts

    def iter_items(self) -> Iterator[tuple[str, object]]:
        """Every (collection, item) pair, in contract order."""
        for name in COLLECTIONS:
            for item in getattr(self, name):
                yield name, item
