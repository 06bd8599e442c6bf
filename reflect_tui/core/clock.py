"""Injectable time, so tests and snapshots run on a fixed date."""

from __future__ import annotations

from datetime import UTC, date, datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import Protocol


class Clock(Protocol):
    """Where the app asks for "now"; never call ``datetime.now`` directly."""

    def now(self) -> datetime:
        """The current moment, timezone-aware (UTC)."""
        ...

    def today(self) -> date:
        """The user's current calendar date (local)."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock that never moves: for tests, snapshots and benchmarks.

    A plain class rather than a dataclass: this module is imported on every
    start, and making a dataclass costs more than the app's whole clock.
    """

    __slots__ = ("moment",)

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __repr__(self) -> str:
        return f"FixedClock({self.moment!r})"

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()
