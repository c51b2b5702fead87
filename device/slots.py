"""Rule-based slot extraction for the intents that carry slots.

``reminder_set`` -> task, time; ``call_family`` -> contact;
``home_control`` -> device, area, action. Works on ASR output too (numbers as words,
no punctuation). Times are resolved against an injected ``now`` by :func:`resolve_time`.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

__all__ = ["canonical_area", "extract_slots", "resolve_time", "second_person",
           "words_to_number"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_NUM = r"(?:\d{1,2}|(?:twenty|thirty|forty|fifty)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"  # noqa: E501
_AMPM = (r"(?:a\.?\s?m\.?|p\.?\s?m\.?|in the morning|in the afternoon|in the evening|at night"
         r"|tonight)")
_PARTS = {"morning": 9, "noon": 12, "midday": 12, "lunchtime": 12, "afternoon": 15,
          "evening": 18, "tonight": 20, "night": 21, "bedtime": 21, "midnight": 0}

_TIME_PATTERNS = [
    # "in 10 minutes", "in an hour", "in half an hour", "in two hours"
    rf"\bin (?:half an hour|(?:{_NUM}|a|an) (?:minutes?|hours?))\b",
    # "at 8", "at 8:30 pm", "at eight thirty in the evening", "at half past seven"
    rf"\bat (?:(?:half|quarter) (?:past|to) {_NUM}|{_NUM}(?::\d{{2}}| {_NUM}| o'?clock| oclock)?)"
    rf"(?: ?{_AMPM})?",
    rf"\b{_NUM}(?::\d{{2}})? ?(?:a\.?\s?m\.?|p\.?\s?m\.?)",
    r"\b(?:tomorrow|today|this) (?:morning|afternoon|evening|night)\b",
    r"\b(?:at |by )?(?:noon|midday|lunchtime|midnight|bedtime|tonight)\b",
    r"\btomorrow\b",
]

RELATIONS = (
    "daughter", "son", "wife", "husband", "sister", "brother", "granddaughter", "grandson",
    "grandchildren", "grandkids", "niece", "nephew", "mother", "father", "mum", "mom", "dad",
    "friend", "neighbour", "neighbor", "doctor", "nurse", "carer", "caregiver", "family",
)
_CALL_VERBS = r"(?:call|phone|ring|dial|message|text|contact|talk to|speak to|speak with|get)"
_STOP_NAMES = {"me", "someone", "somebody", "please", "now", "a", "the", "up", "back", "for",
               "an", "to", "my", "it", "them", "him", "her", "help"}

DEVICES = {
    "light": ("lights", "light", "lamps", "lamp"),
    "heating": ("heating", "heater", "radiators", "radiator", "thermostat", "temperature"),
    "tv": ("television", "telly", "tv", "t v"),
    "radio": ("radio", "music"),
    "blinds": ("blinds", "blind", "curtains", "curtain", "shutters"),
    "fan": ("fan", "fans", "air conditioning", "air conditioner", "aircon", "cooling"),
}
AREAS = ("living room", "dining room", "bedroom", "bathroom", "kitchen", "hallway", "hall",
         "lounge", "sitting room", "garden", "office", "garage", "porch", "toilet", "landing",
         "study")
AREA_SYNONYMS = {"lounge": "living room", "hallway": "hall", "sitting room": "living room"}
"""Room words that name the same room; the ``area`` slot (and a configured device's area,
docs/home-control.md) uses the value."""
_ACTIONS = [
    ("on", r"\b(?:turn|switch|put|flip) (?:\w+ ){0,3}?on\b|\bon\b|\bstart\b"),
    ("off", r"\b(?:turn|switch|shut|put) (?:\w+ ){0,3}?off\b|\boff\b|\bstop\b"),
    ("up", r"\b(?:turn|put) (?:\w+ ){0,3}?up\b|\bwarmer\b|\blouder\b|\bbrighter\b|\bincrease\b|"
           r"\braise\b"),
    ("down", r"\b(?:turn|put) (?:\w+ ){0,3}?down\b|\bcooler\b|\bquieter\b|\bdim(?:mer)?\b|"
             r"\blower\b|\bdecrease\b"),
    ("open", r"\bopen\b|\braise\b"),
    ("close", r"\bclose\b|\bshut\b|\bdraw\b"),
]


def _norm(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"[^\w':\s.-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def words_to_number(word: str) -> int | None:
    """``"8"``, ``"eight"``, ``"twenty five"``, ``"twenty-five"`` -> int; else None."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    parts = re.split(r"[ -]", word)
    if len(parts) == 1:
        if parts[0] in _UNITS:
            return _UNITS[parts[0]]
        return _TENS.get(parts[0])
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def _find_time(text: str) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    for pat in _TIME_PATTERNS:
        for m in re.finditer(pat, text):
            if best is None or m.start() < best[1]:
                best = (m.group(0), m.start(), m.end())
    if best is None:
        return None
    # Extend with a trailing day part ("at 8 tomorrow", "tomorrow at 9").
    tail = re.match(r" (?:tomorrow(?: morning| evening| afternoon)?|today|tonight)\b",
                    text[best[2]:])
    if tail:
        best = (best[0] + tail.group(0), best[1], best[2] + tail.end())
    head = re.search(r"\b(?:tomorrow|today) $", text[: best[1]])
    if head:
        best = (head.group(0) + best[0], head.start(), best[2])
    return best


def _strip_task(task: str) -> str:
    task = re.sub(r"^(?:to|that i (?:need to|have to|must|should)|that|about|of|for)\s+", "",
                  task.strip())
    task = re.sub(r"\s+(?:please|thanks|thank you)$", "", task)
    task = re.sub(r"\b(?:and|then)$", "", task).strip()
    return task


def second_person(phrase: str) -> str:
    """``"take my pills"`` -> ``"take your pills"`` (for replies that echo the resident)."""
    swaps = {"my": "your", "me": "you", "i": "you", "mine": "yours", "myself": "yourself",
             "i'm": "you're", "am": "are"}
    return " ".join(swaps.get(w, w) for w in phrase.split())


def _reminder(text: str) -> dict[str, str]:
    slots: dict[str, str] = {}
    found = _find_time(text)
    rest = text
    if found:
        slots["time"] = found[0].strip()
        rest = (text[: found[1]] + " " + text[found[2]:]).strip()
    m = re.search(
        r"\b(?:remind|reminder|tell|alert|prompt) (?:me|us)?\s*(?:a reminder )?(?:to|that|about|of)"
        r"\s+(.*)$|\bdon'?t let me forget (?:to )?(.*)$|\breminder (?:to|for|about) (.*)$",
        rest,
    )
    if m:
        task = next(g for g in m.groups() if g is not None)
        task = _strip_task(re.sub(r"\s+", " ", task))
        if task:
            slots["task"] = task
    return slots


def _contact(text: str) -> dict[str, str]:
    for rel in RELATIONS:
        m = re.search(rf"\b(?:my |our |the )?({rel})\b", text)
        if m:
            return {"contact": m.group(1)}
    m = re.search(rf"\b{_CALL_VERBS} ([a-z][a-z']+)(?: ([a-z][a-z']+))?", text)
    if m:
        name = m.group(1)
        if name not in _STOP_NAMES:
            return {"contact": name}
    return {}


def _home(text: str) -> dict[str, str]:
    slots: dict[str, str] = {}
    for dev, words in DEVICES.items():
        if any(re.search(rf"\b{re.escape(w)}\b", text) for w in words):
            slots["device"] = dev
            break
    for area in AREAS:
        if re.search(rf"\b{area}\b", text):
            slots["area"] = canonical_area(area)
            break
    hits = []
    for action, pat in _ACTIONS:
        m = re.search(pat, text)
        if m:
            hits.append((m.start(), -len(m.group(0)), action))
    if hits:
        action = min(hits)[2]
        if action == "up" and slots.get("device") == "blinds":
            action = "open"
        if action == "down" and slots.get("device") == "blinds":
            action = "close"
        slots["action"] = action
    elif re.search(r"\b(?:too )?(?:dark|can'?t see)\b", text):
        slots.update({"action": "on", "device": slots.get("device", "light")})
    elif re.search(r"\b(?:cold|chilly|freezing)\b", text):
        slots.update({"action": "up", "device": slots.get("device", "heating")})
    return slots


def canonical_area(area: str) -> str:
    """``"lounge"`` -> ``"living room"``, ``"hallway"`` -> ``"hall"``; others unchanged."""
    area = " ".join(area.lower().split())
    return AREA_SYNONYMS.get(area, area)


def extract_slots(intent: str, text: str) -> dict[str, str]:
    """Slots for ``intent`` found in ``text`` (empty dict when the intent has none)."""
    norm = _norm(text)
    if intent == "reminder_set":
        return _reminder(norm)
    if intent == "call_family":
        return _contact(norm)
    if intent == "home_control":
        return _home(norm)
    return {}


def _hour_minute(phrase: str) -> tuple[int, int] | None:
    m = re.search(rf"(half|quarter) (past|to) ({_NUM})", phrase)
    if m:
        hour = words_to_number(m.group(3))
        if hour is None:
            return None
        minutes = 30 if m.group(1) == "half" else 15
        return (hour, minutes) if m.group(2) == "past" else ((hour - 1) % 24, 60 - minutes)
    m = re.search(rf"\b({_NUM})(?::(\d{{2}})| ({_NUM}))?(?= |$|a|p)", phrase)
    if not m:
        return None
    hour = words_to_number(m.group(1))
    minute = int(m.group(2)) if m.group(2) else (words_to_number(m.group(3) or "") or 0)
    if hour is None or hour > 24 or minute > 59:
        return None
    return hour % 24, minute


def resolve_time(phrase: str, now: datetime) -> datetime | None:
    """The next moment after ``now`` that ``phrase`` ("at 8 pm", "in 10 minutes") names."""
    p = _norm(phrase)
    m = re.search(rf"\bin (half an hour|({_NUM}|a|an) (minutes?|hours?))", p)
    if m:
        if m.group(1) == "half an hour":
            return now + timedelta(minutes=30)
        n = words_to_number(m.group(2))
        if n is None:
            return None
        return now + (timedelta(hours=n) if m.group(3).startswith("hour") else timedelta(minutes=n))
    hm = _hour_minute(re.sub(r"\b(?:at|by)\b", " ", p))
    part = next((k for k in _PARTS if re.search(rf"\b{k}\b", p)), None)
    pm = bool(re.search(r"p\.? ?m|afternoon|evening|night|tonight", p))
    am = bool(re.search(r"a\.? ?m|morning", p))
    if hm is None:
        if part is None:
            if "tomorrow" in p:
                hm = (9, 0)
            else:
                return None
        else:
            hm = (_PARTS[part], 0)
    hour, minute = hm
    if pm and hour < 12:
        hour += 12
    elif am and hour == 12:
        hour = 0
    target = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if "tomorrow" in p:
        return target + timedelta(days=1)
    if target <= now and not (pm or am) and hour < 12 and target + timedelta(hours=12) > now:
        return target + timedelta(hours=12)  # "at 8" said at 10:00 means 20:00
    if target <= now:
        target += timedelta(days=1)
    return target
