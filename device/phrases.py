"""Spoken forms (times, dates) and companionship material (jokes, short stories, chat)."""

from __future__ import annotations

from datetime import datetime

__all__ = ["CHAT", "JOKES", "STORIES", "day_part", "say_clock", "say_date", "say_time"]

_HOURS = ("twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven")
_SMALL = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen", "twenty")
_ORD = {1: "first", 2: "second", 3: "third", 21: "twenty first", 22: "twenty second",
        23: "twenty third", 31: "thirty first"}

JOKES = (
    "Why did the scarecrow win an award? Because he was outstanding in his field.",
    "What do you call a sleeping bull? A bulldozer.",
    "Why do bees have sticky hair? Because they use honeycombs.",
    "What did the teapot say to the kettle? You are always letting off steam.",
    "Why did the golfer bring two pairs of trousers? In case he got a hole in one.",
)

STORIES = (
    "Once, a little robin lived in an old apple tree. Every winter morning, an old man "
    "left crumbs on his window sill. The robin sang for him each day. They were good "
    "friends for many years.",
    "A baker in a small village made one extra loaf every day. She gave it to whoever "
    "looked like they needed it. One snowy night, the whole village came to help her "
    "when her oven broke. Kindness, she said, always comes home.",
    "A lighthouse keeper lit his lamp every evening for forty years. One stormy night, "
    "a fishing boat found its way home by his light. The fishermen brought him fresh "
    "fish every Friday after that.",
)

CHAT = (
    "I am here with you. How has your day been so far?",
    "I would love to hear about your family. Who did you see this week?",
    "What was your favourite song when you were young?",
    "Tell me about a place you loved to visit.",
)


def _minutes_words(n: int) -> str:
    if n <= 20:
        return _SMALL[n]
    tens = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty"}[n // 10]
    return tens if n % 10 == 0 else f"{tens} {_SMALL[n % 10]}"


def day_part(dt: datetime) -> str:
    h = dt.hour
    if h < 12:
        return "morning"
    if h < 18:
        return "afternoon"
    return "evening"


def say_clock(dt: datetime) -> str:
    """``8:10`` -> ``"ten past eight"``; exact hours say ``"eight o'clock"``."""
    h, m = dt.hour, dt.minute
    if m == 0:
        if h == 12:
            return "twelve noon"
        if h == 0:
            return "midnight"
        return f"{_HOURS[h % 12]} o'clock"
    if m % 5:
        mins = _minutes_words(m) if m >= 10 else f"oh {_SMALL[m]}"
        return f"{_HOURS[h % 12]} {mins}"
    if m == 15:
        return f"quarter past {_HOURS[h % 12]}"
    if m == 30:
        return f"half past {_HOURS[h % 12]}"
    if m == 45:
        return f"quarter to {_HOURS[(h + 1) % 12]}"
    if m < 30:
        return f"{_minutes_words(m)} past {_HOURS[h % 12]}"
    return f"{_minutes_words(60 - m)} to {_HOURS[(h + 1) % 12]}"


def say_time(dt: datetime) -> str:
    """``"ten past eight in the morning"``."""
    part = "at night" if dt.hour >= 21 or dt.hour < 5 else f"in the {day_part(dt)}"
    clock = say_clock(dt)
    return clock if clock in ("twelve noon", "midnight") else f"{clock} {part}"


def say_date(dt: datetime) -> str:
    """``"Monday, the thirtieth of November"``."""
    d = dt.day
    if d in _ORD:
        ordinal = _ORD[d]
    elif d == 20:
        ordinal = "twentieth"
    elif d == 30:
        ordinal = "thirtieth"
    else:
        word = _minutes_words(d)
        base = {"five": "fifth", "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
        last = word.split()[-1]
        ordinal = " ".join(word.split()[:-1] + [base.get(last, last + "th")])
    return f"{dt.strftime('%A')}, the {ordinal} of {dt.strftime('%B')}"
