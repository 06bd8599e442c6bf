"""Deterministic, realistic-looking Dutch reflections for the journal benchmark.

Why generated rather than fixed text: the benchmark needs 10,000 distinct
entries of realistic size and vocabulary (so FTS and jrnl's text scan both
do real work), reproducible from a seed, without shipping megabytes.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from reflect_tui.core.journal.model import (
    Answer,
    NextStep,
    PrincipleRating,
    Reflection,
)

PRACTICES = ("situatie", "relaties", "oplossingen", "binnen-buiten", "praktisch")
STEPS = ("luisteren", "samenvatten", "doorvragen")
PRINCIPLES = ("open", "resultaatgericht", "verbindend", "bricolerend")
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
KINDS = ("bijeenkomst", "klacht", "initiatief", "project", "vraag")

SUBJECTS = (
    "de bewoners",
    "de wethouder",
    "mijn collega van vastgoed",
    "de buurtvereniging",
    "een ondernemer",
    "de initiatiefnemers",
    "het team groen",
    "de projectleider",
    "twee ouders",
    "de woningcorporatie",
    "de wijkagent",
    "iemand van handhaving",
)
VERBS = (
    "vertelde over",
    "was boos over",
    "vroeg naar",
    "wilde meer weten over",
    "maakte zich zorgen om",
    "had een idee voor",
    "twijfelde aan",
    "was blij met",
)
OBJECTS = (
    "de kapvergunning",
    "de speeltuin",
    "het parkeren",
    "de buurttuin",
    "de bomen in de straat",
    "het budget",
    "de planning van de riolering",
    "het bewonersinitiatief",
    "de geluidsoverlast",
    "de oversteekplaats",
    "het buurthuis",
    "de subsidie",
    "het bestemmingsplan",
    "de afvalbakken",
    "de bewonersavond",
    "het café op de hoek",
    "de moestuin",
    "de inspraakprocedure",
)
TAILS = (
    "en dat speelt al jaren",
    "maar niemand had teruggebeld",
    "omdat de vorige afspraak niet doorging",
    "terwijl de gemeente al iets had besloten",
    "en ze willen zelf meedoen",
    "en ik had dat niet verwacht",
    "dus ik heb doorgevraagd",
    "en daar was weinig tijd voor",
)
PROMPTS = (
    "Wie heb je gehoord, en wie niet?",
    "Wat was de vraag achter de vraag?",
    "Hoe vatte je samen wat je hoorde?",
    "Wat vroeg je door?",
    "Welke belangen speelden er?",
    "Wie moet je nog betrekken?",
    "Wat deed je om de relatie goed te houden?",
)
INSIGHTS = (
    "Eerst luisteren, dan pas uitleggen.",
    "Ik moet eerder mijn collega's betrekken.",
    "De geschiedenis van de buurt bepaalt veel.",
    "Samenvatten hielp om de sfeer te keren.",
    "Een klein praktisch gebaar maakt verschil.",
    "Ik beloofde te veel; volgende keer voorzichtiger.",
)
STEPS_TODO = (
    "Bel de initiatiefnemers terug",
    "Plan overleg met team groen",
    "Stuur een verslag rond",
    "Vraag budget aan bij de manager",
    "Zoek uit welke regels gelden",
    "Nodig de wethouder uit",
)
_TREES = (
    "Kastanje",
    "Linde",
    "Eiken",
    "Beuken",
    "Berken",
    "Wilgen",
    "Populieren",
    "Esdoorn",
    "Iepen",
    "Platanen",
    "Hazelaar",
    "Meidoorn",
    "Vlier",
    "Els",
    "Acacia",
    "Walnoot",
    "Kersen",
    "Appel",
    "Peren",
    "Pruimen",
)
_KINDS_OF_STREET = (
    "laan",
    "straat",
    "plein",
    "hof",
    "weg",
    "kade",
    "singel",
    "park",
    "dreef",
    "pad",
)
STREETS = tuple(f"{a}{b}" for a in _TREES for b in _KINDS_OF_STREET)
"""200 street names: a search for one finds about 1 in 200 reflections."""

TAGS = ("speeltuin", "bomen", "verkeer", "groen", "subsidie", "overlast", "buurthuis", "riolering")


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        f" {rng.choice(TAILS)}."
    )


def _paragraph(rng: random.Random, low: int, high: int) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(low, high)))


def make_reflections(count: int, seed: int = 7) -> list[Reflection]:
    """``count`` reflections over the past years, oldest first, reproducible from ``seed``."""
    rng = random.Random(seed)
    start = date(2018, 1, 1)
    out: list[Reflection] = []
    for n in range(count):
        day = start + timedelta(days=n * 3000 // max(count, 1))
        created = datetime(day.year, day.month, day.day, 17, 0, tzinfo=UTC) + timedelta(
            minutes=n % 600
        )
        practices = rng.sample(PRACTICES, rng.randint(1, 3))
        answers = [
            Answer(p, s, rng.choice(PROMPTS), _paragraph(rng, 1, 3))
            for p in practices
            for s in STEPS
            if rng.random() < 0.85
        ]
        title_obj = rng.choice(OBJECTS)
        out.append(
            Reflection(
                id=f"{rng.getrandbits(32):08x}-{n:04x}-4000-8000-{rng.getrandbits(48):012x}",
                title=f"{rng.choice(KINDS).capitalize()} over {title_obj}",
                occurred_on=day,
                created_at=created,
                updated_at=created + timedelta(minutes=25),
                status="complete" if rng.random() < 0.9 else "draft",
                case_kind=rng.choice(KINDS),
                who=", ".join(rng.sample(SUBJECTS, 2)),
                what_happened=f"Het ging om de {rng.choice(STREETS)}. {_paragraph(rng, 2, 3)}",
                practices=list(practices),
                answers=answers,
                principles=[PrincipleRating(p, rng.randint(1, 5), "") for p in PRINCIPLES],
                barriers=rng.sample(BARRIERS, rng.randint(0, 2)),
                helps=rng.sample(HELPS, rng.randint(0, 2)),
                insight=rng.choice(INSIGHTS),
                next_steps=[
                    NextStep(rng.choice(STEPS_TODO), day + timedelta(days=7), rng.random() < 0.5)
                ],
                tags=rng.sample(TAGS, rng.randint(0, 2)),
                content_version="bench",
            )
        )
    return out


def to_jrnl_text(reflections: list[Reflection]) -> str:
    """The same entries as a jrnl plain-text journal (``[YYYY-MM-DD HH:MM] title``)."""
    chunks = []
    for r in reflections:
        lines = [f"[{r.created_at.strftime('%Y-%m-%d %H:%M')}] {r.title}."]
        lines.append(f"Wie: {r.who}. {r.what_happened}")
        lines.extend(f"{a.prompt} {a.text}" for a in r.answers)
        lines.append(f"Inzicht: {r.insight}")
        lines.extend(f"Volgende stap: {s.text}" for s in r.next_steps)
        if r.tags:
            lines.append(" ".join(f"@{t}" for t in r.tags))
        chunks.append("\n".join(lines) + "\n")
    return "\n".join(chunks)


def make_realistic(count: int, today: date, seed: int = 7) -> list[Reflection]:
    """``make_reflections`` with next steps as a real journal collects them.

    One to three steps per reflection, due one to four weeks after the case;
    a person ticks off most of them, so of the steps due more than two
    months ago about one in twenty is still open (overdue, as forgotten
    steps are), and of the recent ones about two in three. The cases are
    spread over the eight years before ``today``.
    """
    rng = random.Random(seed + 1)
    reflections = make_reflections(count, seed)
    first = today - timedelta(days=3000)
    for n, r in enumerate(reflections):
        shift = first - date(2018, 1, 1)
        r.occurred_on += shift
        r.created_at += shift
        r.updated_at += shift
        steps = []
        for _ in range(rng.randint(1, 3)):
            due = r.occurred_on + timedelta(days=rng.randint(7, 28))
            old = (today - due).days > 60
            done = rng.random() < (0.95 if old else 0.35)
            steps.append(NextStep(rng.choice(STEPS_TODO), due, done))
        r.next_steps = steps
        if n % 7 == 0:
            r.next_steps.append(NextStep(rng.choice(STEPS_TODO), None, False))  # no date
    return reflections
