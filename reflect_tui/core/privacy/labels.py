"""Dutch names of the kinds of personal data, for reports (one place, ready for English)."""

from __future__ import annotations

from collections.abc import Mapping

from reflect_tui.core.wording import counted as _counted

# kind -> (one, many)
KIND_NAMES: Mapping[str, tuple[str, str]] = {
    "naam": ("naam", "namen"),
    "adres": ("adres", "adressen"),
    "postcode": ("postcode", "postcodes"),
    "telefoon": ("telefoonnummer", "telefoonnummers"),
    "email": ("e-mailadres", "e-mailadressen"),
    "bsn": ("BSN", "BSN's"),
    "geboortedatum": ("geboortedatum", "geboortedata"),
}
NOTHING_REPLACED = "Niets vervangen: geen persoonsgegevens gevonden."
REPLACED = "Vervangen: {parts}."
REVIEW_HINT = "Controleer de tekst zelf ook: de zoeker mist soms iets."


def counted(kind: str, n: int) -> str:
    """``3 namen``, ``1 adres``."""
    one, many = KIND_NAMES[kind]
    return _counted(n, one, many)


def replaced_line(counts: Mapping[str, int], kinds: tuple[str, ...]) -> str:
    """One sentence saying which kinds were replaced and how often (never the values)."""
    parts = [counted(k, counts[k]) for k in kinds if counts.get(k)]
    return REPLACED.format(parts=", ".join(parts)) if parts else NOTHING_REPLACED
