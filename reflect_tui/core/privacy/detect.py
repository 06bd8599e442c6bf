"""Find personal data in Dutch free text: names, addresses, numbers, dates of birth.

Why rules and lists instead of a language model: this runs offline, in a few
milliseconds, on texts of a few lines, and a group must be able to see why
something was flagged. The order matters: e-mail addresses, phone numbers,
BSNs, postcodes, addresses and dates are found first (their patterns are
exact), and a name is only looked for in the text that is left, so
"Kerkstraat" in "Kerkstraat 14" is an address, not a person.

A miss costs privacy and a false alarm costs a click, so when in doubt a
capitalised word in the middle of a sentence is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reflect_tui.core.privacy.names import (
    FIRST_NAMES,
    NOT_NAMES,
    OFFICES,
    PARTICLES,
    PERSON_VERBS,
    PLACE_HEADS,
    ROLE_WORDS,
    SURNAMES,
)

# Words after which a capitalised word is a person whatever it looks like.
PERSON_WORDS = OFFICES | ROLE_WORDS

# The kinds, in the order reports list them.
KINDS: tuple[str, ...] = ("naam", "adres", "postcode", "telefoon", "email", "bsn", "geboortedatum")


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of personal data: where it is, what kind, and the role word before a name.

    ``role`` is the role or title that introduces a name ("wethouder",
    "bewoner", "mevrouw"), lowercase; ``role_start`` is where that word (and
    its article) starts, so a replacement can swallow it.
    """

    kind: str
    start: int
    end: int
    text: str
    role: str | None = None
    role_start: int | None = None


EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
# Letters may follow straight on ("06-12345678persoon", a missing space): only
# another digit means the run is longer than a phone number.
PHONE_CANDIDATE = re.compile(
    r"(?<![\w+(])(?:\+|00|\()?\d(?:[\d()]|[ .-]{1,3}(?=[\d(])){7,20}(?![\d_])"
)
# 123456782, 123 456 782, 123.456.782, and the 4-2-3 grouping of some letters: 1234 56 782.
BSN_CANDIDATE = re.compile(
    r"(?<![\w.,-])(?:\d{3}([ .]?)\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3})(?![\w-]|[.,]\d)"
)
POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\w-])")
STREET = re.compile(
    r"(?<![\w-])([A-Z][a-zà-ÿ'’.-]+)\s(\d{1,5}(?:\s?[a-zA-Z](?![\w])|-\d{1,3}(?!\d))?)(?![\d])"
)
# "Laan van Meerdervoort 55", "Plein 't Zand 3": the street word first, a name after it.
STREET_FIRST = re.compile(
    r"(?<![\w-])(?:Laan|Plein|Weg|Kade|Singel|Gracht|Dijk|Park|Hof|Markt)"
    r"(?:\s(?:van|der|de|den|het|ter|ten|'t))+(?:\s[A-Z][\w'’-]+){1,3}\s\d{1,5}"
    r"(?:[a-zA-Z](?!\w))?(?!\d)"
)
# Words that open a street name of several words ("Burgemeester de Withstraat",
# "Eerste Constantijn Huygensstraat", "Nieuwe Binnenweg"); lowercase, no dot.
STREET_OPENERS = frozenset(
    {
        "burgemeester",
        "dokter",
        "dr",
        "prins",
        "prinses",
        "koning",
        "koningin",
        "graaf",
        "gravin",
        "hertog",
        "hertogin",
        "sint",
        "st",
        "pastoor",
        "pater",
        "dominee",
        "ds",
        "professor",
        "prof",
        "generaal",
        "admiraal",
        "kapitein",
        "mr",
        "meester",
        "president",
        "kardinaal",
        "bisschop",
        "jonkheer",
        "baron",
        "eerste",
        "tweede",
        "derde",
        "nieuwe",
        "oude",
        "lange",
        "korte",
        "hoge",
        "lage",
        "grote",
        "kleine",
        "noorder",
        "zuider",
        "ooster",
        "wester",
    }
)
# Words that may open a street name before its particles ("Burgemeester de",
# "Jan van"): built once, the walk-back asks it for every candidate.
_STREET_LEADS = STREET_OPENERS | FIRST_NAMES
# The particles inside a street name after a title or first name ("Jan van Galenstraat").
# Not "van de": "Jansen van de Kerkstraat" is Jansen who lives there.
STREET_PARTICLES = frozenset({"de", "van", "van der", "van den", "ter", "ten", "van 't", "du"})
_PREVIOUS_WORD = re.compile(r"(?<![\w'’.-])([\w'’]+\.?) $")
STREET_SUFFIXES: tuple[str, ...] = (
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "hof",
    "park",
    "steeg",
    "pad",
    "dreef",
    "baan",
    "markt",
    "wal",
    "plantsoen",
    "erf",
    "veld",
    "haven",
    "dam",
    "ring",
    "allee",
    "boulevard",
    "vaart",
    "akker",
    "weide",
    "hoeve",
    "oord",
    "kamp",
    "brink",
)
MONTHS: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_RE = "|".join(MONTHS) + r"|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
DATE = re.compile(
    r"(?<![\w-])(?:\d{1,2}[-/.]\d{1,2}[-/.](?:(?P<y1>\d{4})|(?P<yy>\d{2}))"
    rf"|\d{{1,2}}\s(?:{_MONTH_RE})\.?\s(?P<y2>\d{{4}}))(?![\w-]|[-/.]\d)",
    re.IGNORECASE,
)
BIRTH_CUE = re.compile(
    r"(geboren|geb\.|geboortedatum|geb\.datum|verjaardag|jarig)\W*(op\s)?$", re.I
)
# A full date this long ago is, in a case text, almost always someone's birthday.
OLD_YEAR = 2008
WORD = re.compile(r"[^\W\d_][\w'’-]*")
SENTENCE_END = re.compile(r"[.!?:;\"“”‘(\[\n•*#>-]\s*$")


@cache
def dutch_words() -> frozenset[str]:
    """Lowercase Dutch words (derived list, see ``scripts/derive_dutch_words.py``)."""
    text = resources.files(__package__).joinpath("dutch_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def find(text: str, streets: Iterable[str] = ()) -> list[Finding]:
    """Every finding in ``text``, in reading order, never overlapping.

    A street found with a house number is personal data wherever its name
    comes back ("de klacht van de Lindelaan"), in this text and, through
    ``streets`` (names from ``street_names``), in the other texts of the same
    document, just as a person's name is.
    """
    taken = _taken(text, (*_UP_TO_ADDRESSES, _birth_dates))
    known = set(streets).union(street_names(taken))
    for found in _bare_streets(text, known):
        if not _overlaps(found, taken):
            taken.append(found)
    for found in _names(text, taken):
        taken.append(found)
    return sorted(taken, key=lambda f: f.start)


def streets_in(text: str) -> set[str]:
    """The street names ``text`` gives with a house number: ``street_names(find(text))``.

    For learning a document's streets before proposing (``Pseudonymiser.learn``):
    only the finders up to the addresses decide which addresses ``find``
    keeps (what comes later never takes an address's place, and a bare
    mention has no number), so the names and the rest are not looked for.
    """
    return street_names(_taken(text, _UP_TO_ADDRESSES))


def _taken(text: str, finders: Iterable[Callable[[str], Iterator[Finding]]]) -> list[Finding]:
    """The findings of ``finders`` in turn, each kept unless an earlier one overlaps it."""
    taken: list[Finding] = []
    for finder in finders:
        for found in finder(text):
            if not _overlaps(found, taken):
                taken.append(found)
    return taken


def elfproef(digits: str) -> bool:
    """The BSN 11-test: weights 9..2 on the first eight digits, -1 on the last."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _overlaps(found: Finding, taken: list[Finding]) -> bool:
    return any(found.start < t.end and t.start < found.end for t in taken)


def _emails(text: str) -> Iterator[Finding]:
    for match in EMAIL.finditer(text):
        yield Finding("email", match.start(), match.end(), match.group())


def _phones(text: str) -> Iterator[Finding]:
    for match in PHONE_CANDIDATE.finditer(text):
        raw = match.group().rstrip(" .-")
        national = _national_number(raw)
        if national and len(national) == 10 and national[0] == "0" and national[1] != "0":
            yield Finding("telefoon", match.start(), match.start() + len(raw), raw)


def _national_number(raw: str) -> str:
    """The number as dialled inside the Netherlands: ``+31 (0)6 ...`` becomes ``06...``."""
    raw = raw.replace("(0)", "")
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+31"):
        return "0" + digits[2:]
    if raw.startswith("0031"):
        return "0" + digits[4:]
    if raw.startswith(("+", "00")):
        return ""
    return digits


def _bsns(text: str) -> Iterator[Finding]:
    for match in BSN_CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if elfproef(digits):
            yield Finding("bsn", match.start(), match.end(), match.group())


def _postcodes(text: str) -> Iterator[Finding]:
    for match in POSTCODE.finditer(text):
        yield Finding("postcode", match.start(), match.end(), match.group())


def _addresses(text: str) -> Iterator[Finding]:
    for match in STREET_FIRST.finditer(text):
        yield Finding("adres", match.start(), match.end(), match.group())
    for match in STREET.finditer(text):
        street = match.group(1).lower()
        if street.endswith(STREET_SUFFIXES) and len(street) > 4:
            start = _street_start(text, match.start())
            yield Finding("adres", start, match.end(), text[start : match.end()])


# The finders whose findings ``find`` takes before any other, in order; the
# addresses last, so that ``streets_in`` needs no more of them.
_UP_TO_ADDRESSES = (_emails, _phones, _bsns, _postcodes, _addresses)


def _street_start(text: str, start: int) -> int:
    """Where a street name ending at the word at ``start`` begins.

    "Withstraat 14a" may be the tail of "Burgemeester de Withstraat 14a":
    walk back over titles, first names and capitalised particles, and over
    a name particle ("de", "van") only when a title or first name comes
    before it, so "Jansen van de Kerkstraat 14" keeps Jansen out.
    """
    begin = start
    while True:
        word = _word_before(text, begin)
        if word is None:
            return begin
        w_start, w = word
        low = w.lower().rstrip(".")
        if w[:1].isupper() and (low in STREET_OPENERS or low in FIRST_NAMES):
            begin = w_start
            continue
        if w[:1].isupper() and low in PARTICLES and not _at_sentence_start(text, w_start):
            begin = w_start  # "Van Goghstraat"; a sentence's "De" is an article
            continue
        if w.islower() and low in PARTICLES:
            particles = [w]
            p_start = w_start
            while (prev := _word_before(text, p_start)) and prev[1].islower():
                particles.insert(0, prev[1])
                p_start = prev[0]
            opener = _word_before(text, p_start)
            if (
                " ".join(particles) in STREET_PARTICLES
                and opener is not None
                and opener[1][:1].isupper()
                and opener[1].lower().rstrip(".") in _STREET_LEADS
            ):
                begin = opener[0]
                continue
        return begin


def _word_before(text: str, pos: int) -> tuple[int, str] | None:
    """The word that ends one space before ``pos``, with where it starts."""
    match = _PREVIOUS_WORD.search(text, max(0, pos - 40), pos)
    return (match.start(1), match.group(1)) if match else None


def street_names(findings: Iterable[Finding]) -> set[str]:
    """The street names in address findings, without their house numbers.

    The last word counts on its own too ("Withstraat" for "Burgemeester de
    Withstraat"), as a person's surname does.
    """
    names: set[str] = set()
    for f in findings:
        if f.kind != "adres":
            continue
        name = re.sub(r"\s+\d[\w-]*$", "", f.text).strip()
        if not name or name == f.text:
            continue
        names.add(name)
        last = name.split()[-1]
        if last != name and _street_word(last.lower()):
            names.add(last)
    return names


def _bare_streets(text: str, streets: Iterable[str]) -> Iterator[Finding]:
    """Every mention of a known street name, longest names first."""
    for name in sorted(streets, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in name.split())
        for match in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text):
            yield Finding("adres", match.start(), match.end(), match.group())


def _birth_dates(text: str) -> Iterator[Finding]:
    for match in DATE.finditer(text):
        cue = BIRTH_CUE.search(text[max(0, match.start() - 30) : match.start()])
        if match.group("yy"):
            # A two-digit year ("12-03-61") counts only right after a birth cue.
            if cue:
                yield Finding("geboortedatum", match.start(), match.end(), match.group())
            continue
        year = int(match.group("y1") or match.group("y2"))
        if cue or 1900 <= year <= OLD_YEAR:
            yield Finding("geboortedatum", match.start(), match.end(), match.group())


# -- names ---------------------------------------------------------------------


def _is_capitalised(word: str) -> bool:
    """Capital first letter, not an acronym ("GGD") nor built on one ("BSN-achtig")."""
    head = re.split(r"[-'’]", word, maxsplit=1)[0]
    return word[:1].isupper() and not head.isupper()


def _street_word(low: str) -> bool:
    """A street name ("Kerkstraat"), but not the bare suffix ("Dijk" is a surname)."""
    return low.endswith(STREET_SUFFIXES) and low not in STREET_SUFFIXES


def _place_word(low: str) -> bool:
    """An organisation or building ("Rijkswaterstaat", "Stadsschouwburg"), not a person.

    The tester's case text lost "spraken met Rijkswaterstaat" and "in de
    Stadsschouwburg" to "persoon D" and "de persoon F": the words are no
    dictionary words, so they passed for unknown names. A listed name wins
    ("Veldhuis"), and the head needs four letters in front ("Nijhuis").
    """
    if not low.endswith(PLACE_HEADS) or low in SURNAMES or low in FIRST_NAMES:
        return False
    return any(low.endswith(head) and len(low) - len(head) >= 4 for head in PLACE_HEADS)


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or not text[:start].strip() or bool(SENTENCE_END.search(before))


def _not_a_person(low: str, vouched: AbstractSet[str] = frozenset()) -> bool:
    """A place, a body, a street or a building, not a person: never a name.

    ``vouched`` holds the words the same text puts right after a person word
    ("meneer Kolkhuis", "wethouder Bankhuis"): that beats any ending, so an
    unlisted surname that looks like a building is still hidden, in every
    mention of the text.
    """
    if low in vouched:
        return False
    return low in NOT_NAMES or (_street_word(low) and low not in SURNAMES) or _place_word(low)


def _vouched(text: str, tokens: list[re.Match[str]]) -> frozenset[str]:
    """Words the text puts right after a role or title word (see ``_not_a_person``)."""
    return frozenset(
        tokens[i].group().lower().strip("'’-")
        for i in range(1, len(tokens))
        if tokens[i - 1].group().lower().rstrip(".") in PERSON_WORDS
        and _adjacent(text, tokens[i - 1], tokens[i])
    )


def _name_like(word: str, sentence_start: bool, vouched: AbstractSet[str] = frozenset()) -> bool:
    """Could this capitalised word be (part of) a person's name?"""
    low = word.lower().strip("'’-")
    if _not_a_person(low, vouched):
        return False
    listed = low in FIRST_NAMES or low in SURNAMES or low in vouched
    is_word = low in dutch_words() or _is_word_form(low)
    if sentence_start:
        return listed and not is_word
    return listed or not is_word


def _is_word_form(low: str) -> bool:
    """Plural, diminutive or compound forms of a known word count as Dutch too."""
    words = dutch_words()
    if low.endswith("'s") and low[:-2] in words:
        return False  # a genitive of a name ("Jans") is still a name
    for suffix in ("en", "s", "jes", "tje", "je", "e", "er", "ers"):
        if low.endswith(suffix) and low[: -len(suffix)] in words and len(low) - len(suffix) > 3:
            return True
    if "-" in low:
        return all(part in words for part in low.split("-") if part)
    # A compound of two known words ("buurtpreventie", "klankbordgroep").
    for cut in range(4, len(low) - 3):
        head, tail = low[:cut], low[cut:]
        if head in words and (tail in words or tail.lstrip("s") in words):
            return True
    return False


def _names(text: str, taken: list[Finding]) -> Iterator[Finding]:
    tokens = [
        m for m in WORD.finditer(text) if not _overlaps(Finding("", m.start(), m.end(), ""), taken)
    ]
    vouched = _vouched(text, tokens)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        word = token.group()
        start_of_sentence = _at_sentence_start(text, token.start())
        low = word.lower()
        end_index = -1
        if _is_capitalised(word) and low in PARTICLES:
            # "Van Dijk", "De Boer", "El Amrani": a capitalised particle opens a surname.
            end_index = _surname_after_particles(text, tokens, i, start_of_sentence, vouched)
        elif (
            _is_capitalised(word)
            and _name_like(word, start_of_sentence, vouched)
            and not _inside_a_place(text, tokens, i)
        ):
            end_index = _extend_name(text, tokens, i, vouched)
        elif _is_capitalised(word) and start_of_sentence and i + 1 < len(tokens):
            # A sentence-initial word is a name only with a name behind it ("Noor Bos"),
            # or when it is no Dutch word and a verb follows ("Kowalski belde").
            nxt = tokens[i + 1].group()
            adjacent = _adjacent(text, token, tokens[i + 1])
            if (
                adjacent
                and low in FIRST_NAMES
                and _is_capitalised(nxt)
                and _name_like(nxt, False, vouched)
            ):
                end_index = _extend_name(text, tokens, i, vouched)
            elif adjacent and nxt in PERSON_VERBS and low not in NOT_NAMES and not _known(low):
                end_index = i
        if end_index < 0:
            i += 1
            continue
        start, end = token.start(), tokens[end_index].end()
        role, role_start = _role_before(text, tokens, i)
        yield Finding("naam", start, end, text[start:end], role, role_start)
        i = end_index + 1


def _inside_a_place(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """One unlisted word after "in de" / "in het": a place one is in ("in de Doelen").

    People are not "in" anything, so there it is a building or a venue, unless
    the word is a listed name or a name goes on after it ("in de Jan ...").
    "bij de" is not enough: "bij de Vries" is at someone's house.
    """
    if i < 2 or not _adjacent(text, tokens[i - 1], tokens[i]):
        return False
    if not _adjacent(text, tokens[i - 2], tokens[i - 1]):
        return False
    if tokens[i - 2].group().lower() != "in" or tokens[i - 1].group() not in ("de", "het"):
        return False
    low = tokens[i].group().lower()
    if low in FIRST_NAMES or low in SURNAMES:
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (
        following is not None
        and _adjacent(text, tokens[i], following)
        and _is_capitalised(following.group())
    )


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Only spaces between two tokens (no comma, no line break)."""
    gap = text[a.end() : b.start()]
    return bool(gap) and gap.strip(" ") == "" and len(gap) <= 2


def _extend_name(
    text: str, tokens: list[re.Match[str]], i: int, vouched: AbstractSet[str] = frozenset()
) -> int:
    """The index of the last token of the name that starts at ``i``."""
    end = i
    used_particles = False
    j = i + 1
    while j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]):
        word = tokens[j].group()
        if _is_capitalised(word) and word.lower() in PARTICLES:
            found = _surname_after_particles(text, tokens, j, False, vouched)
            return found if found >= 0 else end
        if _is_capitalised(word):
            if _not_a_person(word.lower(), vouched):
                break
            end = j
            j += 1
            continue
        if word in PARTICLES and not used_particles:
            k = j
            while k < len(tokens) and tokens[k].group() in PARTICLES:
                k += 1
            if (
                k < len(tokens)
                and _adjacent(text, tokens[k - 1], tokens[k])
                and _is_capitalised(tokens[k].group())
            ):
                used_particles = True
                end = k
                j = k + 1
                continue
        break
    return end


def _surname_after_particles(
    text: str,
    tokens: list[re.Match[str]],
    i: int,
    sentence_start: bool,
    vouched: AbstractSet[str] = frozenset(),
) -> int:
    """``Van der Meer``: particles, then one capitalised word; -1 if not a surname."""
    k = i + 1
    while (
        k < len(tokens)
        and tokens[k].group().lower() in PARTICLES
        and _adjacent(text, tokens[k - 1], tokens[k])
    ):
        k += 1
    if k >= len(tokens) or not _adjacent(text, tokens[k - 1], tokens[k]):
        return -1
    word = tokens[k].group()
    if not _is_capitalised(word):
        return -1
    low = word.lower()
    if _not_a_person(low, vouched):
        return -1
    if sentence_start and not (low in SURNAMES or not _known(low)):
        return -1
    return k


def _known(low: str) -> bool:
    return low in dutch_words() or _is_word_form(low)


def _role_before(text: str, tokens: list[re.Match[str]], i: int) -> tuple[str | None, int | None]:
    """The role word right before a name ("wethouder", "collega"), with its article."""
    if i == 0 or not _adjacent(text, tokens[i - 1], tokens[i]):
        return None, None
    previous = tokens[i - 1]
    role = previous.group().lower().rstrip(".")
    if role not in OFFICES and role not in ROLE_WORDS:
        return None, None
    start = previous.start()
    if role == "heer" and i >= 2 and tokens[i - 2].group().lower() == "de":
        return "meneer", tokens[i - 2].start()
    if (
        i >= 2
        and tokens[i - 2].group().lower() == "de"
        and _adjacent(text, tokens[i - 2], previous)
    ):
        start = tokens[i - 2].start()
    return role, start
