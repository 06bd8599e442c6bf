"""What the coach knows about a case: explicit choices plus what the text implies.

Why two layers: ``Signals`` holds only what the user chose or wrote (it
needs no content and is cheap to build on every keystroke pause);
``read_text`` interprets the free text against the content's keywords and
keeps the user's own words as evidence, so every conclusion can be
explained back to them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from reflect_tui.core.coach.idioms import idiom_positions
from reflect_tui.core.coach.index import BARRIER, HELP, PRACTICE, TIP, coach_index
from reflect_tui.core.coach.situations import SituationHit
from reflect_tui.core.coach.text import MODIFIER, WHOLE, Token, quote, tokenize
from reflect_tui.core.content.model import Content
from reflect_tui.core.journal.model import Reflection
from reflect_tui.core.text_analysis import word_key

LOW_RATING = 2  # a principle rated at or below this counts as "low"
CUE_QUOTE_MAX = 60  # a cue's quote may be longer than a keyword's: it is a phrase

# Words that, in the same sentence, turn a keyword shared by a barrier and a
# help (e.g. "collega's") into a help: "dankzij mijn collega van groen".
_POSITIVE_CUES = [
    "hielp",
    "helpen",
    "geholpen",
    "dankzij",
    "steun",
    "steunde",
    "gesteund",
    "meegedacht",
    "meedenken",
    "meedacht",
    "fijn",
    "prettig",
    "blij",
    "top",
    "gelukkig",
    "enthousiast",
    "samen",
    "positief",
    "tevreden",
    "geregeld",
    "regelde",
    "meegeholpen",
    "meedenkt",
    "rugdekking",
]
# Who a clause is about: a barrier is a hindrance inside the organisation, so a
# clause whose subject is residents ("de bewoners hebben geen tijd") names none.
_RESIDENT_WORDS = [
    "bewoner",
    "bewoners",
    "buurtbewoners",
    "omwonenden",
    "buren",
    "mensen",
    "vrijwilligers",
    "initiatiefnemers",
    "initiatiefnemer",
    "ouders",
    "ondernemers",
    "winkeliers",
    "huurders",
    "jongeren",
    "meneer",
    "mevrouw",
    "buurt",
    "werkgroep",
    "buurtvereniging",
    # Other parties outside the organisation: "de aannemer zegt dat hij geen
    # tijd heeft" is the contractor's hindrance, not the user's.
    "aannemer",
    "aannemers",
    "inschrijver",
    "inschrijvers",
    "bieder",
    "bieders",
    "leverancier",
    "bewonersgroep",
    # Partners outside the municipality: "de corporatie werkt niet mee" or "de
    # wijkagent heeft het te druk" is no hindrance inside the organisation.
    "wijkagent",
    "politie",
    "corporatie",
    "woningcorporatie",
    "welzijnsorganisatie",
    "welzijnswerker",
    "jongerenwerker",
    "opbouwwerker",
    "stichting",
    "ontwikkelaar",
    "projectontwikkelaar",
    "dorpsraad",
    "wijkraad",
    "ze",
    "zij",
]
# ... unless someone of the organisation is in the same clause.
_ORGANISATION_WORDS = [
    "ik",
    "wij",
    "we",
    "gemeente",
    "collega",
    "collega's",
    "afdeling",
    "team",
    "wethouder",
    "manager",
    "leidinggevende",
    "teamleider",
    "directie",
    "college",
    "raad",
    "mijn",
    "ons",
    "onze",
    "beheer",
    "handhaving",
    "vastgoed",
    "civiel",
    "stedenbouw",
]
# Words near a help keyword that mean the help was missing or refused
# ("geen budget", "team beheer weigert", "de wethouder steunde ons niet").
_NEGATIONS = [
    "geen",
    "niet",
    "nooit",
    "zonder",
    "weinig",
    "gebrek",
    "onvoldoende",
    "weigeren",
    "weigert",
    "weigerde",
    "ontbreken",
    "ontbreekt",
    "ontbrak",
    "niemand",
    "nergens",
    "nauwelijks",
    "amper",
]
# Good news: a hindrance named in the same sentence is over or never was one
# ("ik had geen tijd, maar dat is opgelost"; "de vergunning is gelukt"). A
# sentence like "Dat is opgelost." also settles the sentence before it.
_SETTLED = [
    "opgelost",
    "gelukt",
    "lukte",
    "geslaagd",
    "succes",
    "meegevallen",
    "meeviel",
    "verholpen",
    "rechtgezet",
]
# ... and words that say so only for their own clause ("dat liep goed").
_WENT_WELL = ["goed", "prima", "soepel", "fijn", "uitstekend"]
_POINTING_BACK = ["dat", "dit", "het", "die", "alles", "dus", "en"]
# Words that, in a barrier keyword's clause, confirm it is a hindrance
# ("collega's van vastgoed willen liever verkopen", "team beheer weigert").
_HINDRANCE_WORDS = [
    "liever",
    "tegen",
    "tegenhouden",
    "blokkeert",
    "blokkeren",
    "traag",
    "lastig",
    "moeilijk",
    "probleem",
    "hindert",
    "hinderde",
    "vast",
    "klem",
    "druk",
    "teveel",
    "onmogelijk",
    "alleen",
]
_NOT_KNOWING = frozenset(word_key(w) for w in ("weet", "wist", "weten"))
# Hindrances that are the user's own: "mijn collega heeft het te druk" is the
# Collega's hindrance (colleagues who are too busy for it), not the user's
# workload, and advice on asking for time and mandate does not fit it.
_OWN_ONLY = frozenset({"tijdgebrek"})
# Who a clause may be about inside the organisation (its subject, see
# _colleague_clauses); the user is "ik", "we", "wij".
_COLLEAGUE_WORDS = [
    "collega",
    "collega's",
    "collegas",
    "teamleider",
    "manager",
    "leidinggevende",
    "afdeling",
    "team",
    "directie",
    "wethouder",
    "beheer",
    "handhaving",
    "vastgoed",
]
_SUBJECT_SELF = ["ik", "we", "wij"]
HINDRANCE_NEAR = 6  # tokens either side in which a hindrance word confirms a barrier word
_NEGATION_BEFORE = 5  # tokens before the keyword, within its clause
_NEGATION_AFTER = 4  # tokens after it ("steunde ons helemaal niet")
_SENTENCE_BREAKS = frozenset(".!?\n;")
_CLAUSE_BREAKS = frozenset(".!?\n;,:")
_CLAUSE_WORDS = frozenset({"maar", "terwijl", "hoewel", "alleen"})


def _keys(words: Sequence[str]) -> frozenset[str]:
    return frozenset(word_key(w) for w in words)


@dataclass(frozen=True)
class Signals:
    """Everything the user told us about the case, before interpretation.

    ``ratings`` keeps (principle id, rating) pairs so reasons can say "je
    gaf jezelf een 2 voor Open"; ``low_principles`` is derived from them
    when built from a reflection.
    """

    text: str = ""
    case_kind: str | None = None
    practices: tuple[str, ...] = ()
    step: str | None = None
    low_principles: tuple[str, ...] = ()
    barriers: tuple[str, ...] = ()
    helps: tuple[str, ...] = ()
    ratings: tuple[tuple[str, int], ...] = ()

    @classmethod
    def from_reflection(cls, r: Reflection, step: str | None = None) -> Signals:
        """Signals of a draft or complete reflection.

        ``step`` is the LSD step the user is answering right now (the
        session knows it; a stored reflection does not).
        """
        ratings = tuple((p.id, p.rating) for p in r.principles if p.rating is not None)
        return cls(
            text=r.all_text(chosen_only=True),
            case_kind=r.case_kind,
            practices=tuple(dict.fromkeys(r.practices)),
            step=step,
            low_principles=tuple(pid for pid, rating in ratings if rating <= LOW_RATING),
            barriers=tuple(dict.fromkeys(r.barriers)),
            helps=tuple(dict.fromkeys(r.helps)),
            ratings=ratings,
        )

    def rating_of(self, principle_id: str) -> int | None:
        """The rating given for a principle, if any."""
        for pid, rating in self.ratings:
            if pid == principle_id:
                return rating
        return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place in the user's text that supports a conclusion.

    ``quote`` is a short, plain snippet of the user's own words (never
    markup); ``keyword`` is the content keyword it matched; ``word`` the
    user's word itself (for --explain); ``part`` whether it was the whole
    word or a part of a compound.
    """

    quote: str
    keyword: str
    start: int
    word: str = ""
    part: str = "whole"
    confirmed: bool = False  # its clause says what kind of thing it is (a refusal, a lack)


def _freeze(groups: dict[str, list[Evidence]]) -> Mapping[str, tuple[Evidence, ...]]:
    return MappingProxyType({key: tuple(value) for key, value in sorted(groups.items())})


@dataclass(frozen=True)
class TextEvidence:
    """What the free text implies, per id, with the words that imply it.

    ``absent_helps`` are helps the text names as missing or refused ("geen
    budget", "team beheer weigert"): not a help, but worth knowing.
    ``cues`` are tips whose situation cues the text contains (per tip id).
    """

    practices: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    barriers: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    helps: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    tips: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    absent_helps: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    cues: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)
    situations: Mapping[str, tuple[SituationHit, ...]] = field(default_factory=dict)


def _clauses(text: str, tokens: list[Token], breaks: frozenset[str]) -> list[int]:
    """Sentence or clause number of each token, so cues only count within it."""
    numbers: list[int] = []
    number = 0
    previous_end = 0
    for token in tokens:
        gap = text[previous_end : token.start]
        if any(ch in breaks for ch in gap) or (
            breaks is _CLAUSE_BREAKS and token.text in _CLAUSE_WORDS
        ):
            number += 1
        numbers.append(number)
        previous_end = token.end
    return numbers


def _negated(
    tokens: list[Token], clauses: list[int], first: int, last: int, negations: frozenset[str]
) -> bool:
    """A negation word within a few tokens of the match, in the same clause."""
    clause = clauses[first]
    lo = max(0, first - _NEGATION_BEFORE)
    hi = min(len(tokens), last + 1 + _NEGATION_AFTER)
    for index in (*range(lo, first), *range(last + 1, hi)):
        if clauses[index] == clause and word_key(tokens[index].text) in negations:
            if index > 0 and word_key(tokens[index - 1].text) in _NOT_KNOWING:
                continue  # "ik weet niet bij welk potje": not knowing, not missing
            return True
    return False


def _proper_name(text: str, tokens: list[Token], sentences: list[int], position: int) -> bool:
    """A capitalised word inside a sentence: a street, a neighbourhood, a name.

    Why: "Dorpsstraat", "Vogelwijk" or "Parklaan" are places, not talk about a
    street, a neighbourhood or a park; their parts must not count.
    """
    first = position == 0 or sentences[position - 1] != sentences[position]
    return not first and text[tokens[position].start].isupper()


def read_text(content: Content, text: str) -> TextEvidence:
    """Find the practices, barriers, helps and tips the text points at.

    Rules, each from a misreading seen on real text:
    - words inside a known idiom ("van het kastje naar de muur") count for
      nothing;
    - barriers and helps match whole words only (the keyword index makes
      sure); a tip or practice keyword may match a real compound part;
    - a word that is both a barrier and a help keyword ("collega's") is a
      help only with a positive cue in its sentence and no negation near it,
      otherwise a barrier;
    - a help keyword with a negation near it ("geen budget", "weigert") is
      not a help: it goes to ``absent_helps``.
    """
    if not text.strip():
        return TextEvidence()
    tokens = tokenize(text)
    index = coach_index(content)
    masked = idiom_positions(tokens)
    sentences = _clauses(text, tokens, _SENTENCE_BREAKS)
    hits = [
        h
        for h in index.keywords.iter_hits(tokens)
        if not any(p in masked for p in range(h.position, h.last + 1))
        and not (h.part != WHOLE and _proper_name(text, tokens, sentences, h.position))
    ]
    clauses = _clauses(text, tokens, _CLAUSE_BREAKS)
    positive_cues = _keys(_POSITIVE_CUES)
    negations = _keys(_NEGATIONS)
    barrier_spans = {h.start for h in hits if h.key[0] == BARRIER}
    help_spans = {h.start for h in hits if h.key[0] == HELP}
    barrier_positions = {
        p for h in hits if h.key[0] == BARRIER for p in range(h.position, h.last + 1)
    }
    groups: dict[str, dict[str, list[Evidence]]] = {
        PRACTICE: {},
        BARRIER: {},
        HELP: {},
        TIP: {},
        "absent": {},
    }
    positive_sentences = {
        sentences[i] for i, t in enumerate(tokens) if word_key(t.text) in positive_cues
    }
    positive_clauses = {
        clauses[i] for i, t in enumerate(tokens) if word_key(t.text) in positive_cues
    } | _thinking_along(tokens, clauses)
    resident_clauses = _resident_clauses(tokens, clauses)
    colleague_clauses = _colleague_clauses(tokens, clauses)
    own_only_tips = {t.id for t in content.tips if _OWN_ONLY.intersection(t.barriers)}
    wish_clauses = _wish_clauses(tokens, clauses)
    settled_sentences, settled_clauses = _good_news(tokens, sentences, clauses, negations)
    overcome = _worry_then_good_news(tokens, sentences, clauses, settled_clauses)
    settled_clauses |= overcome
    hindrance = negations | _keys(_HINDRANCE_WORDS)
    # "ik weet niet of de wethouder ..." is a question, not a hindrance: a
    # negation right after a not-knowing word confirms nothing.
    hindrance_clauses = {
        clauses[i]
        for i, t in enumerate(tokens)
        if word_key(t.text) in hindrance
        and not (i > 0 and word_key(tokens[i - 1].text) in _NOT_KNOWING)
    }
    hindrance_tips = {t.id for t in content.tips if t.barriers}

    hindrance_at = [
        i
        for i, t in enumerate(tokens)
        if clauses[i] in hindrance_clauses
        and word_key(t.text) in hindrance
        and not (i > 0 and word_key(tokens[i - 1].text) in _NOT_KNOWING)
    ]

    def _hindrance_near(first: int, last: int) -> bool:
        """A hindrance word close to the match in its clause ("afdeling X weigert").

        Why near: in a long clause a negation further on ("... en niemand weet
        wat de ander doet") says nothing about a department named at its start.
        """
        lo = bisect_left(hindrance_at, first - HINDRANCE_NEAR)
        # The match's own words never confirm it: a keyword that holds a
        # negation ("niet mee") would otherwise vouch for itself ("telt niet mee").
        return any(
            j <= last + HINDRANCE_NEAR and clauses[j] == clauses[first] and not first <= j <= last
            for j in hindrance_at[lo:]
        )

    def positive_sentence(number: int) -> bool:
        return number in positive_sentences

    seen_spans: set[tuple[object, int]] = set()
    seen_words: set[tuple[object, str]] = set()
    for hit in hits:
        kind, item_id = hit.key
        word = hit.keyword.casefold()
        # One piece of evidence per place and per keyword: repeats add nothing
        # to a score, and a 100 KB answer must not make thousands of quotes.
        if (hit.key, hit.start) in seen_spans or (hit.key, word) in seen_words:
            continue
        group = kind
        if (
            kind == TIP
            and sentences[hit.position] in settled_sentences
            and item_id in hindrance_tips
        ):
            continue  # a hindrance tip's words, in a sentence that says it was solved
        if (
            kind == TIP
            and item_id in hindrance_tips
            and clauses[hit.position] in resident_clauses
            and any(p in barrier_positions for p in range(hit.position, hit.last + 1))
        ):
            continue  # "de vrijwilligers hebben geen tijd": their hindrance, not the user's
        if (
            kind == TIP
            and item_id in own_only_tips
            and clauses[hit.position] in colleague_clauses
            and any(p in barrier_positions for p in range(hit.position, hit.last + 1))
        ):
            continue  # "mijn collega heeft geen tijd": not the user's own workload
        if kind in (BARRIER, HELP):
            if hit.part == MODIFIER:
                continue
            if kind == BARRIER and hit.part != WHOLE and _residents_own(tokens[hit.position].text):
                continue  # "bewonerscommissie", "bewonersbeheer": the residents' own body
            if kind == BARRIER and (
                sentences[hit.position] in settled_sentences
                or clauses[hit.position] in settled_clauses
            ):
                continue  # "geen tijd, maar dat is opgelost": good news, no hindrance
            shared = hit.start in barrier_spans and hit.start in help_spans
            negated = _negated(tokens, clauses, hit.position, hit.last, negations)
            if kind == HELP:
                if negated and sentences[hit.position] in settled_sentences:
                    continue  # "eerst geen budget, maar het is toch gelukt": overcome
                if negated:
                    group = "absent"
                elif shared and not positive_sentence(sentences[hit.position]):
                    continue
            elif shared and positive_sentence(sentences[hit.position]) and not negated:
                continue  # read as the help instead
            elif not negated and clauses[hit.position] in positive_clauses:
                continue  # "de wethouder was enthousiast": support, not a hindrance
            elif clauses[hit.position] in resident_clauses:
                continue  # "de bewoners hebben geen tijd": not the organisation
            elif kind == BARRIER and clauses[hit.position] in wish_clauses:
                continue  # "ik wil dat het niet weer ieder voor zich is": a wish
            elif (
                kind == BARRIER
                and item_id in _OWN_ONLY
                and clauses[hit.position] in colleague_clauses
            ):
                continue  # "mijn collega heeft het te druk": Collega's, not the user's time
        seen_spans.add((hit.key, hit.start))
        seen_words.add((hit.key, word))
        evidence = Evidence(
            quote(text, hit.start, hit.end),
            hit.keyword,
            hit.start,
            text[hit.start : hit.end],
            hit.part,
            confirmed=group == BARRIER and _hindrance_near(hit.position, hit.last),
        )
        groups[group].setdefault(item_id, []).append(evidence)
    cue_groups: dict[str, list[Evidence]] = {}
    for cue_hit in index.cues.hits(tokens, clauses, masked, negations):
        if clauses[cue_hit.first] in overcome:
            continue  # "de zaal zat vol, maar de sfeer was goed": no situation to handle
        if cue_hit.owner in hindrance_tips and (
            sentences[cue_hit.first] in settled_sentences
            or clauses[cue_hit.first] in settled_clauses
        ):
            continue  # a hindrance tip's situation, but the text says it was solved
        if (
            cue_hit.owner in hindrance_tips
            and any(p in barrier_positions for p in range(cue_hit.first, cue_hit.last + 1))
            and (
                clauses[cue_hit.first] in resident_clauses or clauses[cue_hit.first] in wish_clauses
            )
        ):
            continue  # someone else's hindrance ("de aannemer heeft geen tijd"), or a wish
        if (
            cue_hit.owner in own_only_tips
            and any(p in barrier_positions for p in range(cue_hit.first, cue_hit.last + 1))
            and clauses[cue_hit.first] in colleague_clauses
        ):
            continue  # a colleague's busyness, not the user's own workload
        start, end = tokens[cue_hit.first].start, tokens[cue_hit.last].end
        cue_groups.setdefault(cue_hit.owner, []).append(
            Evidence(quote(text, start, end, CUE_QUOTE_MAX), cue_hit.cue, start, text[start:end])
        )
    situations = index.situations.find(
        text, tokens, sentences, clauses, masked, negations, skip_clauses=overcome
    )
    return TextEvidence(
        practices=_freeze(groups[PRACTICE]),
        barriers=_freeze(groups[BARRIER]),
        helps=_freeze(groups[HELP]),
        tips=_freeze(groups[TIP]),
        absent_helps=_freeze(groups["absent"]),
        cues=_freeze(cue_groups),
        situations=MappingProxyType(dict(situations)),
    )


def _good_news(
    tokens: list[Token], sentences: list[int], clauses: list[int], negations: frozenset[str]
) -> tuple[set[int], set[int]]:
    """Sentences and clauses that say something went well or was solved.

    A good-news word with a negation just before or after it ("niet
    opgelost", "lukte niet") is no good news.
    """
    settled, went_well = _keys(_SETTLED), _keys(_WENT_WELL)
    back = _keys(_POINTING_BACK)
    keys = [word_key(t.text) for t in tokens]
    found_sentences: set[int] = set()
    found_clauses: set[int] = set()
    starts: dict[int, int] = {}
    for i, number in enumerate(sentences):
        starts.setdefault(number, i)
    for i, key in enumerate(keys):
        if key not in settled and key not in went_well:
            continue
        near = range(max(0, i - 2), min(len(keys), i + 3))
        if any(keys[j] in negations and clauses[j] == clauses[i] for j in near if j != i):
            continue
        if key in went_well:
            found_clauses.add(clauses[i])
            continue
        sentence = sentences[i]
        found_sentences.add(sentence)
        first = starts[sentence]
        if sentence > 0 and keys[first] in back and i - first <= 4:
            found_sentences.add(sentence - 1)  # "Dat is dus opgelost."
    return found_sentences, found_clauses


_BUT = word_key("maar")


def _worry_then_good_news(
    tokens: list[Token], sentences: list[int], clauses: list[int], went_well: set[int]
) -> set[int]:
    """Clauses before a "maar" clause that says it went well, in the same sentence.

    Why: "De zaal zat vol, maar de sfeer was goed" names a possible problem
    only to say it did not come about; blind readers saw such sentences read
    as the problem (advice for a crowded, tense evening). The reverse order
    ("het ging goed, maar niemand kwam") keeps its problem: only what comes
    before the "maar" is overcome.
    """
    overcome: set[int] = set()
    for i, token in enumerate(tokens):
        if word_key(token.text) != _BUT or clauses[i] not in went_well:
            continue
        # Back to the sentence's start only (its tokens are contiguous): going
        # back to the text's start made a long answer with many "maar" quadratic.
        j = i - 1
        while j >= 0 and sentences[j] == sentences[i]:
            if clauses[j] != clauses[i]:
                overcome.add(clauses[j])
            j -= 1
    return overcome


_THINK = frozenset(word_key(w) for w in ("denkt", "dacht", "dachten", "denken"))
_ALONG = word_key("mee")


def _thinking_along(tokens: list[Token], clauses: list[int]) -> set[int]:
    """Clauses with a split "dacht ... mee" ("mijn collega dacht meteen mee"): support."""
    found = set()
    for i, token in enumerate(tokens):
        if word_key(token.text) == _ALONG:
            for j in range(max(0, i - 3), i):
                if clauses[j] == clauses[i] and word_key(tokens[j].text) in _THINK:
                    found.add(clauses[i])
    return found


_WISH_VERBS = frozenset(
    word_key(w) for w in ("wil", "willen", "wilde", "hoop", "hopen", "hoopte", "wens", "wensen")
)
_THAT = word_key("dat")
_NOT = frozenset(word_key(w) for w in ("niet", "geen"))
_SELF = frozenset(word_key(w) for w in ("ik", "we", "wij"))


def _wish_clauses(tokens: list[Token], clauses: list[int]) -> set[int]:
    """Clauses that state a wish, not a present hindrance.

    "Ik wil dat het dit keer niet weer ieder voor zich is" and "we hopen dat
    we niet opnieuw langs elkaar heen werken" say what the user hopes to
    avoid: the user (ik, we) with a wish verb followed by "dat". A blind
    reading found such wishes quoted back as a silo the user is in. "Mijn
    teamleider wil niet dat ..." is someone's refusal, a real hindrance.
    """
    keys = [word_key(t.text) for t in tokens]
    found = set()
    for i, key in enumerate(keys):
        if (
            key in _WISH_VERBS
            and _THAT in keys[i + 1 : i + 4]
            and not _NOT & set(keys[i + 1 : i + 3])  # "wil niet dat": a refusal
            and _SELF & set(keys[max(0, i - 2) : i + 2])  # the user's wish, not the boss's
        ):
            found.add(clauses[i])
    return found


def _resident_clauses(tokens: list[Token], clauses: list[int]) -> set[int]:
    """Clauses that open with residents as their subject and name nobody inside.

    The subject is taken as the first of the clause's first three words that is
    a resident or organisation word; "ze" counts as residents only then.
    """
    residents = _keys(_RESIDENT_WORDS)
    organisation = _keys(_ORGANISATION_WORDS)
    firsts: dict[int, list[str]] = {}
    named_inside: set[int] = set()
    for token, clause in zip(tokens, clauses, strict=True):
        key = word_key(token.text)
        firsts.setdefault(clause, []).append(key)
        if key in organisation:
            named_inside.add(clause)
    result = set()
    for clause, keys in firsts.items():
        if clause in named_inside:
            continue
        subject = next((k for k in keys[:3] if k in residents), None)
        if subject is not None:
            result.add(clause)
    return result


def _colleague_clauses(tokens: list[Token], clauses: list[int]) -> set[int]:
    """Clauses whose subject is a colleague, a manager or a department, not the user.

    The subject is the first word among the clause's first four that names a
    person or body: "Mijn collega van groen heeft het te druk" (collega),
    "De teamleider heeft geen tijd" (teamleider). "Ik heb geen tijd voor mijn
    collega" has the user as subject.
    """
    colleagues = _keys(_COLLEAGUE_WORDS)
    people = colleagues | _keys(_SUBJECT_SELF) | _keys(_RESIDENT_WORDS)
    firsts: dict[int, list[str]] = {}
    for token, clause in zip(tokens, clauses, strict=True):
        firsts.setdefault(clause, []).append(word_key(token.text))
    ours = _keys(["ons", "onze"])
    result = set()
    for clause, keys in firsts.items():
        at = next((i for i, k in enumerate(keys[:4]) if k in people), None)
        if at is None or keys[at] not in colleagues:
            continue
        if at > 0 and keys[at - 1] in ours:
            continue  # "ons team heeft geen tijd": the user's own team
        result.add(clause)
    return result


# Word starts that make a compound the residents' own ("bewonerscommissie",
# "huurdersoverleg", "buurtbeheer"): its head ("commissie", "beheer") then names
# no body inside the organisation.
_RESIDENT_PREFIXES = (
    "bewoner",
    "buurt",
    "huurder",
    "ouder",
    "jongeren",
    "vrijwilliger",
    "ondernemer",
    "winkelier",
    "dorps",
    "wijkbewoner",
)


def _residents_own(word: str) -> bool:
    """Whether a compound word names something of the residents, not the organisation."""
    folded = word.casefold()
    return folded.startswith(_RESIDENT_PREFIXES)


def first_quotes(evidence: Iterable[Evidence], limit: int = 2) -> list[str]:
    """Up to ``limit`` distinct quotes, in text order (for reasons)."""
    quotes: list[str] = []
    covered_until = -1
    for item in sorted(evidence, key=lambda e: e.start):
        if item.start < covered_until or not item.quote or item.quote in quotes:
            continue  # inside the previous quote ("collega's van vastgoed" / "vastgoed")
        quotes.append(item.quote)
        covered_until = item.start + len(item.quote)
        if len(quotes) >= limit:
            break
    return quotes
