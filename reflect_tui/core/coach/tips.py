"""Tip matching: deterministic, explainable, varied, and fresh.

Why additive weights instead of a learned model: every point of a tip's
score comes with a Dutch sentence saying where it came from, so the user
can see why a tip was chosen and a trainer can predict what the coach will
do with their content. The top N is then picked greedily (maximal marginal
relevance): a tip that says what an already picked tip says, or that the
user saw recently, has to be clearly better to make it in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from reflect_tui.core.coach import reasons
from reflect_tui.core.coach.examples import (
    Sentences,
    example_model,
    example_resemblance,
    split_sentences,
)
from reflect_tui.core.coach.index import coach_index
from reflect_tui.core.coach.practices import suggest_practices
from reflect_tui.core.coach.signals import (
    Evidence,
    Signals,
    TextEvidence,
    first_quotes,
    read_text,
)
from reflect_tui.core.coach.trust import (
    KEYWORDS_TOGETHER_MIN,
    _content_words,
    _telling_phrase,
    cue_confirmed,
    strong_words,
)
from reflect_tui.core.content.model import Content, Tip

W_PRACTICE = 3.0  # the tip serves a practice the user chose
W_EXTRA_PRACTICE = 1.0  # ... and each further chosen practice it serves
W_PRACTICE_INFERRED = 4.0  # the text points at a practice the tip serves (times strength)
W_BARRIER = 5.0  # the user ticked a barrier the tip is about
W_BARRIER_INFERRED = 1.5  # the text names such a barrier (below ticked items and own words)
W_HELP = 2.0
W_HELP_INFERRED = 1.0
W_HELP_ABSENT = 1.0  # the text says a help the tip is about is missing
W_LOW_PRINCIPLE = 2.0  # a principle rated 2 the tip strengthens (rating 1: +0.5)
W_STEP = 1.0  # the LSD step being answered
W_KIND = 1.0  # the case kind
W_KEYWORD = 2.0  # the tip's own keywords in the text (diminishing)
# A situation of the tip in the text (coach/situations.py): the case is the
# very one the tip is the core move for; it ranks the tip above any mix of
# loose cues and words, about as much as three of its own keywords together.
W_SITUATION = 16.0
W_SITUATION_EXTRA = 2.0  # ... each further situation of the same tip
W_CUE = 8.0  # a situation cue of the tip in the text: the case is what the tip is for
W_CUE_EXTRA = 3.0  # ... each further distinct cue
# A cue of one word ("advocaat", "boos") that nothing else confirms (no second
# cue, none of the tip's own other words) may be that word in another sense.
W_CUE_SINGLE = 3.0
MAX_CUE = 14.0
# The note resembles the tip's example notes (coach/examples.py): weight in
# proportion to the resemblance's strength (1.0: a typical best fit). From
# EXAMPLES_EARN the resemblance earns the tip a place (plus W_EXAMPLES_EARN);
# below it, it only adds to other evidence.
# Chosen on the tuning cases and the aggregate figures of the two validation
# sets (fresh3, fresh4), never on the held-out halves.
W_EXAMPLES = 14.0
W_EXAMPLES_EARN = 3.0
EXAMPLES_EARN = 0.9
# From this resemblance to a tip's example notes its cue or own words are
# quoted back (``_unconfirmed_words_unquoted``).
QUOTE_CONFIRM = 0.25
QUOTE_MIN_SPECIFICITY = 0.55  # keywords of at most 3 tips are quoted in reasons
KEYWORD_TOGETHER = 0.6  # extra share per further distinct own keyword
MAX_KEYWORD = 10.0
W_KEYWORDS_TOGETHER = 16.0  # three or more distinct own keywords: as telling as a situation
KEYWORDS_EARN = 3  # own keywords that earn a place alone (2 when one is a phrase)

INFERRED_MIN_SHARE = 0.34  # a practice counts as "at play" from this share of the best
INFERRED_MIN_SCORE = 0.5
PRACTICE_SPREAD = 0.25  # share of tip similarity that comes from sharing practices
SERVED_DISCOUNT = 1.0  # share of a ticked barrier's weight lost once a pick serves it
DIVERSITY = 0.4  # how much a fully overlapping earlier pick lowers a tip (0..1)
NEAR_DUPLICATE = 0.85  # from this overlap a tip waits until nothing else is left
RECENT_PENALTY = 0.6  # share of the score lost by a tip shown just now
RECENT_HALF_LIFE_DAYS = 7.0  # ... halving every week
MAX_REASONS = 2
# Tips whose evidence says what the tip is about (a cue, something the user
# ticked or chose, several of its own words, a hindrance named in the text)
# weigh at least MIN_EARNED and come first; weaker ones only fill the list up
# to MIN_SHOWN, and a tip far below the best one (RELATIVE_FLOOR) is left out.
# Why five and no floor: blind coach readings of both held-out halves (stop 10)
# compared showing only earned tips (2.2-3.2 a case) with always five: the
# share of shown tips that fit well was about the same (22.5 vs 19.7 %,
# 27.9 vs 27.0 %), but cases with at least one well-fitting tip rose from
# 40 to 70 % and from 52.5 to 85 %. The strongest tip is shown first either way.
MIN_EARNED = 3.0
FILL_OFF_TOPIC = 0.5  # share of an off-topic inferred practice a fill-in loses
MIN_SHOWN = 5
RELATIVE_FLOOR = 0.0
CASE_AUDIENCE = "grenswerker"  # case coaching serves the boundary worker's own advice

# Kinds of score parts (``ScorePart.kind``), strongest evidence first.
KEYWORD = "keyword"
SITUATION = "situation"
CUE = "cue"
TICKED_BARRIER = "ticked_barrier"
TICKED_HELP = "ticked_help"
CHOSEN_PRACTICE = "chosen_practice"
LOW_PRINCIPLE = "low_principle"
INFERRED_BARRIER = "inferred_barrier"
INFERRED_HELP = "inferred_help"
ABSENT_HELP = "absent_help"
INFERRED_PRACTICE = "inferred_practice"
STEP = "step"
CASE_KIND = "case_kind"
EXAMPLES = "examples"
_CONFIRMED_BY_EXAMPLES = frozenset({CUE, KEYWORD})


@dataclass(frozen=True)
class ScorePart:
    """One contribution to a tip's score, with the evidence behind it.

    ``item`` is the id it is about (barrier, help, practice, principle,
    step or case kind; "" for the tip's own keywords); ``matches`` pairs
    the user's words with the keyword each matched, ``quotes`` are short
    snippets of the user's text for the reason line. ``sure`` is False when
    the words are weak evidence (one everyday word that may be meant in
    another sense): they count for the score but are never quoted back.
    """

    kind: str
    item: str
    weight: float
    matches: tuple[tuple[str, str], ...] = ()
    quotes: tuple[str, ...] = ()
    rating: int | None = None
    sure: bool = True  # the user's words may be quoted back for this part


@dataclass(frozen=True)
class TipMatch:
    """A tip chosen for the case, its final score and the reasons (plain Dutch).

    ``parts``, ``base``, ``recency``, ``variety`` and ``promoted`` explain the
    score (``reflect coach --explain``): ``score`` = ``base`` x ``recency`` x
    ``variety``, unless the tip was ``promoted`` into the top to serve a
    barrier the user ticked.
    """

    tip: Tip
    score: float
    reasons: tuple[str, ...]
    parts: tuple[ScorePart, ...] = ()
    base: float = 0.0
    recency: float = 1.0
    variety: float = 1.0
    promoted: str = ""


def for_audience(tip: Tip, audience: str = CASE_AUDIENCE) -> bool:
    """Whether a tip is advice for this audience (tips without one are for everyone)."""
    return not tip.audience or audience in tip.audience


_EARNING = frozenset(
    {
        SITUATION,
        CUE,
        TICKED_BARRIER,
        TICKED_HELP,
        CHOSEN_PRACTICE,
        LOW_PRINCIPLE,
        INFERRED_BARRIER,
        ABSENT_HELP,
        STEP,
    }
)


def earned(parts: Sequence[ScorePart]) -> float:
    """The part of a score that rests on evidence saying what the tip is about.

    Why: one everyday word ("bellen", "plein") plus a practice the text
    roughly fits is not enough to show a tip; a cue, a tick, a choice or
    several of the tip's own words together are. Own keywords count when
    three or more distinct ones match, or two of which one is a phrase: two
    everyday words ("ouders", "basisschool") were seen to point at the
    wrong advice.
    """
    total = 0.0
    for part in parts:
        keywords = {k.casefold() for _, k in part.matches} if part.kind == KEYWORD else set()
        phrase = any(" " in k for k in keywords)
        several_words = len(keywords) >= KEYWORDS_EARN or (phrase and len(keywords) >= 2)
        close_examples = part.kind == EXAMPLES and part.sure
        if part.kind in _EARNING or several_words or close_examples:
            total += part.weight
    return total


def _inferred_practices(
    content: Content, signals: Signals, evidence: TextEvidence
) -> dict[str, float]:
    """Practices the text points at, with strength 0..1 relative to the strongest."""
    if not signals.text.strip():
        return {}
    ranked = suggest_practices(
        content,
        signals.text,
        signals.case_kind,
        evidence=evidence,
        barriers=signals.barriers,
        helps=signals.helps,
    )
    if not ranked or ranked[0].score <= 0:
        return {}
    top = ranked[0].score
    return {
        s.id: s.score / top
        for s in ranked
        if s.score >= max(INFERRED_MIN_SCORE, INFERRED_MIN_SHARE * top)
    }


def _matches(items: Sequence[Evidence]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys((e.word or e.quote, e.keyword) for e in items))


def score_tip(
    content: Content,
    tip: Tip,
    signals: Signals,
    evidence: TextEvidence,
    inferred: Mapping[str, float],
    resemblance: Mapping[str, float] | None = None,
) -> list[ScorePart]:
    """Every part of a tip's score, from the signals and the text's evidence.

    ``resemblance``: per tip, how strongly the text resembles its example
    notes (1.0: a typical best fit); see ``example_resemblance``.
    """
    parts: list[ScorePart] = []
    situations = evidence.situations.get(tip.id, ())
    if situations:
        first = situations[0]
        weight = W_SITUATION + W_SITUATION_EXTRA * (len(situations) - 1)
        matches = tuple((w, c) for s in situations for w, c in zip(s.words, s.cues, strict=True))
        said: tuple[str, ...] = (first.quote,) if first.quote else ()
        parts.append(ScorePart(SITUATION, first.reason, weight, matches, said))
    cues = evidence.cues.get(tip.id, ())
    words = evidence.tips.get(tip.id, ())
    if cues:
        distinct = len({e.keyword.casefold() for e in cues})
        weight = min(MAX_CUE, W_CUE + W_CUE_EXTRA * (distinct - 1))
        confirmed = cue_confirmed(cues, words)
        if not confirmed:
            weight = W_CUE_SINGLE
        quotes = tuple(first_quotes(cues, 1))
        # Quoted back only when the cues carry their own context (a phrase, or
        # two cues): one cue word confirmed by one of the tip's loose keywords
        # still counts, but "Je schreef 'ontwikkelaar'" or "'formulier'" read
        # as the coach hanging its advice on one word.
        sure = confirmed and strong_cues(cues)
        parts.append(ScorePart(CUE, "", weight, _matches(cues), quotes, sure=sure))
    if words:
        index = coach_index(content)
        specs = sorted(
            {e.keyword.casefold(): index.specificity(e.keyword) for e in words}.values(),
            reverse=True,
        )
        weighted = sum(spec / (1.0 + 0.5 * i) for i, spec in enumerate(specs))
        # Several of a tip's own words together say far more than one: a text
        # with "toezeggen", "mandaat" and "wethouder" is about that very tip.
        together = 1.0 + KEYWORD_TOGETHER * (len(specs) - 1)
        weight = min(MAX_KEYWORD, W_KEYWORD * weighted * together)
        if len(specs) >= KEYWORDS_TOGETHER_MIN:
            weight += W_KEYWORDS_TOGETHER
        # Only words that say something about this tip are quoted back; a word
        # many tips share ("bewoners") counts a little but explains nothing.
        telling = [e for e in words if index.specificity(e.keyword) >= QUOTE_MIN_SPECIFICITY]
        quotes = tuple(first_quotes(telling, 2))
        # Quoted back only with context: a phrase of two content words. Loose
        # words, even two or three of them ("aan tafel"; "ouders" and
        # "basisschool"; "melding" and "speeltuintje"), were read in another sense.
        sure = any(_content_words(e.keyword) >= 2 for e in words)
        parts.append(ScorePart(KEYWORD, "", weight, _matches(words), quotes, sure=sure))
    chosen = [p for p in signals.practices if p in tip.practices]
    for position, practice_id in enumerate(chosen):
        weight = W_PRACTICE if position == 0 else W_EXTRA_PRACTICE
        parts.append(ScorePart(CHOSEN_PRACTICE, practice_id, weight))
    best_inferred = max(
        ((inferred[p], p) for p in tip.practices if p in inferred and p not in chosen),
        default=None,
    )
    if best_inferred is not None:
        strength, practice_id = best_inferred
        items = evidence.practices.get(practice_id, ())
        weight = W_PRACTICE_INFERRED * strength * (0.5 if chosen else 1.0)
        parts.append(
            ScorePart(
                INFERRED_PRACTICE,
                practice_id,
                weight,
                _matches(items),
                tuple(first_quotes(items, 1)),
            )
        )
    for barrier_id in tip.barriers:
        if barrier_id in signals.barriers:
            parts.append(ScorePart(TICKED_BARRIER, barrier_id, W_BARRIER))
        elif barrier_id in evidence.barriers and barrier_id not in signals.helps:
            # Never read as a hindrance what the user ticked as a help.
            items = evidence.barriers[barrier_id]
            # Quoted back only with context: a phrase keyword, three words, or a
            # confirmed hindrance whose quote is more than the one word. A lone
            # name ('Vastgoed', 'raadslid', 'omgevingsplan') is no hindrance by
            # itself; the line would claim the user wrote one.
            in_context = [e for e in items if e.confirmed and _several_words(e.quote)]
            sure = strong_words(items) or bool(in_context)
            parts.append(
                ScorePart(
                    INFERRED_BARRIER,
                    barrier_id,
                    W_BARRIER_INFERRED,
                    _matches(items),
                    tuple(first_quotes(in_context or items, 1)),
                    sure=sure,
                )
            )
    for help_id in tip.helps:
        if help_id in signals.helps:
            parts.append(ScorePart(TICKED_HELP, help_id, W_HELP))
        elif help_id in evidence.helps and help_id not in signals.barriers:
            items = evidence.helps[help_id]
            parts.append(
                ScorePart(
                    INFERRED_HELP,
                    help_id,
                    W_HELP_INFERRED,
                    _matches(items),
                    tuple(first_quotes(items, 1)),
                    sure=False,  # "wat hielp" read from a name ("sociaal domein") misleads
                )
            )
        elif help_id in evidence.absent_helps and help_id not in signals.helps:
            items = evidence.absent_helps[help_id]
            parts.append(
                ScorePart(
                    ABSENT_HELP,
                    help_id,
                    W_HELP_ABSENT,
                    _matches(items),
                    tuple(first_quotes(items, 1)),
                    sure=strong_words(items),
                )
            )
    for principle_id in tip.principles:
        if principle_id in signals.low_principles:
            rating = signals.rating_of(principle_id)
            weight = W_LOW_PRINCIPLE + (0.5 if rating is not None and rating <= 1 else 0.0)
            parts.append(ScorePart(LOW_PRINCIPLE, principle_id, weight, rating=rating))
    if signals.step and signals.step in tip.lsd_steps:
        parts.append(ScorePart(STEP, signals.step, W_STEP))
    if signals.case_kind and signals.case_kind in tip.case_kinds:
        parts.append(ScorePart(CASE_KIND, signals.case_kind, W_KIND))
    share = (resemblance or {}).get(tip.id, 0.0)
    if share > 0.0 and not _said_in_own_words(parts):
        close = share >= EXAMPLES_EARN
        weight = W_EXAMPLES * share + (W_EXAMPLES_EARN if close else 0.0)
        # The quote (the user's sentence closest to the examples) is filled in
        # only for the tips that are shown: see ``_with_example_quote``.
        parts.append(ScorePart(EXAMPLES, "", round(weight, 6), sure=close))
    return parts


def _said_in_own_words(parts: Sequence[ScorePart]) -> bool:
    """Whether the text names the tip's situation, or several of its own words together.

    Why resemblance then adds nothing: the examples are there to find the
    tips a note describes in other words than the tips' own. Stacked on a
    situation or on a trainer's keywords, they pushed a tip with built-in
    examples past an organisation's own tip that matched exactly these words
    and has no examples of its own.
    """
    for part in parts:
        if part.kind == SITUATION:
            return True
        if (
            part.kind == KEYWORD
            and len({k.casefold() for _, k in part.matches}) >= KEYWORDS_TOGETHER_MIN
        ):
            return True
    return False


def _several_words(quote: str) -> bool:
    return len(quote.split()) >= 2


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def recency_factor(shown_at: datetime | None, now: datetime) -> float:
    """1.0 for a tip not shown recently; less the more recently it was shown."""
    if shown_at is None:
        return 1.0
    age_days = max(0.0, (_as_utc(now) - _as_utc(shown_at)).total_seconds() / 86400.0)
    return float(1.0 - RECENT_PENALTY * 0.5 ** (age_days / RECENT_HALF_LIFE_DAYS))


def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(a: Tip, b: Tip, features: Mapping[str, frozenset[str]]) -> float:
    """How much two tips say the same thing (0 = unrelated, 1 = the same).

    Half from their overall features (tags, keywords, title words), half
    from their practices, so the top N also spreads over the practices.
    """
    return (1.0 - PRACTICE_SPREAD) * _jaccard(
        features[a.id], features[b.id]
    ) + PRACTICE_SPREAD * _jaccard(set(a.practices), set(b.practices))


def _serves(tip: Tip, barrier_id: str) -> bool:
    return barrier_id in tip.barriers


def _promote_ticked(
    picked: list[TipMatch],
    rest: list[tuple[float, Tip, list[ScorePart], float]],
    ticked: Sequence[str],
    make: Callable[[float, Tip, list[ScorePart], float, float, str], TipMatch],
) -> list[TipMatch]:
    """Every ticked barrier gets at least one tip in the top when the content has one.

    The best remaining tip for an unserved barrier replaces the lowest-ranked
    pick that serves no ticked barrier, or serves one that another pick
    also serves.
    """
    for barrier_id in ticked:
        if any(_serves(m.tip, barrier_id) for m in picked):
            continue
        best = max(
            (entry for entry in rest if _serves(entry[1], barrier_id)),
            key=lambda entry: (entry[0], entry[1].id),
            default=None,
        )
        if best is None:
            continue
        for position in range(len(picked) - 1, -1, -1):
            served = [b for b in ticked if _serves(picked[position].tip, b)]
            if all(
                any(_serves(m.tip, b) for m in picked if m is not picked[position]) for b in served
            ):
                rest.remove(best)
                picked[position] = make(*best, 1.0, barrier_id)
                break
    return picked


def match_tips(
    content: Content,
    signals: Signals,
    n: int = 5,
    recently_shown: Mapping[str, datetime] | None = None,
    now: datetime | None = None,
) -> list[TipMatch]:
    """The ``n`` best tips for these signals, varied and fresh, best first.

    ``recently_shown`` maps tip ids to when they were last shown (from the
    journal); ``now`` defaults to the latest of those moments so the
    result never depends on the wall clock. The reported score is the one
    the tip was picked with (after the freshness and variety adjustments).
    Tips with no reason at all are never returned, nor tips written for the
    organisation rather than the boundary worker (``Tip.audience``); equal
    scores are ordered by tip id. Every ticked barrier gets at least one
    tip in the top ``n`` when the content has one for it.
    """
    if n <= 0:
        return []
    evidence = read_text(content, signals.text)
    inferred = _inferred_practices(content, signals, evidence)
    resemblance = example_resemblance(content, signals.text)
    split: list[Sentences] = []  # the text's sentences, split at the first quote
    shown = dict(recently_shown or {})
    reference = now if now is not None else max(shown.values(), key=_as_utc, default=None)

    candidates: list[tuple[float, Tip, list[ScorePart], float]] = []
    for tip in content.tips:
        if not for_audience(tip):
            continue
        parts = score_tip(content, tip, signals, evidence, inferred, resemblance)
        if not parts or all(p.kind == INFERRED_PRACTICE and not p.quotes for p in parts):
            continue  # nothing the user wrote or chose points at this tip itself
        total = sum(p.weight for p in parts)
        shown_at = shown.get(tip.id)
        factor = recency_factor(shown_at, reference) if reference is not None else 1.0
        candidates.append((total * factor, tip, parts, factor))

    def make(
        relevance: float,
        tip: Tip,
        parts: list[ScorePart],
        factor: float,
        variety: float,
        promoted: str = "",
    ) -> TipMatch:
        parts = _with_example_quote(content, signals.text, tip, parts, split)
        parts = _unconfirmed_words_unquoted(content, tip, parts, resemblance)
        ordered = tuple(sorted(parts, key=lambda p: (-p.weight, p.kind, p.item)))
        lines = reasons.tip_reasons(content, tip, ordered, MAX_REASONS)
        return TipMatch(
            tip,
            round(relevance * variety, 3),
            lines,
            ordered,
            round(sum(p.weight for p in parts), 3),
            round(factor, 3),
            round(variety, 3),
            promoted,
        )

    candidates = _one_tip_per_tick(candidates)
    candidates = _earning_places(candidates, _case_practices(content, evidence))
    # Whether a tip earned its place does not change between pick rounds.
    fillers = {id(c[1]): earned(c[2]) < MIN_EARNED for c in candidates}
    features = coach_index(content).tip_features
    picked: list[TipMatch] = []
    while candidates and len(picked) < n:
        ranked = []
        served = {b for m in picked for b in m.tip.barriers}
        served_helps = {h for m in picked for h in m.tip.helps}
        for index, (relevance, tip, parts, factor) in enumerate(candidates):
            overlap = max((similarity(tip, m.tip, features) for m in picked), default=0.0)
            # A ticked barrier that a picked tip already serves counts less for
            # the next tip: one tip per ticked barrier is promised, not five.
            # The same for a ticked help: it should not pull in every tip about it.
            repeat = sum(
                p.weight
                for p in parts
                if (p.kind == TICKED_BARRIER and p.item in served)
                or (p.kind == TICKED_HELP and p.item in served_helps)
            )
            relevance = max(0.0, relevance - SERVED_DISCOUNT * repeat * factor)
            adjusted = round(relevance * (1.0 - DIVERSITY * overlap), 9)
            # A tip without evidence of its own (only the case kind, a practice
            # read from loose words) never goes ahead of one with evidence.
            filler = fillers[id(tip)]
            ranked.append((overlap >= NEAR_DUPLICATE, filler, -adjusted, tip.id, index, overlap))
        _, _, negative, _, best, overlap = min(ranked)
        if len(picked) >= MIN_SHOWN and -negative < RELATIVE_FLOOR * picked[0].score:
            break  # far below the best tip: more noise than advice
        entry = candidates.pop(best)
        variety = -negative / entry[0] if entry[0] else 1.0
        picked.append(make(*entry, variety))
    return _promote_ticked(picked, candidates, signals.barriers, make)


def _with_example_quote(
    content: Content, text: str, tip: Tip, parts: list[ScorePart], sentences: list[Sentences]
) -> list[ScorePart]:
    """The examples part with the user's sentence closest to the tip's examples, for its reason.

    ``sentences`` holds the text split into sentences once this coaching
    needed it (empty before), so the five shown tips share one split.
    """
    out = []
    for part in parts:
        if part.kind == EXAMPLES and part.sure and not part.quotes:
            if not sentences:
                sentences.append(split_sentences(text))
            sentence = example_model(content).closest_sentence(text, tip.id, sentences[0])
            part = replace(part, quotes=(sentence,) if sentence else ())
        out.append(part)
    return out


def _unconfirmed_words_unquoted(
    content: Content, tip: Tip, parts: list[ScorePart], resemblance: Mapping[str, float]
) -> list[ScorePart]:
    """A tip's cue or keywords are not quoted back when the note does not resemble its examples.

    Why: blind readers (stop 15) kept marking lines that hang on one quoted
    phrase in another sense ("zaal vol", "te lang duurde", "niet gehoord"
    read as "no news"). When the note as a whole also resembles the example
    notes of the tip, the words are very likely meant as the tip means them;
    when it does not, the words still count for the score, but the line says
    what the tip is about instead of claiming the user wrote its situation.
    A tip without example notes (an organisation's own) keeps its quotes.
    """
    if resemblance.get(tip.id, 0.0) >= QUOTE_CONFIRM:
        return parts
    if not example_model(content).counts.get(tip.id):
        return parts
    return [replace(p, sure=False) if p.kind in _CONFIRMED_BY_EXAMPLES else p for p in parts]


_TICKS = frozenset({TICKED_BARRIER, TICKED_HELP})


def _one_tip_per_tick(
    candidates: list[tuple[float, Tip, list[ScorePart], float]],
) -> list[tuple[float, Tip, list[ScorePart], float]]:
    """A ticked hindrance or help speaks for one tip; others under it need words of their own.

    Why: blind readers saw a ticked barrier pull in several tips filed under it
    that did not address the case ("Politiek" ticked: five politics tips). The
    tip that scores best with the tick keeps it (the promise: every tick is
    served); for every other tip the tick no longer counts, so it is shown only
    when the text itself points at it. The part stays in ``parts`` with weight
    0 so ``--explain`` still shows the tick was seen.
    """
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for relevance, tip, parts, _factor in candidates:
        for part in parts:
            if part.kind in _TICKS:
                key = (part.kind, part.item)
                best[key] = min(best.get(key, (0.0, "~")), (-relevance, tip.id))
    result = []
    for relevance, tip, parts, factor in candidates:
        kept = []
        for part in parts:
            if part.kind in _TICKS and best[(part.kind, part.item)][1] != tip.id:
                relevance -= part.weight * factor
                part = replace(part, weight=0.0)
            kept.append(part)
        result.append((relevance, tip, kept, factor))
    return result


def _case_practices(content: Content, evidence: TextEvidence) -> frozenset[str]:
    """The practices of the tips whose situation cues the text shows (their core move's first).

    What the note is about: a fill-in tip should come from here, not from a
    practice that a few generic words point at.
    """
    tips = content.by_id("tips")
    found = set()
    for tip_id, items in evidence.cues.items():
        tip = tips.get(tip_id)
        practices = getattr(tip, "practices", ())
        if practices and strong_cues(items):
            found.add(practices[0])
    return frozenset(found)


def strong_cues(items: Sequence[Evidence]) -> bool:
    """Cues that say what the case is about by themselves (a phrase, or two cues)."""
    return any(_telling_phrase(e.keyword) for e in items) or (
        len({e.keyword.casefold() for e in items}) >= 2
    )


_USER_SIGNALS = frozenset({TICKED_BARRIER, TICKED_HELP, CHOSEN_PRACTICE, LOW_PRINCIPLE})


def _fill_score(
    entry: tuple[float, Tip, list[ScorePart], float], case_practices: frozenset[str]
) -> float:
    """A fill-in's score: a practice read from loose words counts half off topic.

    Why: blind readings found the free slots taken by generic initiative tips
    (participation tools, connecting initiators) because loose words pointed at
    their practice, while the note was about something else (who is reached,
    rival parties, one's role). When the text's cues say what it is about, a
    practice inferred from other words counts half.
    """
    relevance, _tip, parts, factor = entry
    if not case_practices or any(p.kind in _USER_SIGNALS for p in parts):
        return relevance  # what the user ticked or chose says what the note is about too
    off_topic = sum(
        p.weight for p in parts if p.kind == INFERRED_PRACTICE and p.item not in case_practices
    )
    return relevance - FILL_OFF_TOPIC * off_topic * factor


def _earning_places(
    candidates: list[tuple[float, Tip, list[ScorePart], float]],
    case_practices: frozenset[str] = frozenset(),
) -> list[tuple[float, Tip, list[ScorePart], float]]:
    """Candidates whose evidence earns a place; the best others only to reach MIN_SHOWN."""
    strong = [c for c in candidates if earned(c[2]) >= MIN_EARNED]
    if len(strong) >= MIN_SHOWN:
        return strong
    weak = sorted(
        (c for c in candidates if earned(c[2]) < MIN_EARNED),
        key=lambda c: (-_fill_score(c, case_practices), c[1].id),
    )
    return strong + weak[: MIN_SHOWN - len(strong)]
