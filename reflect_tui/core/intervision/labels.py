"""Dutch words the intervision core hands to its front ends (one table, ready for English).

Why here and not in the TUI strings: the CLI, the TUI and the Markdown
summary must name roles, states and marks the same way, and the summary
is made in core.
"""

from __future__ import annotations

from collections.abc import Mapping

# The session roles (people), in the order the setup asks for them.
ROLE_LABELS: Mapping[str, str] = {
    "procesbegeleider": "Procesbegeleider",
    "casusinbrenger": "Casusinbrenger",
    "tijdbewaker": "Tijdbewaker",
    "notulist": "Notulist",
    "waarnemers": "Waarnemers",
}

# Who speaks, per round role of the content (casusinbrenger|procesbegeleider|groep|iedereen).
SPEAKER_LABELS: Mapping[str, str] = {
    "casusinbrenger": "De casusinbrenger",
    "procesbegeleider": "De procesbegeleider",
    "groep": "De groep",
    "iedereen": "Iedereen",
}

# The speaking rule when a round has none of its own.
DEFAULT_RULES: Mapping[str, str] = {
    "casusinbrenger": "De casusinbrenger praat; de anderen luisteren.",
    "procesbegeleider": "De procesbegeleider legt uit; vragen mogen daarna.",
    "groep": "De groep is aan het woord; de casusinbrenger luistert.",
    "iedereen": "Iedereen praat mee, om de beurt.",
}

# The closing round every session ends with.
CLOSING_NAME = "Afsluiting"
CLOSING_PURPOSE = (
    "Leerpunten en volgende stappen vastleggen, en kort terugkijken op de bijeenkomst."
)
CLOSING_RULE = "Ieder om de beurt; de casusinbrenger kiest de volgende stappen."
CLOSING_PROMPTS: tuple[str, ...] = (
    "Casusinbrenger: wat neem je mee, en wat is je eerstvolgende stap (met datum)?",
    "Groep: wat leerde jij van deze casus voor je eigen werk?",
    "Hoe ging de bijeenkomst: tijd, vragen, sfeer? Wat doen we volgende keer anders?",
)

# Timer states.
STATE_LABELS: Mapping[str, str] = {
    "loopt": "loopt",
    "bijna": "nog een minuut",
    "over": "tijd is om",
    "pauze": "pauze",
}

# Marks the case-bringer gives a question: warm (helped), lauw, koud (did not help).
MARK_LABELS: Mapping[str, str] = {"warm": "warm", "lauw": "lauw", "koud": "koud"}
MARK_SYMBOLS: Mapping[str, str] = {"warm": "+", "lauw": "~", "koud": "−"}

# Markdown summary.
SUMMARY_TITLE = "Intervisie: {method}"
SUMMARY_DATE = "Datum: {date}"
SUMMARY_ROUNDS = "Rondes"
SUMMARY_ROUND_LINE = "- {name}: {used} van {planned}{extra}"
# The time a round had, in whole minutes (by_count picks the form).
SUMMARY_PLANNED: tuple[str, str] = ("{n} minuut", "{n} minuten")
SUMMARY_SKIPPED = " (overgeslagen)"
SUMMARY_QUESTIONS = "Vragen"
SUMMARY_LESSONS = "Leerpunten"
SUMMARY_STEPS = "Volgende stappen"
SUMMARY_EVALUATION = "Evaluatie"
SUMMARY_RATING = "Cijfer voor de bijeenkomst: {rating} van 5"
SUMMARY_PRIVACY = "Privacy"
SUMMARY_PSEUDONYMISED = "Deze samenvatting is gepseudonimiseerd. {replaced}"
SUMMARY_NOT_PSEUDONYMISED = "Let op: deze samenvatting is niet gepseudonimiseerd."
SUMMARY_NONE = "(geen)"
DUE = "uiterlijk {date}"

# The case-bringer's reflection.
REFLECTION_TITLE = "Intervisie: {method}"
# With a case title: one colon, the method in brackets ("Intervisie: A: B" read as a list).
REFLECTION_TITLE_CASE = "Intervisie ({method}): {case}"
REFLECTION_QUESTIONS = "Vragen uit de groep, gewaardeerd door mij:"
REFLECTION_UNRATED = "Andere vragen uit de groep:"
