"""Replace personal data by roles and placeholders, and say what kinds were replaced.

Why a class with state: a group summary is many small texts (questions,
lessons, steps); the same person must get the same letter in all of them
("bewoner A" stays bewoner A), so one ``Pseudonymiser`` serves a whole
document. The replaced values are never kept in the report: it counts
kinds, so a group can show the report without showing what was hidden.

The TUI shows the proposals for review (untick a false alarm); the CLI
``reflect anonimiseer`` applies them all. Both call ``propose`` and
``apply`` here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reflect_tui.core.privacy.detect import KINDS, Finding, find, street_names, streets_in
from reflect_tui.core.privacy.names import OFFICES

# What a finding of each kind becomes (names are handled by role, below).
PLACEHOLDERS: Mapping[str, str] = {
    "adres": "[adres]",
    "postcode": "[postcode]",
    "telefoon": "[telefoonnummer]",
    "email": "[e-mailadres]",
    "bsn": "[BSN]",
    "geboortedatum": "[geboortedatum]",
}
# A name without a role word before it.
PERSON = "persoon"
# Titles are not roles: "mevrouw Jansen" becomes "mevrouw A".
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One finding with the text that would replace it (``start``..``end`` of the source)."""

    finding: Finding
    start: int
    end: int
    replacement: str

    @property
    def kind(self) -> str:
        return self.finding.kind


@dataclass(frozen=True, slots=True)
class Result:
    """The pseudonymised text and how many findings of each kind were replaced."""

    text: str
    counts: Mapping[str, int]

    def kinds(self) -> tuple[str, ...]:
        """The kinds that were replaced, in the fixed order of ``KINDS``."""
        return tuple(k for k in KINDS if self.counts.get(k))


@dataclass
class Pseudonymiser:
    """Proposes and applies replacements; one instance per document keeps letters stable."""

    keep: frozenset[str] = frozenset()  # texts a person said are no personal data
    _names: dict[str, str] = field(default_factory=dict)  # name key -> its replacement
    _letters: dict[str, str] = field(default_factory=dict)  # name key -> the person's letter
    counts: Counter[str] = field(default_factory=Counter)
    _streets: set[str] = field(default_factory=set)  # street names seen with a house number

    def learn(self, texts: Iterable[str]) -> None:
        """Remember the streets named with a number in any of ``texts``.

        Why: a document's texts are proposed one by one, and a lesson may name
        "de Lindelaan" before (or without) the case text's "Lindelaan 5" being
        proposed; learning the whole document first hides it everywhere.
        """
        for text in texts:
            self._streets |= streets_in(text)

    def propose(self, text: str) -> list[Proposal]:
        """A replacement for every finding in ``text`` not kept, in reading order."""
        found = find(text, self._streets)
        self._streets |= street_names(found)
        return [self._proposal(text, f) for f in found if normalise(f.text) not in self.keep]

    def apply(self, text: str, proposals: Iterable[Proposal]) -> str:
        """``text`` with the chosen proposals replaced (the rest left as they are)."""
        out: list[str] = []
        pos = 0
        for p in sorted(proposals, key=lambda p: p.start):
            if p.start < pos:
                continue  # overlapping proposals: the first one wins
            out.append(text[pos : p.start])
            out.append(p.replacement)
            pos = p.end
            self.counts[p.kind] += 1
        out.append(text[pos:])
        return "".join(out)

    def run(self, text: str) -> str:
        """Propose and apply everything: the default, private, choice."""
        return self.apply(text, self.propose(text))

    def result(self, text: str) -> Result:
        """The whole document at once, with counts of this call only."""
        before = Counter(self.counts)
        new = self.run(text)
        return Result(new, dict(self.counts - before))

    def _proposal(self, text: str, finding: Finding) -> Proposal:
        if finding.kind != "naam":
            return Proposal(finding, finding.start, finding.end, PLACEHOLDERS[finding.kind])
        role = finding.role
        start = finding.role_start if finding.role_start is not None else finding.start
        key = normalise(finding.text)
        if role in OFFICES:
            replacement = self._names.setdefault(key, f"de {role}")
        elif key in self._names:
            replacement = self._names[key]  # first mention decides: "buurman A" stays so
        else:
            replacement = self._person(key, role)
        opens_sentence = not text[:start].strip() or text[:start].rstrip()[-1] in ".!?:\n"
        if opens_sentence or (finding.role_start is not None and text[start].isupper()):
            replacement = replacement[:1].upper() + replacement[1:]
        return Proposal(finding, start, finding.end, replacement)

    def _person(self, key: str, role: str | None) -> str:
        """The replacement for a person: one letter per person, whatever the role word.

        Letters were once counted per role word, so "mevrouw A", "persoon A"
        and "buurman A" were three different people; now the whole document
        shares one sequence. A shorter mention of a name seen before
        ("Fatima", "El Amrani" after "Fatima el Amrani") gets that person's
        letter when exactly one known name fits it.
        """
        linked = key if key in self._letters else _same_person(key, self._letters)
        if linked is None:
            letter = self._letters[key] = _letter(len(set(self._letters.values())))
        else:
            letter = self._letters.setdefault(key, self._letters[linked])
        if role is None and linked is not None and linked in self._names:
            replacement = self._names[linked]  # "Fatima" after "mevrouw Fatima ..." stays mevrouw A
        else:
            replacement = f"{PERSON if role is None else role} {letter}"
        self._names.setdefault(key, replacement)
        return replacement


def _letter(n: int) -> str:
    """The ``n``-th letter (A..Z, then A2..Z2, ...)."""
    return _LETTERS[n % 26] + ("" if n < 26 else str(n // 26 + 1))


def _same_person(key: str, known: Mapping[str, str]) -> str | None:
    """The one known name ``key`` is the start or the end of (first name, surname), if one."""
    words = key.split()
    fits = {
        known[other]
        for other in known
        if len(words) < len(o := other.split()) and words in (o[: len(words)], o[-len(words) :])
    }
    if len(fits) != 1:
        return None
    return next(other for other in known if known[other] in fits)


def normalise(text: str) -> str:
    """The key under which a finding is remembered: lowercase, single spaces."""
    return " ".join(text.lower().split())


def pseudonymise(text: str) -> Result:
    """Every finding in ``text`` replaced: what ``reflect anonimiseer`` prints."""
    return Pseudonymiser().result(text)
