"""Who plays which part in one session: role words or first names, in memory only.

Why nothing here is saved: the group's names belong to the session. The
case-bringer's reflection and the group summary mention roles, never these
names, unless someone types a name into a text (the pseudonymiser is there
for that).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reflect_tui.core.intervision.labels import ROLE_LABELS, SPEAKER_LABELS


@dataclass
class Roles:
    """The names (or role words) for this session; empty means "use the role word"."""

    procesbegeleider: str = ""
    casusinbrenger: str = ""
    tijdbewaker: str = ""
    notulist: str = ""
    waarnemers: list[str] = field(default_factory=list)

    def name_of(self, role: str) -> str:
        """The name given for ``role``, or its role word."""
        if role == "waarnemers":
            return ", ".join(self.waarnemers) or ROLE_LABELS[role]
        value = getattr(self, role, "")
        return value.strip() or ROLE_LABELS[role]

    def speaker(self, round_role: str) -> str:
        """Who speaks in a round, with the name when one was given: ``De casusinbrenger (Anna)``."""
        label = SPEAKER_LABELS.get(round_role, round_role)
        if round_role in ("casusinbrenger", "procesbegeleider"):
            name = getattr(self, round_role).strip()
            if name:
                return f"{label} ({name})"
        return label

    def named(self) -> list[tuple[str, str]]:
        """(role label, name) for every role that got a name, in setup order."""
        out = []
        for role, label in ROLE_LABELS.items():
            value = ", ".join(self.waarnemers) if role == "waarnemers" else getattr(self, role)
            if value.strip():
                out.append((label, value.strip()))
        return out

    def set(self, role: str, value: str) -> None:
        """Set one role from a text field; observers are comma-separated."""
        if role == "waarnemers":
            self.waarnemers = [v.strip() for v in value.split(",") if v.strip()]
        elif role in ROLE_LABELS:
            setattr(self, role, value.strip())
        else:
            raise KeyError(role)
