"""Alert policies: suppression windows (against alarm fatigue) and the escalation ladder."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .alerts import LEVEL_RANK, Alert, check_level
from .outbox import Episode


@dataclass(frozen=True)
class SuppressionPolicy:
    """A sustained condition alerts once, then again only if it worsens or after a while.

    An *episode* is one (resident, kind, key) condition from its first alert until it is
    resolved or goes unreported for ``episode_gap_s``.

    Both windows run on the time of the reading behind each alert (the event time), so a
    replay of an old file fed in a second alerts as the caregiver would have been alerted
    over its hours; alerts without a reading use the service's clock. Live readings carry
    times within seconds of the clock (older or later ones are rejected), so live timing
    is the same either way. Readings may arrive slightly out of order: an older one never
    moves ``last_seen`` or ``last_alert`` back.
    """

    repeat_after_s: float = 1800.0
    """Seconds after which a sustained (not worse) condition alerts again."""
    episode_gap_s: float = 900.0
    """Seconds without a report after which the condition counts as over."""
    never_suppress_kinds: tuple[str, ...] = ("spoken_fall", "help_request")
    """Alert kinds that are the resident's own call for help: a repeat is never
    suppressed, it is sent as the open episode's next alert (marked as a repeat)."""

    def __post_init__(self) -> None:
        if self.repeat_after_s <= 0 or self.episode_gap_s <= 0:
            raise ValueError("repeat_after_s and episode_gap_s must be positive seconds")

    def next_episode(self, ep: Episode | None, ekey: str, now: float, rank: int,
                     news2: int | None, force: bool = False) -> Episode | None:
        """The episode state after alerting at ``now``, or None when the alert is suppressed.
        ``force``: never None (a resident's own call for help: the episode's next alert).

        ``now`` is the event time (seconds since the epoch): the reading's own time, or
        the service clock for an alert without a reading. ``ep`` is not changed except
        ``last_seen`` (the condition is still reported); the caller keeps the returned copy
        only once it is stored.
        """
        if ep is not None and now - ep.last_seen > self.episode_gap_s:
            ep = None  # quiet for longer than the gap: that episode is over
        if ep is None:
            return Episode(ekey, round(now, 3), 1, now, now, rank, news2)
        worse = rank > ep.peak_rank or (
            news2 is not None and (ep.peak_news2 is None or news2 > ep.peak_news2))
        # a reading far before the last alert (late, or the last one was mis-stamped
        # ahead) is outside that alert's window: it must not be silenced by it
        due = abs(now - ep.last_alert) >= self.repeat_after_s
        ep.last_seen = max(ep.last_seen, now)
        if not (worse or due or force):
            return None
        peak = ep.peak_news2 if news2 is None else max(
            news2, news2 if ep.peak_news2 is None else ep.peak_news2)
        return replace(ep, seq=ep.seq + 1, last_alert=max(ep.last_alert, now),
                       peak_rank=max(ep.peak_rank, rank), peak_news2=peak)


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

    def escalated(self, first: Alert, step: int, now: float) -> Alert | None:
        """The alert re-addressed to the caregiver at ``step``; None past the ladder's end."""
        if step >= len(self.ladder):
            return None
        return replace(first, step=step, notify=self.ladder[step], ts=now,
                       reason=f"{first.reason} (not acknowledged, escalated)")
