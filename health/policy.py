"""Alert policies: suppression windows (against alarm fatigue) and the escalation ladder."""

from __future__ import annotations

from dataclasses import dataclass

from .alerts import LEVEL_RANK, check_level


@dataclass(frozen=True)
class SuppressionPolicy:
    """A sustained condition alerts once, then again only if it worsens or after a while.

    An *episode* is one (resident, kind, key) condition from its first alert until it is
    resolved or goes unreported for ``episode_gap_s``.
    """

    repeat_after_s: float = 1800.0
    """Seconds after which a sustained (not worse) condition alerts again."""
    episode_gap_s: float = 900.0
    """Seconds without a report after which the condition counts as over."""

    def __post_init__(self) -> None:
        if self.repeat_after_s <= 0 or self.episode_gap_s <= 0:
            raise ValueError("repeat_after_s and episode_gap_s must be positive seconds")


@dataclass(frozen=True)
class EscalationPolicy:
    """Who is told next when an alert is not acknowledged in time.

    The first caregiver of ``ladder`` is named on the first notice; every ``ack_timeout_s``
    without an acknowledgement the alert is sent again to the next one, until the ladder
    ends. Only alerts at ``min_level`` or above escalate.
    """

    ladder: tuple[str, ...] = ()
    """Caregiver names in order, e.g. ('nurse', 'daughter', 'gp')."""
    ack_timeout_s: float = 300.0
    """Seconds to wait for an acknowledgement before the next caregiver."""
    min_level: str = "urgent"

    def __post_init__(self) -> None:
        check_level(self.min_level)
        if self.ack_timeout_s <= 0:
            raise ValueError("ack_timeout_s must be positive seconds")
        if any(not name or "/" in name for name in self.ladder):
            raise ValueError("caregiver names in the escalation ladder must be non-empty, no '/'")

    def applies(self, level: str) -> bool:
        return bool(self.ladder) and LEVEL_RANK[level] >= LEVEL_RANK[self.min_level]
