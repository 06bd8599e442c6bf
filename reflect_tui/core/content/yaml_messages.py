"""PyYAML's parser messages in Dutch, for ``reflect content check`` and notices.

Why a table: PyYAML (and libyaml, its C parser, in its own words) phrases
its errors in English ("while parsing a flow sequence: did not find expected
',' or ']'"), and trainers who edit content read
Dutch. Each message is recognised by its fixed start; an unknown one
gets a general Dutch hint rather than the English text.
"""

from __future__ import annotations

# What the parser was reading (PyYAML's ``context``), by its exact text.
CONTEXTS = {
    "while parsing a flow sequence": "in een lijst tussen [ ]",
    "while parsing a flow mapping": "in een tabel tussen { }",
    "while parsing a block mapping": "in een blok met sleutels",
    "while parsing a block collection": "in een lijst met streepjes",
    "while parsing a node": "bij een waarde",
    "while parsing a tag": "bij een tag (!)",
    "while scanning a simple key": "bij een sleutel",
    "while scanning a quoted scalar": "in tekst tussen aanhalingstekens",
    "while scanning a block scalar": "in een tekstblok (| of >)",
    "while scanning a directive": "bij een %-regel",
    "while scanning a tag": "bij een tag (!)",
    "while scanning an anchor": "bij een anker (&)",
    "while scanning an alias": "bij een verwijzing (*)",
    "while scanning for the next token": "tussen twee waarden",
    "while composing a mapping": "in een blok met sleutels",
}

# What went wrong (PyYAML's ``problem``), by the text it starts with.
PROBLEMS = (
    ("did not find expected ',' or ']'", "een komma of ] ontbreekt"),
    ("did not find expected ',' or '}'", "een komma of } ontbreekt"),
    ("expected ',' or ']'", "een komma of ] ontbreekt"),
    ("expected ',' or '}'", "een komma of } ontbreekt"),
    ("did not find expected key", "hier werd een sleutel verwacht; klopt de inspringing?"),
    ("did not find expected '-' indicator", "hier werd een lijstregel met - verwacht"),
    ("could not find expected ':'", "een dubbele punt (:) ontbreekt"),
    # PyYAML says "here", libyaml (the C parser) "in this context".
    ("mapping values are not allowed", "een dubbele punt (:) staat hier niet op zijn plaats"),
    (
        "block sequence entries are not allowed",
        "een lijstregel met - staat hier niet op zijn plaats",
    ),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    ("found a tab character", "een tab: gebruik spaties"),
    ("control characters are not allowed", "een teken dat niet in een tekstbestand hoort"),
    ("expected <block end>", "de inspringing klopt hier niet"),
    ("found character '\\t' that cannot start any token", "een tab: gebruik spaties"),
    ("found character", "een teken dat hier niet mag"),
    ("found unexpected end of stream", "het bestand houdt onverwacht op"),
    ("found unexpected document separator", "onverwacht --- in de tekst"),
    ("found unknown escape character", "een onbekende \\-code in tekst tussen aanhalingstekens"),
    ("found undefined alias", "een verwijzing (*) naar een onbekend anker"),
    ("found duplicate anchor", "een anker (&) dat al bestaat"),
    ("found undefined tag handle", "een onbekende tag (!)"),
    ("expected alphabetic or numeric character", "hier werd een letter of cijfer verwacht"),
    ("expected a comment or a line break", "na deze waarde mag alleen nog # commentaar staan"),
    ("expected a single document in the stream", "meer dan één document (---) in één bestand"),
    ("but found another document", "meer dan één document (---) in één bestand"),
    ("unacceptable character", "een teken dat niet in een tekstbestand hoort"),
    ("invalid leading UTF-8 octet", "het bestand is geen UTF-8"),
    ("invalid continuation byte", "het bestand is geen UTF-8"),
)

GENERAL = "de opbouw klopt hier niet (kijk naar inspringing, haakjes en aanhalingstekens)"


def dutch_yaml_message(context: str | None, problem: str | None) -> str:
    """The parser's complaint in Dutch: "<waar>: <wat>" or the general hint."""
    what = GENERAL
    text = " ".join((problem or "").split())
    for start, dutch in PROBLEMS:
        if text.startswith(start) or start in text:
            what = dutch
            break
    where = CONTEXTS.get(" ".join((context or "").split()))
    return f"{where}: {what}" if where else what
