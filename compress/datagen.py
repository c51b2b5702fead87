"""Regenerate the third-party sentence files under compress/data/en/ (run once, committed).

    python -m compress.datagen

- ``hassil_en.jsonl``: Home Assistant intent templates (home-assistant-intents, Apache-2.0)
  expanded with hassil using a household's areas and device names.
- ``chatterbot_en.jsonl``: opening lines of chatterbot-corpus conversations (BSD-3-Clause).

Each line is ``{"text", "intent", "group", "source"}``; the group is the template (hassil) or
the conversation file (chatterbot), so the dataset split keeps a template on one side.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data" / "en"

# Home Assistant intent -> our label. Intents not listed (timers, vacuum, lawn mower, media
# volume, shopping lists) are left out, because they overlap our labels or the device lacks them.
HASS_MAP: dict[str, str] = {
    "HassTurnOn": "home_control",
    "HassTurnOff": "home_control",
    "HassLightSet": "home_control",
    "HassClimateSetTemperature": "home_control",
    "HassClimateGetTemperature": "home_control",
    "HassFanSetSpeed": "home_control",
    "HassSetPosition": "home_control",
    "HassGetState": "home_control",
    "HassGetCurrentTime": "time_query",
    "HassGetCurrentDate": "time_query",
    "HassNevermind": "stop",
    "HassGetWeather": "out_of_scope",
    "HassShoppingListAddItem": "out_of_scope",
    "HassListAddItem": "out_of_scope",
    "HassVacuumStart": "out_of_scope",
    "HassLawnMowerStartMowing": "out_of_scope",
    "HassBroadcast": "out_of_scope",
    "HassMediaSearchAndPlay": "out_of_scope",
}
AREAS = ["living room", "kitchen", "bedroom", "bathroom", "hallway", "lounge", "dining room",
         "conservatory", "landing", "front room", "spare room", "garden"]
NAMES = ["lamp", "reading lamp", "ceiling light", "kettle", "tv", "television", "radio",
         "heater", "radiator", "thermostat", "fan", "blinds", "curtains", "bedside lamp",
         "porch light", "electric blanket"]
FLOORS = ["upstairs", "downstairs", "ground", "first"]
FREE = {"message": ["dinner is ready", "i am going to bed"],
        "search_query": ["frank sinatra", "the news", "classical music", "vera lynn"],
        "shopping_list_item": ["milk", "bread", "tea bags", "biscuits", "eggs"],
        "todo_list_item": ["milk", "bread", "tea bags"], "zone": ["home", "the shops"],
        "timer_name": ["pasta"], "name": NAMES, "area": AREAS, "floor": FLOORS}
PER_TEMPLATE = 3
PER_INTENT = {"HassGetState": 50, "HassTurnOn": 110, "HassTurnOff": 100}
DEFAULT_PER_INTENT = 40

CHATTER_OOS = ["ai", "botprofile", "computers", "food", "gossip", "history", "literature",
               "money", "movies", "politics", "science", "sports", "trivia", "coding"]
CHATTER_MAX = {"trivia": 80, "coding": 40}


def _hassil_lines() -> list[dict[str, str]]:
    import home_assistant_intents as hai
    from hassil.intents import Intents, TextSlotList
    from hassil.sample import sample_expression

    intents = Intents.from_dict(hai.get_intents("en"))
    lists = dict(intents.slot_lists)
    for key, values in FREE.items():
        lists[key] = TextSlotList.from_strings(values)
    rng = random.Random(1234)
    out: list[dict[str, str]] = []
    for hass_name, label in HASS_MAP.items():
        intent = intents.intents.get(hass_name)
        if intent is None:
            continue
        rows: list[dict[str, str]] = []
        for d_idx, data in enumerate(intent.data):
            rules = {**intents.expansion_rules, **(data.expansion_rules or {})}
            for s_idx, sentence in enumerate(data.sentences):
                try:
                    texts = list(itertools.islice(
                        sample_expression(sentence.expression, lists, rules, language="en"),
                        3000))
                except Exception:  # noqa: BLE001 - a template needing lists we do not have
                    continue
                texts = [re.sub(r"\s+", " ", t).strip() for t in texts if "{" not in t]
                texts = [t for t in texts if len(t.split()) >= 3]
                for text in rng.sample(texts, min(PER_TEMPLATE, len(texts))):
                    rows.append({"text": text, "intent": label, "source": "hassil",
                                 "group": f"hassil:{hass_name}:{d_idx}.{s_idx}"})
        rng.shuffle(rows)
        out.extend(rows[: PER_INTENT.get(hass_name, DEFAULT_PER_INTENT)])
    return out


def _chatterbot_lines() -> list[dict[str, str]]:
    import chatterbot_corpus
    import yaml

    base = Path(chatterbot_corpus.__file__).parent / "data" / "english"
    out: list[dict[str, str]] = []
    for name in CHATTER_OOS:
        doc = yaml.safe_load((base / f"{name}.yml").read_text(encoding="utf-8"))
        convs = doc.get("conversations") or []
        firsts = [str(c[0]).strip() for c in convs if c and isinstance(c[0], str)]
        for i, text in enumerate(firsts[: CHATTER_MAX.get(name, 60)]):
            out.append({"text": text, "intent": "out_of_scope", "source": "chatterbot",
                        "group": f"chatterbot:{name}:{i // 4}"})
    return out


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for fname, rows in (("hassil_en.jsonl", _hassil_lines()),
                        ("chatterbot_en.jsonl", _chatterbot_lines())):
        with open(DATA_DIR / fname, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(fname, len(rows))


if __name__ == "__main__":
    main()
