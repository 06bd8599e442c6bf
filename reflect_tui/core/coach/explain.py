"""Why a tip got its score, part by part (``reflect coach --explain``).

Why a separate, data-only step: a trainer tuning keywords needs the exact
numbers (which of the user's words matched which keyword, how much the
practice and barrier parts weighed, what the variety and recently-shown
adjustments took off), and the CLI's text and JSON must show the same
thing. This module only reads a ``TipMatch``; it never re-scores.
"""

from __future__ import annotations

from typing import Any

from reflect_tui.core.coach.tips import TipMatch
from reflect_tui.core.content.model import Content

# Where each part kind's ``item`` is looked up for its display name.
_COLLECTION = {
    "chosen_practice": "practices",
    "inferred_practice": "practices",
    "ticked_barrier": "barriers",
    "inferred_barrier": "barriers",
    "ticked_help": "helps",
    "inferred_help": "helps",
    "absent_help": "helps",
    "low_principle": "principles",
    "step": "lsd_steps",
    "case_kind": "case_kinds",
}


def explain_match(content: Content, match: TipMatch) -> dict[str, Any]:
    """The score of one matched tip, as plain data.

    ``score`` = ``base`` x ``recency`` x ``variety``; ``base`` is the sum of
    the parts' weights. ``promoted`` names the ticked barrier a tip was
    moved into the top for (its score is then not compared with the rest).
    """
    parts = []
    for part in match.parts:
        collection = _COLLECTION.get(part.kind)
        item = content.by_id(collection).get(part.item) if collection else None
        parts.append(
            {
                "kind": part.kind,
                "id": part.item,
                "name": getattr(item, "name", part.item),
                "weight": round(part.weight, 3),
                "matches": [{"word": w, "keyword": k} for w, k in part.matches],
            }
        )
    return {
        "base": match.base,
        "recency": match.recency,
        "variety": match.variety,
        "score": match.score,
        "promoted": match.promoted or None,
        "parts": parts,
    }
