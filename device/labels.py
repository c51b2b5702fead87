"""Intent labels shared by the cloud pipeline and the device runtime (contract: DESIGN.md)."""

from __future__ import annotations

__all__ = ["INTENT_LABELS", "SAFETY_LABELS", "OUT_OF_SCOPE"]

INTENT_LABELS: tuple[str, ...] = (
    "emergency_help",
    "fall_report",
    "symptom_report",
    "medication_query",
    "medication_taken",
    "reminder_set",
    "call_family",
    "time_query",
    "companionship",
    "home_control",
    "advice_request",
    "greeting",
    "farewell",
    "thanks",
    "affirm",
    "deny",
    "repeat",
    "volume_up",
    "volume_down",
    "stop",
    "out_of_scope",
)
"""The intent names, in model output order."""

SAFETY_LABELS: tuple[str, ...] = ("emergency_help", "fall_report")
"""Labels that the confidence threshold never turns into out_of_scope."""

OUT_OF_SCOPE = "out_of_scope"
"""The label for anything the assistant does not handle."""
