"""A small vetted bank of everyday wellbeing advice: general tips, never a diagnosis.

Each topic holds a few short, plain sentences drawn from public-health guidance for
older adults (sleep routine, balanced meals, gentle activity, drinking enough, keeping
warm or cool). Anything that sounds like a symptom goes to the symptom path instead.
"""

from __future__ import annotations

import re

__all__ = ["ADVICE", "DISCLAIMER", "TOPIC_WORDS", "advice_for", "find_topic"]

DISCLAIMER = "If you are worried about your health, please talk to your doctor or nurse."

ADVICE: dict[str, tuple[str, ...]] = {
    "sleep": (
        "Try to go to bed and get up at the same time every day.",
        "Avoid tea, coffee and cola in the late afternoon and evening.",
        "A short walk in daylight can help you sleep better at night.",
        "Keep your bedroom dark, quiet and comfortably cool.",
    ),
    "diet": (
        "Try to eat some fruit or vegetables with every meal.",
        "Small regular meals are easier than one large one.",
        "Include some protein each day, such as eggs, fish, beans or milk.",
        "Go easy on salt and sugar.",
    ),
    "exercise": (
        "Gentle activity every day helps, such as a short walk around the house or garden.",
        "Stand up and move a little every hour if you can.",
        "Simple balance exercises, holding on to a steady chair, can help prevent falls.",
        "Stop and rest if you feel dizzy or out of breath.",
    ),
    "hydration": (
        "Try to drink six to eight cups of fluid a day. Water, tea and milk all count.",
        "Keep a glass of water within reach and take a few sips often.",
        "Drink a little more on warm days.",
    ),
    "warm": (
        "Try to keep your living room at about eighteen to twenty one degrees.",
        "Wear several thin layers rather than one thick one.",
        "Have at least one hot meal and some warm drinks during the day.",
        "Keep your feet warm with socks and slippers.",
    ),
    "cool": (
        "Keep curtains closed on sunny windows during the hottest part of the day.",
        "Drink plenty of water, even if you do not feel thirsty.",
        "Wear loose, light clothes and stay out of the sun around midday.",
        "A cool, damp cloth on your neck can help you feel fresher.",
    ),
}

TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "sleep": ("sleep", "asleep", "insomnia", "bed", "tired", "nap", "rest", "night"),
    "diet": ("eat", "eating", "food", "diet", "meal", "meals", "healthy", "nutrition",
             "breakfast", "lunch", "dinner", "sugar", "salt", "weight"),
    "exercise": ("exercise", "exercises", "walk", "walking", "active", "fit", "fitness",
                 "move", "moving", "stretch", "balance", "strength", "muscles"),
    "hydration": ("water", "drink", "drinking", "fluids", "hydrated", "hydration",
                  "thirsty", "dehydrated"),
    "warm": ("warm", "cold", "chilly", "winter", "freezing", "frost", "heating"),
    "cool": ("cool", "hot", "heat", "heatwave", "summer", "sun", "sunny"),
}


def find_topic(text: str) -> str | None:
    """The advice topic ``text`` asks about, or None."""
    words = re.findall(r"[a-z]+", text.lower())
    best, best_hits = None, 0
    for topic, keys in TOPIC_WORDS.items():
        hits = sum(1 for w in words if w in keys)
        if hits > best_hits:
            best, best_hits = topic, hits
    return best


def advice_for(topic: str, index: int = 0, count: int = 2) -> list[str]:
    """``count`` tips from ``topic``, starting at ``index`` (wraps around)."""
    tips = ADVICE[topic]
    return [tips[(index + i) % len(tips)] for i in range(min(count, len(tips)))]
