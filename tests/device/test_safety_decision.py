"""The safety decision (docs/safety-path.md): the words net whatever ``safety.confirm`` says
and aware of negation, the model's two thresholds, and the dialogue context of the safety
question (an answer is read as an answer)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from device import safety
from device.careplan import CarePlan
from device.confirm import EXPECTS
from device.dialogue import DialogueManager
from device.executor import ActionExecutor
from device.labels import INTENT_LABELS, SAFETY_LABELS
from device.pipeline import Assistant
from device.replies import Reply
from device.safety_decision import Thresholds, decide, thresholds_of
from device.settings_sections import SafetySettings

PLAN = CarePlan.from_json(
    {"contacts": [{"name": "Anna", "relation": "daughter", "phone": "+44 7700 900123"}]},
    resident="Mary")
ON = SafetySettings(confirm=True, confident=0.9, confirm_timeout_s=20.0)
OFF = SafetySettings(confirm=False)

PLAIN_CALLS = ("i can't get my breath",
               "help", "help!", "help me", "please help", "I've fallen", "i fell",
               "call an ambulance", "I can't breathe", "I fell down and I cannot get up",
               "help me up", "help me i fell", "i don't know what happened i fell",
               "i'm not okay i need help", "my husband fell and he can't get up",
               "i can't get up i don't need an ambulance i need help", "help me get up",
               "years ago i slipped and now i've fallen again", "i had a fall last night",
               "alert my carer", "please get the nurse", "i think there's a gas leak",
               "i can smell gas in the kitchen", "the chip pan is on fire",
               "my clothes caught fire", "the curtains are in flames",
               "there's an intruder in my house", "somebody has broken in",
               "a man pushed his way in when i opened the door", "he forced his way in",
               "there's a burglar downstairs", "now then alert my care", "um help",
               "help me er i've fallen", "my foot slipped and i fell",
               "the other day i fell and now i can't get up", "this morning fell over",
               "the lamp fell over and i can't get up", "if i'm on the floor and can't get up",
               "when i was getting up i fell", "on the way home i fell over",
               "the dog tripped me and i fell", "i need an ambulance the air ambulance",
               "ive fallen over",  # typed without the apostrophe
               # the emergency numbers in words or spaced digits, as Whisper writes them
               "ring nine nine nine", "call nine one one", "oh um call 9 1 1", "dial 999",
               # blacking out, or about to; a fall said the British way, now
               "i keep blacking out", "oh love i'm blacking out",
               "i think i'm going to pass out", "i've just come a cropper in the kitchen",
               "ive come a cropper",
               # the fire brigade asked for now, as an ambulance is
               "send a fire engine", "get me the fire brigade", "ring for the fire brigade",
               "help me call the fire brigade",
               # a fire told as news, at the end or before a call
               "there's a fire", "help there's a fire in the kitchen", "theres a fire love",
               # stroke and breathing signs said now, smoke from a room
               "i'm slurring my words", "my lips have gone blue",
               "there's smoke coming from the kitchen",
               # a fall off a step, someone fetched now, a stranger in the home now
               "i toppled off the step", "get someone to me now", "get somebody to me quick",
               "phone for the doctor it's urgent", "a man has got in through the back door",
               "a man shoved the door open and came in",
               # the literal neighbours of the figures of speech in NOT_CALLS
               "i'm on fire", "help i'm on fire", "my dress is on fire", "i'm gasping for air",
               "i'm gasping for breath", "i slipped up the stairs and hurt my hip",
               "i slipped up in the garden and can't get up", "i tripped over the cable",
               "i've had a stroke", "i'm having a heart attack", "i fell off my chair",
               "i'm on the floor and can't get up", "i collapsed in the kitchen",
               "i'm choking", "i passed out", "i blacked out", "i fell out of bed",
               "i fell about an hour ago", "you nearly gave me a heart attack i've fallen",
               "i'm on fire today please help me", "call my emergency contact",
               "i can't get up any more", "i need help getting up",
               "i need help getting out of the bath", "please help me i've fallen",
               "send someone to help me", "send someone round quickly",
               "i can't move the wardrobe off me", "i can't move my left side",
               "i can't get up i've been here for hours i can't do this any more",
               "get help please", "i'm choking on a sweet", "i think she's had a stroke",
               "help me please", "help me please i can't get up", "help me please to get up",
               "watch out call an ambulance",
               "play something while we wait for the ambulance i fell",
               # calls that sit next to the figures of speech: never read as one (the first
               # was missed by a first "stroke the cat" rule, found by figures_heldout_en)
               "i think i'm having a stroke my face feels funny",
               "i've had a stroke my face has dropped", "i'm having a stroke my hand won't work",
               "i've had a left side stroke", "the news gave me a heart attack and my chest hurts",
               "i can't get up my legs are weak these days",
               "i can't stand up my legs have gone these days", "i'm watching the door call 999",
               "watching the door call an ambulance",
               "i nearly fell off my chair in the kitchen and hurt my hip",
               "my husband collapsed into bed and won't wake up",
               "i slipped up again on the stairs", "i slipped up with the bath mat",
               "i tripped the alarm cord and fell", "i can't stand up to go to the toilet",
               # fallen behind a piece of furniture, not behind with the chores: the first
               # was silenced by a "fallen behind" idiom, found by the spoken training-only
               # figures (docs/safety-path.md, "Fallen behind the sofa")
               "i've fallen behind the sofa and i can't get out", "i fell behind the bed",
               "send someone to check on me", "send someone over this minute",
               "send someone over on the double", "send someone round later i've fallen",
               "i'm bleeding in the wash room")
"""Plain calls for help: always end in an alert, whatever the model says."""

NOT_CALLS = ("i haven't fallen today thank you", "no thanks i don't need an ambulance",
             "no i don't need an ambulance", "i'm fine no need to call anyone",
             "i fell asleep during the film", "i fell asleep", "she fell in love",
             "i think i fell in love with that song", "my brother fell off his bike last week",
             "i'm dying for a cup of tea", "no, i don't need any help", "no thanks i'm fine",
             "i did not fall", "it is not an emergency", "no need to call an ambulance",
             "i haven't had a fall this week", "my heart sank when i heard",
             "i'm not on the floor i'm in my chair", "i wasn't calling for help",
             "i fell head over heels for him", "my friend betty fell over at school last week",
             "you're a big help", "you've been a great help thank you",
             "it took my breath away it was so beautiful", "youre a big help",
             "peter fell over at the bowls club last week",
             "i heard that joan had a fall at the market on friday",
             "the lad across the road fell off his bike yesterday",
             "we fell out over nothing", "i fell for her smile",
             "i've fallen behind with the ironing", "i fell behind on the bills",
             "i'm falling behind, sorry", "we fell behind the others on the walk",
             "i had a fall in the summer but i'm much better now",
             "the last time i fell was before christmas",
             "i went flying on the ice when i was about thirty",
             "how do i get up if i'm on the floor by myself",
             "he's a pain in the neck", "the new neighbour's dog is a real pain in the backside",
             "i can't breathe a word of it to anyone", "i slipped into my old habits",
             "i slipped back into my usual routine",
             # told not to call anyone out
             "no don't call an ambulance", "please don't send a fire engine",
             "no need to call the fire brigade",
             # everyday figures of speech, written as a new user would say them (none of
             # them is in the project's data: docs/safety-path.md, "Figures of speech")
             "you nearly gave me a heart attack",
             "i nearly had a heart attack when i saw the gas bill", "what a stroke of luck",
             "i had a stroke of luck at the bingo", "i was choking back tears at the film",
             "i collapsed into bed last night", "i collapsed into a bed last night",
             "i'm gasping for a cup of tea",
             "i'm gasping for a cuppa", "i'm on fire today i finished the crossword",
             "i'm on fire at the quiz this week", "i slipped up and forgot my tablets",
             "i love to stroke the dog", "i can't get up out of the chair like i used to",
             "i slipped up with the dates again", "the bank is bleeding me dry",
             "i'm passing out leaflets for the church",
             "i blacked out the windows for the war film night",
             "i've fallen out of love with gardening", "i've fallen out with my sister",
             "i tripped the fuse again", "i've tripped the switch in the kitchen",
             "i nearly fell off my chair when she told me",
             "i was on the floor laughing at that programme",
             "we were rolling on the floor laughing", "i fell about laughing",
             # what the resident can no longer do as they did; things that bleed, choke
             # and fly; a pet stroked; someone sent for a job
             "i can't get up the stairs as fast as i used to",
             "i can't get up early any more", "i can't stand up to my son",
             "i can't stand up for long in the kitchen",
             "the colours are bleeding in the wash", "the weeds are choking the roses",
             "i've had a fall out with the neighbours", "i slipped up again with the dates",
             "i stroke the cat every morning", "i used to swim breast stroke",
             "send someone to fix the boiler",
             "can you send someone round to look at the boiler next week",
             # a nuisance close behind, money running out, a shock or a bore survived, a rich
             # meal, a stage set alight, words tripped over, a journey one cannot make, a
             # turn long past (docs/safety-path.md, "A fourth round of figures")
             "the taxman is breathing down our necks again",
             "that old boiler is bleeding cash every winter",
             "i almost fainted from shock when the bill came",
             "the sermon went on so long i nearly passed out from sheer boredom",
             "those cream cakes are heart attacks on a stick",
             "our Jean set the stage alight in the panto",
             "he tripped over his tongue asking her to dance",
             "i blacked out on my pin number at the cash machine",
             "i can't get down to the coast for the christening this year",
             "i can't get up to leeds for the match on saturday",
             "i fainted once in church when i was a girl",
             "my wife had a heart attack back in 2009 but she's fit as a fiddle",
             "what do you do if a baby is choking on a grape",
             # ... and a second, on the fourth held-out file's findings: a show that had the
             # resident in stitches, a fright threatened, laughing breathless, a hot dish, a
             # dream, a getting down on the floor on purpose, a fire not wanted
             "that sitcom had us on the floor last night",
             "you'll give me a stroke, sneaking about like that",
             "i almost had a coronary at the price of the coach trip",
             "we laughed so much we couldn't breathe at the wedding speeches",
             "that vindaloo would set your throat on fire",
             "i tripped over each line of the poem", "i'm about collapsed from boredom",
             "the quizmaster was on fire tonight at the pub",
             "i had a nightmare that i fell down the stairs",
             "turn the heater off, i don't want it catching fire in the night",
             "what happens if the carbon monoxide alarm goes off",
             # ... and a third, on the fifth held-out file's
             "that dog's barking would wake the dead", "i've got one foot in the grave",
             "my tongue's on fire after that curry",
             "i'm stuck on twelve across", "those bleeding seagulls have had the bin over",
             "the borders are choked with bindweed",
             "it'd give you a heart attack, the price of a pint",
             "you're gonna give me a heart attack driving like that",
             "they're setting the world on fire, that band",
             "the garage burnt down years ago and we never rebuilt it",
             "my sister had a stroke at sixty and she's driving again now",
             # ... as the recognizer spells them
             "my brother had a heart attack at 50 and he's still going strong at 81",
             "crikey that nearly blew my head off my mouths on fire")
"""Sentences that use the words of a call for help without being one."""


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 19, 0)

    def __call__(self) -> datetime:
        return self.now


class Result:
    def __init__(self, intent: str, score: float, scores: dict[str, float]) -> None:
        self.intent, self.score, self.scores = intent, score, scores


class Model:
    """A hand-set classifier: every text gets the same probabilities; optional
    ``safety_thresholds`` as an intent model's config.json gives them."""

    def __init__(self, scores: dict[str, float], thresholds: object = None,
                 threshold: float = 0.25) -> None:
        self.scores = scores
        self.threshold = threshold
        if thresholds is not None:
            self.safety_thresholds = thresholds

    def classify(self, text: str) -> Result:
        label = max(self.scores, key=lambda k: self.scores[k])
        return Result(label, self.scores[label], dict(self.scores))


def assistant(model: Model, settings: SafetySettings = ON,
              clock: Clock | None = None) -> Assistant:
    dm = DialogueManager(PLAN, clock=clock or Clock(), safety=settings)
    return Assistant(model, dm, ActionExecutor("Mary", plan=PLAN))


def alerted(reply: Reply) -> bool:
    return reply.action("alert") is not None


def claims_help(text: str) -> bool:
    return bool(re.search(r"calling for help|I have told|help is on the way", text, re.I))


@pytest.mark.parametrize("text", PLAIN_CALLS)
def test_plain_calls_are_safety_words(text: str) -> None:
    assert safety.is_safety_phrase(text) and safety.safety_label_of_words(text) in SAFETY_LABELS
    assert not safety.is_negated_call(text) and not safety.is_denial(text)


@pytest.mark.parametrize("text", ["the telly keeps blacking out",
                                  "the lights keep blacking out in the storm",
                                  "i came a cropper on the cobbles when we were in spain",
                                  "he came a cropper on his bike"])
def test_a_screen_blacking_out_or_a_cropper_told_of_are_left_to_the_model(text: str) -> None:
    """Only the resident blacking out, or a cropper come now, are plain safety words."""
    assert not safety.is_safety_phrase(text)


@pytest.mark.parametrize("text", NOT_CALLS)
def test_denials_idioms_and_others_falls_are_not_safety_words(text: str) -> None:
    assert not safety.is_safety_phrase(text) and safety.safety_label_of_words(text) is None
    assert safety.is_negated_call(text)


@pytest.mark.parametrize("text", ["help me find my glasses", "help me with the heating",
                                  "can you help me set a reminder", "help with the tv",
                                  "how do i avoid falling", "help me phone my son",
                                  "help me get the biscuits", "help me put the heating on",
                                  "we sat by the fire all evening",
                                  "the burglar alarm next door keeps going off",
                                  "how do i keep burglars out",
                                  "the police caught the burglar on the news",
                                  "the grandchildren barged in shouting happy birthday",
                                  "my new shoes need breaking in",
                                  "he got in touch with me yesterday",
                                  "help me um turn the heating up",
                                  "help me er find my glasses",
                                  # a thing or someone else fell, now: the model decides
                                  "a vase fell off the shelf", "my keys fell down the drain",
                                  "the postman slipped on the ice", "our jim fell over",
                                  # safety words that call nobody
                                  "remind me about the ambulance transport on monday",
                                  "my cousin used to drive an ambulance",
                                  "the air ambulance flew over the house",
                                  "there was an ambulance outside the shop",
                                  "when should i call an ambulance",
                                  "when should i ring nine nine nine",
                                  "set the reading lamp to 9 1",
                                  "have we got the emergency plumber's number",
                                  "my emergency contact is my daughter",
                                  "can you change my emergency contact to my son",
                                  "i need help with my crossword",
                                  "help me please to set the alarm",
                                  "switch the emergency light off",
                                  "i love watching 999 what's your emergency",
                                  "what time is emergency vets on",
                                  "phone anna and tell her the ambulance came for next door",
                                  "where can i get help with my pension",
                                  "please help me understand this letter",
                                  "i need help getting the tree down from the loft",
                                  "i can't move the wardrobe on my own",
                                  "the papers went flying in the wind",
                                  "my shopping went flying and i landed on my hip",
                                  "it was a real emergency stop on the bus",
                                  "the emergency lights in the corridor are flickering",
                                  "what are the signs of a stroke",
                                  "what do you do for someone who is choking",
                                  "help me spell rhythm", "help me think of a name",
                                  # the fire brigade as a service or a story
                                  "get the fire brigade to check my smoke alarm",
                                  "remind me to call the fire service about the smoke alarm",
                                  "does the fire brigade fit smoke alarms for free",
                                  "a fire engine went down our road with its bells going",
                                  "when should i call the fire brigade",
                                  # a fire that is the heater, the telly or a drill
                                  "there's a fire on in the lounge",
                                  "there's a fire in the lounge if you're cold",
                                  "there's a fire on the telly",
                                  "there's a fire drill at the day centre",
                                  "he was slurring his words", "i'm not slurring",
                                  "what does it mean if my lips are blue",
                                  "his lips have gone blue",
                                  "there's smoke coming from next door's chimney",
                                  "the vase toppled off the shelf",
                                  "get someone here to fix the boiler",
                                  "can you get someone here tomorrow to look at the tap",
                                  "the cat got in through the window",
                                  "he pushed the door open for me",
                                  "the wind pushed the door open"])
def test_ordinary_requests_that_mention_help_are_left_to_the_model(text: str) -> None:
    assert not safety.is_safety_phrase(text) and not safety.is_negated_call(text)


LONG_AGO_OR_IF = ("years ago i slipped on the ice and broke my wrist",
                  "i tripped over in the market a few years back", "i fell last year",
                  "i had a fall a few weeks ago but i'm fine",
                  "what should i do if i fall in the bath",
                  "what do i do if i fall and can't get up",
                  "if someone has a stroke what are the signs",
                  "what do i do if i think someone's having a heart attack",
                  "how do i get up if i end up on the kitchen floor",
                  "what do i do if i smell gas", "what should i do if the pan catches fire",
                  "what do you do if there's a gas leak",
                  "what should i do if someone breaks in",
                  "if there's an intruder who do i call")


@pytest.mark.parametrize("text", LONG_AGO_OR_IF)
def test_a_fall_long_past_or_one_that_might_happen_is_answered(text: str) -> None:
    # the shipped model alerted on "i tripped over in town a couple of years back" (0.98)
    assert not safety.is_safety_phrase(text) and safety.is_negated_call(text)
    scores = {"fall_report": 0.99, "emergency_help": 0.005, "advice_request": 0.004}
    d = decide("fall_report", text, 0.99, ON, scores=scores,
               thresholds=thresholds_of(Model(scores, THRESHOLDS)))
    assert d.route == "answer" and d.intent not in SAFETY_LABELS, d


@pytest.mark.parametrize("text", ["i fell last night", "i fell yesterday and i'm still sore",
                                  "i fell last year and now i've fallen again",
                                  "years ago i broke my hip and now i can't get up"])
def test_a_recent_fall_or_a_plain_call_beside_an_old_one_still_counts(text: str) -> None:
    assert not safety.is_negated_call(text)


@pytest.mark.parametrize("text", PLAIN_CALLS)
@pytest.mark.parametrize("label", ["greeting", "out_of_scope", "emergency_help"])
def test_plain_calls_always_alert_whatever_the_model(text: str, label: str) -> None:
    """At once with confirm off or a safety label; under another label the question is
    asked, and no answer ends in the alert."""
    clock = Clock()
    for settings in (ON, OFF):
        a = assistant(Model({label: 0.6, "thanks": 0.4}), settings, clock)
        turn = a.respond(text)
        if settings.confirm and label not in SAFETY_LABELS:
            assert turn.safety == "ask" and turn.reply.expects == EXPECTS
            clock.now += timedelta(seconds=21)
            late = a.tick()
            assert late is not None and alerted(late.reply)
        else:
            assert turn.safety == "alert" and alerted(turn.reply), (settings, turn.say)
        assert "Good evening" not in turn.say


def test_fell_down_as_greeting_with_confirm_off_alerts() -> None:
    turn = assistant(Model({"greeting": 0.95}), OFF).respond("I fell down")
    assert alerted(turn.reply) and turn.reply.action("alert").data["type"] == "spoken_fall"
    assert "Good evening" not in turn.say


@pytest.mark.parametrize("text", NOT_CALLS)
@pytest.mark.parametrize("settings", [ON, OFF])
def test_a_sentence_that_is_not_a_call_never_alerts_nor_asks(text: str,
                                                             settings: SafetySettings) -> None:
    """Even when the model is sure it is an emergency (the shipped student's errors)."""
    for label in SAFETY_LABELS:
        turn = assistant(Model({label: 0.998, "deny": 0.002}), settings).respond(text)
        assert turn.safety == "answer" and not alerted(turn.reply), (text, turn.say)
        assert turn.reply.expects != EXPECTS and not claims_help(turn.say)


def test_model_without_thresholds_keeps_the_settings_rule() -> None:
    assert thresholds_of(Model({"greeting": 1.0})) is None
    d = decide("emergency_help", "is the kettle on", 0.95, ON)
    assert (d.route, d.reason) == ("alert", "model")
    assert decide("emergency_help", "is the kettle on", 0.2, ON).route == "ask"  # ask = 0
    assert decide("emergency_help", "is the kettle on", 0.2, OFF).route == "alert"
    assert decide("greeting", "is the kettle on", 0.9, ON, scores={"emergency_help": 0.4,
                                                                   "greeting": 0.5}).route \
        == "answer"  # without thresholds only a safety top label counts


THRESHOLDS = {"emergency_help": {"alert": 0.8, "ask": 0.3},
              "fall_report": {"alert": 0.7, "ask": 0.2}}


@pytest.mark.parametrize(("scores", "route", "intent"), [
    ({"emergency_help": 0.85, "greeting": 0.15}, "alert", "emergency_help"),
    ({"emergency_help": 0.5, "greeting": 0.5}, "ask", "emergency_help"),
    ({"greeting": 0.6, "emergency_help": 0.35}, "ask", "emergency_help"),  # not top, in band
    ({"emergency_help": 0.29, "time_query": 0.28, "greeting": 0.2}, "answer", "time_query"),
    ({"emergency_help": 0.25, "time_query": 0.2, "greeting": 0.1}, "answer", "out_of_scope"),
    ({"fall_report": 0.15, "time_query": 0.1}, "answer", "out_of_scope"),  # under the floor
    ({"fall_report": 0.7, "thanks": 0.3}, "alert", "fall_report"),
    ({"thanks": 0.75, "fall_report": 0.25}, "ask", "fall_report"),
])
def test_two_thresholds_route_alert_ask_answer(scores: dict[str, float], route: str,
                                               intent: str) -> None:
    model = Model(scores, THRESHOLDS)
    turn = assistant(model).respond("is the kettle on")
    assert turn.safety == route
    assert (turn.reply.action("alert") is not None) == (route == "alert")
    assert (turn.reply.expects == EXPECTS) == (route == "ask")
    assert turn.reply.intent == intent
    off = assistant(model, OFF).respond("is the kettle on")
    assert off.safety == ("alert" if route in ("alert", "ask") else "answer")


def test_words_net_holds_under_thresholds() -> None:
    """A plain call with the model far below its ask threshold still asks (confirm on) or
    alerts (off); with the model in the band it alerts at once."""
    low = Model({"greeting": 0.95, "emergency_help": 0.05}, THRESHOLDS)
    assert assistant(low).respond("help me").safety == "ask"
    assert assistant(low, OFF).respond("help me").safety == "alert"
    band = Model({"greeting": 0.6, "emergency_help": 0.4}, THRESHOLDS)
    assert assistant(band).respond("help me").safety == "alert"


MENTIONS = ("my flat is on the ground floor", "I'm on the first floor flat",
            "an ambulance went past with its siren going, I hope whoever it is is alright",
            "my friend is recovering from a stroke", "he's getting over a heart attack",
            "I can't move my car, it's blocked in", "the ambulance station is near the church",
            "they're closing the ambulance depot on the bypass",
            "my daughter is down as my emergency contact",
            "what's the number for the water emergency line",
            "the stroke nurse is coming at ten",
            "i got down on the floor to look for the remote",
            "what's the emergency number in spain", "is it 999 or 112 over there",
            "i've been practising getting up off the floor with my physio")
"""Call words that only mention a place, a passing ambulance, an illness being got over, a
thing that will not shift, a record, a medicine or a getting down on the floor on purpose
(device.safety.is_mention)."""


@pytest.mark.parametrize("text", MENTIONS)
def test_a_mention_the_model_is_sure_of_is_asked_about_not_alerted(text: str) -> None:
    """However sure the model is, a sentence whose call words are only a mention is asked
    about first (docs/safety-path.md, "Mentions"); with confirm off it alerts, as the band."""
    assert safety.is_mention(text) and not safety.is_safety_phrase(text)
    sure = {"emergency_help": 0.99, "fall_report": 0.005, "greeting": 0.005}
    th = thresholds_of(Model(sure, THRESHOLDS))
    on = decide("emergency_help", text, 0.99, ON, scores=sure, thresholds=th)
    assert (on.route, on.reason) == ("ask", "mention")
    assert decide("emergency_help", text, 0.99, OFF, scores=sure, thresholds=th).route == "alert"
    turn = assistant(Model(sure, THRESHOLDS)).respond(text)
    assert turn.safety == "ask" and turn.reply.action("alert") is None
    # under the ask threshold it is answered, as any sentence
    low = {"emergency_help": 0.1, "out_of_scope": 0.9}
    assert decide("out_of_scope", text, 0.9, ON, scores=low, thresholds=th).route == "answer"


@pytest.mark.parametrize("text", [
    "i'm on the bathroom floor", "i've fallen on the ground floor landing",
    "my friend is recovering from a stroke and i've fallen", "i can't move my legs",
    "i'm on the first floor and i can't get up", "i slipped into the bath",
    "i slipped into my slippers and then fell", "i've got a pain in the neck and i can't move",
    "help, the ambulance went past my house and i need one",
    "he's breathing down my neck and i can't breathe", "i tripped over my own feet",
    "i can't get up to the toilet", "i can't get up to answer the door",
    "my brother had a stroke years ago and now he's collapsed", "i nearly passed out",
    "i've just blacked out on the stairs", "call my emergency contact",
    "ring the emergency number", "my husband is choking",
    "i'm bleeding money and i'm bleeding from my head",
    "i passed out last year and i've passed out again",
    "i nearly collapsed with the pain",
    "the carbon monoxide alarm is going off what do i do", "the co alarm's gone off",
    "my carbon monoxide detector keeps going off and i feel sick",
    "the dog had me on the floor", "that joke had me on the floor and now i can't get up",
    "i got down on the floor to find my pills and now i can't get up",
    "i dreamt i fell and i woke up on the floor", "my pan's caught fire",
    "my legs have gone from under me", "my knees went out from under me in the hall",
    "i'm lying at the bottom of the stairs", "i'm lying by the back door",
    "i've been lying on the carpet for an hour", "i don't know where i am",
    "i don't know where i am, who are you", "i'm on the kitchen floor",
    "my brother had a stroke years ago and now he can't lift his arm",
    "ring 999", "call the emergency number",
    "i've tipped the kettle over my leg the skin's coming away",
    "i spilt boiling water down myself", "the skin's coming off my hand",
    "i collapsed at 10:45", "my husband collapsed at 45 minutes past",
    "he had a fit at 20:30",
    "water's pouring through the ceiling onto the fuse box",
    "there's sparks coming out of the socket by the bed",
    "i had a bad dream and fell out of bed", "i had a nightmare then fell out of bed",
    "i'm on the kitchen lino and i can't move my leg", "i'm still on the bedroom carpet",
    "i'm stuck between the bath and the toilet", "she's wedged between the bed and the wall",
    "i've got myself jammed between the sink and the door",
    "he's slipped off the commode onto the floor and i can't lift him",
    "she's on the bathroom floor and i can't get her up",
    "warders seeping through the ceiling onto the fuse box",  # the water's verb misheard too
    "water's trickling through the ceiling onto the plugs"])
def test_a_call_beside_a_mention_or_a_figure_is_still_a_call(text: str) -> None:
    assert safety.is_safety_phrase(text), text
    assert not safety.is_mention(text) and not safety.is_negated_call(text)


@pytest.mark.parametrize("text", ["we danced all night on the dance floor",
                                  "i don't know where i am with all these new tablets",
                                  "i'm lying in bed", "i'm lying on the sofa watching telly",
                                  "i fainted at twenty past six",
                                  "i spilled tea on my skirt",
                                  "i knocked the kettle over on the worktop",
                                  "my skin is peeling after the sunburn",
                                  "the rain's pouring through the ceiling onto the carpet",
                                  "the sparks were flying off the bonfire",
                                  "i'm lying next to my husband in bed",
                                  "i don't know where i am going with this knitting",
                                  "the skin's coming off the chicken",
                                  "i'm stuck between a rock and a hard place",
                                  "i'm stuck between the devil and the deep blue sea",
                                  "the cat's stuck between the fridge and the wall",
                                  "we're out on the tiles tonight",
                                  "i'm on the carpet with the hoover",
                                  "i can't lift him he's too heavy for me now",
                                  "i can't get her to eat her tea"])
def test_a_dance_floor_a_muddle_or_a_rest_are_no_call_words(text: str) -> None:
    """Left to the model: no plain call words ("i fainted at twenty past six" is no age a
    turn came at, so nothing defuses it either)."""
    assert not safety.is_safety_phrase(text) and not safety.is_negated_call(text)


@pytest.mark.parametrize("text", [
    "there's black smoke coming out from under the kitchen door",
    "as black smoke coming out from under the kitchen floor",  # the recognizer's, at 10 dB
    "smoke is seeping through the bedroom door", "there's smoke coming out of the toaster"])
def test_smoke_from_a_room_is_an_emergency_whatever_else_is_said(text: str) -> None:
    # found by the third held-out file spoken (docs/safety-path.md): the words net held
    # "smoke coming from the kitchen" but not "... coming out from under the kitchen door";
    # and a floor in the same breath made it a fall
    assert safety.safety_label_of_words(text) == "emergency_help"


def test_a_recognizers_bathroom_floor_is_no_storey() -> None:
    # "i've ended up on the bathroom floor" was heard "i bend it up on the bottom floor":
    # the bottom floor is left to the model, which may alert at once
    assert not safety.is_mention("i bend it up on the bottom floor")


@pytest.mark.parametrize("bad", [{"greeting": {"alert": 0.9, "ask": 0.1}},
                                 {"emergency_help": {"alert": 0.3, "ask": 0.5}},
                                 {"emergency_help": {"alert": 0.9}}, {},
                                 {"fall_report": {"alert": 1.5, "ask": 0.1}}])
def test_malformed_thresholds_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="safety_thresholds"):
        thresholds_of(Model({"greeting": 1.0}, bad))
    with pytest.raises(ValueError, match="safety_thresholds"):
        Assistant(Model({"greeting": 1.0}, bad), DialogueManager(PLAN), ActionExecutor("Mary"))


def test_intent_model_threshold_pairs_are_read() -> None:
    """device.intent.IntentModel gives (alert, ask) pairs; a real tiny model folder with
    safety_thresholds in its config.json routes through them."""
    got = thresholds_of(Model({"greeting": 1.0}, {"fall_report": (0.7, 0.2)}))
    assert got == {"fall_report": Thresholds(0.7, 0.2)}


def test_threshold_values_are_checked() -> None:
    with pytest.raises(ValueError):
        Thresholds(float("nan"), 0.1)
    assert Thresholds(0.9, 0.0).ask == 0.0


# -- the dialogue context: an answer to "Do you need help?" -----------------------------
DENIALS = ("no, I don't need any help", "no thanks I'm fine", "no", "I'm fine",
           "no i don't need an ambulance", "i haven't fallen", "nope all good i'm fine",
           "im fine thanks", "im ok")  # typed without the apostrophe


def ask_first(a: Assistant) -> None:
    turn = a.respond("is the kettle on")
    assert turn.safety == "ask" and a.dialogue.pending_safety is not None


@pytest.mark.parametrize("text", DENIALS)
@pytest.mark.parametrize("label", ["emergency_help", "deny", "fall_report"])
def test_a_denial_cancels_whatever_the_model_says(text: str, label: str) -> None:
    model = Model({"emergency_help": 0.5, "greeting": 0.5})
    a = assistant(model)
    ask_first(a)
    model.scores = {label: 0.99, "thanks": 0.01}
    answer = a.respond(text)
    assert not alerted(answer.reply) and not claims_help(answer.say), answer.say
    assert answer.reply.action("event").data["type"] == "safety_cancelled"
    assert a.dialogue.pending_safety is None


@pytest.mark.parametrize(("label", "text"), [("affirm", "yes"), ("affirm", "yes please"),
                                             ("greeting", "help me"),
                                             ("deny", "no, I've fallen"),
                                             ("emergency_help", "get my daughter now"),
                                             ("out_of_scope", "hmm")])
def test_yes_a_new_call_or_anything_unclear_alerts(label: str, text: str) -> None:
    model = Model({"emergency_help": 0.5, "greeting": 0.5})
    a = assistant(model)
    ask_first(a)
    model.scores = {label: 0.9, "thanks": 0.1}
    answer = a.respond(text)
    assert alerted(answer.reply), (text, answer.say)


@pytest.mark.parametrize("label", INTENT_LABELS)
def test_no_i_dont_need_help_outside_a_question_never_alerts(label: str) -> None:
    turn = assistant(Model({label: 0.99, "thanks": 0.01})).respond("no i don't need help")
    assert not alerted(turn.reply) and turn.reply.expects != EXPECTS
    assert turn.reply.intent == "deny" and turn.say == "All right."
    assert not claims_help(turn.say)


@pytest.mark.parametrize("text", ["set the temp on the upstairs floor to twenty",
                                  "turn the lights off on the downstairs floor",
                                  "the bathroom is on the second floor"])
def test_a_floor_of_the_house_is_not_the_floor_one_lies_on(text: str) -> None:
    assert safety.safety_label_of_words(text) is None
    assert safety.safety_label_of_words("i'm on the bathroom floor") == "fall_report"


@pytest.mark.parametrize("text", ["i can't pick myself up", "i can't haul myself up off the tiles",
                                  "i couldn't pull myself up so i'm still on the floor",
                                  "i can't get myself back up", "i cannot drag myself up",
                                  "i can't heave myself up off the bathroom floor"])
def test_unable_to_rise_in_any_verb_of_effort_is_a_fall(text: str) -> None:
    assert safety.safety_label_of_words(text) == "fall_report"


@pytest.mark.parametrize("text", ["i can't drag myself up the stairs these days",
                                  "i can't pull myself up that hill any more",
                                  "i can't get myself up the steps without the rail"])
def test_a_climb_too_hard_is_not_a_fall(text: str) -> None:
    assert safety.safety_label_of_words(text) is None


@pytest.mark.parametrize(("text", "words"), [
    ("oh love go on the floor five for me", ["on", "the", "floor"]),
    ("i um fell over", ["i", "fell"]),  # a filler inside the words is not one of them
    ("please help all my daughter i'm fine", ["please", "help"]),
    ("my brother fell and i can't get up", ["can't", "get", "up"]),  # his fall is not
    ("turn the heating up", []),
])
def test_the_words_that_make_the_call_are_found(text: str, words: list[str]) -> None:
    assert [text.split()[i] for i in safety.safety_word_indices(text)] == words


def test_fast_path_words_alert_at_once_only_where_the_model_is_sure() -> None:
    """Words that the hybrid's fast path alone heard (asr.fast_second_opinion): at or above
    the alert threshold they alert at once; under it they ask (Whisper's second opinion
    may alert a moment later); with confirm off they alert, as every doubtful call does."""
    th = thresholds_of(Model({"greeting": 1.0}, THRESHOLDS))
    band = {"emergency_help": 0.5, "greeting": 0.5}
    d = decide("emergency_help", "help me", 0.5, ON, scores=band, thresholds=th,
               fast_path=True)
    assert (d.route, d.reason, d.intent) == ("ask", "fast_unsure", "emergency_help")
    assert decide("emergency_help", "help me", 0.5, ON, scores=band, thresholds=th).route \
        == "alert"  # typed, or heard by Whisper: the words and an agreeing model, at once
    assert decide("emergency_help", "help me", 0.5, OFF, scores=band, thresholds=th,
                  fast_path=True).route == "alert"
    sure = {"emergency_help": 0.9, "greeting": 0.1}
    d = decide("emergency_help", "help me", 0.9, ON, scores=sure, thresholds=th,
               fast_path=True)
    assert (d.route, d.reason) == ("alert", "words")
    low = {"greeting": 0.95, "emergency_help": 0.05}  # under ask: the words still ask
    assert decide("greeting", "help me", 0.95, ON, scores=low, thresholds=th,
                  fast_path=True).reason == "words_only"


@pytest.mark.parametrize("text", ["i'm on the bathroom tiles and my hip hurts",
                                  "i'm jammed between the bed and the wardrobe",
                                  "my wife's on the lounge floor and i can't lift her"])
def test_down_on_a_floor_covering_or_in_a_gap_is_a_fall(text: str) -> None:
    # calls of the third and fifth held-out files that the shipped model caught only in its
    # question band (0.62-0.63; a build with a new teacher missed them: docs/safety-path.md,
    # "With a teacher fine-tuned on them"), in other words here
    assert safety.safety_label_of_words(text) == "fall_report"


def test_typed_words_the_model_is_sure_are_no_call_are_answered() -> None:
    """safety.typed_words_floor (docs/safety-path.md, "Typed words the model is sure are no
    call"; off by default): typed words under the floor are answered as the model reads
    them; at or above it they ask; spoken words (not ``typed``) always ask; words with an
    agreeing model still alert at once; a model without thresholds, or a floor of 0 (the
    default), leaves the words asking."""
    on = SafetySettings(typed_words_floor=0.05, typed_stock_words_floor=0.0)
    off = SafetySettings(typed_stock_words_floor=0.0)  # the stock-words floor apart (below)
    assert SafetySettings().typed_words_floor == 0.0
    th = thresholds_of(Model({"greeting": 1.0}, THRESHOLDS))
    sure_not = {"time_query": 0.97, "emergency_help": 0.01, "fall_report": 0.02}
    d = decide("time_query", "help, what's the time", 0.97, on, scores=sure_not,
               thresholds=th, typed=True)
    assert (d.route, d.intent, d.reason) == ("answer", "time_query", "words_below_floor")
    assert d.p == pytest.approx(0.02)  # the likelier safety label's probability
    assert decide("time_query", "help, what's the time", 0.97, on, scores=sure_not,
                  thresholds=th).reason == "words_only"  # heard, not typed: ask
    unsure = {"time_query": 0.85, "emergency_help": 0.06, "fall_report": 0.01}
    d = decide("time_query", "alert my carer", 0.85, on, scores=unsure, thresholds=th,
               typed=True)
    assert (d.route, d.reason) == ("ask", "words_only")  # 0.06 >= 0.05: asked
    agree = {"emergency_help": 0.5, "greeting": 0.5}
    assert decide("emergency_help", "help me", 0.5, on, scores=agree, thresholds=th,
                  typed=True).route == "alert"
    assert decide("time_query", "help, what's the time", 0.97, off, scores=sure_not,
                  thresholds=th, typed=True).reason == "words_only"  # the default: off
    assert decide("time_query", "help, what's the time", 0.97, on, scores=sure_not,
                  typed=True).reason == "words_only"  # no thresholds: no safety p to trust
    a = assistant(Model(sure_not, THRESHOLDS), on)
    turn = a.respond("help, what's the time")  # typed through the device
    assert turn.safety == "answer" and not turn.alerts and turn.intent == "time_query"
    assert a.dialogue.pending_safety is None
    b = assistant(Model(sure_not, THRESHOLDS), off)  # the default: the question
    assert b.respond("help, what's the time").safety == "ask"


def test_typed_stock_words_the_model_is_sure_are_no_call_are_answered() -> None:
    """safety.typed_stock_words_floor (on, 0.002; docs/safety-path.md, "A call's stock words
    the model is sure are no call"): typed sentences whose only call words are stock words
    ("help", "emergency", "collapsed") and whose safety probability is under the floor are
    answered as the model reads them; words that tell what is happening ask at any
    probability; spoken words always ask; 0 turns it off."""
    assert SafetySettings().typed_stock_words_floor == 0.002
    th = thresholds_of(Model({"greeting": 1.0}, THRESHOLDS))
    sure_not = {"out_of_scope": 0.97, "emergency_help": 0.0015, "fall_report": 0.0005}
    for text in ["i used to work the emergency switchboard",
                 "the batting order collapsed in the second innings",
                 "help, where are my glasses"]:
        d = decide("out_of_scope", text, 0.97, ON, scores=sure_not, thresholds=th, typed=True)
        assert (d.route, d.reason) == ("answer", "stock_words_below_floor"), (text, d)
        assert decide("out_of_scope", text, 0.97, ON, scores=sure_not,
                      thresholds=th).reason == "words_only", text  # heard: asked
    for text in ["water's pouring through the ceiling right onto the fuse box",
                 "i don't know where i am, none of these streets are right",
                 "alert my carer", "help, i've fallen in the hall"]:
        d = decide("out_of_scope", text, 0.97, ON, scores=sure_not, thresholds=th, typed=True)
        assert d.route == "ask", (text, d)  # told by what happens, or with a fall: asked
    unsure = {"out_of_scope": 0.9, "emergency_help": 0.003, "fall_report": 0.001}
    assert decide("out_of_scope", "help, where are my glasses", 0.9, ON, scores=unsure,
                  thresholds=th, typed=True).reason == "words_only"  # 0.003 >= 0.002
    off = SafetySettings(typed_stock_words_floor=0.0)
    assert decide("out_of_scope", "help, where are my glasses", 0.97, off, scores=sure_not,
                  thresholds=th, typed=True).reason == "words_only"
    a = assistant(Model(sure_not, THRESHOLDS))  # typed through the device, the default
    turn = a.respond("i used to work the emergency switchboard")
    assert turn.safety == "answer" and not turn.alerts
    assert a.dialogue.pending_safety is None


@pytest.mark.parametrize("floor", [-0.1, 0.5, float("nan")])
def test_a_typed_stock_words_floor_outside_its_range_is_refused(floor: float) -> None:
    with pytest.raises(ValueError, match="typed_stock_words_floor"):
        SafetySettings(typed_stock_words_floor=floor)


@pytest.mark.parametrize("floor", [-0.1, 0.5, 1.0, float("nan")])
def test_a_typed_words_floor_outside_its_range_is_refused(floor: float) -> None:
    with pytest.raises(ValueError, match="typed_words_floor"):
        SafetySettings(typed_words_floor=floor)


@pytest.mark.parametrize("text", [
    "that curry was so hot my tongue was on fire all night",
    "my mouth has been burning since that vindaloo",
    "he drives like the car is on fire and the brakes are gone",
    "she talks like her hair's on fire",
    "i'm choking for a cup of tea after all that gardening",
    "the washing machine's shaking like it's having a fit",
    "she dropped onto the settee as if she'd collapsed, the drama queen",
    "when the bill came i nearly had a heart attack.",
    "he jumped out from behind the door and i almost had a stroke",
    "i had a fall back in the spring but i'm right as rain now",
    "i've been round the house and there's no whiff of gas anywhere",
    "how do i test my panic button without bothering anyone",
    "that film last night had a woman choking on a fishbone, i couldn't watch",
])
def test_figures_and_mentions_of_the_sixth_round_are_no_call(text: str) -> None:
    """Kinds found by the sixth held-out file (docs/safety-path.md, "A seventh file"): a
    burning mouth in any tense, similes ("like the church is on fire", "like it's having a
    seizure", "as if she'd collapsed"), choking for a drink, a near stroke at the end of a
    clause, a fall back in a month or a season, no smell of gas, testing the alarm button,
    someone on the telly; here in the project's own words."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "it feels like my chest is on fire",
    "it smells like the toaster is on fire",
    "the kitchen is on fire",
    "he's shaking like he's having a fit and he won't answer me",
    "i'm choking",
    "i nearly had a stroke i think i'm having one now",
    "i had a fall back in march and now i've fallen again",
    "there's a smell of gas in the hall",
    "he collapsed like a sack of potatoes and he won't wake up",
    "my mouth is bleeding and it won't stop",
])
def test_the_literal_neighbours_of_the_sixth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    # water at the electrics' level, or through a light
    "the flood water's coming in under the back door and the plugs are on the skirting",
    "water is dripping out of the light fitting in the hall",
    # a fire in a wall or a socket
    "the wall by the cooker is hot to the touch and i can smell something",
    "there's crackling coming from the socket behind the telly",
    "the socket in the kitchen is smoking",
    "there's a horrible burning smell in the bedroom",
    # legs that will not bear the resident, now
    "i'm in the hall and my legs won't hold me",
    # something poisonous swallowed, or too many tablets
    "my granddaughter's just swallowed one of my heart tablets",
    "he's swallowed a button battery",
    "i've taken far too many of my sleeping pills",
    # someone outside at night
    "someone's shining a torch through my bedroom window",
])
def test_calls_of_the_seventh_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the seventh held-out file (docs/safety-path.md, "An eighth
    file"), in the project's own words: each a call whatever the model says."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "i've swallowed my tablets with my tea",
    "she says i swallowed it too quick",
    "if the water ever comes in under the door the sockets are too low",
    "the radiator's hot to the touch now, lovely",
    "he snores like a tree falling down",
    "we get on like a house on fire",
    "her husband is a walking heart attack with all that butter",
    "help ma boab, the price of butter",
    "ring the fire brigade, that new postman is too hot to handle",
    "i nearly had a heart attack on the spot when i saw the bill",
    "the ambulance has just gone past again",
    "ring jean and ask how she's doing after her stroke",
    "my sister had her stroke in the kitchen, years ago now",
    "my wrist still aches where i fell at christmas",
    "night night, and don't go setting the place on fire",
])
def test_figures_and_mentions_of_the_seventh_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


def test_a_storey_is_no_floor_one_cannot_lift_someone_off() -> None:
    """"on the first floor and i can't get her to ..." tells where the flat is; "onto the
    floor and i can't lift him" and "on the landing floor and i can't get her up" are
    falls (the rule noticed without a storey guard at the last review)."""
    assert safety.safety_label_of_words(
        "we're on the first floor and i can't get her to the bath on my own") is None
    assert safety.safety_label_of_words(
        "she's on the landing floor and i can't get her up") == "fall_report"


@pytest.mark.parametrize("text", [
    "the little one's gone ever so floppy in my arms",
    "is it normal for my husband to go this floppy after his nap",
    "she's gone floppy and she's grey",
])
def test_calls_of_the_ninth_round_are_safety_words(text: str) -> None:
    """A kind of call found by the ninth held-out file (docs/safety-path.md, "A ninth
    file"), in the project's own words: someone gone floppy, now."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    # reported instructions with their condition, the non-emergency line, a reminder to ring
    "the surgery told me to call an ambulance if the swelling spreads, it hasn't",
    "my daughter says i should dial 999 whenever the alarm goes, but it never does",
    "what's the non-emergency number for the council",
    "remind me on friday to phone the fire service about a home safety visit",
    # passing ambulances, old falls, someone else's turn on a day gone by
    "an ambulance came for the old lady at number six this morning",
    "back in the seventies i slipped on a frozen puddle and cracked my elbow",
    "my neighbour had a funny turn on tuesday but she's home now and fine",
    # hypotheticals, threats and near things
    "if i couldn't breathe at night who would you ring",
    "if he plays that trumpet once more i'll have a heart attack",
    "another point and we'd have had a coronary, what a final",
    # things and sides that collapse, tears, on the floor for a reason or asleep there
    "the sponge collapsed the minute it came out of the oven",
    "the batting collapsed after lunch again",
    "the sweet peas keeled over in the storm",
    "i collapsed in floods of tears at the christening",
    "i knelt on the floor deliberately to reach the back of the cupboard",
    "the cat's sound asleep on the kitchen floor in the sun",
    # floppy things
    "her hair's gone all floppy in the rain",
    "the lettuce has gone floppy in the fridge",
])
def test_figures_and_mentions_of_the_ninth_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "there's been bad blood in that family for years",
    "that referee makes my blood boil",
    "our vicar's a killer at dominoes",
    "i'm running on empty today, i need a sit down",
    "quiet now, nobody breathe, they're reading the results",
    "don't worry, it's not blood, it's red wine",
    "i'm not stuck, i'm just resting on the step",
    "i caught myself on the banister, no harm done",
    "the kettle's whistling its head off",
    "the goalkeeper dropped like he'd been shot",
])
def test_figures_the_model_took_for_calls_in_the_ninth_round_are_no_call(text: str) -> None:
    """Sayings of the ninth file's kinds that the model alone alerted on (no call words):
    read as figures, denials or answers, never alerted nor asked about."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "it's not stopping, there's so much blood",
    "i fell on the stairs, no harm done but i can't get up",
    "the ceiling has collapsed on me",
    "my husband collapsed in the kitchen",
    "the nurse said to ring 999 if the chest pains come back, and they have",
    "the nurse said to ring 999 if the chest pains come back and now they're back",
    "my friend had chest pains on saturday and now i've got them too",
    "if i couldn't breathe i'd ring you, but i can't breathe now",
    "the dog's asleep on the floor and i've fallen over him",
    "i sat on the floor to sort the drawer and now i can't get up",
    "the ambulance came for the man across the road and now i can't breathe",
    "i fell back in 87 and now i've fallen again",
    "i'm not stuck i'm on the floor and i can't get up",
    "it's not blood it's my head, i'm bleeding",
    "he went down like he'd been shot and he's not breathing",
])
def test_the_literal_neighbours_of_the_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


def test_a_leading_no_before_what_the_model_reads_as_a_call_is_asked_about() -> None:
    """A denial by its first word alone ("no, ...") whose words the model reads as a call at
    or above its ask threshold is asked about (reason ``leading_no``), typed or heard: a
    call written blind began so and was answered as a no (docs/safety-path.md, "A tenth
    file"). A no that denies in its own words stays a no, whatever the model says."""
    th = thresholds_of(Model({"greeting": 1.0}, THRESHOLDS))
    sure = {"emergency_help": 0.97, "deny": 0.02, "fall_report": 0.01}
    for typed in (True, False):
        d = decide("emergency_help", "no, i really need someone here", 0.97, ON, scores=sure,
                   thresholds=th, typed=typed)
        assert (d.route, d.reason) == ("ask", "leading_no"), d
    for text in ["no, i don't need any help", "no thanks i don't need an ambulance",
                 "no i'm fine", "nah i'm grand", "no no, i'm right as rain",
                 "no, i haven't fallen"]:
        d = decide("emergency_help", text, 0.97, ON, scores=sure, thresholds=th, typed=True)
        assert (d.route, d.intent) == ("answer", "deny"), (text, d)
    low = {"emergency_help": 0.1, "deny": 0.88, "fall_report": 0.02}
    d = decide("deny", "no, leave it", 0.88, ON, scores=low, thresholds=th, typed=True)
    assert (d.route, d.intent) == ("answer", "deny")  # under the ask threshold: a no
    assert safety.only_a_leading_no("No, I really need someone here")
    assert not safety.only_a_leading_no("no, i'm fine")
    assert not safety.only_a_leading_no("i really need someone here")


@pytest.mark.parametrize("text", [
    "fire in the kitchen, the pan's gone up the wall",
    "fire! the toaster's alight",
    "the chip pan's going up and i can't put it out",
    "quick, there's a fire in the oven",
])
def test_calls_of_the_eighth_round_are_safety_words(text: str) -> None:
    """A kind of call found by the eighth held-out file, read once the tenth was written
    (docs/safety-path.md, "The eighth, read"): a fire shouted at the start, a pan alight."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "fire up the telly would you",
    "fire away, i'm listening",
    "there was a fire in the chip pan years ago, we had to repaint",
    "the fire in the lounge is lovely and warm",
    "i'm choking for a wee drop of whisky",
    "getting a penny from him is like getting blood from a stone",
    "put on that ambulance documentary from last night",
    "i'm watching casualty, a nurse just collapsed in the corridor, what rubbish",
    "what if i tripped on the stairs at night, who would know",
])
def test_figures_and_mentions_of_the_eighth_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


def test_a_mild_cough_is_asked_about_never_alerted_by_the_model_alone() -> None:
    """"I've a tickly cough that won't shift" was alerted at once by the model alone (0.97):
    a mild cough is a mention (asked about however sure the model is); words beside it
    still call."""
    assert safety.is_mention("i've a chesty cough that won't go")
    assert safety.safety_label_of_words("i've a chesty cough that won't go") is None
    assert safety.safety_label_of_words("i've a tickly cough and i can't breathe") == \
        "emergency_help"


@pytest.mark.parametrize("text", [
    "there's no pulse and his lips are grey",
    "she no breathe, come quick",
    "i can't wake my husband, he's cold",
    "dad won't come round, i've been shaking him",
    "the water's come up to the plugs in the kitchen",
])
def test_calls_of_the_tenth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the tenth held-out file, read once the eleventh was written
    (docs/safety-path.md, "The tenth, read"), in the project's own words."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "my daughter is still my emergency contact, isn't she",
    "the washing machine's having a breakdown again",
    "the council tax letter came, fetch the smelling salts",
    "that politician was choking on his own words",
    "the nurse's hands were that cold i almost went into shock",
    "the pain turned out to be trapped wind",
    "my neighbour slipped in the garden but they got her up and she's fine",
    "should we ring 999 or the doctor if he gets worse",
    "it's only the carer testing the button, this is just a test, nobody needs help",
    "in the book where the woman collapses on the moor i cried",
    "the little one has me on the floor playing with the train set",
    "my cousin had a heart attack, the doctors are with him at the hospital",
])
def test_figures_and_mentions_of_the_tenth_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "she slipped in the shower and she can't get up",
    "the staff got her up but she's bleeding badly",
    "this is a test, but actually i've fallen",
    "should i ring 999? he's not breathing",
    "in the film where a man collapsed, and now i can't breathe myself",
    "grandad's on the floor and he can't get up",
    "my pulse is racing and i've got chest pains",
])
def test_the_literal_neighbours_of_the_tenth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "the lounge is full of smoke and i can't find the door",
    "water leaking thru the ceiling onto the sockets",
    "there's sparks coming out the wall",
    "heeelp",
    "i cant breath properly",
    "mi cyaan get up off di floor",
])
def test_calls_of_the_eleventh_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the eleventh held-out file, read once the twelfth was written
    (docs/safety-path.md, "The eleventh, read"), in the project's own words: smoke filling a
    room, the electrics in text-speak, help drawn out, misspellings, Jamaican English."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "i haven't fallen, i'm sat on the floor tidying the shoe rack",
    "i slipped last friday but i'm right as rain now",
    "nobody's hurt, the vase just smashed",
    "i'm on the floor doing my stretches from the physio",
    "the bowler's choking on the big stage again",
    "that umpire wants glasses",
    "tell me one that'll have me rolling on the floor",
    "go on, twist my arm, i'll have a biscuit",
    "my ears were bleeding after that karaoke",
    "i nearly fell off my stool when she told me",
    "there's sparks between those two, mark my words",
])
def test_figures_and_mentions_of_the_eleventh_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i fell last tuesday and now i've fallen again",
    "nobody's bleeding but i can't get up",
    "i'm on the floor doing my exercises and now i can't get up",
    "tell me a joke, i'm on the floor and i can't get up",
    "my ears are bleeding",
])
def test_the_literal_neighbours_of_the_eleventh_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "my husband's slurring and his face has gone lopsided",
    "her mouth is drooping on one side",
    "one side of his face has gone numb",
    "my throat's closing up, i think it was the nuts",
    "his tongue's swelling up after the wasp sting",
    "mum's gone down in the bathroom and i can't get her up",
    "dad came off the ladder and he's not moving",
])
def test_calls_of_the_twelfth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twelfth held-out file, read once the thirteenth was
    written (docs/safety-path.md, "The twelfth, read"), in the project's own words: stroke
    signs seen in another, a throat or a tongue swelling shut, someone gone down whom the
    resident cannot lift, a fall from a ladder and not getting up."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "he was slurring his words at the wedding, the state of him",
    "she has a crooked smile, just like her father",
    "his face dropped when he saw the gas bill",
    "how can you tell if someone's having a stroke, is it the face drooping?",
    "my ankles are swelling up in this heat",
    "the water's gone down in the bath already",
    "the new emergency pendant's come, it's a horrible grey",
    "our neighbour collapsed at the shops on friday, he's home now",
    "my brother's in hospital with pneumonia, they're keeping him in",
    "the paramedics have been and gone, they said he's fine",
    "if i shouted help would you hear me from the garden",
])
def test_figures_and_mentions_of_the_twelfth_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my heart's in my mouth every time the phone rings",
    "cross my heart, i'll take my tablets",
    "his whistling is a national emergency",
    "my back is sending out distress signals after the gardening",
    "the printout looks like a printer had a fit",
    "my heart bleeds for them",
    "i'm at death's door with this flu",
    "four pounds for a sandwich, that's daylight robbery",
    "she was spitting blood about the bins",
    "i thought there was someone at the window but it was just the cat",
    "it's only a little graze from the rose bush",
    "he's not unconscious, he's just a heavy sleeper",
    "panic over, the kettle had just boiled dry",
])
def test_figures_the_model_took_for_calls_in_the_twelfth_round_are_no_call(text: str) -> None:
    """Sayings and scares called off of the twelfth file's kinds: read as figures or
    denials, never alerted nor asked about, whatever the model reads."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he was slurring at lunch and now he's slurring again and his arm's gone weak",
    "it's not just a scratch, it won't stop bleeding",
    "it's only a scratch but i can't get up",
    "i thought it was just wind but now i've got chest pains",
    "my sister's in hospital with a stroke and now i've got chest pains too",
    "the ambulance has been and gone and now i can't breathe",
    "my heart's in my mouth and i've got chest pains",
    "if i said i need help would you believe me? i need help",
])
def test_the_literal_neighbours_of_the_twelfth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize(("text", "label"), [
    ("someone's in the garden with a torch, peering in the windows", "emergency_help"),
    ("a man i don't know is trying the front door handle", "emergency_help"),
    ("i'm stuck in the bath and the water's cold", "fall_report"),
    ("i can't get myself out of the bath", "fall_report"),
    ("my husband's slumped on the settee and he's not responding", "emergency_help"),
    ("the grill's gone up and the curtains are catching", "emergency_help"),
    ("my blood sugar's gone, i'm sweating and confused", "emergency_help"),
    ("oh my chest, something's very wrong", "emergency_help"),
])
def test_calls_of_the_thirteenth_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the thirteenth held-out file, read once the fourteenth was
    written (docs/safety-path.md, "The thirteenth, read"), in the project's own words: a
    stranger at the windows or the doors, stuck in the bath, someone slumped who does not
    answer, an appliance alight, a diabetic low, the chest and something wrong."""
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "a man came round to measure the windows for blinds",
    "the window cleaner's looking in the windows again",
    "i can't get out of the bath without my rail these days",
    "the price of the toaster's gone up",
    "my sugar's a bit high today, the nurse says",
    "i slumped on the sofa after the walk",
    "the curtains caught the light nicely",
])
def test_neighbours_of_the_thirteenth_round_that_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i dropped a stitch and the whole sleeve's collapsed",
    "she's having kittens about the wedding",
    "not a heart attack, just a flap about the visitors",
    "i haven't fallen, i knocked the cup on the floor",
    "don't worry, it's just the smoke alarm, the toast again",
])
def test_figures_and_scares_of_the_thirteenth_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_a_phone_that_will_not_ring_out_is_asked_about_never_alerted_by_the_model_alone(
) -> None:
    """"I can't get my phone to ring out" may be a call that could not be made: a mention,
    asked about however sure the model is (device.safety_decision, step 4)."""
    assert safety.is_mention("i can't get my phone to ring out, it just beeps")
    assert safety.safety_label_of_words("i can't get my phone to ring out, i've fallen") == \
        "fall_report"


@pytest.mark.parametrize("text", [
    "i dropped my stick on the floor and i can't get up",
    "i dropped on the floor",
    "it's only the smoke alarm but now there's smoke everywhere, the kitchen's full of smoke",
    "not a heart attack, just a panic, but i can't breathe",
    "the row's collapsed and so have i, i've fallen",
])
def test_the_literal_neighbours_of_the_thirteenth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize(("text", "label"), [
    ("i think i've taken my heart tablets twice this morning", "emergency_help"),
    ("i've had a double dose of my insulin", "emergency_help"),
    ("the little one's drunk some of the washing liquid", "emergency_help"),
    ("he's been at the slug pellets", "emergency_help"),
    ("mary's sugar's dropped, she's shaking and muddled", "emergency_help"),
    ("this is not a drill, there's smoke on the landing", "emergency_help"),
    ("the candle's caught the curtains", "emergency_help"),
    ("the gas fire's making us both drowsy and sick", "emergency_help"),
    ("my chest's gone tight all of a sudden", "emergency_help"),
    ("dad's gone over in the kitchen and he's bleeding", "fall_report"),
    ("i've had a nasty tumble in the hall", "fall_report"),
])
def test_calls_of_the_fourteenth_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the fourteenth held-out file, read once the fifteenth was
    written (docs/safety-path.md, "The fourteenth, read"), in the project's own words: a
    dose taken twice, a poison drunk or eaten, a diabetic low in another, the alarm meant
    this time, a flame that caught what is near it, a boiler making people ill, someone gone
    over in a room and hurt, a tumble."""
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "he takes his tablets twice a day",
    "have i taken my tablets twice?",
    "what happens if i took a double dose by mistake? just asking",
    "my sugar's fine today, the nurse was pleased",
    "the boiler's making a knocking noise again",
    "the shares took a tumble this week",
    "i took a tumble at the shops ages ago but i'm fine now",
    "what happens if i press the red button by accident?",
    "how does the watch know if i've had a fall?",
    "rovers have collapsed again in the second half",
    "don't worry, i won't fall for one of those scam calls",
])
def test_neighbours_and_figures_of_the_fourteenth_round_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my chest is bad with this cold but i'm breathing fine",
    "the smoke alarm keeps chirping, it needs a new battery",
])
def test_figures_the_model_took_for_calls_in_the_fourteenth_round_are_no_call(
        text: str) -> None:
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he takes his tablets twice a day but today he's taken them twice by mistake",
    "the smoke alarm wants a new battery but the kitchen's full of smoke",
    "my chest is tight and i can't breathe, but i'm breathing a bit",
    "what happens if i press the button? i've fallen",
    "i took a tumble years ago and now i've had a tumble again and can't get up",
])
def test_the_literal_neighbours_of_the_fourteenth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize(("text", "label"), [
    ("no, actually, i do need someone, my hip's gone", "emergency_help"),
    ("nah wait i can't stand", "fall_report"),
    ("my wife's gone down in the hall and she's too heavy to lift", "fall_report"),
    ("i'm on my back by the bed and i can't roll over", "fall_report"),
    ("it's the carer, mr jones isn't responding", "emergency_help"),
    ("she's not responding, she's slumped on the sofa", "emergency_help"),
    ("there really is smoke in the bedroom", "emergency_help"),
    ("pretend? no, there's really a fire in the kitchen", "emergency_help"),
    ("i've had a fall, please get someone", "fall_report"),
])
def test_calls_of_the_fifteenth_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the fifteenth held-out file, read once the sixteenth was
    written (docs/safety-path.md, "The fifteenth, read"), in the project's own words: a no
    turned back, someone too heavy to lift, on one's back and unable to turn, another who
    does not respond, smoke said to be there, someone fetched at the end."""
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "no wait, i'm fine, it was the telly",
    "i can't stand the noise from next door",
    "get someone to fix the boiler next week",
    "the telly's not responding to the remote",
    "he isn't responding to the antibiotics yet",
    "there's smoke in that film about the war",
    "there's smoke coming from the bonfire next door",
])
def test_neighbours_of_the_fifteenth_round_that_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


def test_a_no_turned_back_is_no_denial() -> None:
    """"No, actually ..." and "no wait ..." take back the no: never answered as a denial
    (the fifteenth's two calls lost so), while "no wait, i'm fine" still denies."""
    assert not safety.is_denial("no actually i do need someone")
    assert not safety.is_denial("no wait, it's not the telly, there really is smoke upstairs")
    assert safety.is_denial("no wait, i'm fine")
    assert safety.is_denial("no thanks, i don't need anyone")


@pytest.mark.parametrize("text", [
    "let's pretend there's a fire and you rescue teddy",
    "pretend you're a fire engine",
    "the plumber's bleeding the radiators",
    "if i had a heart attack would you know?",
    "i'm falling to pieces without my glasses",
])
def test_play_and_figures_of_the_fifteenth_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text), text


def test_a_turn_on_the_telly_is_a_mention() -> None:
    assert safety.is_mention("was that stroke in the soap real or just acting?")


@pytest.mark.parametrize("text", [
    "i don't want to live any more",
    "i've got the pills lined up",
    "i'm going to take my own life",
    "i'll end it tonight, nobody would miss me",
    "a branch has come through the kitchen window",
    "the ceiling's caving in",
    "i've shut myself out in my slippers and it's freezing",
    "i can't stop shivering and i can't get warm",
    "i feel faint and i've been throwing up in this heat",
    "we're stuck in a ditch in the snow",
    "water's coming up through the floorboards and the lights are flickering",
    "there's a power cable down in the road and it's sparking",
])
def test_calls_of_the_sixteenth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the sixteenth held-out file, read once the seventeenth was
    written (docs/safety-path.md, "The sixteenth, read"), in the project's own words: a
    life the resident means to end, a storm's damage to the house, the cold and the heat in
    the body, stuck in a drift, water up to the lights, a power line down."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "i could kill myself laughing at that",
    "i want to die of embarrassment",
    "i'm going to end it with him, he never calls",
    "i don't want to be here when the builders come",
    "i don't want to go on holiday this year",
    "a tree came down in the park",
    "the price of coal is coming down",
    "i locked myself out last week, the neighbour had a key",
    "we got stuck in a snowdrift in 1963",
])
def test_neighbours_of_the_sixteenth_round_that_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i'm not having chest pains, it's my chest of drawers",
    "someone's knocking, it's probably the postman",
    "over my dead body",
    "the dog had a fit last night, the vet's seen him",
    "a man said it was my bank and there was fraud, but i hung up",
])
def test_figures_the_model_took_for_calls_in_the_sixteenth_round_are_no_call(
        text: str) -> None:
    assert safety.is_negated_call(text), text


def test_an_ambulance_flying_past_is_a_mention() -> None:
    assert safety.is_mention("an ambulance went flying past, i wonder who for")
    assert safety.safety_label_of_words("an ambulance went flying past and i went flying "
                                        "too, i'm on the floor") in SAFETY_LABELS


def test_a_thing_that_caught_light_is_a_call() -> None:
    """The seventeenth's one call missed ("the oxygen tubing's caught light off the
    cooker", docs/safety-path.md, "The seventeenth, read"), in the project's words."""
    assert safety.safety_label_of_words("the tea towel's caught light") == "emergency_help"
    assert safety.safety_label_of_words("the curtains caught the light nicely") is None


@pytest.mark.parametrize("text", [
    "my cough's no worse than usual",
    "i'm short of breath on the stairs, same as always",
    "the angina came on but i've had my spray and it's settled",
    "the inhaler's done the trick, i can breathe again",
    "the chest pain has gone now, thank goodness",
    "my chest infection is on the mend",
    "is it an emergency if my ankles swell in the heat?",
    "she thinks every headache is a stroke",
    "my daughter says the kitchen's on fire but it's only the steam from the pan",
    "the film's all car chases and people shouting for help",
    "there's a spot of blood on the dressing, the nurse said that's fine",
    "i'm sick to death of this rain",
    "i had to get up for the loo three times",
    "he had a fit of the giggles",
])
def test_symptoms_as_always_and_figures_of_the_seventeenth_round_are_no_call(
        text: str) -> None:
    """A symptom told as it always is, or eased, and the seventeenth file's other kinds
    (docs/safety-path.md, "The seventeenth, read"): never alerted nor asked about."""
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the chest pain has gone into my arm",
    "the pain has eased a bit but now i can't breathe",
    "same as always, i've fallen again and i can't get up",
    "the kitchen's on fire and it's not just the steam",
    "i got up for a wee and now i'm on the floor",
    "he's having a fit and it's not settled",
])
def test_the_literal_neighbours_of_the_seventeenth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "smoke's creeping along the landing",
    "dad's not in his bed and it's two in the morning",
    "she's wandered off in her nightie and i can't find her",
])
def test_calls_of_the_eighteenth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the eighteenth held-out file, read once the nineteenth was
    written (docs/safety-path.md, "The eighteenth, read"): smoke along the stairs or the
    landing, someone gone from the house at night."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "in my dream the house was on fire",
    "i dreamt someone was breaking in",
    "i'm frightened i'll fall on the ice",
    "it's only the wind rattling the back door",
    "i'm dead on my feet",
    "the smoke alarm's beeping, its battery's flat",
    "it's not a fire, it's the sunset on the glass",
    "i feel like i've been hit by a bus",
    "that's the fourth time i've been up to the loo",
    "i can't help it, i always wake early",
])
def test_dreams_fears_and_noises_of_the_eighteenth_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "he's gone out to the shops and he'll be back at two",
    "the book has a burglar in it",
])
def test_neighbours_of_the_eighteenth_round_that_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i dreamt i fell and now i've woken up on the floor and i can't get up",
    "it's not a fire, there's smoke coming from the socket",
    "i can't help, i've fallen",
    "i'm frightened, i've fallen and i can't get up",
])
def test_the_literal_neighbours_of_the_eighteenth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "there's water in the plug sockets",
    "the water's got into the fuse box",
    "water all over the electrics in the hall",
])
def test_calls_of_the_nineteenth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the nineteenth held-out file, read once the twentieth was
    written (docs/safety-path.md, "The nineteenth, read"): water on the electrics told in
    a few words."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "go on, help yourself, there's plenty",
    "fire away, i'm listening",
    "the sky was on fire at sunset",
    "it's bleeding freezing out there",
    "i had the strangest dream that the kitchen was on fire",
    "pretend i've fallen and show me what you'd do",
    "it isn't a fire, it's the toaster steaming",
    "she laughed so hard she nearly fell off her chair",
    "the doctor says if i ever get chest pains i'm to ring straight away",
    "my husband had his stroke ten years ago and they said he might never walk again",
])
def test_figures_dreams_and_play_of_the_nineteenth_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "crossword clue, six letters, a cry for help",
    "the quiz question was what number do you ring for the fire brigade",
])
def test_a_puzzles_clue_is_a_mention(text: str) -> None:
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i was doing the crossword when i fell off the chair",
    "help yourself up? i can't, i've fallen",
    "the sky's gone dark and the shed is on fire",
    "i'm bleeding badly from my arm",
    "it isn't a fire, it's a gas leak",
    "it wasn't a fire drill, the kitchen is full of smoke",
    "i had a bad dream and fell out of bed",
    "the doctor said if i ever get chest pain i'm to ring, and i've got crushing chest pain now",
    "my husband had a stroke last year and now he's having another",
])
def test_the_literal_neighbours_of_the_nineteenth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "I keep waking at four and then I'm worn out all day, is there anything I can do to "
    "sleep through",
    "what can I do to keep my ankles from swelling",
    "how can I stop falling over at night",
])
def test_a_question_for_everyday_advice_is_a_mention(text: str) -> None:
    """Asked about rather than alerted at once, however sure the model is (the nineteenth
    file's one alert at once that was left: the model read a question for sleep advice as
    a call at 0.98)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "what can i do to stop this bleeding, it won't stop",
    "is there anything I can do about the pain, I've fallen and I can't get up",
])
def test_a_question_for_advice_beside_a_plain_call_still_calls(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("there's a man at the back door with a crowbar", "emergency_help"),
    ("a fella in the garden by the shed with a knife", "emergency_help"),
    ("i can't feel my right arm and my words are coming out wrong", "emergency_help"),
    ("his left side's gone numb all of a sudden", "emergency_help"),
])
def test_calls_of_the_twentieth_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the twentieth held-out file, read once the twenty-first was
    written (docs/safety-path.md, "The twentieth, read"): a stranger at a window or a door
    with a tool to break in, a side of the body that cannot be felt (after "i'm fine", which
    a plain call beside it no longer makes a no)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call("i'm fine, " + text), text


@pytest.mark.parametrize("text", [
    "give over, you daft thing",
    "that's my water tablet taken",
    "the choir were on fire tonight",
    "my head's thumping but it's only a headache",
    "my blood pressure's up again today",
    "what do i do if i ever smell gas",
    "my dad had the stroke in 2010 and he was never the same",
    "no, i've not fallen, i'm on the floor doing me exercises",
])
def test_figures_of_the_twentieth_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the woman in the soap had a stroke last night, ever so sad",
    "how can you tell a stroke from a bad migraine",
])
def test_a_turn_on_the_telly_or_telling_one_illness_from_another_is_a_mention(text: str) -> None:
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "it's probably only indigestion but the pain's crushing and going down my arm",
    "a man came to fix the window and now he's fallen off his ladder and can't get up",
    "my left arm's gone numb and i can't lift it",
    "my husband collapsed in the kitchen while the news was on",
    "i think i'm having a heart attack, how would you tell",
    "he had the stroke just now and he can't lift his arm",
    "i've swallowed the whole bottle of my pills",
    "the pain's gone up into my jaw and down my left arm",
    "i've downed a handful of my sleeping pills",
])
def test_the_literal_neighbours_of_the_twentieth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "the pain in my knee is going down now",
    "the pain's moved to my shoulder since i slept on it",
    "i've taken all my tablets",
])
def test_neighbours_of_the_twentieth_round_that_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


def test_a_dose_told_as_done_is_never_a_bottle_swallowed() -> None:
    """"that's me blood pressure one swallowed" is a dose told as done; "all my pills" is not
    one dose, and the model decides it."""
    assert safety.is_negated_call("that's me blood pressure one swallowed")
    assert not safety.is_negated_call("that's all my pills swallowed, the whole bottle")


@pytest.mark.parametrize("text", [
    "i've had my tablets, all four, same as every morning",
    "i'm absolutely fuming with the council",
    "what would happen if the lift broke down with me in it",
    "i still think about the day my brother collapsed at the match",
    "if i ever have a fall, ring my daughter first",
    "ring my son, not the ambulance, he's only round the corner",
])
def test_figures_of_the_twenty_first_round_are_no_call(text: str) -> None:
    """Kinds found by the twenty-first held-out file, read once the twenty-second was
    written (docs/safety-path.md, "The twenty-first, read"): a dose as every morning,
    "fuming", what would happen if, a day remembered, who to ring if it ever happens."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_when_to_ring_999_asked_with_an_adverb_is_a_mention() -> None:
    text = "when should i actually call 999 and not the doctor"
    assert safety.is_mention(text) and safety.safety_label_of_words(text) is None


@pytest.mark.parametrize("text", [
    "what would happen if i fell i have fallen and i can't get up",
    "the house is full of smoke and i'm fuming",
    "i need help now, not the ambulance, my son",
    "i remember the day i fell, and now i've fallen again",
    "i can't get up, don't get up love, i mean i can't",
])
def test_the_literal_neighbours_of_the_twenty_first_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


def test_dont_get_up_stays_the_words_nets() -> None:
    """"don't get up" as a courtesy at the door was left to the model: the recognizer hears
    "i can't get up" as "i don't get up" (spoken calls of the project's runs)."""
    assert not safety.is_negated_call("i'm on the floor and i don't get up")


@pytest.mark.parametrize(("text", "label"), [
    ("smoke's coming out of the back of the fridge", "emergency_help"),
    ("there's smoke pouring from the heater", "emergency_help"),
    ("i've been stuck down here between the bed and the bedside table all night", "fall_report"),
    ("been wedged on the floor between the sofa and the bookcase since lunch", "fall_report"),
])
def test_calls_of_the_twenty_second_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the twenty-second held-out file, read once the twenty-third
    was written (docs/safety-path.md, "The twenty-second, read"): smoke out of an
    appliance or the electrics, wedged down between furniture (the subject left out)."""
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "i felt a bit woozy getting up but it's passed now",
    "pins and needles in my hand from lying on it",
    "turn it down, that racket's going right through my head",
    "the grandchildren give me a heart attack on that trampoline",
])
def test_figures_of_the_twenty_second_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "he's passed out on the kitchen floor",
    "the shock gave him a heart attack and he's on the floor",
    "smoke's coming out of the socket",
    "the pain's passed into my arm and my jaw",
])
def test_the_literal_neighbours_of_the_twenty_second_round_still_call(text: str) -> None:
    assert not safety.is_negated_call(text), text


def test_a_call_of_the_twenty_third_round_is_safety_words() -> None:
    """Found by the twenty-third held-out file, read once the twenty-fourth was written
    (docs/safety-path.md, "The twenty-third, read"): a poison drunk from a bottle, told by
    what it turned out to be."""
    text = "i had a swig out of the lemonade bottle in the shed and it was weedkiller"
    assert safety.safety_label_of_words(text) == "emergency_help"


@pytest.mark.parametrize("text", [
    "my knees have been on fire all week after the bowls",
    "stroke the dog, he likes it",
])
def test_figures_of_the_twenty_third_round_are_no_call(text: str) -> None:
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "on the telly the nurse said call an ambulance, it's that drama again",
    "the news said a house caught fire in the next village",
    "my granddaughter's text says she's dying of boredom, send help",
    "'dear gran, we're all well, grandad slipped on the ice but he's fine, love amy'",
    "how can i stop falling over on the stairs",
])
def test_the_telly_the_news_and_messages_read_aloud_are_mentions(text: str) -> None:
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "dear me, i've fallen",
    "dear god, help me, i've fallen",
    "the radio says it's cold and now i've fallen and can't get up",
    "my legs are on fire and the house is full of smoke",
    "the message says help and i think i'm having a stroke",
    "i stroked the cat and then i fell and i can't get up",
])
def test_the_literal_neighbours_of_the_twenty_third_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "the toddler's got into grandad's heart tablets",
    "my husband's wandered out and he's in the road now, i can't get him in",
    "i can't remember which flat is mine and it's freezing out here",
    "it's nothing, just a cut, but it's bled through two tea towels",
    "the candle's fallen over and the tablecloth's smouldering",
])
def test_calls_of_the_twenty_fourth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twenty-fourth held-out file, read once the twenty-fifth
    was written (docs/safety-path.md, "The twenty-fourth, read"): a child at the pills,
    someone confused out in the traffic, lost outside, blood through towel after towel
    whatever is said of it first, bedding or cloth smouldering."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


def test_a_fire_said_and_unsaid_is_no_call() -> None:
    text = "dad keeps saying the kitchen's on fire but it isn't, i've looked"
    assert safety.is_negated_call(text) and safety.safety_label_of_words(text) is None


@pytest.mark.parametrize("text", [
    "the house is on fire but it isn't the kitchen, it's the garage",
    "there's an intruder but he isn't inside yet, he's at the window",
])
def test_the_literal_neighbours_of_the_twenty_fourth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", ["he's on the road to recovery",
                                  "she's in the road safety team at the council"])
def test_neighbours_of_the_twenty_fourth_round_that_are_no_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "this is no joke, grandad's stopped breathing at the table",
    "my wife just stopped breathing",
    "the baby isn't breathing",
    "he's stopped breathing in his sleep, he's gone grey",
    "it's not the fireworks this time, the kitchen's filling with smoke",
    "there's smoke filling the landing",
    "a candle tipped over and the curtains have caught",
    "help the nets have caught",
])
def test_calls_of_the_twenty_fifth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twenty-fifth held-out file, read once the twenty-sixth
    was written (docs/safety-path.md, "The twenty-fifth, read"): someone's breathing stopped
    now, a room filling with smoke, furnishings caught (a fire told without its word)."""
    assert safety.safety_label_of_words(text) == "emergency_help", text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i can't breathe",
    "i can't breathe through my nose or my mouth",
    "i can't breathe through my nose, and now i can't breathe at all",
    "he's not breathing through his nose or his mouth, he's blue",
    "he stops breathing in his sleep and now i can't wake him",
])
def test_the_literal_neighbours_of_the_twenty_fifth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've stopped breathing through my mouth since the new mask",
    "i just stopped breathing for a moment when the bus braked",
    "the kitchen fills with smoke every time i do toast",
    "in the film the whole house was filling with smoke and she just sat there",
    "the pan's caught, i'll have to soak it",
    "my sleeve's caught on the door handle",
    "the curtains have caught on the rail again",
    "the rice has caught on the bottom of the pan",
])
def test_neighbours_of_the_twenty_fifth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i fell for my wife at a new year's dance in 1958",
    "i can't breathe through my nose with this cold",
    "my nose is so blocked i can't breathe through it at night",
    "he isn't breathing through his nose properly with this cold",
    "i've stopped breathing through my mouth since the new mask",
    "my husband stops breathing in his sleep, the doctor says it's apnoea",
    "he's stopped breathing for a few seconds in the night, the sleep clinic are looking at it",
])
def test_a_blocked_nose_a_known_pause_in_sleep_and_falling_for_someone_are_no_call(
        text: str) -> None:
    """Everyday talk the shipped model alerted on at once (0.96 to 1.00): breath through the
    nose or the mouth, a pause in sleep the doctor knows of; and an old idiom. No call, whatever
    the model says; a call said beside them still calls (the test above)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "mum's gone all drowsy and clammy and the meter just says lo",
    "the meter's showing lo and he won't eat anything",
    "i started the rescue pack yesterday but i'm worse, i can barely get a sentence out",
    "he can't get his words out",
    "i can't finish a sentence, i'm so breathless",
    "dad's slid off the commode and i can't lift him on my own",
    "he's fallen out of bed and he's too heavy for me to lift",
    "he's fallen and i can't lift him",
])
def test_calls_of_the_twenty_sixth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twenty-sixth held-out file, read once the twenty-seventh
    was written (docs/safety-path.md, "The twenty-sixth, read"): a blood sugar meter's "LO",
    speech gone for want of breath or words that won't come, someone down who can't be
    lifted."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the meter said lo this morning but i had some juice and it's fine now",
    "i can't get a word out of him since he retired",
    "i can't get a word in edgeways with my sister",
    "she can't lift her cup with this wrist",
    "i can't lift the shopping bags since my shoulder went",
    "the leaflet says if you experience chest pain seek medical help immediately",
])
def test_neighbours_of_the_twenty_sixth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "if i ever can't breathe, would you call 999 for me",
    "if my husband ever falls, will you ring our son",
    "what are the chances of having a stroke if you've got af",
    "my brother died of a heart attack at fifty two",
    "what should i do if my mother falls and i can't lift her?",
    "i can't lift him into the bath any more, we need a hoist",
    "she's getting too heavy for me to lift, the carers come twice a day now",
])
def test_a_request_for_if_it_ever_comes_a_risk_asked_and_a_death_told_are_no_call(
        text: str) -> None:
    """What to do if it ever comes, the risk of a turn, a death long ago, a carer's need: no
    call whatever the model says (two of these the words net alerted on at once, one the
    model alone)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "if i ever can't breathe, would you call 999 for me, and now i can't breathe",
    "my brother died of a heart attack and now i've got chest pains",
    "the leaflet says see a doctor and i can't breathe",
])
def test_the_literal_neighbours_of_the_twenty_sixth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "mm sorry... the tablets... i took the whole lot... didn't mean to...",
    "the sleeping pills, she's taken the lot",
    "i'm alright really, it's just i've been down here a good while and i'm getting cold",
    "i've been lying down here ages and i'm so cold",
])
def test_calls_of_the_twenty_seventh_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twenty-seventh held-out file, read once the twenty-eighth
    was written (docs/safety-path.md, "The twenty-seventh, read"): too many pills told by the
    pills first ("the whole lot"), a long lie told softly ("down here" by what it does)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i took the whole lot to the tip, the old tablets tins and all",
    "i've been down here in the kitchen ages, it's nice and warm by the oven",
])
def test_neighbours_of_the_twenty_seventh_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i dreamt i was stuck in a lift and couldn't breathe",
    "the tap in the bathroom's dripping and it's driving me up the wall",
    "there's a fox screaming out the back, sounds like someone being murdered",
    "my sister rang at midnight once to say dad had collapsed, i still jump at the phone",
    "i set the toast on fire once making a midnight snack and ted never let me forget it",
])
def test_a_dream_a_likeness_and_a_night_told_as_once_are_no_call(text: str) -> None:
    """What could not be done in a dream, "driving me up the wall", a scream that sounds like
    a murder, a turn told as having happened once: no call whatever the model says (three of
    these the words net alerted on or asked about, two the model alone alerted on at once)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i had a nightmare and i couldn't breathe when i woke up and i still can't",
    "i set the chip pan on fire once and now i've done it again, the kitchen's full of smoke",
    "my son rang once to say he was coming and now i've fallen",
])
def test_the_literal_neighbours_of_the_twenty_seventh_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "mum tripped over the cat by the fridge and she's lying there saying her hip hurts",
    "grandad's slid off his chair at the dinner table and we can't lift him between us",
])
def test_calls_of_the_twenty_eighth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twenty-eighth held-out file, read once the twenty-ninth
    was written (docs/safety-path.md, "The twenty-eighth, read"): someone lying there hurt
    now, someone down whom two can't lift."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the curry's on fire in the pan and it's spreading",
    "i've cut my hand, it's only small but it's bleeding a little and won't stop",
    "i've dropped my stick and i'm on the floor",
    "i've knocked my tablets on the floor and now i've fallen reaching for them",
    "i burnt the toast and now the kitchen's full of smoke",
    "she's lying on the kitchen floor and she won't answer",
])
def test_the_literal_neighbours_of_the_twenty_eighth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "she's lying there reading her book in the sun",
    "the cat's lying there in the sun, lucky thing",
    "he's lying there on the sofa saying his back hurts, men",
])
def test_neighbours_of_the_twenty_eighth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "nicked my finger peeling the spuds, bleeding a little but i'll live",
    "this curry's on fire, i've put far too much chilli in",
    "i've burnt the toast again, honestly i'm hopeless",
    "the soup's gone off, it smells awful, i've poured it down the sink",
    "my eyes are burning after chopping all them onions",
    "i scalded my tongue on my tea, it's gone a bit numb now",
    "i've burnt my finger on the kettle, it's only small but it stings",
    "mum says her throat's a little scratchy since the crisps, but she's breathing fine",
    "i'm not hurt, i've just dropped a whole tray of eggs on the floor",
])
def test_the_kitchens_own_words_and_a_hurt_said_to_be_minor_are_no_call(text: str) -> None:
    """Kitchen words (a hot curry, burnt toast, soup gone off, onions, a tea too hot), a hurt
    said to be minor, breathing said to be fine, eggs dropped on the floor: no call whatever the
    model says (two of these the words net alerted on at once, six the model alone)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i'd better not say much, there's a chap in my front room going through the drawers",
    "the doorbell camera's showing a man with a crowbar at my back door this minute",
    "a chap's just put his shoulder to my front door twice",
    "just pretend i'm asking about the weather, he's right next to me and says i've got to go "
    "to the bank with him now",
    "ended up on the mat by the door been here since the postman came legs won't go",
])
def test_calls_of_the_twenty_ninth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the twenty-ninth held-out file, read once the thirtieth was
    written (docs/safety-path.md, "The twenty-ninth, read"): an intruder told by what he
    does (through the drawers, a shoulder to the door, a crowbar said before the door), a
    call hidden from someone in the room, legs that won't go."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i fell, no i never said i fell before, i've fallen now and i can't get up",
    "there's a man at the door, i think it's a scam, and now he's forcing his way in",
    "there's a man with a crowbar at the window and he's trying it",
])
def test_the_literal_neighbours_of_the_twenty_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "my son is going through my drawers looking for the will",
    "my legs won't go up the stairs like they used to",
    "let's pretend we're pirates, i'm the captain",
    "pretend there's a fire and show me the way out, it's a drill",
    "the plumber put his shoulder to the door to shut it, it sticks in the damp",
])
def test_neighbours_of_the_twenty_ninth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my ears are ringing and i can barely hear the doorbell",
    "i got a text saying urgent help needed, your account is frozen, click here. is that real?",
    "somebody rang saying my grandson's been arrested and needs bail money, that's a scam "
    "isn't it?",
    "no i never said i fell, i said i'd been in the hall",
    "i'm drowning in paperwork from the pension people",
])
def test_ringing_ears_a_scam_asked_about_and_a_fall_unsaid_are_no_call(text: str) -> None:
    """Ears ringing, a scam asked about, a fall said never to have been said, paperwork one
    drowns in: no call whatever the model says (one of these the words net asked about, three
    the model alone alerted on at once)."""
    assert safety.is_negated_call(text), text


def test_home_emergency_cover_is_a_mention() -> None:
    text = "they're selling home emergency cover for thirty quid a month, is it worth having?"
    assert safety.is_mention(text) and safety.safety_label_of_words(text) is None


@pytest.mark.parametrize("text", [
    "i can't lift them, the boxes are too heavy",
    "the shopping is too heavy for me to lift",
    "i've been down here all evening and i'm getting a bit cold, put the heating on",
    "i've been sitting down here in the lounge and it's getting cold",
])
def test_things_too_heavy_and_a_cold_room_are_no_call_words(text: str) -> None:
    """Review of rounds twenty-six and twenty-seven: only a person can't be lifted, and only
    the resident getting cold down here, not the room, makes a long lie."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", ["he's fallen out of bed and he's too heavy for me to lift",
                                  "dad's slid off the commode and i can't lift him on my own"])
def test_someone_who_cant_be_lifted_is_a_fall(text: str) -> None:
    assert safety.safety_label_of_words(text) == "fall_report", text


@pytest.mark.parametrize("text", ["mum's face has dropped on one side",
                                  "my mouth has dropped on one side",
                                  "my face has dropped on the left side"])
def test_a_face_dropped_with_the_side_said_after_is_a_call(text: str) -> None:
    """A stroke sign said face first ("... has dropped on one side"), beside "one side of my
    face has dropped"; never a face that fell at the bill."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", ["my face dropped when i saw the bill",
                                  "my face is numb on one side after the dentist"])
def test_a_face_that_fell_at_news_is_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "oh the leaves have got away from me, it's in the conifers now and it's heading for the "
    "house",
    "i've cut my leg open on the hedge shears and it's pumping out",
    "the little one's drunk out of a lemonade bottle in the shed but it had weedkiller in it",
    "it's probably nothing but that gas smell round the greenhouse heater is really strong now "
    "and i feel a bit woozy",
])
def test_calls_of_the_thirtieth_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the thirtieth held-out file, read once the thirty-first was
    written (docs/safety-path.md, "The thirtieth, read"): a garden fire got away and
    spreading, a cut that pumps, a poison found in the bottle after it was drunk, a gas
    smell told as strong now."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the bonfire's out of control",
    "the fire has got out of hand",
    "i've sliced my hand on the bread knife and it's spurting",
    "he's gashed his head on the shelf and it's gushing",
    "the blood's pumping out of my leg",
    "she's swallowed some out of the squash bottle and there was bleach in it",
    "it smells like gas in here",
    "the gas smell is getting stronger",
    "the dog's bitten me and i'm bleeding",
    "i've got hay fever and now i can't breathe",
    "there's no fire alarm and the kitchen's on fire",
])
def test_the_literal_neighbours_of_the_thirtieth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "the gas smell was strong yesterday but the engineer's sorted it",
    "there's no gas smell now, the engineer's been",
    "i cut the hose by mistake and it's pouring out",
    "my heart's pumping after that walk up the hill",
    "the weeds got away from me this year",
    "time's got away from me, i'll do the hedge tomorrow",
    "the pump's pumping out the pond",
])
def test_neighbours_of_the_thirtieth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i've got hay fever something awful, my eyes are streaming and i can't stop sneezing",
    "there's a splinter in my thumb from the shed door and it's throbbing",
    "the cat's been stung on the nose and it's all swollen up",
    "the dog's bleeding from his ear, he's been shaking his head all morning",
    "i think the dog's got heatstroke, he's panting like mad",
    "the budgie flew into the window and now he's lying on the floor of his cage",
    "the roses are dying, what am i doing wrong",
    "there's no fire, it's only next door's barbecue smoke coming over",
])
def test_hay_fever_a_splinter_a_pets_trouble_and_no_fire_are_no_call(text: str) -> None:
    """Hay fever, a splinter, a pet's or a plant's trouble, a fire said not to be one: no
    call whatever the model says (the model alone alerted on three of these at once, the
    words net on one; four more were asked about)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my husband's gone white as a sheet and his speech is all scrambled, like a radio between "
    "stations, since we got home from the optician",
    "i'm sorry to be a nuisance, i went down in the garden putting the bins out before the "
    "taxi came and i've been lying here a while, it's getting cold",
    "um, sorry to bother you, but i've had this crushing pain in my chest since i got back "
    "from the shops and it's going down my arm",
    "the mobility scooter's battery is smoking and there's flames under the seat in the "
    "hallway",
    "i've gone and mixed up my pills good and proper, swallowed the whole week's box before "
    "the hospital transport came, and my head's swimming",
])
def test_calls_of_the_thirty_first_round_are_safety_words(text: str) -> None:
    """Kinds of call found by the thirty-first held-out file, read once the thirty-second
    was written (docs/safety-path.md, "The thirty-first, read"): another's speech gone to
    nonsense, a long lie after going down, a chest pain said the other way round ("a pain
    in my chest"), flames there now and a battery smoking, a whole week's pills swallowed."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("i've got a terrible pain in my chest", "emergency_help"),
    ("there's a pain across my chest like a band", "emergency_help"),
    ("my chest has gone tight and now it's going down my left arm", "emergency_help"),
    ("there's flames coming out of the toaster", "emergency_help"),
    ("the extension lead is sparking", "emergency_help"),
    ("her words have suddenly gone all jumbled", "emergency_help"),
    ("i slipped on the path and i've been lying here since lunch", "fall_report"),
    ("she's swallowed the whole packet", "emergency_help"),
])
def test_the_literal_neighbours_of_the_thirty_first_round_still_call(text: str,
                                                                     label: str) -> None:
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "there's flames in the fireplace, lovely and cosy",
    "there's old flames of mine at the tea dance",
    "the phone's smoking hot after all that",
    "he's smoking in the garden again",
    "my words come out all jumbled when i'm tired",
    "the best man's speech was all nonsense",
    "i've been lying here awake since four",
    "i took the whole week's box back to the chemist",
    "i took the whole bottle to the bottle bank",
])
def test_neighbours_of_the_thirty_first_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i feel like a prisoner in my own home now i can't get out on my own",
    "i've got a stitch in my side from rushing for the bus, it's easing off now",
    "pills down the hatch, all present and correct",
    "pipe down now, i've got to dash for the bus",
    "the pain in my chest has gone now",
    "no pain in my chest, just the knee",
    "i'm not having any pain in my chest",
    "my friend had pains in her chest on tuesday, she's fine now",
    "the pain in my chest i had in march turned out to be indigestion",
])
def test_a_prisoner_felt_a_stitch_and_a_chest_pain_gone_are_no_call(text: str) -> None:
    """A feeling of being shut in, a stitch easing, tablets down the hatch, "pipe down", and a
    chest pain said the other way round where "chest pain" was already no call (gone,
    denied, another's on a day gone by, turned out to be nothing): no call whatever the model
    says (the model alone alerted on the first at once and asked about the next three)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("the tiles are ever so cold and i've been lying on them since my shower, i can't shift",
     "fall_report"),
    ("i've kissed the lino, love, and i can't get myself off it", "fall_report"),
    ("the lights went out in my head for a second and now half my mouth won't work",
     "emergency_help"),
    ("it's like a kettle whistling in the walls and there's a stink of rotten eggs everywhere",
     "emergency_help"),
])
def test_calls_of_the_thirty_second_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the thirty-second held-out file, read once the thirty-third was
    written (docs/safety-path.md, "The thirty-second, read"): a long lie on the tiles told
    before, unable to shift or to get off the floor, half the mouth that won't work, gas
    told by its smell of rotten eggs."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("i can't budge, love", "fall_report"),
    ("i can't get myself up off the bathroom floor", "fall_report"),
    ("one side of his face won't move", "emergency_help"),
    ("i can smell rotten eggs in the kitchen", "emergency_help"),
    ("the drains smell of rotten eggs and now the whole kitchen stinks of gas",
     "emergency_help"),
    ("i'm bleeding badly, is that an emergency or not", "emergency_help"),
])
def test_the_literal_neighbours_of_the_thirty_second_round_still_call(text: str,
                                                                      label: str) -> None:
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "i can't shift this cold",
    "half the lights won't work in the hall",
    "i've been lying on the sofa since lunch",
    "i can't get myself off the sofa without a push these days",
])
def test_neighbours_of_the_thirty_second_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i've swallowed my tablets, they went down like a lead balloon but they're down",
    "if i tear my skin and it bleeds, is that an emergency or can i see to it myself?",
    "i laughed so hard at the telly i nearly fell off the loo",
    "my back's been giving me gyp since i bent over the bath",
    "my knees are murder on the stairs up to the bathroom",
    "this hair dye's a disaster, i look like i've been dragged through a hedge backwards",
    "my hair's a bird's nest this morning, it's a crime scene up there",
    "what a palaver getting my tights on, it's like wrestling an octopus",
    "the drains smell of rotten eggs again",
])
def test_figures_of_the_bathroom_and_what_counts_as_an_emergency_are_no_call(text: str) -> None:
    """Tablets down like a lead balloon, a laugh that nearly had one off the loo, a back
    giving gyp, knees that are murder, hair dragged through a hedge, tights like an octopus,
    the drains, and what counts as an emergency asked: no call whatever the model says (the
    model alone alerted on the first at once, the words net on the second)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("the shed's gone up like a tinderbox and ken's still in there", "emergency_help"),
    ("mum's gone white as a sheet at the bingo table, her eyes have rolled back and she's not "
     "with us", "emergency_help"),
    ("grandad's come off the ladder in the shed, he's lying on the concrete and he's groaning",
     "fall_report"),
    ("i've gone down like a sack of spuds in the kitchen and my leg won't take my weight",
     "fall_report"),
])
def test_calls_of_the_thirty_third_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the thirty-third held-out file, read once the thirty-fourth
    was written (docs/safety-path.md, "The thirty-third, read"): a building gone up with
    someone inside, eyes rolled back, someone lying on concrete, a leg that won't take the
    weight now."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the garage has gone up like a torch",
    "his eyes are rolling back",
    "she's lying on the patio and she can't get up",
    "my tablet is choking me, it's stuck in my throat",
])
def test_the_literal_neighbours_of_the_thirty_third_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "the house has gone up in value",
    "the shed's gone up in price since the spring",
    "my knee won't take my weight these days",
    "he's lying on the lawn sunbathing",
])
def test_neighbours_of_the_thirty_third_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the grandson says my tablet is choking because i've got too many things open",
    "i nearly coughed my lungs up singing, this chesty cold",
    "cut it out, i'm trying to count my stitches",
    "i'm trapped in a word search i'll never escape from, there's no zebra in it anywhere",
    "when i was a lad i fell out of the apple tree and broke my arm, that's why my elbow's "
    "crooked",
    "this cold's got me all bunged up, i sound like i've swallowed a frog",
    "i burned my finger on the glue gun, it's just a little blister",
])
def test_a_gadget_choking_a_cough_told_big_and_a_boyhood_fall_are_no_call(text: str) -> None:
    """A gadget that chokes, a cough told big, "cut it out", a word search one is trapped in,
    a fall as a lad, a frog in the throat, a little blister: no call whatever the model says
    (the words net alerted on the first at once, the model alone on the next two)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("our ted's gone head over heels over the pushchair in the hall and he's still down there "
     "groaning", "fall_report"),
    ("i've gone base over apex on the wet patio and i'm stuck here like a beetle on its back",
     "fall_report"),
    ("my grandson's just come a cropper down the stairs and he's lying at the bottom, he won't "
     "move his leg", "fall_report"),
    ("the kitchen's like bonfire night in here, the toaster's caught and the cupboards are "
     "going up", "emergency_help"),
])
def test_calls_of_the_thirty_fourth_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the thirty-fourth held-out file, read once the thirty-fifth
    was written (docs/safety-path.md, "The thirty-fourth, read"): a tumble told the old way
    (head over heels, base over apex), someone still down there hurt or lying at the bottom,
    an appliance that has caught and cupboards going up."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "mum's gone arse over tit on the ice",
    "she's lying at the bottom of the stairs groaning",
    "the chip pan's caught",
    "the curtains are going up",
])
def test_the_literal_neighbours_of_the_thirty_fourth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "she fell head over heels for him at the dance",
    "he's still down there in the cellar sorting the wine",
    "the price of the cupboards has gone up",
])
def test_neighbours_of_the_thirty_fourth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


def test_a_third_fall_today_is_still_a_call() -> None:
    assert safety.safety_label_of_words("i've fallen for the third time today") == "fall_report"


@pytest.mark.parametrize("text", [
    "my daughter's fallen for the new neighbour hook, line and sinker, she's smitten",
    "that baby's got a pair of lungs on her, screaming the house down, bless her",
    "emergency! we've run out of custard and the whole family's here in ten minutes",
    "is it nearly teatime? my stomach thinks my throat's been cut",
    "that toddler's an accident waiting to happen, he's into every cupboard",
    "frank from the club had us in stitches, i couldn't breathe for laughing",
    "dad's been on the floor for an hour now, building lego with oliver, he's having a whale of "
    "a time",
    "the baby keeps falling over, she's just learning to walk, and she's straight back up "
    "laughing",
])
def test_family_sayings_and_a_custard_emergency_are_no_call(text: str) -> None:
    """Fallen for someone, a baby's pair of lungs, a custard emergency, a stomach that thinks
    its throat's been cut, an accident waiting to happen, no breath for laughing, a grown-up
    at play on the floor, a baby learning to walk: no call whatever the model says (three
    the model alone alerted on at once, one the words net)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("i'm not hurt, i don't think, but i've gone down by the fridge and i can't get back up",
     "fall_report"),
    ("i've gone down like a sack of spuds next to the washing machine and my legs have gone on "
     "strike", "fall_report"),
    ("gravity's won again, i'm down by the boiler cupboard and my knees won't play ball",
     "fall_report"),
    ("the bathroom's turned into niagara falls, it's coming straight through the kitchen "
     "ceiling onto the cooker", "emergency_help"),
    ("the pipe to the radiator has burst and the water's already over my slippers in the hall, "
     "it won't stop", "emergency_help"),
])
def test_calls_of_the_thirty_fifth_round_are_safety_words(text: str, label: str) -> None:
    """Kinds of call found by the thirty-fifth held-out file, read once the thirty-sixth was
    written (docs/safety-path.md, "The thirty-fifth, read"): "can't get back up" (a "not
    hurt" before it denies nothing), gone down like a sack of potatoes, down by a thing at
    home, water through a ceiling onto the cooker, a burst pipe flooding now."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've slid off the chair and i can't get back up",
    "grandad's gone down like a sack of potatoes in the hall",
    "i'm down by the bed and i've been here since four",
    "water's dripping through the bedroom ceiling onto the telly",
    "the tank in the loft has burst and it's pouring through",
])
def test_the_literal_neighbours_of_the_thirty_fifth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize("text", [
    "i can't get back up the stairs without the stairlift",
    "he went down like a sack of spuds in the box, diving, a disgrace",
    "i'm down by the sea with the dog",
    "i'm down by the fridge looking for the cat's bowl",
    "if the pipes have burst the water will be pouring through",
    "the pipe burst last winter and it was everywhere",
    "the rain's coming through the kitchen ceiling onto the floor, can you find a roofer",
])
def test_neighbours_of_the_thirty_fifth_round_that_are_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


def test_a_flood_by_the_sockets_stays_an_emergency_not_a_fall() -> None:
    text = ("the river's up over the step and coming in under the door, and the sockets are down "
            "by the skirting")
    assert safety.safety_label_of_words(text) == "emergency_help"


@pytest.mark.parametrize("text", [
    "i've got a splitting headache, it's like the builders are drilling inside my skull as well "
    "as next door",
    "my nose has sprung a leak like the kitchen tap, just a little bleed, it's already stopping",
    "my nose is bunged up like a blocked drain, i can't breathe through it at all",
    "i feel trapped in this house since the stairlift broke, i've been sleeping downstairs in "
    "the chair",
    "you should have seen the plumber's face when he saw my old pipes, i thought he was going "
    "to have a heart attack",
    "i can't get up to much these days, so come and have a chat with me",
])
def test_an_everyday_headache_a_blocked_nose_and_a_plumbers_face_are_no_call(text: str) -> None:
    """A splitting headache, a little nosebleed that is stopping, a blocked nose, feeling
    trapped at home, a tradesman's face told as a heart attack, not getting up to much: no
    call whatever the model says (the model alone alerted on the first two at once, the
    words net on the third)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've got a splitting headache, it came on out of nowhere, the worst i've ever had",
    "i banged my head on the cupboard and now i've got a splitting headache and i feel sick",
    "my nose won't stop bleeding, it's been an hour",
    "the smoke's so thick in the hall, i can't breathe through it at all",
])
def test_a_headache_that_is_a_warning_and_a_bleed_that_wont_stop_are_never_vetoed(
        text: str) -> None:
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "that riser chair cost me an arm and a leg, and the emergency call-out for the plumber was "
    "even worse",
    "the ambulance came for mr patel at number twelve last tuesday, i do hope he's alright",
])
def test_a_tradesmans_call_out_and_a_neighbours_ambulance_are_mentions(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text
    assert safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "my neighbour had a stroke, bless her, she's in the royal now and doing alright",
    "i bruise like a peach since i went on the blood thinners, there's a big purple mark on my "
    "arm, doesn't hurt much",
    "my head's banging, it's like a brass band in there",
    "hello, it's me, still alive and kicking!",
    "the leaflet says: in case of overdose, seek medical advice immediately",
    "you've lost me, go over that once more",
    "swallowed the big horse pill, finally, nearly choked on the thing",
    "evening! only me again, don't get up",
    "i've no appetite at all lately, i just can't face food",
])
def test_everyday_symptoms_and_sayings_of_the_thirty_sixth_round_are_no_call(text: str) -> None:
    """Found by the thirty-sixth held-out file, read once the thirty-seventh was written
    (docs/safety-path.md, "The thirty-sixth, read"): another's stroke told with her in
    hospital now and doing alright, bruising on blood thinners, a banging head, "alive and
    kicking", a leaflet's overdose advice read aloud, "you've lost me", a pill that nearly
    choked one, a visitor's "don't get up", no appetite: no call whatever the model says
    (the words net alerted on the first at once, the model alone on the next three)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my head's banging and i feel sick, it came on all of a sudden",
    "i've got a thumping headache, the worst i've ever had",
    "i hit my head yesterday and there's a big bruise, i'm on warfarin",
    "i'm on warfarin and i've cut myself and it won't stop bleeding",
    "i've no appetite and i've been vomiting blood",
    "the leaflet says in case of overdose ring 999 and i think i've taken twelve",
    "he nearly choked and now he's gone blue and can't breathe",
    "excuse me she's fallen don't get up",
])
def test_warning_signs_beside_an_everyday_symptom_are_never_vetoed(text: str) -> None:
    """An everyday symptom said with a warning sign (a sudden onset, the worst ever, a
    knock, bleeding that won't stop, vomiting blood), a leaflet read beside what the resident
    has taken, a choke that is not over, "don't get up" without a visitor's words (the
    recognizer hears "she can't get up" as "... don't get up"): never vetoed."""
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my neighbour had a stroke and she's on the floor",
    "my husband's had a fall and he's on the floor, he's not doing alright at all",
])
def test_anothers_turn_told_now_still_calls(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


def test_an_emergency_inhaler_is_a_mention() -> None:
    text = "is the emergency inhaler the blue one or the brown one?"
    assert safety.safety_label_of_words(text) is None
    assert safety.is_mention(text)


@pytest.mark.parametrize("text", [
    "my brother does that advert voice, 'i've fallen and i can't get up', every christmas, "
    "drives me mad",
    "he's having a heart attack, that manager, look at the state of him on the touchline",
    "that was a close shave, i nearly went flying over the cat, but i caught the door frame",
    "ronnie's on fire tonight, he's potting everything",
    "i have taken the blood thinner now, at half time",
    "change the channel, i can't stomach any more of this hospital drama, too much blood",
    "no, i haven't fallen, i'm just sat on the floor looking for the remote",
    "turn the telly off at the wall, i'm worried about it catching fire overnight",
])
def test_the_telly_and_sport_of_the_thirty_seventh_round_are_no_call(text: str) -> None:
    """Found by the thirty-seventh held-out file, read once the thirty-eighth was written
    (docs/safety-path.md, "The thirty-seventh, read"): a catchphrase quoted from an advert, a
    manager "having a heart attack" on the touchline, a near miss, a player "on fire",
    medicine taken said plainly, the channel changed, sat on the floor looking for the
    remote, a worry that the telly might catch fire: no call whatever the model says (the
    words net alerted on the first four at once)."""
    assert safety.is_negated_call(text), text


def test_a_turn_in_a_named_programme_is_a_mention() -> None:
    text = ("in holby tonight the surgeon had a heart attack in the middle of an operation, can "
            "you believe it?")
    assert safety.safety_label_of_words(text) is None
    assert safety.is_mention(text)


@pytest.mark.parametrize(("text", "label"), [
    ("i nearly went flying and i've hurt my hip", "fall_report"),
    ("i nearly tripped and now i'm lying on the floor", "fall_report"),
    ("he's on fire, his jumper caught on the gas fire", "emergency_help"),
    ("my husband's having a heart attack", "emergency_help"),
    ("i've taken my tablets twice by mistake", "emergency_help"),
    ("i have taken my blood thinner and now i'm bleeding from my gums and it won't stop",
     "emergency_help"),
    ("i'm sat on the floor looking for my glasses and i can't get up", "fall_report"),
    ("change the channel, there's smoke coming out the back of the telly", "emergency_help"),
    ("my wife's collapsed in the kitchen", "emergency_help"),
])
def test_the_literal_neighbours_of_the_thirty_seventh_round_still_call(text: str,
                                                                       label: str) -> None:
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i think i've taken my evening tablets two or three times over and now my heart's racing",
    "i've had my tablets and now my lips are swelling up",
    "i've taken my pills but i feel ever so strange",
])
def test_medicine_taken_with_a_warning_sign_is_never_vetoed(text: str) -> None:
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "bob's wheezing like an old kettle and his face has come up in big lumps after them peanuts",
    "his face has swollen up since the new tablets and he can't swallow",
])
def test_a_swelling_with_what_set_it_off_of_the_thirty_eighth_round_is_a_call(text: str) -> None:
    """Found by the thirty-eighth held-out file, read once the thirty-ninth was written
    (docs/safety-path.md, "The thirty-eighth, read"): a face, lips or tongue swollen or come
    up in lumps, with what set it off (nuts, prawns, a sting, new tablets) or the breath or
    the swallow going."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "my lips swelled up after a wasp sting last summer",
    "my face always comes up in lumps after prawns so i avoid them",
    "my ankles are swollen after the walk",
])
def test_a_swelling_long_ago_or_always_is_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i keep fretting about my grandson, he's lost his job and i can't settle for worrying",
    "it's just me and the cat left in this house, it's like a morgue",
    "dad's asking has he had his inhaler today, he's forgotten, i'm just visiting",
    "i took my tablets, not all at once mind, just the ones in the tuesday box",
    "night night, i'm off up the wooden hill",
])
def test_worry_a_quiet_house_and_medicine_asked_about_are_no_call(text: str) -> None:
    """A worry for another's job, a house "like a morgue", medicine asked about or taken
    (never all at once), "up the wooden hill": no call whatever the model says (the model
    alone alerted on the first two at once)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i took my tablets all at once",
    "i'm worried about my husband, he's gone all floppy",
    "i'm worried sick about my son, he's lost his job, and now i've got a crushing pain in my "
    "chest",
])
def test_worry_or_medicine_with_a_warning_sign_is_never_vetoed(text: str) -> None:
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "have i taken my pills today",
    "my head's banging, it's like a brass band in there",
    "i nearly went flying over the cat, but i caught the door frame",
    "i've got a splitting headache, maybe it's too much coffee",
    "i keep fretting about my grandson, he's lost his job",
])
def test_everyday_words_read_as_no_call_are_never_a_no(text: str) -> None:
    """A question about one's pills, a banging head, a near miss, a worry: no call, and no
    "no" either (they are read by :data:`device.safety._IDIOM`, not as denials), so that the
    device answers them as what they are, never with "All right."."""
    assert safety.is_negated_call(text), text
    assert not safety.is_denial(text), text


def test_a_question_about_ones_stroke_tablets_is_answered_however_sure_the_model() -> None:
    """Once a mention asked about first, a question about one's medicine is no call since
    the thirty-eighth round (docs/safety-path.md, "The thirty-eighth, read"): answered as
    the question it is, never asked about nor alerted, and never read as a no."""
    text = "have i taken my stroke tablets this morning"
    sure = {"emergency_help": 0.99, "fall_report": 0.005, "medication_query": 0.005}
    th = thresholds_of(Model(sure, THRESHOLDS))
    on = decide("emergency_help", text, 0.99, ON, scores=sure, thresholds=th)
    assert (on.route, on.reason) == ("answer", "denied") and on.intent == "medication_query"
    assert not safety.is_denial(text)


@pytest.mark.parametrize("text", [
    "i don't want to make a fuss but i've been sick and it's black, like coffee grounds",
    "i've been vomiting blood",
    "i've been sick and there's blood in it, quite a lot",
])
def test_blood_brought_up_of_the_thirty_ninth_round_is_a_call(text: str) -> None:
    """Found by the thirty-ninth held-out file, read once the fortieth was written
    (docs/safety-path.md, "The thirty-ninth, read"): blood brought up, or sick black like
    coffee grounds (the words net had no such phrase; the model 0.42)."""
    assert safety.safety_label_of_words(text) == "emergency_help", text


@pytest.mark.parametrize("text", [
    "i was sick after the beetroot and it was all red",
    "i was sick blood once, years ago, after an ulcer",
])
def test_a_red_food_or_an_old_bleed_brought_up_is_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i've been up four times in the night for the toilet, i'm shattered",
    "swallowed my calcium, horrible great chalky thing it is",
    "i'm climbing the walls stuck indoors with this hip",
    "bless him, tom's heart's in the right place even if his knees aren't",
    "i've a headache coming on, nothing terrible, just a dull one behind my eyes",
    "ta-ra, i'm going for my lie down",
    "i've got a chesty cough and i feel rotten, but my breathing's fine",
    "when my hip went in 2019 i was on the floor for hours, never again, that's why i got you",
    "my bunion's throbbing something rotten in these shoes",
])
def test_the_body_in_old_age_of_the_thirty_ninth_round_is_no_call(text: str) -> None:
    """A night up at the toilet, a pill swallowed, climbing the walls, a heart in the right
    place, a dull headache, a lie down, a chesty cough with the breathing fine, an old fall
    told by its year, a throbbing bunion: no call whatever the model says (the model alone
    alerted on the first two at once)."""
    assert safety.is_negated_call(text), text
    assert not safety.is_denial(text), text


@pytest.mark.parametrize("text", [
    "when i fell in 2019 i was on the floor for hours and now i've done it again",
    "my hip's throbbing and i can't get up off the floor",
    "i swallowed my tablets twice",
    "i've got a dull headache and my face has dropped on one side",
])
def test_the_neighbours_of_the_thirty_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


def test_a_book_read_aloud_is_a_mention() -> None:
    text = ("listen to this: 'he clutched his chest and collapsed to the floor' - ooh, it's a "
            "good book, this")
    assert safety.safety_label_of_words(text) is None
    assert safety.is_mention(text)


@pytest.mark.parametrize("text", [
    "emergency! the wi-fi's gone down and the final's on in ten minutes",
    "my smoke alarm keeps chirping, i think the battery's on its way out",
    "somebody's been knocking on the door selling broadband, i told him where to go",
    "mum had a fall in march, that's why she wears the pendant now",
    "these passwords'll give me a stroke one of these days",
    "the lad next door had an ambulance out last week, he's home now and doing fine",
])
def test_gadgets_and_callers_of_the_fortieth_round_are_no_call(text: str) -> None:
    """Found by the fortieth held-out file, read once the forty-first was written
    (docs/safety-path.md, "The fortieth, read"): a gadget's "emergency", an alarm chirping
    for its battery, a seller sent away, another's fall in a month gone by, passwords that
    will give one a stroke, a neighbour home after an ambulance: no call whatever the model
    says (the words net alerted on the first at once, the model alone on the second)."""
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "cancel that, it was a man on the telly shouting for an ambulance, not me",
    "help, i can't remember my password for the bank app!",
])
def test_a_voice_on_the_telly_and_help_with_a_password_are_mentions(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text
    assert safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "help, i can't find my way home",
    "the smoke alarm keeps beeping and there's smoke in the hall, is it the battery",
    "emergency, the telly's on fire",
    "mum's fallen and she can't get up",
])
def test_the_neighbours_of_the_fortieth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text


@pytest.mark.parametrize(("text", "label"), [
    ("my husband's fallen out of bed and there's nobody coming till the morning",
     "fall_report"),
    ("the wife's just had a fall in the bathroom", "fall_report"),
    ("my other half has slipped on the kitchen floor", "fall_report"),
    ("i'm alright really, only there's a pressure on my chest since breakfast and i'm "
     "sweating like anything", "emergency_help"),
    ("my chest's gone heavy and i've come over all clammy", "emergency_help"),
    ("i'm all sweaty and there's a weight on my chest", "emergency_help"),
])
def test_the_calls_of_the_forty_first_round(text: str, label: str) -> None:
    """Found by the forty-first held-out file, read once the forty-second was written
    (docs/safety-path.md, "The forty-first, read"), in the project's words: a husband or
    wife down now is someone with the resident, so a fall; a weight on the chest with a
    sweat is a call, an "i'm alright" before it notwithstanding (both were missed)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text
    assert not safety.is_denial(text), text


@pytest.mark.parametrize("text", [
    "my husband's fallen asleep in front of the snooker",
    "my husband had a fall last year and he's been nervous on the stairs since",
    "my wife's fallen out with her sister again",
    "my husband's fallen out of bed twice in the past, so we got a rail",
    "i've been sweating in this heat all afternoon",
    "the seatbelt left a bit of pressure on my chest, nothing more",
])
def test_the_no_call_neighbours_of_the_forty_first_round_calls(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the doctor said if my leg ever swells up like that again i'm to ring 999, so it's on "
    "a note by the phone",
    "read me this card: 'in an emergency call the warden on this number'",
    "afternoon, the carer's been and gone and i'm still in one piece",
    "sorry, what? my hearing aid's on the blink again",
    "i feel ever so washed out today, like a rag",
    "you lost me, say that again slowly",
])
def test_advice_kept_and_sayings_of_the_forty_first_round_are_no_call(text: str) -> None:
    """What to do if a thing ever happens again, as told by a nurse or a doctor; a card or a
    leaflet read aloud; "still in one piece"; a hearing aid on the blink; washed out; "you
    lost me": no call whatever the model says (the words net alerted on the first two at
    once, the model alone on the third)."""
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "the nurse said if it ever bleeds through again i'm to dial 999, and it has, it's pouring",
    "read me this leaflet, i can't breathe",
    "i'm still in one piece but i've fallen and can't get up",
    "my pendant's on the blink and i've fallen in the hall",
    "i feel washed out and my chest hurts",
    "you lost me, i've fallen",
])
def test_the_neighbours_of_the_forty_first_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "sorry, where was i, oh my head's swimming and i can't feel one side of my face",
    "he can't feel the left side of his mouth",
])
def test_a_face_that_cannot_be_felt_on_one_side_is_a_call(text: str) -> None:
    """Found by the forty-second held-out file, read once the forty-third was written
    (docs/safety-path.md, "The forty-second, read"), in the project's words: a stroke's
    sign told by what cannot be felt (only asked about before)."""
    assert safety.safety_label_of_words(text) == "emergency_help", text
    assert not safety.is_negated_call(text), text
    assert safety.safety_label_of_words(
        "i can't feel one side of my face, the dentist's injection hasn't worn off") is None


@pytest.mark.parametrize("text", [
    "our lass is in a choir, she says they're on fire at the moment",
    "he's on fire this season, that lad",
    "i used to work on the switchboard, i handled 999 calls every night shift",
    "no, pet, no ambulance, it was only a hiccup",
    "night night, i'm off up to my bed",
    "pins and needles in my feet again, it's the diabetes",
])
def test_the_memories_and_sayings_of_the_forty_second_round_are_no_call(text: str) -> None:
    """A band or a player "on fire", an old job handling 999
    calls, "no ambulance" said as a no, off to bed, pins and needles in the feet: no call
    whatever the model says (the words net alerted on the band at once)."""
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the band's van is on fire right now",
    "there's no ambulance coming and i'm on the floor",
    "no ambulance, i can't breathe",
    "i'm off to my bed, my chest is tight",
    "pins and needles in my feet and i can't stand up",
    "i'm away to my bed, i feel awful and my arm's gone dead",
])
def test_the_neighbours_of_the_forty_second_round_still_call(text: str) -> None:
    """Said beside a call, or with a warning sign, the forty-second round's readings leave
    the call to the words net or the model."""
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("the worst headache i've ever had, it came on out of nowhere while i was washing up",
     "emergency_help"),
    ("my headache came on like a clap of thunder", "emergency_help"),
    ("he's slipped down beside the bed and i can't budge him", "fall_report"),
])
def test_the_calls_of_the_forty_third_round(text: str, label: str) -> None:
    """Found by the forty-third held-out file, read once the forty-fourth was written
    (docs/safety-path.md, "The forty-third, read"), in the project's words: the worst
    headache ever or one like a thunderclap, and someone down who can't be shifted (both
    only asked about before)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "it says on the packet, if swallowed get medical help at once, as if i'd eat it",
    "my eyes are smarting from the soap, i've splashed them with water",
    "if the flat was on fire i'd save the photos first",
    "tell my son the alarm's just bleeping for a new battery, nothing's on fire",
    "i'm home safe and sound, thanks",
    "ey up, love",
    "what can i do each morning so i don't fall over on the stairs?",
    "my gums bled a bit when i flossed",
    "reading this card from the surgery: 'chest pain is a medical emergency, dial 999'",
    "in that police drama a man collapsed in the street, it made me jump",
    "the dog's breath smells like something dead",
    "did you say the dentist or the ambulance?",
    "these new shoes are killing me",
])
def test_the_personal_care_and_sayings_of_the_forty_third_round_are_no_call(
        text: str) -> None:
    """A box or a card read aloud, eyes smarting from the soap, a fire supposed, an alarm
    beeping for its battery with nothing on fire, safe and sound, a greeting, a request for
    exercises so as not to fall, gums that bleed when brushed, a collapse in a drama, a
    smell "like something dead", "did you say ... the ambulance?", shoes killing one: no
    call whatever the model says (the model alone alerted on the first two at once, the
    words net on the third)."""
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False) or "nothing's on fire" in text, text


@pytest.mark.parametrize("text", [
    "did you say ambulance? yes, i've fallen",
    "i'm not safe and sound, i've fallen",
    "these shoes are killing me and i've fallen over",
    "my gums bleed when i brush and now my nose won't stop bleeding",
    "the smoke alarm's only beeping, there's smoke in the hall",
    "nothing's on fire but i can't breathe",
    "i can't budge her, she's on the floor",
])
def test_the_neighbours_of_the_forty_third_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my eyes are stinging from the bleach",
    "what's a thunderclap headache",
    "i can't shift him into the bath any more",
])
def test_the_no_call_neighbours_of_the_forty_third_round_are_left_to_the_model(
        text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "there's a whiff of gas by the boiler",
    "my chest's gripped like a vice and it's going up into my jaw",
    "somebody's in the house, i heard the window smash",
])
def test_the_calls_of_the_forty_fourth_round(text: str) -> None:
    """Found by the forty-fourth held-out file, read once the forty-fifth was written
    (docs/safety-path.md, "The forty-fourth, read"), in the project's words: a whiff of
    gas, a chest or a heart gripped as in a vice, a break-in heard (each only asked about
    before)."""
    assert safety.safety_label_of_words(text) == "emergency_help", text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the stewardess pointed out the emergency exits and i nodded off",
    "well hello stranger, where have you been hiding",
    "the notice on the coach says in an emergency break the glass, i'm only reading it out",
    "my brother had a stroke in seventy-nine and he pulled through fine",
])
def test_the_travel_and_stories_of_the_forty_fourth_round_are_no_call(text: str) -> None:
    """The safety talk on a plane, "hello stranger", a notice read out, another's turn long
    ago told by its year in words and come through: no call whatever the model says."""
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the emergency exit's blocked and there's smoke everywhere",
    "he had a heart attack in ninety-eight and now he's having another one",
    "i fell in fifty five minutes ago and i can't get up",
    "the sign on the door says fire exit, and there's a fire in the hall",
    "hello stranger, i've fallen",
])
def test_the_neighbours_of_the_forty_fourth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i heard the glass go, the wind blew the window in",
    "someone's downstairs, it's the carer",
])
def test_a_noise_downstairs_alone_is_no_call_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize(("text", "label"), [
    ("his lips are blowing up like balloons after the prawns", "emergency_help"),
    ("my face is ballooning, i think it's the new tablets", "emergency_help"),
    ("she's slumped off the chair and she's too heavy for me to budge", "fall_report"),
    ("he's gone down by the bed and he's too heavy to shift", "fall_report"),
])
def test_the_calls_of_the_forty_fifth_round(text: str, label: str) -> None:
    """Found by the forty-fifth held-out file, read while the forty-sixth was kept blind
    (docs/safety-path.md, "The forty-fifth, read"), in the project's words: a face or lips
    blowing up like a balloon (missed before), and someone down who is too heavy to shift
    (only asked about before)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "i'm down on the floor looking for a dropped stitch, put the big light on",
    "reading this out to you: 'if a person has chest pain, dial 999'",
    "what should i do if he wanders at night? he's fast asleep now, i just want to be prepared",
    "we just want to be ready in case she has another turn",
])
def test_the_searches_and_plans_of_the_forty_fifth_round_are_no_call(text: str) -> None:
    """Down on the floor hunting for a thing, a card read out from its start, a wish to be
    ready for what may come: no call whatever the model says (the model alone read "i
    just want to be ready" as a call, 0.85; the words net read the first, and the 999 of
    the second)."""
    assert safety.is_negated_call(text) or safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "i'm down on the floor looking for my glasses and i can't get up",
    "i just want to be ready, and now i can't breathe",
    "reading this out to you, and now i've fallen",
    "i want to be prepared but i've fallen",
])
def test_the_neighbours_of_the_forty_fifth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he's too heavy for me to shift in bed these days",
    "the wardrobe's too heavy for me to shift",
    "my phone's blowing up with messages",
])
def test_the_no_call_neighbours_of_the_forty_fifth_round_are_left_to_the_model(
        text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize(("text", "label"), [
    ("my uncle's gone over in the dining room and he's jammed against the table",
     "fall_report"),
    ("the candle's caught and there's flames climbing the net curtains", "emergency_help"),
    ("the carer's just slipped on my bathroom floor", "fall_report"),
    ("my niece who came for tea has fallen down in my hall", "fall_report"),
    ("she's tripped on my stairs", "fall_report"),
])
def test_the_calls_of_the_forty_sixth_round(text: str, label: str) -> None:
    """Found by the forty-sixth held-out file, read once the forty-seventh and the
    forty-eighth were written (docs/safety-path.md, "The forty-sixth, read"), in the
    project's words: someone gone over in a room of the house and wedged there, flames
    climbing the curtains whatever lit them, and a visitor or a relative fallen in the
    resident's own home now (each missed before)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "my son fell over on my stairs last week",
    "my grandson's fallen over on my rug last christmas",
    "my friend has fallen asleep on my sofa",
])
def test_the_neighbours_of_the_forty_sixth_round_are_no_call(text: str) -> None:
    """Another's fall in the resident's home gone by, or asleep there: no call."""
    assert safety.safety_label_of_words(text) is None, text
    assert safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the vase has fallen over on my rug",
    "the flames licking up the chimney look lovely",
    "there's flames in the fireplace and the candles are lit",
    "my brother's gone over to the dining room for the crossword",
    "she's fallen in my estimation",
])
def test_the_no_call_neighbours_of_the_forty_sixth_round_are_left_to_the_model(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the man who came to read the meter is lying on the kitchen lino and he isn't moving",
    "my neighbour's lying across the landing, she's gone a funny grey colour",
])
def test_the_calls_of_the_forty_seventh_round(text: str) -> None:
    """Found by the forty-seventh held-out file, read once the forty-ninth was written
    (docs/safety-path.md, "The forty-seventh, read"), in the project's words: someone
    lying on the floor, not moving or grey (missed before)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "hush now, there's somebody at the front door",
    "the gas bill came this morning and it's given me a headache",
    "i've had my pills, and not too many today, only the one",
    "if a burglar ever got in, what would you do? i'm only wondering",
    "the paper boy came a cropper on my ice last winter, he laughed it off",
    "i'm choking on the bills this month",
    "i can't hear it, turn the telly up",
])
def test_the_callers_and_bills_of_the_forty_seventh_round_are_no_call(text: str) -> None:
    """A caller at the door and nothing more, a gas bill with no gas smelt, not too many
    tablets, what someone might ever do, another's tumble gone by, prices choked on, the
    sound turned up: no call whatever the model says (the model alone asked about five of
    them; the words net about two)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "the gas bill's on the mat and i can smell gas",
    "not too many, but now my lips are swelling up",
    "if anyone ever broke in, and now someone's breaking in",
    "turn it up, i can't breathe",
    "she's lying on the landing and she's gone grey",
])
def test_the_neighbours_of_the_forty_seventh_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


def test_a_caller_forcing_the_door_is_left_to_the_model() -> None:
    text = "there's somebody at the door and he's trying to force it"
    assert not safety.is_negated_call(text) and not safety.is_mention(text)


@pytest.mark.parametrize("text", [
    "i had a dream where i was trapped in a fire and couldn't breathe, only a dream mind",
    "i dreamt i fell down the stairs and woke up in a sweat",
    "get my son on the phone, i had a nasty dream about him",
    "the evenings are the worst, it's that quiet here i could scream",
    "the wind was rattling the door like someone trying to get in, it's only the weather",
    "she talks all through the film, it's murder",
    "set an alarm for seven, i've got the dentist",
    "remind me to get a grab rail, margaret came a cropper in her bath last month",
    "i had a nightmare the kitchen was in flames",
])
def test_the_dreams_and_nights_of_the_forty_eighth_round_are_no_call(text: str) -> None:
    """Found by the forty-eighth held-out file, read once the forty-ninth and the fiftieth
    were written (docs/safety-path.md, "The forty-eighth, read"), in the project's words:
    a dream told, "I could scream", "it's murder", a noise like a break-in that is only
    the weather, an alarm clock set, another's tumble told by name after a comma and gone
    by: no call whatever the model says (the words net alerted on the first at once, the
    model on the fourth)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "i had a nightmare i couldn't breathe and now i really can't breathe",
    "i dreamt i was falling and woke up on the floor and i can't get up",
    "it's murder, i've fallen",
    "worst headache ever, i could scream",
    "the door's rattling like someone trying to get in, and now someone's breaking in",
    "set an alarm for six, i've fallen",
])
def test_the_neighbours_of_the_forty_eighth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


def test_a_noise_like_a_break_in_without_only_is_left_to_the_model() -> None:
    text = "the door's rattling like someone trying to get in and i can hear voices downstairs"
    assert not safety.is_negated_call(text) and not safety.is_mention(text)


@pytest.mark.parametrize("text", [
    "there's a crushing pain in the middle of me and i've come out in a cold sweat",
    "my heart's pounding and i've got this crushing feeling, i was only hoovering",
    "the lounge is full of thick smoke",
    "bert's turned ever so grey and he's slumped down in his chair",
    "she's not making any sense and she's gone white as a sheet",
])
def test_the_calls_of_the_forty_ninth_round(text: str) -> None:
    """Found by the forty-ninth held-out file, read once the fiftieth to the fifty-second
    were written (docs/safety-path.md, "The forty-ninth, read"), in the project's words: a
    crushing pain with a sweat or a racing heart, a room full of black or thick smoke,
    someone gone pale and sliding off a chair or not making sense (asked before, by the
    model's band or a long turn's later parts, not alerted)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "a crushing pain in my big toe where i dropped the tin, and i'm sweating from the hoovering",
    "i've gone pale reading this letter, the council's not making sense of anything",
])
def test_the_no_call_neighbours_of_the_forty_ninth_round_are_left_to_the_model(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "fire! only kidding, it's just the toast",
    "i've collapsed in a heap, only joking, i'm just worn out from the shops",
    "my memory's like a sieve these days",
    "morning, i'm just back from the chemist",
    "hello, i'm just sat down with a cuppa",
    "my tummy's doing cartwheels, i'm too excited to eat",
    "he's had his tablets with his breakfast",
])
def test_the_jokes_and_homecomings_of_the_forty_ninth_round_are_no_call(text: str) -> None:
    """A call said and at once taken back as a joke, a memory like a sieve, a turn that only
    says one is back home or sitting down to a meal, a stomach doing somersaults, another's
    tablets taken: no call whatever the model says (the words net alerted on the joke at
    once; the model asked about the rest)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "the kitchen's on fire, only joking, no really it is",
    "the kitchen's on fire, i'm not joking",
    "i'm just back from the shops and i've fallen in the hall",
    "morning, i'm just back from the doctor's and my chest is tight",
    "my stomach's doing somersaults and i can't breathe",
    "'call 999', it says on the leaflet, and now i can smell gas",
])
def test_the_neighbours_of_the_forty_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "mum's had all her tablets at once",
    "she's had the whole box of tablets",
])
def test_tablets_taken_too_many_by_another_are_left_to_the_model(text: str) -> None:
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "'ring 999 if you feel chest pain', it says on the back of the packet",
    "'help me', that's what it says on my pendant button",
])
def test_a_quote_read_out_before_it_says_is_a_mention(text: str) -> None:
    """The forty-ninth's leaflet read out ("'Call 999 if the smell of gas persists', it says
    on this leaflet"), the quote first: asked about, never alerted at once."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i think the little one's had a handful of my heart pills",
    "he's swallowed the whole packet of my paracetamol",
])
def test_the_calls_of_the_fiftieth_round(text: str) -> None:
    """Found by the fiftieth held-out file, read once the fifty-first and the fifty-second
    were written (docs/safety-path.md, "The fiftieth, read"), in the project's words: a
    handful or a whole box of tablets swallowed (a grandson's handful of warfarin was asked
    about by the model's band, not alerted)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i'm reading to the twins: 'and the giant fell down dead, help cried the king'",
    "the boys are playing fire engines, shouting there's a fire, there's a fire",
])
def test_a_story_read_aloud_and_children_playing_are_mentions(text: str) -> None:
    """The fiftieth's bear "fallen down the well" read aloud to a grandson, and children
    playing hospitals who shout "call an ambulance": asked about first, never alerted at
    once (the words net alerted on both)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i'm like a spare part at these family dos",
    "turn it down, you're blasting my ears off",
    "we had a blazing row about the will",
    "my brother snores like a freight train",
    "hello, it's only me",
    "she banged her head on the table but she's right as rain now",
    "i've caught a stinker of a cold off our kid",
    "my tummy's a bit upset after the party food",
    "i think i've got the bug that's going round the school",
])
def test_the_family_visits_of_the_fiftieth_round_are_no_call(text: str) -> None:
    """Like a spare part, ears blasted off, a blazing row, snoring like a train, a turn that
    is only "it's only me", another's knock on the head made light of, a cold or a stomach
    bug caught: no call whatever the model says (the model alerted on the spare part and
    the cold at once, and asked about the rest)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "the kids were playing fire engines and now the shed's on fire",
    "i'm reading to jack: 'help me, i've fallen', and now i've fallen off the chair",
    "it's only me, i'm stuck in the bath",
    "i've caught a cold and my lips are swelling up",
    "my stomach's upset and i'm bringing up blood",
    "i've had a handful of my sleeping tablets",
])
def test_the_neighbours_of_the_fiftieth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he's snoring like a pig and he's gone blue",
    "my throat's sore and it's closing up",
    "i got caught out in the cold and can't get back in",
    "the little one bumped his head but he's not making sense",
])
def test_the_no_call_neighbours_of_the_fiftieth_round_are_left_to_the_model(text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "the lounge is like a chimney, there's black smoke pouring out of the iron",
    "black stuff billowing off the grill, i can't see across the kitchen",
    "i've gone down on the landing and i can't get my legs back under me",
    "i've come a proper cropper in the hall",
    "the hospital letter says my scan's in june, and... oh, i've got a terrible pain in my "
    "chest",
])
def test_the_calls_of_the_fifty_first_round(text: str) -> None:
    """Found by the fifty-first held-out file, read once the fifty-second to the
    fifty-fourth were written (docs/safety-path.md, "The fifty-first, read"), in the
    project's words: a room like a chimney and black stuff pouring off an appliance (missed
    before), legs that won't get under one, gone over in a room, come a right cropper, and a
    call told after an interruption of a letter read out (each asked by the model's band
    before, not alerted)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the waiting's killing me, when will they ring with the results",
    "the doctor says my chest pains in the spring were only muscular",
    "i didn't say fire, i said fryer",
    "a pain in my ribs when i cough, nothing sharp, it's from this chest infection",
    "when i slipped at the co-op a few years back they were ever so kind",
])
def test_the_waits_and_appointments_of_the_fifty_first_round_are_no_call(text: str) -> None:
    """Waiting killing one, a chest pain found to be only indigestion, a mishearing put
    right, a chest sore from a cold's cough made light of, an old fall told by a hyphenated
    place: no call whatever the model says (the model alerted on the first at once; the
    words net asked about the rest)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "will they send an ambulance for my hip x-ray, or do i get a taxi?",
    "is patient transport the same as an ambulance?",
])
def test_an_ambulance_asked_about_as_transport_is_a_mention(text: str) -> None:
    """The fifty-first's "Do I need an ambulance to get to outpatients, or can I go on the
    bus?" and the hospital transport "the same as an ambulance": asked about first, never
    alerted at once (the words net asked about both before, the model being sure of
    neither)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i've got a sharp pain in my chest when i cough from this cold",
    "a pain in my chest when i cough from this cold and i can't get my breath",
    "my chest pain was only indigestion last time but now it's back and worse",
    "i didn't say stop, i said help, i've fallen",
    "it's killing me waiting, and i've fallen in the hall",
    "do i need an ambulance to get to the hospital, i can't breathe",
    "the kitchen's like a sauna and there's smoke pouring out of the toaster",
])
def test_the_neighbours_of_the_fifty_first_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my friend's slumped over on the settee and won't come round",
    "he keeled over in the garden and he won't wake up",
    "mum's collapsed in the hall and can't be woken",
])
def test_the_calls_of_the_fifty_second_round(text: str) -> None:
    """Found by the fifty-second held-out file, read once the fifty-fifth and the
    fifty-sixth were written (docs/safety-path.md, "The fifty-second, read"), in the
    project's words: someone slumped or keeled over who will not come round (missed
    before: the subject left out before "won't")."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "shush a sec, somebody's at the front door",
    "night night love, i'm off to bed",
    "my ankle's sore since i went over on it at the fair, but i'm walking on it",
    "ring pat, i saw the ambulance leave number nine and i'm worried",
    "i've got a nagging cough that won't go",
    "nobody's collapsed, i said the garden wall collapsed",
    "old mrs dawson from number four had a fall last month, she's on the mend",
])
def test_the_doors_and_neighbours_of_the_fifty_second_round_are_no_call(text: str) -> None:
    """A turn that only says someone is at the door, a goodnight and going up, a foot gone
    over on and walked on, the ambulance seen leaving another's, a cough that won't shift,
    a mishearing of who fell put right, and a fall told of someone by a title and where
    they live, in the past: no call whatever the model says (the model alerted at once on
    the first; the rest were asked about)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "someone's at the door and they're trying to get in",
    "hush, someone's knocking and i've fallen on the floor",
    "someone's at the door, i can't get up to answer it",
    "i've gone over on my ankle and i can't get up",
    "i went over on it and i'm on the floor, i can't put any weight on it",
    "i saw the paramedics leave and now jean's on the floor again",
    "nobody's collapsed, i said the fence collapsed and now i've fallen over it",
    "a tickly cough that won't shift and i can't get my breath",
    "old mr jenkins next door has fallen and he can't get up",
])
def test_the_neighbours_of_the_fifty_second_round_still_call(text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "it feels like an elephant's sitting on my chest and i'm all clammy",
    "there's a great weight pressing on my chest, i can't shift it",
    "he says it's like a ton of bricks sat on his chest",
    "oh... my words are going all funny and my hand won't grip",
    "my pins have gone from under me in the bathroom",
    "i caught my arm on the saw and it's pumping blood",
    "i tripped on the hose and i'm still on the lawn, my hip hurts",
])
def test_the_calls_of_the_fifty_third_round(text: str) -> None:
    """Found by the fifty-third held-out file, read once the fifty-fifth to the
    fifty-eighth were written (docs/safety-path.md, "The fifty-third, read"), in the
    project's words: a weight like an elephant sat on the chest, now (missed before: the
    model 0.41, no words); speech going funny, pins gone from under one, a cut pumping
    blood, still on the grass outside (each asked by the model's band before, not
    alerted)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "turn that racket down, it's making my ears ring",
    "oh wind your neck in, i only asked",
    "ta-ra love, i'm off for a lie down",
    "my sister's husband had a stroke in the spring, should i be worried about mine?",
    "the smoke alarm on the landing keeps beeping, it must be the battery",
    "i almost keeled over in the heat, but i'm sitting down now with a glass of water",
    "ring my daughter, the boiler's making a funny noise, it's not urgent",
    # left to the model before this round; "it's not urgent" now says no call
    "phone for the doctor it's not urgent",
    "he walks ever so slowly since the stroke",
])
def test_the_ears_and_farewells_of_the_fifty_third_round_are_no_call(text: str) -> None:
    """Ears made to ring, a neck wound in, a farewell and off to put one's feet up, a turn
    of another's kin, an alarm chirping for its battery where it hangs, a near fall sat
    down and passing, a request said not to be urgent, life since an old turn: no call
    whatever the model says (the model's band or later parts of the turn asked about five
    of these; the words net alone the other)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "will you ask pat if she'll help me hang the curtains",
    "i need help carrying this basket upstairs",
    "i need help turning the mattress, it weighs a ton",
    "what's the safest way to keep from slipping on the bathroom tiles?",
    "how do i stop myself going flying on the wet lino?",
])
def test_help_asked_with_a_chore_is_no_call_of_words(text: str) -> None:
    """The fifty-third's "Phone Pat next door and ask if she'll help me hang the nets back
    up", "I need help turning this mattress" and "the best way to stop slipping on the
    kitchen floor": help with a chore and the way to keep from a fall asked are ordinary
    requests to the words net, left to the model."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i need help lifting the man off the floor",
    "help me, i'm on the floor and i can't get up, it's not urgent but i'm cold",
    "i nearly went over, but i'm on the floor now and can't get up",
    "my friend's husband has had a heart attack and he's here with me now",
    "my sister's husband had a stroke and now he can't move his arm",
    "the smoke alarm in the hall keeps beeping and there's smoke in the kitchen",
    "it's like an elephant on my chest and i can't breathe",
    "ring my son, it's not urgent, oh no, i've fallen",
    "i've been on the floor since my fall",
    "my speech has gone funny since this morning",
])
def test_the_neighbours_of_the_fifty_third_round_still_call(text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "my legs gave out in the hall and i'm on the floor, i can't shift",
    "me knees buckled at the sink and now i'm on the kitchen tiles",
    "flames are coming out of the oven",
    "there's flames shooting out the back of the tumble dryer",
])
def test_the_calls_of_the_fifty_fourth_round(text: str) -> None:
    """Found by the fifty-fourth held-out file, read once the fifty-fifth to the
    fifty-eighth were written (docs/safety-path.md, "The fifty-fourth, read"), in the
    project's words: legs or pins given out and down on the floor (missed before: the model
    0.48, no words), and flames out of a pan or an appliance (asked by the model's band
    before; "flames coming out of the oven" was missed, the model at 0.06)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've got pins and needles in my toes from sitting cross-legged",
    "my ears keep buzzing at night, it drives me mad",
    "you're splitting my eardrums, turn it down",
    "button it, i'm trying to hear the forecast",
    "that took him down a peg or two",
    "my fingertips are all tingly again, i can hardly do my buttons up",
])
def test_the_ears_and_fingers_of_the_fifty_fourth_round_are_no_call(text: str) -> None:
    """Pins and needles and ringing ears with no warning sign, eardrums split, "button it",
    down a peg, and fingertips numb again as ever: no call whatever the model says (the
    model alerted at once on the pins and needles; its band asked about the rest)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "help! i've lost my specs again",
    "please help, i can't find my hearing aids",
    "what should i do if i think there's a gas leak but i'm not sure?",
])
def test_a_thing_lost_or_a_doubt_asked_is_no_call_of_words(text: str) -> None:
    """The fifty-fourth's "Help! I've lost my glasses again" and "What should I do if I
    think I smell gas but can't be sure": ordinary requests to the words net, left to the
    model."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "help! i've lost my glasses and i've fallen over",
    "what do i do if i think he's stopped breathing",
    "what should i do if i think i smell gas, i can smell it now",
    "i've got pins and needles down my arm and my face has gone droopy",
    "my ears are ringing and it's the worst headache of my life, it came on suddenly",
    "my fingers are numb again and my speech has gone all funny",
    "there's a lovely fire in the grate tonight but now flames are coming out of the plug",
    "my legs gave way last week on the floor of the co-op, and now they've gone again and i'm "
    "on the floor",
])
def test_the_neighbours_of_the_fifty_fourth_round_still_call(text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "there's a bloke trying the front door handle and it's gone midnight",
    "a fella's been peering in the windows with a torch",
    "i've got a crushing feeling in my chest",
    "there's a crushing pressure across my chest and it's getting worse",
    "his tongue's swelling and he can hardly breathe",
    "i fell in the hall and my legs won't lift me",
    "i've gone down in the bathroom and my knees won't hold me up",
    "the wheelchair's tipped over with me in it",
    "mum's scooter has toppled over with her still on it",
    "i'm on my back like a tortoise on the landing",
    "i've slipped in the kitchen and i can't right myself",
])
def test_the_calls_of_the_fifty_fifth_and_fifty_sixth_rounds(text: str) -> None:
    """Found by the fifty-fifth and the fifty-sixth held-out files, read once the
    fifty-ninth and the sixtieth were written (docs/safety-path.md, "The fifty-fifth and
    the fifty-sixth, read"), in the project's words: a stranger trying the door said as a
    fella (missed before, the model 0.29), down on the patio with legs that won't lift one
    (missed, 0.07), a mobility scooter tipped over with the resident on it (missed, 0.01),
    on one's back like a beetle unable to right oneself (missed, 0.28); a crushing feeling in
    the chest and a throat swelling with the breath going (asked by the model alone)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize(("text", "label"), [
    ("i fell in the hall and my legs won't lift me", "fall_report"),
    ("the wheelchair's tipped over with me in it", "fall_report"),
    ("i'm on me back like a beetle and i can't right meself", "fall_report"),
    ("i've got a crushing feeling in my chest", "emergency_help"),
])
def test_the_calls_of_the_fifty_fifth_and_fifty_sixth_rounds_are_labelled(
        text: str, label: str) -> None:
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "how can you tell if it's a heart attack or just indigestion?",
    "the ambulance picks me up for my dialysis on tuesdays",
    "on holby last night a doctor keeled over in the corridor",
])
def test_a_question_or_a_programme_of_the_fifty_fifth_and_fifty_sixth_is_a_mention(
        text: str) -> None:
    """How to tell whether it is a stroke, asked with no sign told; the ambulance as
    transport to a clinic; a programme watched last night: mentions, left to the model."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i'll be up and down all night with these water tablets",
    "bye love, i'm going to sit by the fire.",
    "cheerio, i'm off for a sit down",
    "my fingers have gone white and numb with the cold",
    "my breath gets short when i climb the stairs, not now though",
    "the ambulance took dad's neighbour away last week",
    "the ambulance out there is for number nine, not us",
    "my knee's sore where i slipped in the winter",
])
def test_the_no_calls_of_the_fifty_fifth_and_fifty_sixth_rounds(text: str) -> None:
    """Up and down to come after a water tablet, a farewell to sit by the fire, hands white
    and numb from the cold, a chest tight on a rush "not now", the ambulance that took
    another yesterday or is there for another house, and an old fall by the season: no call
    whatever the model says (the model's band asked about four of them; the words net
    asked about the rest)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


def test_no_need_of_a_lift_to_a_and_e_is_no_call() -> None:
    """The fifty-sixth's "I won't need a lift to A and E after all": the need denied, as
    "I won't need the ambulance"."""
    text = "i won't need a lift to casualty after all"
    assert safety.is_negated_call(text)
    assert safety.safety_label_of_words(text) is None


@pytest.mark.parametrize("text", [
    "how do i tell if it's a stroke? his face has dropped",
    "the ambulance took me to hospital yesterday and now i've fallen again",
    "the ambulance outside is for next door but i've had a fall too",
    "i've got a crushing feeling in my chest when i breathe",
    "we watched casualty last night and now my husband's collapsed",
    "ta-ra, i'm going to sit by the fire, oh no, i've fallen",
    "my hands are white and numb from the cold and my face has dropped on one side",
    "i won't need a lift to a and e, i need an ambulance",
    "my chest gets tight when i rush, not now, but now i can't breathe",
    "i went down in the kitchen last week and now my legs won't lift me",
])
def test_the_neighbours_of_the_fifty_fifth_and_fifty_sixth_rounds_still_call(
        text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "i felt a crushing weight on my chest when i heard the news",
    "i can't right myself in bed since the op",
    "my legs won't carry me far these days",
])
def test_near_neighbours_of_the_fifty_fifth_and_fifty_sixth_calls_are_no_call_of_words(
        text: str) -> None:
    """A crushing weight on the chest at bad news, a body hard to turn in bed since an
    operation: not the new calls' words; and legs that won't carry one far these days,
    which the older rule for legs that won't bear one now read as a call until this
    round."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "he's gone a funny colour and he's clutching his chest",
    "mum's gripping her chest and she can't speak",
    "there's smoke pouring out of the airing cupboard",
    "there's smoke coming out the skirting board in the hall",
    "my husband's collapsed, he was just paying the gas bill",
])
def test_the_calls_of_the_fifty_seventh_and_fifty_eighth_rounds(text: str) -> None:
    """Found by the fifty-seventh and the fifty-eighth held-out files, read once the
    sixty-first and the sixty-second were written (docs/safety-path.md, "The fifty-seventh
    and the fifty-eighth, read"), in the project's words: someone clutching at the chest,
    smoke out of a cupboard or from where the meter is (missed before, the model 0.12),
    and any call beside a gas bill: a rule for the gas bill with no gas smelt blanked the
    whole sentence, so "Arthur's gone grey and he's clutching at his chest, he was just
    reading the gas bill" was taken for no call whatever the model said (0.60)."""
    assert safety.safety_label_of_words(text) in SAFETY_LABELS, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "it's that hospital drama where a nurse has collapsed, turn it up",
    "any tips? i've been a bit unsteady on the kitchen floor lately",
    "what's the trick to not slipping in the bath?",
])
def test_a_programme_or_a_steadiness_of_the_fifty_seventh_is_a_mention(text: str) -> None:
    """A programme where someone collapsed; unsteady on the floor lately; the secret to not
    slipping: mentions, left to the model."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "a bit of blood from my gums after i brushed them",
    "i've been hoovering all day and i'm ready to drop",
    "the kettle's all furred up again",
    "that dripping tap is doing my head in",
    "i've knocked back my pills with a glass of water",
    "after a good night's sleep i feel like a new man",
    "the boiler's blowing hot and cold again",
    "the doorbell made me jump out of my skin",
    "the grandkids had me in stitches with their jokes",
    "remember the time dad fell in the canal at whitby?",
    "a text said my bank card's in danger and to ring them immediately",
    "my sister fell for some rotten scam hook, line and sinker",
])
def test_the_idioms_of_the_fifty_seventh_and_fifty_eighth_rounds_are_no_call(
        text: str) -> None:
    """Gums that bleed when brushed said the other way round, fit to drop, furred up, doing
    one's head in, tablets knocked back, a new woman, blowing hot and cold, out of one's
    skin, in stitches, the time one fell told as a story, a letter or a text that says
    money is in danger, a scam fallen for hook, line and sinker: no call whatever the model
    says (the model alerted at once on three of them; the rest were asked about)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


@pytest.mark.parametrize("text", [
    "cancel that, i said help with the zip, not help help",
    "i'm fine. no ambulance.",
    "i don't want to end up on the floor like last winter",
    "i was just sitting on the floor sorting the photos",
])
def test_the_noes_of_the_fifty_seventh_and_fifty_eighth_rounds(text: str) -> None:
    """"Not help help", "No ambulance." after a full stop, no wish to end up on the floor,
    only sat on the floor at a task: denied, no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i'm ready to drop and now i've fallen on the floor",
    "the telly's doing my head in and i've got chest pains",
    "i was only sat on the floor and now i can't get up",
    "remember the time i fell? well i've fallen again and i can't get up",
    "i'm in stitches at the hospital after the fall, and now i've fallen again",
    "no ambulance? but i can't breathe",
    "the gas bill came and now there's a smell of gas in the kitchen",
    "i've knocked back my tablets and now my face has dropped on one side",
    "i feel like a new woman but my husband has collapsed in the hall",
])
def test_the_neighbours_of_the_fifty_seventh_and_fifty_eighth_rounds_still_call(
        text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


@pytest.mark.parametrize("text", [
    "the snooker final went to the last black, i was clutching my chest",
    "i nearly went through the floor when i saw the gas bill",
    "who do i ring for help with my gas bill",
])
def test_near_neighbours_of_the_fifty_seventh_and_fifty_eighth_calls_are_no_call_of_words(
        text: str) -> None:
    """One's own chest clutched at the snooker is no call of words (only another's, now);
    and the gas bill's rule still takes a gas bill with no sign of a turn for no call."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "there's smoke coming from the garage",
    "there's smoke pouring out from under the back door",
    "there's smoke billowing out of the greenhouse",
    "there's smoke pouring out from under the shed door",
])
def test_the_calls_of_the_fifty_ninth_and_sixtieth_rounds(text: str) -> None:
    """Found by the sixtieth held-out file, read with the fifty-ninth once the sixty-third
    and the sixty-fourth were written (docs/safety-path.md, "The fifty-ninth and the
    sixtieth, read"): smoke out of the shed, the garage, the greenhouse or from under a
    door said with its room (missed before, the model 0.007)."""
    assert safety.safety_label_of_words(text) == "emergency_help", text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "can you book me an emergency dental appointment",
    "on holby last night a woman choked at a wedding and they did the thing on her back",
])
def test_an_appointment_or_a_programme_of_the_fifty_ninth_and_sixtieth_is_a_mention(
        text: str) -> None:
    """An emergency appointment; a programme last night told to the sentence's end:
    mentions, left to the model."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "oh put a sock in it, you",
    "my false teeth are killing me today",
    "i need a hand opening this tin of beans",
    "my brother's fallen off the wagon again",
    "i've done all my stretches from the physio",
    "the ambulance came round last night for the lady at number four",
    "the smoke alarm's beeping but it's just my son testing it",
    "the ambulance took him in but he's home now",
])
def test_the_no_calls_of_the_fifty_ninth_and_sixtieth_rounds(text: str) -> None:
    """A sock put in it, false teeth killing one, a hand wanted with a jar, fallen off the
    wagon, exercises done, the ambulance gone by for another, an alarm only being tested,
    the ambulance that took another in "but" home now: no call whatever the model says (the
    model alerted at once on the first two; the rest were asked about)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text
    assert not safety.is_denial(text, answering=False), text


def test_a_choke_gone_by_with_the_resident_all_right_is_no_call() -> None:
    """The fifty-ninth's "I had a choking cough on my water earlier ..., but I'm alright"."""
    text = "i choked on my tea this morning but i'm fine now"
    assert safety.is_negated_call(text)
    assert safety.safety_label_of_words(text) is None


@pytest.mark.parametrize("text", [
    "i need a hand with this jar, oh no, i've fallen",
    "put a sock in it, i can't breathe",
    "i choked on my tea earlier but i'm fine, now i've got chest pains",
    "the fire alarm's going off and it's not a test, there's smoke everywhere",
    "the ambulance went past for the chap at number nine and now my wife has collapsed",
    "on casualty last night a man collapsed and now my husband has collapsed too",
    "i've done my exercises and now i can't get up off the floor",
    "there's smoke coming from next door's bonfire and i can't breathe",
])
def test_the_neighbours_of_the_fifty_ninth_and_sixtieth_rounds_still_call(text: str) -> None:
    assert not safety.is_negated_call(text), text
    assert not safety.is_mention(text), text


def test_smoke_from_next_doors_chimney_is_no_call_of_words() -> None:
    """The rooms added for smoke are the home's own; next door's chimney is none of them."""
    assert safety.safety_label_of_words("there's smoke coming from next door's chimney") is None


# -- the sixty-first and sixty-second rounds -------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("i've got a pain in the middle of my chest and i'm all sweaty", "emergency_help"),
    ("there's a pain in the centre of my chest", "emergency_help"),
    ("oh, my chest's crushing", "emergency_help"),
    ("i've cut my hand on the bread knife and the tea towel's soaked through",
     "emergency_help"),
    ("i've sliced my finger on the tin and it's pouring", "emergency_help"),
    ("i've gone over on the patio and i can't get up", "fall_report"),
    ("i've gone over on the step and i can't put any weight on my leg", "fall_report"),
])
def test_the_calls_of_the_sixty_first_and_sixty_second_rounds(text: str, label: str) -> None:
    """Found by the sixty-first and the sixty-second held-out files, read once the
    sixty-fifth and the sixty-sixth were written (docs/safety-path.md, "The sixty-first and
    the sixty-second, read"): a pain in the middle of the chest, the chest crushing, a towel
    soaked through after a cut or a cut that pours, gone over on the step and unable to get
    up or bear weight (asked before by the model's band, 0.81 to 0.88)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


def test_a_reported_instruction_with_its_condition_is_a_mention() -> None:
    """"the nurse said ring 999 if ..." without "to": a mention, left to the model."""
    text = "the nurse said ring 999 if the pain comes back"
    assert safety.is_mention(text)
    assert safety.safety_label_of_words(text) is None


@pytest.mark.parametrize("text", [
    "the bleeding's stopped now, no need to send anyone",
    "no, no bleeding, just a scratch from the cat",
    "i'm gasping for a proper brew",
    "the ambulance dropped me home last night",
    "the doctor said i'd had a mini stroke",
    "the nurse said ring 999 if it bleeds a lot, and it's not",
    "have i had my warfarin? i don't want to be bleeding like last time",
])
def test_the_no_calls_of_the_sixty_first_and_sixty_second_rounds(text: str) -> None:
    """The bleeding stopped; no bleeding said as a no; gasping for a proper cuppa; the
    ambulance that brought one home; a stroke the ward said one had had; an instruction
    reported with its condition told as not met; a bleed not wanted again: no call whatever
    the model says (the model alerted at once on the instruction; the rest were asked
    about)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "the bleeding's stopped but i've fallen and can't get up",
    "no bleeding, but i can't breathe",
    "i'm gasping for breath",
    "the ambulance brought me home and now i've collapsed",
    "the paramedic says i've had a stroke",
    "the nurse said ring 999 if it bleeds a lot, and now i've fallen over",
    "i don't want to be bleeding like this, it won't stop",
    "i don't want to be bleeding like last time but it won't stop now",
])
def test_the_neighbours_of_the_sixty_first_and_sixty_second_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the tea towel's soaked through from the washing up",
    "i cut my finger on a tin, it's pouring down outside",
    "i've gone over on my ankle",
    "the news about the chapel closing was a crushing blow",
])
def test_near_neighbours_of_the_sixty_first_round_are_no_call_of_words(text: str) -> None:
    """A towel soaked from the washing up, the rain pouring, an ankle gone over on: none of
    them the words of a call."""
    assert safety.safety_label_of_words(text) is None, text


# -- the sixty-third and sixty-fourth rounds -------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("nobody's answering and i've been on this floor all night", "fall_report"),
    ("i've been on the kitchen floor for hours", "fall_report"),
    ("please get me some help", "emergency_help"),
    ("i'm sat on the bedroom carpet and can't shift an inch", "fall_report"),
    ("oh no, i've just gone down by the wardrobe, my hip", "fall_report"),
    ("he's gone down in the hall", "fall_report"),
])
def test_the_calls_of_the_sixty_third_and_sixty_fourth_rounds(text: str, label: str) -> None:
    """Found by the sixty-third and the sixty-fourth held-out files, read once the
    sixty-seventh and the sixty-eighth were written (docs/safety-path.md, "The sixty-third and
    the sixty-fourth, read"): on the floor all night or for hours, help asked to be got, down
    on the carpet unable to shift, gone down by the furniture or in a room (the last missed
    before, the model 0.05)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "a chap collapsed on stage in that hospital drama on the telly last night",
    "that hospital drama last night, a woman keeled over in the lift",
    "i'm down on the floor going through the records on purpose",
    "i just sat down on the floor to fish my slipper out",
])
def test_a_programme_or_the_floor_of_the_sixty_third_and_sixty_fourth_is_a_mention(
        text: str) -> None:
    """A turn in a programme, told before it or with a few words between; down on the floor
    on purpose, told after what one does there, or to fish something out: mentions, left to
    the model (as getting down on the floor to look for something already was)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i've not got chest pain, i said my chest of drawers",
    "i haven't got any chest pains",
    "the organist had a stroke in the spring, he's on the mend now",
    "i was only singing along to 'help!' by the beatles",
    "that singer on the telly was on fire tonight",
    "that news is enough to give anyone a heart attack",
    "tell her i had a fall in the night but i'm fine now",
])
def test_the_no_calls_of_the_sixty_third_and_sixty_fourth_rounds(text: str) -> None:
    """A chest pain denied, another's stroke in the spring with the mend after it, a song
    called "Help!", a singer on the
    telly on fire, news enough to give anyone a heart attack, a fall in the night and fine
    now: no call whatever the model says (the model alerted at once on the first, and on a
    fall in the night told fine now)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i haven't got chest pain but i can't breathe",
    "i had a fall in the night but i'm fine, only i can't get up",
    "i had a stroke in the spring, and now my face is drooping",
    "i sat down on the floor to get my slipper and now i can't get up",
    "on casualty last night a chap collapsed and now my husband has collapsed",
    "i was singing along to help and now i've fallen",
])
def test_the_neighbours_of_the_sixty_third_and_sixty_fourth_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he's gone down to the kitchen",
    "can you get me some help with the shopping",
])
def test_near_neighbours_of_the_sixty_third_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


# -- the sixty-fifth and sixty-sixth rounds -------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("sorry to bother you, my wife's lying at the bottom of the stairs", "fall_report"),
    ("he's lying on the kitchen floor and won't answer", "fall_report"),
    ("she's in a heap by the sideboard saying her hip's gone", "fall_report"),
    ("i'm in a heap by the back door", "fall_report"),
    ("he's awake but his leg's at a horrible angle", "emergency_help"),
    ("there's no getting up on my own this time", "fall_report"),
    ("my lips have blown up and i'm struggling for breath", "emergency_help"),
    ("i went down in the hall and i've been here since the news finished", "fall_report"),
    ("down on the carpet by the telly, went over reaching for the remote, can't shift myself",
     "fall_report"),
    ("missed the bottom step coming back from chapel and i'm still lying here", "fall_report"),
    ("someone's in the back garden forcing the shed, i'm frightened", "emergency_help"),
    ("two lads are forcing the back door", "emergency_help"),
])
def test_the_calls_of_the_sixty_fifth_and_sixty_sixth_rounds(text: str, label: str) -> None:
    """Found by the sixty-fifth and the sixty-sixth held-out files, read once the
    seventy-first and the seventy-second were written (docs/safety-path.md, "The sixty-fifth
    to the sixty-eighth, read"): someone lying at the foot of the stairs or on a floor, in a
    heap by the furniture, a limb at a wrong angle, no getting up alone, struggling for
    breath, gone down and here since, still lying here after missing the step, and a
    stranger forcing a door or the shed (the first, the third, the limb and the shed were
    missed before)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "is it right you should hold a bleeding cut up above your heart?",
    "should you press on a deep cut?",
])
def test_first_aid_asked_of_a_cut_is_a_mention(text: str) -> None:
    """First aid asked of a cut in general: a mention, left to the model (the words net read
    it as a call before, so it was asked about)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i'm all fingers and thumbs today, can't thread the needle to save my life",
    "knock it on the head, i'll sort it myself",
    "right, i'll love you and leave you, the library van's just pulled up",
    "i'm on my last legs with this jumper, one more sleeve and it's done",
    "the pollen's playing havoc, i'm sneezing my head off in the greenhouse",
    "i've taken my blood thinner, so if i nick myself with the secateurs i'll bleed like billy-o",
    "they called an ambulance for ron at the day centre yesterday but he's home now",
    "i used my angina spray earlier and the tightness went off straight away",
    "no, no emergency, i said the marquee collapsed at the fete, not a person",
    "no, nobody's collapsed, i said the cake collapsed, the sponge has sunk in the middle",
])
def test_the_no_calls_of_the_sixty_fifth_and_sixty_sixth_rounds(text: str) -> None:
    """Not to save one's life, knock it on the head, love you and leave you, on one's last
    legs with a task, the pollen, a bleed that would come if, an ambulance for another who
    is home now, the tightness gone after the spray, a marquee or a cake collapsed (not a
    person): no call whatever the model says (the model alerted at once on the first two;
    the others were asked about, by the model's band or by the words net)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "help me, save my life, i can't breathe",
    "i used my spray but the tightness hasn't gone, my chest is crushing",
    "ron's collapsed, they've called an ambulance for him but it hasn't come",
    "the pollen's got me and my throat's closing up",
    "i'm on my last legs with this jumper and now i've fallen",
    "the shelves collapsed on me and i can't move",
    "my other hand's fallen and i can't get up, it's the pollen",
])
def test_the_neighbours_of_the_sixty_fifth_and_sixty_sixth_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i took my spray and the pain went, but it's come back worse and i feel sick",
    "i used my spray and the tightness has gone worse",
])
def test_a_pain_back_or_worse_after_the_spray_is_left_to_the_model(text: str) -> None:
    """The tightness gone after the spray is no call; gone worse, or gone and come back, is
    not that (the model reads it)."""
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the dog's lying at the bottom of the stairs again",
    "my grandson's lying on the carpet playing with his trains",
    "my wife was lying at the bottom of the stairs last year for an hour",
    "my washing's in a heap by the machine",
    "the picture's hanging at a funny angle",
    "his leg was at a horrible angle when he broke it last year",
    "there's no getting up early on a sunday for me",
    "he was struggling for breath in the film",
    "i went down to the shops and i've been here since ten",
    "the locksmith was forcing the lock because i lost my key",
])
def test_near_neighbours_of_the_sixty_fifth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


# -- the sixty-seventh and sixty-eighth rounds ----------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("i've been down since the window cleaner left and my hip won't let me move",
     "fall_report"),
    ("ron's gone down the front step seeing the meter man out, he's hardly moving",
     "fall_report"),
    ("reaching for my mobile i've rolled off the bed onto the floor", "fall_report"),
    ("my old pins have packed in halfway up the stairs, i'm in a heap on the step and stuck",
     "fall_report"),
    ("there's a fella in my back bedroom, i never let him in, he's going through my drawers",
     "emergency_help"),
])
def test_the_calls_of_the_sixty_seventh_and_sixty_eighth_rounds(text: str, label: str) -> None:
    """Found by the sixty-seventh and the sixty-eighth held-out files, read with the
    sixty-fifth and the sixty-sixth (docs/safety-path.md): down a while and unable to move,
    gone down the step and hardly moving, rolled off the bed onto the floor, in a heap on the
    step, a stranger in a room who was never let in (each asked about by the model's band
    before, the words net silent)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "that advert about dialling 999 on the radio is so loud, bring it down a bit",
])
def test_an_advert_about_dialling_999_is_a_mention(text: str) -> None:
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my neighbour had to get the ambulance last night, she's alright now, they've kept her in",
    "the ambulance was outside number twelve earlier, i do hope she's alright",
    "the ambulance that went by was for number nine, i saw it on the doorbell camera",
    "nobody's collapsed, that was the telly, turn it down a touch",
    "stop, stop, i said call anne, not call an ambulance, cancel it",
    "the district nurse says my chest's a bit wheezy but nothing urgent",
    "right, i'm off to the land of nod, ta-ra",
    "a text said my grandson's been in an accident, that's one of them scams, isn't it?",
    "blow me down, the tesco van came in under an hour, i was floored.",
])
def test_the_no_calls_of_the_sixty_seventh_and_sixty_eighth_rounds(text: str) -> None:
    """Another's ambulance last night and all right now, an ambulance seen at another's door,
    nobody collapsed, an instruction put right, nothing urgent, the land of nod, a scam, blow
    me down and floored: no call whatever the model says (the words net alerted at once on
    the first; the others were asked about)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "nobody's collapsed, my husband has collapsed, come quick",
    "i had to get the ambulance last night and she's not alright, she's worse, she's collapsed",
    "i said call an ambulance, not call anne",
    "the ambulance went to number twelve by mistake, i still need it, i can't breathe",
    "that's one of them scams and now i've fallen over",
])
def test_the_neighbours_of_the_sixty_seventh_and_sixty_eighth_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "there's a man in my kitchen fixing the boiler",
    "he went down the stairs to get the post",
    "i rolled off the bed onto the floor as a child all the time",
    "nobody's collapsed, i said the shed collapsed",
])
def test_near_neighbours_of_the_sixty_seventh_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


# -- the sixty-ninth and seventieth rounds --------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("i had a prawn sandwich and now my throat feels like it's closing up", "emergency_help"),
    ("please get someone, i've been lying here on the landing since teatime", "fall_report"),
    ("somebody's in the back garden trying the patio door and i don't know who it is",
     "emergency_help"),
])
def test_the_calls_of_the_sixty_ninth_and_seventieth_rounds(text: str, label: str) -> None:
    """Found by the sixty-ninth and the seventieth held-out files, read once the seventy-third
    and the seventy-fourth were written (docs/safety-path.md, "The sixty-ninth and the
    seventieth, read"): a throat that feels like it's closing up, lying here on the landing
    since, a stranger trying the patio door (each asked about by the model's band before,
    the words net silent)."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "is chest pain one of the signs of dementia? somebody said so at the lunch club",
    "are headaches one of the early signs of a stroke?",
])
def test_the_signs_of_an_illness_asked_are_a_mention(text: str) -> None:
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i feel like death warmed up, all bunged up and sniffly",
    "i went up to the bedroom for something, stood there, came down and remembered it was my "
    "cardigan",
    "i've come over a bit dizzy since i got up, not enough to fall over, just woozy",
    "my throat feels like it's got a frog in it",
])
def test_the_no_calls_of_the_sixty_ninth_and_seventieth_rounds(text: str) -> None:
    """Like death warmed up, gone upstairs for something and forgotten it, dizzy but not
    enough to fall over, a frog in the throat: no call whatever the model says (the model
    alerted at once on the first two and on the frog, and asked about the third)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my face is drooping, is that one of the signs of a stroke?",
    "i feel like death warmed up and i can't breathe",
    "i went up to the bedroom for something and i've fallen, i can't remember how",
    "i'm dizzy, not enough to fall over, but now i've fallen anyway",
    "i've got a frog in my throat and now my throat's closing up",
])
def test_the_neighbours_of_the_sixty_ninth_and_seventieth_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the carer was trying the patio door, she's got a key",
])
def test_near_neighbours_of_the_sixty_ninth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


# -- the seventy-first and seventy-second rounds --------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("someone's in the house... i heard the back door go and i'm upstairs, i daren't come down",
     "emergency_help"),
    ("someone's in the house, i heard the front door open, i'm hiding in the bedroom",
     "emergency_help"),
    ("the lounge is like a pea-souper, thick grey stuff puffing out the socket behind the "
     "freeview box", "emergency_help"),
    ("black smoke puffing out of the toaster", "emergency_help"),
    ("thick black fumes pouring out the heater", "emergency_help"),
    ("the kitchen's like a pea souper and i can't see the door", "emergency_help"),
    ("i've taken my tablets, had my dinner, put the shopping away, and, er, i'm really "
     "struggling to breathe now, it's getting worse", "emergency_help"),
    ("he's struggling to breathe, his lips are going blue", "emergency_help"),
    ("delivery man's just gone and i've had to drop onto the sofa, my heart's racing and i "
     "can't get a proper breath", "emergency_help"),
    ("there's a heavy ache in my chest spreading into my jaw and left arm, came on while i was "
     "putting the shopping away", "emergency_help"),
    ("there's a pain in his chest going down his left arm", "emergency_help"),
    ("there's someone downstairs, i heard glass smash, i'm upstairs in bed with the radio on",
     "emergency_help"),
    ("next door's got smoke pouring out the upstairs window, i can see it from my chair",
     "emergency_help"),
    ("there's a man in my back garden trying the shed and the windows, i don't know him from "
     "adam", "emergency_help"),
])
def test_the_calls_of_the_seventy_first_and_seventy_second_rounds(text: str,
                                                                  label: str) -> None:
    """Found by the seventy-first and the seventy-second held-out files, read once the
    seventy-fifth and the seventy-sixth were written (docs/safety-path.md, "The
    seventy-first and the seventy-second, read"): someone in the house, heard coming in,
    with the resident hiding upstairs, and a room like a pea-souper with thick grey stuff
    puffing out of a socket (both missed: the model answered them, the words net was
    silent); struggling to breathe now, no proper breath to be got, a chest ache spreading
    to the jaw, "there's someone downstairs" with glass heard, smoke pouring out of a window,
    a stranger trying the shed (each asked about by the model's band before, the words net
    silent); with literal neighbours."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "yes, i've taken the blood thinners, the ones the hospital put me on after the stroke",
    "the tablets they put me on after my heart attack, do i take them with food?",
    "in casualty last night a bloke collapsed in the pub and they did cpr right there on the "
    "floor, gripping stuff it was",
    "in eastenders last night phil collapsed in the vic",
])
def test_the_mentions_of_the_seventy_first_and_seventy_second_rounds(text: str) -> None:
    """A medicine put on after a stroke gone by, and a hospital drama told ("In Casualty
    last night ..."): left to the model (the words net asked about the first and the
    third)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i fell for the two-for-one offer hook, line and sinker, and now i've got six tins of "
    "peaches",
    "i heard sirens going past the chemist's, is there a fire somewhere?",
    "i heard an ambulance siren, is there an accident on the main road?",
    "i feel a bit dizzy, i think i stood up too quick",
    "i went all dizzy when i got up too quickly from the chair",
    "my chest's a bit wheezy, it's the cold air at the bus stop, nothing sharp",
    "i'm a bit under the weather, must've caught something off somebody in the chemist's queue",
    "me cough's back, i've been hacking all through the film",
    "my cough's back, the doctor says it's the damp",
    "come again? that went right over me head",
])
def test_the_no_calls_of_the_seventy_first_and_seventy_second_rounds(text: str) -> None:
    """Fallen for an offer hook, line and sinker (a hyphened word in it), sirens heard and a
    fire asked of, dizzy from standing up too quick, a chest a bit wheezy from the cold with
    nothing sharp, a bit under the weather, a cough back, a thing gone over one's head: no
    call whatever the model says (the words net alerted at once on the first, the model on
    the cough; the model's band asked about the others)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i stood up too quick and fell, i'm on the floor",
    "my chest's a bit wheezy, it's the cold, but now it's tight and i can't breathe",
    "me cough's back. i can't breathe",
    "i'm a bit under the weather and now i can't breathe",
    "i heard sirens, is there a fire somewhere? the kitchen's full of smoke",
    "in casualty last night a bloke collapsed. my husband's just collapsed too",
    "they put me on warfarin after the stroke and now my face is drooping",
    "i fell for it hook, line and sinker and then i fell down the stairs, i can't get up",
])
def test_the_neighbours_of_the_seventy_first_and_seventy_second_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "someone's in the house with me, it's my son, i heard the back door go",
    "the weather's a real pea-souper out there this morning",
    "there's white stuff puffing out of the kettle, it's just steam",
    "thick grey stuff pouring out of the kettle, just steam really",
    "i'm struggling to breathe when i go up the stairs lately",
    "i can't get a proper breath through my nose with this cold",
    "there's someone downstairs, it's the carer, she dropped a glass",
    "the ache in my chest went into my arm last week",
    "the window cleaner was trying the shed door to get his ladder",
])
def test_near_neighbours_of_the_seventy_first_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


# -- the seventy-third and seventy-fourth rounds --------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("the shed's gone up like bonfire night, flames coming out the roof!", "emergency_help"),
    ("went to check the trip switch in the dark and went headlong down the cellar steps. been "
     "lying here a while now", "fall_report"),
    ("i ate one of them cashew bars the fella fixing the fence gave me and my tongue's gone "
     "massive, i'm wheezing", "emergency_help"),
    ("the boiler cupboard's full of smoke, the whole landing's gone hazy", "emergency_help"),
    ("my hand's got caught in the hedge trimmer, there's blood everywhere", "emergency_help"),
    ("the bonfire's jumped to the fence panels and it's spreading towards the house",
     "emergency_help"),
    ("the drill slipped and i've opened my hand up, blood's all over the worktop and it won't "
     "stop", "emergency_help"),
    ("me tongue's gone up like a balloon after them prawns and it's like breathing through a "
     "straw", "emergency_help"),
    ("flames coming out of the kitchen window next door", "emergency_help"),
    ("the garage has gone up like a torch, i can see it from here", "emergency_help"),
    ("the loft's full of smoke", "emergency_help"),
])
def test_the_calls_of_the_seventy_third_and_seventy_fourth_rounds(text: str,
                                                                  label: str) -> None:
    """Found by the seventy-third and the seventy-fourth held-out files, read once the
    seventy-seventh and the seventy-eighth were written (docs/safety-path.md, "The
    seventy-third and the seventy-fourth, read"): a shed gone up like bonfire night with
    flames out of the roof, gone headlong down the cellar steps, a tongue gone massive after
    nuts with a wheeze, a cupboard full of smoke (each missed: the model answered them, the
    words net was silent); blood everywhere, a bonfire jumped to the fence, blood all over
    that won't stop, a tongue up like a balloon (each asked about by the model's band
    before); with literal neighbours."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "send somebody, i'm stuck in the raised bed, went in backwards and i can't climb out",
    "the ladder went from under me in the garage, i'm on the concrete and my wrist's bent all "
    "wrong",
    "send somebody quick, my husband's not breathing",
])
def test_somebody_sent_for_and_a_ladder_gone_from_under_one_are_calls(text: str) -> None:
    """"Send somebody" is a call as "send someone" was; a ladder, the steps, a stool or a
    chair gone from under the resident as the legs were (both asked about by the model's
    band before, the words net silent)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my head's swimming a bit, came over all peculiar bending down to the onions",
    "i felt a bit woozy bending down for the watering can, it passed",
    "i'm on my last legs, done the guttering, done the shed, time for bed. night night",
    "i'm on my last legs, time for bed",
    "me knees are killing me after kneeling on the bathroom floor regrouting",
    "don't ring anybody, i only slipped a touch on the back step and caught myself on the rail",
])
def test_the_no_calls_of_the_seventy_third_and_seventy_fourth_rounds(text: str) -> None:
    """Dizzy from bending down, on one's last legs and off to bed, kneeling on a floor for a
    job, a slip caught on the rail: no call whatever the model says (the words net asked
    about the kneeling, the model's band about the others)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i went headlong over the footstool and can't get up",
    "my lips have gone massive after them nuts and i can't breathe",
    "i came over all dizzy bending down to the oven and now i'm on the floor",
    "i'm on my last legs, time for bed. oh no, i've fallen on the stairs",
    "i was kneeling on the kitchen floor and now i can't get up",
    "i slipped and caught myself on the rail but i've banged my head and there's blood "
    "everywhere",
    "there's blood everywhere, he's cut his arm on the glass",
])
def test_the_neighbours_of_the_seventy_third_and_seventy_fourth_rounds_still_call(
        text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the prices have gone up like bonfire night",
    "there was blood everywhere when i cut my finger last week",
    "send somebody round to fix the boiler",
    "the loft's full of smoke alarms i never fitted",
    "i went headlong into the hedge years ago on my bike",
    "the bonfire's caught nicely, lovely blaze",
    "the lad bled all my radiators and joked there was blood everywhere, it was only rusty "
    "water",
])
def test_near_neighbours_of_the_seventy_third_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "someone's hacking through the back door with an axe, i'm upstairs",
    "i was kneeling on the bathroom floor and now i'm stuck, my knees have locked",
    "i tripped and caught hold of the rail but i've still gone down and i'm on the floor",
])
def test_a_review_of_the_seventy_first_and_seventy_third_rounds_no_calls(text: str) -> None:
    """A review of the rounds' no-call rules: a cough's "hacking" is through a night or a
    programme, never through a door; kneeling on a floor is no call only when not stuck
    there; a slip caught is no call only with no fall after it (the first two were no call
    whatever the model said before the review)."""
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "can you send somebody a card for her birthday",
    "send someone a text to say i'm running late",
    "there's someone downstairs fixing the window, the glazier",
])
def test_a_review_of_the_seventy_first_and_seventy_third_rounds_calls(text: str) -> None:
    """... and of their call rules: somebody sent a card or a text, and someone downstairs
    at work on the window, are no call's words."""
    assert safety.safety_label_of_words(text) is None, text


# -- the seventy-fifth to the seventy-eighth rounds -------------------------------------------

@pytest.mark.parametrize("text", [
    "gone down like a ton of bricks in the bathroom, i have, and i'm going nowhere.",
    "come a cropper on the garden path, i'm stuck like a beetle on its back out here.",
    "we were having a lovely afternoon going through the wedding album, then elsie just slid "
    "off the settee and she's not making any sense.",
    "the wind's brought the ceiling down in the back bedroom and margaret's under it",
    "the garage is like a chimney, black stuff pouring out, the old rover must have caught",
    "my albert's gone out like a light at the dinner table and i can't bring him round.",
    "the candles have set the tablecloth alight and it's going up the curtains!",
    "i've slid off the chair onto the floor and my legs won't do what i tell them",
    "there's smoke pouring out the back of the little electric heater, the room's going hazy",
    "slipped on the ice by the back step, i'm still lying out here on the flags and i'm frozen "
    "through",
    "my grandson liam's slipped on the icy drive and hit his head, he's lying there and not "
    "answering me",
    "i'm down on the path outside, missed the step off the minibus, been shouting for ages",
    "our frank's gone down like a felled tree in the kitchen and he's out for the count, not "
    "stirring at all",
    "i've got blood pouring from my leg, i caught it on the car bumper",
    "my legs have just gone from under me and i'm sat on the hall carpet like a sack of spuds, "
    "can't shift",
])
def test_the_calls_of_the_seventy_fifth_to_the_seventy_eighth_rounds(text: str) -> None:
    """Found by the seventy-fifth to the seventy-eighth held-out files, read once the
    seventy-ninth to the eighty-second were written (docs/safety-path.md, "The seventy-fifth
    to the seventy-eighth, read"): gone down like a ton of bricks, come a cropper and stuck
    like a beetle on its back, another slid off the settee and not making sense, a ceiling
    down with someone under it, a garage like a chimney (each missed: the model answered
    them, the words net was silent); someone who cannot be brought round, a tablecloth set
    alight and fire going up the curtains, slid off a chair onto the floor, smoke out of the
    back of a heater, still lying out on the flags, another lying there not answering, down
    on the path outside, gone down like a felled tree, blood pouring from a leg, legs just
    gone from under one (each asked about by the model's band before)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've gone down like a ton of bricks on the landing",
    "my husband's just gone down like a ton of bricks",
    "come a cropper on the stairs, can't move my leg",
    "lying here like a tortoise on its back by the shed",
    "he slumped off the chair and he's not responding",
    "the toaster's set the tea towel on fire",
    "the candle's setting the curtains alight",
    "the wardrobe fell over and she's trapped under it",
    "i'm trapped under the bookcase",
    "i slid off the commode on to the floor",
    "i'm still down on the drive, i can't get up",
    "blood's streaming down his face",
    "the shed's like a chimney, smoke everywhere",
    "smoke's pouring out the back of the old fan heater",
    "he's lying on the kitchen floor, not responding",
])
def test_the_neighbours_of_the_seventy_fifth_round_calls_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the news went down like a ton of bricks",
    "my idea's gone down like a ton of bricks",
    "i came a cropper on the ice last winter",
    "come a cropper with the crossword again",
    "i lay in bed like a beetle on its back all night",
    "i can't bring him round to my way of thinking",
    "i can't bring her round for tea tomorrow",
    "the cat slid off the settee and onto the rug",
    "you'll set the world alight",
    "i nearly set the tablecloth alight last christmas",
    "switch the electric blanket off before it sets the bed alight",
    "that heater will set the rug alight one day",
    "the tree's come down in the garden and the car's under it",
    "the shelf fell down and the cat's under it",
    "i slid off the chair onto the floor to play with the grandkids",
    "i'm down on the patio weeding",
    "i'm down on the list for a new hip",
    "blood pouring from my nose",
    "he smokes like a chimney",
    "she's lying there reading",
    "i've been lying here for hours, can't get off to sleep",
])
def test_near_neighbours_of_the_seventy_fifth_round_are_no_call_of_words(text: str) -> None:
    """Near neighbours of the round's call rules (the first version of the rule for a cloth
    set alight took "... before it sets the bed alight", caught by `words_net_diff`); the
    last was a call's words before (the rule for lying here since or for a while now never
    means awake in bed)."""
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "can you ring my daughter susan and tell her i had a fall last week but i'm fine now?",
    "christmas before last i had a fall in the garden and lay there two hours, that's why "
    "the family got me you.",
    "my chest feels like it's on fire every time i eat christmas pudding, it's that heartburn "
    "again, nothing new.",
    "ta-ra, love, i'm off up before i drop.",
    "bit dizzy when i stood up just now, but i'm sat down and it's passing.",
    "pills are popped, job's a good 'un.",
    "my chest is killing me from coughing all night, not a sharp pain, just raw",
    "that beeping's just me testing the smoke alarm, i've pressed the button, take no notice",
    "when i fell in twenty fifteen i lay there all night, that's why our gary got me this "
    "thing",
    "my chest's been a bit wheezy with this cold snap, not bad, just a nuisance",
    "my son's driving would give anyone a heart attack",
    "the paramedics came for mr patel across the road yesterday, he'd collapsed by his car. "
    "i do hope he's alright",
    "ring our susan and tell her i'm not hurt, i slipped a bit on the step but i'm fine",
    "i felt a bit dizzy getting out of the taxi but i'm sat down now and it's passing",
])
def test_the_no_calls_of_the_seventy_fifth_to_the_seventy_eighth_rounds(text: str) -> None:
    """A fall last week or the Christmas before last, or in a year said in words, and fine
    now; heartburn as ever; off to bed before one drops; dizzy and passing; pills popped; a
    chest raw from coughing with nothing sharp; the resident testing the smoke alarm; a
    wheezy chest in a cold snap; a driver who would give anyone a heart attack; another's
    collapse told with its day gone; a slip a bit and fine: no call whatever the model says
    (the words net alerted at once on the heartburn and on the driver, and on the collapse
    by a long turn's later part; the model alerted on the dizziness; the rest were asked
    about). An ambulance gone past stays a mention, asked about when the model is sure
    (:data:`MENTIONS`)."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "you said something about a gas leak on the news, say that bit again?",
])
def test_a_danger_told_on_the_news_is_a_mention(text: str) -> None:
    """A gas leak on the news: a mention, left to the model (it asked before, by the words
    net; the model gives it 0.007)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "i had a fall last week and now i've fallen again and can't get up",
    "i'm off up before i drop, oh no i've fallen on the stairs",
    "i felt dizzy and it's passing but i fell and hit my head",
    "my chest is killing me, crushing, from coughing, can't breathe",
    "my chest's on fire every time i eat, heartburn, but now it's spreading to my jaw",
    "i came in and she'd collapsed on the floor",
    "i slipped a bit on the step and now i can't get up",
    "just me testing the smoke alarm but there's smoke coming out of the toaster",
    "the paramedics came yesterday, she'd collapsed, and now she's collapsed again",
])
def test_the_neighbours_of_the_seventy_fifth_round_no_calls_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


def test_dizzy_and_an_arm_gone_numb_is_never_no_call() -> None:
    """"... and it's passing" is what makes dizziness no call; with an arm gone numb and no
    word of it passing, the model decides."""
    assert not safety.is_negated_call("dizzy when i stood up and now my arm's gone numb")


def test_down_on_the_drive_at_a_job_is_no_call_of_words() -> None:
    assert safety.safety_label_of_words("i'm down on the drive washing the car") is None
    assert safety.safety_label_of_words("i'm down on the drive and i can't get up") is not None


# -- the seventy-ninth and eightieth rounds ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "the carer's gone down the stairs and banged her head on the post at the bottom, she's out "
    "cold",
    "there's a man in the back garden trying the bathroom window",
    "it's like a pea-souper up here, the smoke's that thick, i can't find the top of the stairs",
    "the gas ring's been on with no flame and the whole flat stinks",
    "we got back from lunch club about two and i sat down with the paper and now i've gone all "
    "funny down one side and my mouth won't work right",
    "margaret from next door came over poorly, she's on my floor and her breathing's gone all "
    "rattly",
    "the bathroom light sparked and now the ceiling's smoking",
    "i'm like a beached whale in this bath, the lift's packed in and i've slid right down, "
    "can't shift myself",
    "need someone now, i'm lying in the empty bath and can't get out, been here over an hour",
])
def test_the_calls_of_the_seventy_ninth_and_eightieth_rounds(text: str) -> None:
    """Found by the seventy-ninth and the eightieth held-out files, read once the
    eighty-third and the eighty-fourth were written (docs/safety-path.md, "The seventy-ninth
    and the eightieth, read"): another out cold after a knock on the head, a man trying the
    bathroom window, smoke like a pea-souper and that thick (each missed: the model answered
    them, the words net was silent); a gas ring on with no flame, gone funny down one side
    with a mouth that won't work, another poorly on the resident's floor, a smoking ceiling,
    stuck in the bath told the other way round (each asked about by the model's band
    before)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he fell and banged his head on the hearth, he's out cold",
    "she's hit her head on the radiator and she's not answering",
    "there's a bloke trying the bedroom window",
    "it's like a pea-souper in the hall with all this smoke",
    "the smoke's so thick i can't see the door",
    "the light fitting's smoking",
    "i'm sat in the bath and i can't get up",
    "i've gone all funny down my left side",
    "my mouth won't work properly",
    "he's lying on my kitchen floor, he won't wake",
    "pull the emergency cord, i'm on the floor!",
    "did you see casualty last night? i've collapsed on the floor",
    "my friend edna had a fall and now i've fallen too, ring her",
    "i can't reach the pull cord, can you get help?",
])
def test_the_neighbours_of_the_seventy_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "it was like a pea-souper on the way to bingo, the fog",
    "the smoke was that thick at the bonfire years ago",
    "she's on my floor of the flats, number twelve",
    "my cigarette's smoking in the ashtray",
    "i used to lie in the bath and couldn't get out",
    "i can't get out of the bath these days without the lift",
    "the window cleaner's trying the bathroom window latch",
    "what can i do so i don't slip on the ice",
    "my mouth won't work properly since the dentist's injection",
    "she's on the top floor and can't get down",
])
def test_near_neighbours_of_the_seventy_ninth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "did you see casualty last night? that fella collapsed in the pub and they had to shock "
    "him",
    "what sort of shoes are best so i don't slip on the floor at the day centre?",
    "that red emergency cord in the bathroom, is it meant to hang right down to the floor?",
])
def test_the_mentions_of_the_seventy_ninth_and_eightieth_rounds(text: str) -> None:
    """A programme asked after with its turn told in the next sentence, a question about
    shoes so as not to slip on the floor, a question about the pull cord: mentions, left to
    the model (the words net asked about each before; the model answers them)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_another_fall_asked_after_by_phone_is_no_call() -> None:
    """A friend's fall with a call to ask after her: no call whatever the model says (the
    words net asked about it); never the resident's husband or wife, who live with them."""
    text = ("my friend edna from chapel had a fall in her shower, could you get her on the "
            "phone so i can see how she is?")
    assert safety.is_negated_call(text)
    assert safety.safety_label_of_words(text) is None
    for text in ("my wife fell, ring her daughter", "my wife fell, ring her"):
        assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my pins gave way by the bookcase and now i'm stuck down here like a beetle on its back.",
    "there's smoke coming out from behind the telly where i was doing my jigsaw, it smells "
    "like burning plastic.",
    "i've come down the last four stairs on my backside and i can't get back on my feet, my "
    "hip's screaming",
    "my pins have gone on the top step and i'm sat in a heap on the landing, can't shift",
    "jim's come off the stepladder on the landing, he's flat on his back and says he can't "
    "feel his legs",
])
def test_the_calls_of_the_eighty_first_and_eighty_second_rounds(text: str) -> None:
    """Found by the eighty-first and the eighty-second held-out files, read once the
    eighty-fifth and the eighty-sixth were written (docs/safety-path.md, "The eighty-first
    and the eighty-second, read"): stuck down here like a beetle on its back, smoke from
    behind the telly (each missed: the model answered them, the words net was silent); down
    the stairs on one's backside and unable to get back up, sat in a heap on the landing,
    off a stepladder and unable to feel the legs (each asked about by the model's band or a
    long turn's tail before)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i'm stuck down there like a tortoise on its back by the bookcase",
    "there's smoke pouring out from under the fridge",
    "black smoke coming from behind the heater",
    "i came down the stairs on my bottom and now i can't stand",
    "he went down the last few steps on his backside and he can't move",
    "he's sitting in a heap by the sideboard",
    "he's come off the ladder and can't feel his legs",
    "i forgot what i went up for and fell on the landing, i can't get up",
    "i'm dead keen to get up but i've fallen and can't",
    "he's collapsed and he's dead still",
    "on tipping point last night the host was great. now my husband's collapsed in the kitchen",
    "in midsomer last night a man collapsed. and now i've fallen in the hall",
    "nine letters. i've fallen and i can't get up",
    "anyway, seven down, eight letters, oh god, derek's gone all floppy and his eyes are "
    "rolling back.",
])
def test_the_neighbours_of_the_eighty_first_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i come down the stairs on my bottom these days, it's safer",
    "i came down the stairs on my backside as a kid for fun",
    "i'm sat in a heap of washing",
])
def test_near_neighbours_of_the_eighty_first_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "went up and down them stairs six times today and forgot what i went up for every single "
    "time",
    "i forgot what i went upstairs for",
    "can you ring pat next door, she's dead keen on quizzes and i've got one that's stumping "
    "me.",
    "she's dead chuffed with her new hip",
])
def test_the_no_calls_of_the_eighty_first_and_eighty_second_rounds(text: str) -> None:
    """A memory's lapse on the stairs (alerted at once by the model) and a friend "dead keen"
    on quizzes (asked about by its band): no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "help me with seven down, would you? 'emergency vehicle', nine letters.",
    "in midsomer last night the vicar collapsed in the church, i knew straight off it was "
    "poison.",
    "on tipping point a woman said her husband had a heart attack on holiday and i had to "
    "turn over.",
    "on the chase last night a man had a heart attack in the audience",
    "sudden attack, six letters, any ideas? it's for the crossword",
])
def test_the_mentions_of_the_eighty_first_and_eighty_second_rounds(text: str) -> None:
    """A crossword clue told with its letters and a programme's turn told with the programme
    first (Midsomer, Tipping Point, The Chase, ...): mentions, left to the model (the words
    net asked about each before; the model answers them)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "get someone out to me, i've gone down the last few stairs and my leg's bent funny",
    "there's smoke coming out the box room where i stacked all them old newspapers",
    "our george has gone out like a light mid-sentence and he's not coming round",
])
def test_the_calls_of_the_eighty_third_and_eighty_fourth_rounds(text: str) -> None:
    """Found by the eighty-third and the eighty-fourth held-out files, read once the
    eighty-seventh and the eighty-eighth were written (docs/safety-path.md, "The
    eighty-third and the eighty-fourth, read"): someone to be got out to the resident with a
    leg bent funny after going down the stairs, smoke out of the box room (each missed: the
    model answered them, the words net was silent); out like a light and not coming round
    (asked about by the model's band before)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my knees just buckled, i'm on the bathroom floor and can't get up",
    "my knee gave way a bit and now i'm on the floor and can't get up",
    "she's gone out like a light and she won't wake",
    "he went out like a light and he's not answering me",
    "she's at the bottom of the stairs and my wife's leg is bent the wrong way",
    "he came off the ladder and his arm's sticking out all wrong",
    "please get someone out to me",
    "send somebody round to me, i've come over all peculiar",
    "smoke's pouring out of the spare room",
    "there's smoke coming from the back room",
    "my grandson drives an ambulance but i need one now, i can't breathe",
])
def test_the_neighbours_of_the_eighty_third_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i went out like a light last night",
    "he's gone out like a light in his chair, bless him",
    "my knee's bent funny since the op",
    "my arm's sticking out all wrong in this photo",
    "i fell years ago and my knee's been bent funny since",
    "get someone out to me to look at the boiler",
    "my knee gave way a bit on the dance floor saturday and it's aching today",
])
def test_near_neighbours_of_the_eighty_third_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my grandson drives an ambulance, he's coming to the dance with me saturday",
    "she drives an ambulance in leeds",
])
def test_the_mentions_of_the_eighty_third_and_eighty_fourth_rounds(text: str) -> None:
    """One who drives an ambulance for a living: a mention, left to the model (the words net
    asked about it before; the model answers it)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "his face has gone dead funny and he can't talk properly",
    "my arm's gone dead funny",
    "my face has gone all dead funny",
])
def test_a_limb_or_a_face_gone_dead_is_never_an_idiom(text: str) -> None:
    """"Dead keen", "dead chuffed" and such are no call (the eighty-first round); a limb or a
    face gone dead, however it is put, is left to the model and the words net."""
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've cut my foot doing my corns with the blade and it's like a butcher's shop in here, it "
    "won't stop no matter how hard i press.",
    "i feel like i've been hit by a train, the room's spinning, my left side's gone to jelly "
    "and i can't lift my arm.",
])
def test_the_calls_of_the_eighty_fifth_and_eighty_sixth_rounds(text: str) -> None:
    """Found by the eighty-fifth and the eighty-sixth held-out files, read once the
    ninety-first and the ninety-second were written (docs/safety-path.md, "The eighty-fifth
    and the eighty-sixth, read"): a cut foot that will not stop, told after what it looks like
    (missed: the model answered it); one side gone to jelly after a figure of speech (missed:
    the figure made the whole turn no call)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my left side's gone numb and i can't lift my arm",
    "his right side has gone all floppy",
    "i've cut my hand on the bread knife and it won't stop bleeding",
    "cut my finger on the tin, the blood won't stop",
    "i've sliced my thumb open and it won't stop",
    "he twisted my arm and it's broken, i can't move it",
    "it's an emergency, every little breath hurts",
    "i'm going round the bend, i can't breathe properly",
    "i'm on my last legs and i can't get up off the floor",
    "since my stroke i've fallen and i can't get up",
    "call an ambulance, they had to call the police for the man next door too and now he's "
    "kicking my door in",
    "i fell last week but i'm fine now, only i've fallen again and can't get up",
    "i fell this morning, i'm fine but i can't get up",
    "the ambulance came for me last time, call an ambulance now",
    "the ambulance was for next door but i need one too, my chest is crushing",
    "who's looking after me? i've fallen and can't get up",
    "can you get an ambulance come to number five",
    "call an ambulance i heard him fall",
    "i keep thinking who's looking after me, i've fallen and can't get up",
])
def test_the_neighbours_of_the_eighty_fifth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my left side's gone numb from lying on it all night",
    "i cut my finger last week and it won't stop itching",
    "i cut my hand yesterday, it won't stop stinging",
])
def test_near_neighbours_of_the_eighty_fifth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "yes please, go on then, you've twisted my arm.",
    "three in the morning and i'm awake again listening for him, every little noise i think "
    "it's an emergency.",
    "i sit here listening to him breathing and i just think, well, who's looking after me, "
    "you know?",
    "tell me a story, will you, something to take my mind off things, i'm going round the "
    "bend sat here.",
    "i'm on my last legs today, absolutely jiggered, and my throat feels like sandpaper.",
    "how do i claim attendance allowance, the nurse said we should be getting it since jean's "
    "stroke.",
    "it was in the paper, a lady in bolton got her hair caught in a hand dryer and they had "
    "to send the fire brigade, can you believe it.",
    "if my hair straighteners ever caught fire, would i throw water on them or not?",
    "send my son david a message to say i fell last week but i'm fine now, he'll only fret if "
    "he hears it from the neighbours.",
])
def test_the_no_calls_of_the_eighty_fifth_and_eighty_sixth_rounds(text: str) -> None:
    """An arm twisted into a yes, every noise taken for an emergency, who looks after the one
    who cares, going round the bend, on one's last legs and worn out (each alerted at once or
    asked about by the model), another's stroke long past, the fire brigade others had to send
    for, a thing that might ever catch fire and one's own fall last week and fine now (each
    asked about by the words net): no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "that song 'help!', was that the beatles or the stones? it's been going round my head "
    "all day.",
    "is it normal for these eye drops to sting, or should i be ringing the emergency line at "
    "the hospital?",
    "call my daughter and tell her the ambulance that came for mr jones over the road has "
    "gone, he's alright, they were just checking him over.",
    "text our gary and tell him not to worry about the ambulance he saw outside, it was for "
    "next door, not us.",
])
def test_the_mentions_of_the_eighty_fifth_and_eighty_sixth_rounds(text: str) -> None:
    """A song called Help, whether to ring the emergency line asked beside a question, an
    ambulance that came for another or that another saw: mentions, left to the model (the
    words net asked about each before; the model answers them)."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "brenda from the tea rota isn't answering her door, her milk's still on the step from "
    "tuesday and i can see her through the letterbox lying in the hall.",
    "somebody's been rattling the door handle and now i can hear them in the hall, my "
    "heart's in my mouth, get the police round.",
    "took a header down the last two stairs and i'm stuck at the bottom like a stranded whale.",
    "there's a right pea-souper on the landing, thick as the mill chimney days, and it's "
    "coming from the spare room.",
    "ooh, i've gone and fallen by the back door, my knee's giving me gyp and i can't stand on "
    "it.",
    "get the brigade out, the curtains have caught off the candle and it's running up the "
    "wall.",
])
def test_the_calls_of_the_eighty_seventh_and_eighty_eighth_rounds(text: str) -> None:
    """Found by the eighty-seventh and the eighty-eighth held-out files, read once the
    ninety-third and the ninety-fourth were written (docs/safety-path.md, "The eighty-seventh
    and the eighty-eighth, read"): a friend seen through the letterbox lying in the hall, a
    header down the stairs and stuck at the bottom, fog on the landing from the spare room
    (each missed: the model answered them, the words net was silent); someone at the door
    handle with the police to be got round, and a fall "gone and" done (each missed: a figure
    of speech made the whole turn no call); the brigade to be got out to curtains caught off a
    candle (asked about by the model's band before)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my sleeve's caught on the gas ring",
    "i can see him through the window lying on the kitchen floor",
    "i can see her lying in the hall and she won't answer",
    "someone's trying the back door",
    "there's someone rattling the front door handle",
    "get the police round now",
    "i've taken a header off the step",
    "i'm stuck at the bottom of the stairs",
    "it's like a pea-souper in the kitchen, smoke everywhere",
    "i've gone and fallen in the bath",
    "it's all fires, the kitchen's on fire",
    "he's been on fire, his clothes caught the heater",
    "my chest's tight and it's going down my arm",
    "if i ever needed help i'd say so, and i need it now, i've fallen",
    "i was taken by ambulance last year and now i've fallen again and can't get up",
    "call an ambulance, not the one for my appointment, i can't breathe",
    "i've gone and slipped off the bed",
    "if i ever fall again, i don't know, oh i've fallen, help",
])
def test_the_neighbours_of_the_eighty_seventh_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my cardigan caught on the door handle",
    "he was in the boys' brigade",
    "i can see the cat lying in the hall",
    "i saw him lying in the hall last week, drunk",
    "the wind's been rattling the windows all night",
    "he took a header into the pool on holiday years ago",
    "we're stuck at the bottom of the league",
    "leeds are stuck at the bottom of the table",
    "it's a right pea-souper out there this morning",
    "we had pea-soupers in the fifties, you couldn't see your hand in the hall",
])
def test_near_neighbours_of_the_eighty_seventh_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "stop reading the news out, it's all fires and floods and i can't bear it.",
    "my chest's a bit tight with this cold, it's only the catarrh, i can breathe alright.",
    "my chest's a bit wheezy this morning, it's the old pit dust, it comes and goes.",
    "call my brother derek, he'll have a heart attack when he hears they've made me shop "
    "supervisor.",
    "if i ever did go down in the night and couldn't get up, what's the best thing to do while "
    "i wait for someone?",
    "poor stan from the tea rota was taken off by ambulance on sunday, but they say he's "
    "sitting up in bed and chatting away now.",
    "who's going to win the darts tonight, my money's on the dutch lad, he's been on fire this "
    "year.",
    "i was a nurse on the cardiac ward for thirty years, i must have seen a thousand chest "
    "pains come through those doors.",
    "mum'll have a fit when she sees my hair",
    "if i ever fell, who would you ring?",
    "if i ever can't breathe, will you ring 999 for me?",
    "what should i do if i ever fall and can't get up on my own?",
])
def test_the_no_calls_of_the_eighty_seventh_and_eighty_eighth_rounds(text: str) -> None:
    """The news as all fires and floods, a chest a bit tight with a cold or wheezy and coming
    and going (each alerted at once or asked about by the model), a brother who'll have a
    heart attack at the news, a fall that might ever come asked about, a friend taken off by
    ambulance, a darts player on fire and chest pains seen at work (each asked about by the
    words net): no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_the_mention_of_the_eighty_seventh_and_eighty_eighth_rounds() -> None:
    """The ambulance that takes one to an appointment: a mention, left to the model (the
    words net asked about it before; the model answers it)."""
    for text in ("what time is it? the ambulance for my hospital appointment's meant to pick "
                 "me up at ten.", "the ambulance for my eye appointment is late"):
        assert safety.is_mention(text), text
        assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "our doris has gone a funny colour on the coach and she's making a gurgling noise, the "
    "driver doesn't know what to do.",
    "it's like bonfire night out the back, the builders' rubbish has gone up and the flames "
    "are licking at the fence.",
    "ted from next door came round to look at the scaffold and he's just sat down on my "
    "kitchen floor, he's gone a funny colour and he won't say a word to me.",
    "the workman went down off his ladder and cracked his head on the tiles, and now he's "
    "talking nonsense and being sick in my sink.",
    "my grandson's gone under the water off the end of the pier and he hasn't come back up, "
    "get somebody, please!",
    "it's pouring out of my leg like a tap left running, i caught it on the edge of the beach "
    "hut step and it won't stop.",
    "there's someone walking about up on the scaffold outside my bedroom window and it's two "
    "in the morning, the builders don't work nights, please get the police.",
    "the carbon monoxide alarm's screaming in the hall since they put the new boiler in and my "
    "head's thumping and i feel sick.",
    "the kitchen's like a proper pea-souper, there's smoke rolling out of that new extractor "
    "and i can't see the back door.",
])
def test_the_calls_of_the_eighty_ninth_and_ninetieth_rounds(text: str) -> None:
    """Found by the eighty-ninth and the ninetieth held-out files, read once the ninety-fifth
    and the ninety-sixth were written (docs/safety-path.md, "The eighty-ninth and the
    ninetieth, read"): a friend gone a funny colour and gurgling, and flames at the fence
    (each missed: the model answered them, the words net was silent); a neighbour gone a
    funny colour and saying nothing, a workman's knock to the head with its signs, a grandson
    gone under the water, a cut pouring like a tap, someone on the scaffold at night with the
    police asked for, the carbon monoxide alarm screaming, and a kitchen like a proper
    pea-souper with smoke from the extractor (each asked about by the model, on the whole
    turn or, for the neighbour, on its later parts)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he's gone a funny colour and he's not breathing right",
    "my lips have gone a funny colour and i can't get my breath",
    "she's slumped in the chair and she's gone a bluish colour",
    "he banged his head on the cupboard and now he's being sick",
    "he went under the water and hasn't come back up",
    "it's pouring out of my hand",
    "please get the police, someone's in the garden",
    "the carbon monoxide detector is blaring",
    "the flames are licking at the shed, call the fire brigade",
    "i never collapsed before but i've just collapsed in the kitchen and can't get up",
    "it's not that i've fallen, i can't get up off the floor",
    "i slipped on the mat this morning and i can't get up",
    "i bled a bit at first and now it won't stop bleeding",
    "i hope it's nothing serious, he's gone grey and he's clutching his chest",
    "it's probably nothing serious but my face has dropped on one side",
    "i've used my spray for chest pain and it's not working, the pain's still there",
    "smoke is pouring out of the cooker hood",
])
def test_the_neighbours_of_the_eighty_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my tomatoes have gone a funny colour",
    "he went a funny colour when he saw the bill, then he laughed",
    "the sky's gone a funny colour tonight, is it going to snow?",
    "the shop's gone under and hasn't come back",
    "it's pouring down outside, put the heating on",
    "can you please get the police non-emergency number up for me",
    "we watched the flames licking at the logs in the grate",
    "i banged my head on the cupboard door, silly me",
])
def test_near_neighbours_of_the_eighty_ninth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "thanks for checking on me earlier, but honestly i was only asleep, i hadn't collapsed.",
    "the doctor gave me a spray for chest pain, how many puffs am i meant to have if it ever "
    "comes on?",
    "how do i make sure i don't set the chip pan on fire? i still do my own chips of a friday.",
    "ring my son dave, not because i've fallen or anything, i just want to tell him about the "
    "pier.",
    "i cut my thumb on the edge of a tile this morning, bled a bit but it's got a plaster on "
    "now, just stings.",
    "the paint fumes have given me a thick head and sore eyes, nothing serious.",
    "ring my daughter janet, it's not urgent, just to tell her i tripped on a cable yesterday "
    "but i'm absolutely fine.",
    "he hasn't passed out, he's just asleep",
    "i slipped on the mat this morning but i'm perfectly fine",
    "what do i do with the spray for angina if it comes on in the night?",
    "bit of a headache today, nothing serious",
])
def test_the_no_calls_of_the_eighty_ninth_and_ninetieth_rounds(text: str) -> None:
    """A collapse denied, a spray for chest pain asked about for when it comes, a chip pan not
    to be set on fire, a call that is not the reason, a fall yesterday and absolutely fine
    (each asked about by the words net); a cut that bled a bit, and fumes that are nothing
    serious (each asked about by the model): no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_an_old_stroke_told_is_no_call_unless_now_is_told_beside_it() -> None:
    """A weakness told as left by a stroke years ago is no call ("my right side went weak
    after my stroke years ago": a call's words before, by "stroke"); life since an old
    stroke stays no call, but not when a turn now is told after it ("... but now my face has
    dropped and my arm's gone dead": answered before, the model alerting at 0.98)."""
    for text in ("my right side went weak after my stroke years ago",
                 "i've walked with a stick since my stroke a few years back"):
        assert safety.is_negated_call(text), text
        assert safety.safety_label_of_words(text) is None, text
    for text in ("since my stroke years ago i've been fine but now my face has dropped and my "
                 "arm's gone dead",
                 "i had a fall after my stroke years ago and now i've fallen again"):
        assert not safety.is_negated_call(text), text
        assert safety.safety_label_of_words(text) is not None, text


@pytest.mark.parametrize("text", [
    "please, my neighbour's lying in the garden not moving, she was bringing me her mother's "
    "old photos.",
    "ar, our kid's gone proper floppy at the party and she's not with it at all, ring for "
    "somebody, bab.",
    "a fella's just come in through the conservatory bold as brass and grabbed my handbag, "
    "he's still in the house.",
    "went down like a ton of bricks in the garden, love, i'm on the grass and i can't manage "
    "up on me own.",
    "ee, my arm's gone dead and the words won't come out right, i were just reading grandad's "
    "war letters and, er...",
])
def test_the_calls_of_the_ninety_first_and_ninety_second_rounds(text: str) -> None:
    """Found by the ninety-first and the ninety-second held-out files, read once the
    ninety-seventh and the ninety-eighth were written (docs/safety-path.md, "The
    ninety-first and the ninety-second, read"): a neighbour lying in the garden not moving
    (missed: the model answered it, the words net was silent); a kid gone proper floppy with
    somebody to be rung for, a fella still in the house, a fall like a ton of bricks with no
    getting up alone, and words that won't come out right (each asked about by the model,
    on the whole turn or on its later parts)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "our kid's gone all floppy and she won't wake",
    "went down like a ton of bricks in the kitchen and i can't get up",
    "he's lying on the path not moving",
    "ring for somebody, i've fallen",
    "i can't manage up off this floor",
    "there's a man in the kitchen, he's still in the house",
    "the words won't come out right and my face is funny",
    "i nearly set the kitchen on fire and now the curtains are alight",
    "i didn't mean emergency, i mean i can't breathe",
    "when i fell in march i broke my hip, and now i've fallen again",
    "in last night's news a man collapsed, and now my husband has collapsed too",
    "i fell in the war years ago and now i've fallen again",
    "my hip's been bad since two years ago and now i've fallen",
    "we moved here three years ago and now i've fallen in the garden",
])
def test_the_neighbours_of_the_ninety_first_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "our kid's hat has gone floppy in the rain",
    "the joke went down like a ton of bricks",
    "the cat's lying in the garden not moving a muscle, lazy thing",
    "she was lying in the garden not moving when they found her in 1990",
    "ring for somebody to come and fix the boiler",
    "can you ring for somebody about the gutters",
    "i can't manage up the stairs these days",
    "someone from the council came round, they're still in the house measuring up",
    "the words won't come out right when i'm tired",
    "do i need to ring for help if i just feel a bit faint when i stand up?",
    "if i get chest pain, how many sprays of the gtn do i have before i ring for help",
    "if a meteor landed on the house would you ring for help?",
])
def test_near_neighbours_of_the_ninety_first_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my granddaughter nearly set her veil on fire leaning over a candle, can you imagine, she "
    "was fine though.",
    "i fell on the ice the winter before our emma's christening, but i'm right as rain now.",
    "stop, cancel that, i didn't mean emergency, i was reading out the wedding card.",
    "the dance floor was on fire once they put abba on.",
    "my mother would have had a heart attack if she'd seen my hair in that photo.",
    "why did they pick 999 for the emergency number, does anybody know?",
    "when i fell in the garden in march the paramedics were lovely, i sent them a thank-you "
    "card.",
    "my mother always said dad had a heart attack during the war and carried on working the "
    "next day, imagine.",
    "my memory's gone up in smoke, i can't tell who half these people are.",
    "how did people get an ambulance before everybody had a telephone?",
    "she nearly set the kitchen on fire last week with the chip pan",
    "my dad would have had a fit if he'd seen the price of bread",
    "all my plans have gone up in smoke",
    "years ago i slipped on the ice",
    "two years ago i fell on the ice",
    "years ago i fell off a ladder putting up the aerial, broke me wrist in two places, never "
    "went up one again.",
])
def test_the_no_calls_of_the_ninety_first_and_ninety_second_rounds(text: str) -> None:
    """A veil nearly set on fire, a fall the winter before a christening and right as rain
    now, a call's word said by mistake, a dance floor on fire, a mother who would have had a
    heart attack, why 999 was picked, a fall in March told with the paramedics, a heart
    attack during the war, and how people got an ambulance before the telephone (each asked
    about by the words net); a memory gone up in smoke (asked about by the model): no call
    whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_the_mention_of_the_ninety_first_and_ninety_second_rounds() -> None:
    """A turn on last night's programme, named first ("in last night's Call the Midwife the
    nurse collapsed"): a mention, left to the model (the words net asked about it before;
    the model answers it)."""
    text = "in last night's call the midwife the nurse collapsed, did she die in the end?"
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


# --- the ninety-third and ninety-fourth rounds -------------------------------------------


@pytest.mark.parametrize("text", [
    "er, hang on... my arthur's gone grey and he's not moving, he was only putting the "
    "recycling out, can you get someone round this minute?",
    "er, i'm sat on the bedroom carpet and my arms aren't strong enough to lift me.",
    "mam's gone all floppy in her chair, she was telling me about the ration books and she "
    "just stopped, she's not with us.",
    "ring for the doctor straight away, i've taken double my tablets by mistake and i'm going "
    "woozy.",
    "he's gone down at the bottom of the garden by where the old anderson shelter was and he's "
    "not moving.",
])
def test_the_calls_of_the_ninety_third_and_ninety_fourth_rounds(text: str) -> None:
    """Found by the ninety-third and the ninety-fourth held-out files, read once the
    ninety-ninth and the hundredth were written (docs/safety-path.md, "The ninety-third and
    the ninety-fourth, read"): a man gone down in the garden and not moving (missed: the
    model answered it, the words net was silent); a husband gone grey and not moving, a
    resident on the carpet too weak to get up, a mother gone all floppy and a double dose of
    tablets with its sign (each asked about by the model, on the whole turn or on its later
    parts)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "she's gone ever so pale and she's not breathing",
    "he's not answering me and he's gone grey",
    "mum's gone white and she won't wake",
    "she's gone down by the shed and she's not moving",
    "dad's gone down in the kitchen and he's not breathing",
    "a man's fallen in the street and he's not moving",
    "that man's fallen over outside my window and he's not moving",
    "i'm on the kitchen floor and i'm not strong enough to get myself up",
    "my dad's gone floppy and he's not with it",
    "he's had two lots of his insulin and he's ever so confused",
    "i fell as a lad and now i've fallen again and can't get up",
    "i held the banister so i don't fall but i've fallen anyway and can't get up",
    "mam would've had a heart attack if she'd seen, oh, i've got a crushing pain in my chest",
    "my husband collapsed, the ambulance took him and now i've got chest pains",
    "it's nothing like a heart attack i've had before, this is worse, my chest is crushing",
    "i can hear an ambulance siren outside and my husband's collapsed",
])
def test_the_neighbours_of_the_ninety_third_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "my hair's gone grey and i'm not moving house",
    "the sky's gone grey and he's not moving from that telly",
    "dad's gone grey and he's not answering his phone",
    "he's gone down the shops and he's not answering his phone",
    "she's gone down with flu and she's not answering her phone",
    "he went down at the club last week and he wasn't moving",
    "he's fallen asleep in his chair and he's not moving",
    "joan fell at the dance and she's not moving in with her daughter now",
    "the postman fell off his bike and he's not answering the door",
    "i'm on the floor doing my exercises and i can't get my leg up that high",
    "my arms aren't strong enough to lift me out of the bath any more",
    "mum's lettuce has gone all floppy",
    "nan's sponge went floppy in the middle",
    "my mum's hat is all floppy",
    "i think i've taken double my tablets, what should i do",
    "i took double my tablets last week by mistake and felt dizzy",
])
def test_near_neighbours_of_the_ninety_third_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "what's the police non-emergency number? someone's dumped a mattress on the verge.",
    "can you give me the non-emergency number for the police",
    "i've a bit of a chest, nothing like a heart attack, just tickly from the damp.",
    "i fell in the canal as a lad playing tig, and my dad gave me a hiding after he fished me "
    "out.",
    "i fell out of a tree as a lass and broke my arm",
    "mam would've had a heart attack if she'd seen what butter costs today.",
    "my dad would've had a fit if he'd heard me swear",
    "goodnight then, i'm off up, i'll hold the banister so i don't fall.",
    "i always use my stick so i don't trip",
    "this lad fell off his bike outside the paper shop last week",
])
def test_the_no_calls_of_the_ninety_third_and_ninety_fourth_rounds(text: str) -> None:
    """The police's non-emergency number asked for and a fall guarded against (each asked
    about by the model); a chest "nothing like a heart attack", a fall in the canal as a lad
    and a mother who would've had a heart attack (each asked about by the words net): no
    call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_a_change_of_mind_after_the_non_emergency_number_is_no_no() -> None:
    """The non-emergency number asked for, then a call ("..., no wait, someone's in my house,
    get the police"): never answered whatever the model says."""
    text = "what's the non-emergency number, no wait, someone's in my house, get the police"
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "turn it down a bit, that ambulance siren on the telly is going right through me.",
    "the police sirens on the radio play made me jump",
    "put on that programme casualty, i like the bits with the ambulance.",
    "i love the scenes with the paramedics in that show",
    "my friend joan fell at the legion dance and the ambulance took her, she's home now "
    "though.",
    "the ambulance took him to the general, he's doing fine",
])
def test_the_mentions_of_the_ninety_third_and_ninety_fourth_rounds(text: str) -> None:
    """A siren on the telly, the bits of a programme with the ambulance and the ambulance
    that took another (each asked about by the words net): mentions, left to the model,
    which answers them."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_a_councillor_who_fell_is_someone_else() -> None:
    """"That councillor fell off the stage at the hustings" (asked about by the words net):
    someone else's fall, named with "that", left to the model."""
    text = ("that councillor fell off the stage at the hustings, honestly, it made the front "
            "page.")
    assert safety.safety_label_of_words(text) is None, text


# --- the ninety-fifth and ninety-sixth rounds --------------------------------------------


@pytest.mark.parametrize("text", [
    "went down like a sack of coal by the front door, can't shift meself, duck.",
    "the removal man's just dropped in the hallway and he's not moving, what do i do?",
    "i've ended up on the deck after that line-dance video, and my knee won't let me up.",
])
def test_the_calls_of_the_ninety_fifth_and_ninety_sixth_rounds(text: str) -> None:
    """Found by the ninety-fifth and the ninety-sixth held-out files, read once the hundred
    and first and the hundred and second were written (docs/safety-path.md, "The
    ninety-fifth and the ninety-sixth, read"): a fall like a sack of coal said without an
    "I" and a removal man dropped in the hallway and not moving (each missed: the model
    answered it, the words net was silent); a knee that won't let the resident up (asked
    about by the model)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "went down like a sack of spuds in the kitchen, can't get up",
    "gone down like a sack of potatoes by the sink",
    "the postman's just dropped on the path and he's not breathing",
    "she's keeled over in the kitchen and she won't wake",
    "i'm on the floor and my knee won't let me up",
    "my legs won't let me get up off this carpet",
    "nobody needs an ambulance here? my husband's collapsed, get one",
    "i pressed the emergency button by mistake but now i've fallen and can't get up",
    "i pressed the emergency button, i've fallen",
    "when dad had his stroke his face dropped like mine's doing now, get an ambulance",
    "put the programme on about, no, get an ambulance, i can't breathe",
])
def test_the_neighbours_of_the_ninety_fifth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the boxer went down like a sack of spuds in the third round",
    "my joke went down like a sack of coal",
    "he's just dropped in for a cuppa and he's not moving till the rain stops",
    "she dropped in at the shop and she's not answering her phone",
    "my back won't let me get up early these days",
    "my knees won't let me up the ladder any more",
    "my hips won't let me get up and down like i used to",
])
def test_near_neighbours_of_the_ninety_fifth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "yes, it's all sorted, nobody needs an ambulance, the alarm went off by mistake.",
    "cancel that, i pressed the emergency button by mistake when i was moving the bedside "
    "table.",
    "the old boy who had this flat before me had a fall and went into a home, the warden told "
    "me.",
    "when dad had his stroke we had to clear his house in a weekend, and i swore i'd never "
    "leave it that late myself.",
    "my husband always said they'd carry him out of that house in a box, and here i am moving "
    "without him.",
    "nobody needs an ambulance, it was a false alarm",
    "no one wanted the police involved, it was a family matter",
    "i pressed the emergency button by mistake",
    "i accidentally pressed my panic button",
    "they'll carry me out of here in a box",
    "when my husband had his heart attack i learned to drive",
    "mrs jones fell and went into a home",
    "my sister had a fall and moved into a care home",
])
def test_the_no_calls_of_the_ninety_fifth_and_ninety_sixth_rounds(text: str) -> None:
    """Nobody in need of an ambulance (alerted at once by the words net), the emergency
    button pressed by mistake, a fall that took another into a home and a father's stroke
    told as a time gone by (each asked about by the words net), and a husband to be carried
    out of the house in a box (asked about by the model): no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "turn the telly over to that programme about the 999 call handlers.",
    "is there a documentary on the ambulance service tonight",
])
def test_the_mentions_of_the_ninety_fifth_and_ninety_sixth_rounds(text: str) -> None:
    """A programme about the 999 call handlers (asked about by the words net): a mention,
    left to the model, which answers it."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


# --- the ninety-seventh and ninety-eighth rounds -----------------------------------------


@pytest.mark.parametrize("text", [
    "arthur's out cold on the lawn, went down like a sack of spuds and he's not coming round.",
    "tripped on the hose watering the sweet peas and i can't get off the grass.",
    "went for a burton in the shed, tripped on the hosepipe, and i'm wedged between the mower "
    "and the wall.",
    "it's like a vice round my ribs, been like it ten minutes, i'm frightened, bring the "
    "ambulance men.",
])
def test_the_calls_of_the_ninety_seventh_and_ninety_eighth_rounds(text: str) -> None:
    """Found by the ninety-seventh and the ninety-eighth held-out files, read once the hundred
    and third and the hundred and fourth were written (docs/safety-path.md, "The
    ninety-seventh and the ninety-eighth, read"): a man out cold and not coming round, a
    trip and no getting off the grass, and a resident wedged between the mower and the wall
    (each missed: the model answered it, the words net was silent); the ambulance men asked
    for (asked about: read as a mention of the crew)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text, label", [
    ("arthur's out cold on the lawn, went down like a sack of spuds and he's not coming round.",
     "emergency_help"),
    ("he went down in the garden, he's out cold and he's not coming to", "emergency_help"),
    ("tripped on the hose watering the sweet peas and i can't get off the grass.",
     "fall_report"),
    ("i've fallen and i'm stuck between the shed and the fence", "fall_report"),
])
def test_the_labels_of_the_ninety_seventh_round(text: str, label: str) -> None:
    """Another out cold and not coming round is someone else in danger, never the resident's
    fall; the resident unable to get off the grass, or wedged in the shed, is a fall."""
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "she's out cold in the hall and she's not waking up",
    "i fell over in the garden and i can't get off the path",
    "i slipped on the patio and i can't get myself up off the gravel",
    "she's wedged between the bed and the wheelie bin",
    "send the ambulance men quick, he's stopped breathing",
    "there's an ambulance outside but nobody's come in, please help, i've fallen",
    "don't call 999, call my son, i've fallen and i can't get up",
    "don't ring the ambulance, i've just cut my hand and it's pouring blood",
    "i fell in the spring and now i've fallen again and can't get up",
    "an ambulance came for me last time, please send one again i can't breathe",
])
def test_the_neighbours_of_the_ninety_seventh_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "he's out cold on the sofa after the darts, he's not coming round till morning",
    "she was out cold last night and she's not coming round for tea",
    "i'm stuck between the devil and the deep blue sea",
    "the ambulance men were lovely when they came for mum last year",
    "since i fell last year i can't get off the grass without a hand",
    "the fire brigade's been out once and now the smoke's back in the kitchen",
])
def test_near_neighbours_of_the_ninety_seventh_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "they had an ambulance parked by the gate at the summer fair, just in case, but nobody "
    "needed it, thank goodness.",
    "my neighbour's had to call 999 twice this month, poor soul, i do worry about her.",
    "i fell in the spring and that hip still aches when it's damp, it's just niggling today.",
    "i had my first heart attack the year my marrow won, that's how i remember the date.",
    "the carer said if i ever can't get up off the floor i should roll onto my side first, is "
    "that right?",
    "put the gas fire on, it's perishing in here.",
    "an ambulance came for one of the residents in the night, the blue lights woke the whole "
    "corridor.",
    "good night, and don't go ringing the emergency people if you hear me snore.",
    "message janet and say the ambulance that took mrs pugh was only for a check-up, she's "
    "fine.",
    "no, don't call 999, i've just knocked the glass over.",
    "they said there's flooding up the valley and the fire brigade's been out, is it bad?",
    "could you put the fire on please",
    "turn on the fire",
    "put the gas fire on",
    "if i ever fall over i should press my button, shouldn't i",
    "my friend fell last week and she's not moving",
])
def test_the_no_calls_of_the_ninety_seventh_and_ninety_eighth_rounds(text: str) -> None:
    """An ambulance there just in case that nobody needed, the emergency number rung by a
    neighbour twice this month, a fall in the spring and a first heart attack "the year my
    marrow won" long past, a carer's advice if the resident ever can't get up, another's
    ambulance told, and the emergency number waved off with why (each asked about by the
    words net, the carer's advice alerted at once); the gas fire asked to be put on (alerted
    at once by the model) and the fire brigade out on the news (asked about by the model);
    a friend's fall gone by, not moving (left to the model before): no call whatever the
    model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "should i wear my emergency pendant to the fete, or will it not work that far from home?",
    "yes, the man came this morning and fixed the emergency cord in the bathroom.",
])
def test_the_mentions_of_the_ninety_seventh_and_ninety_eighth_rounds(text: str) -> None:
    """The alarm pendant asked about and the emergency cord mended (asked about by the words
    net): a mention, left to the model, which answers it."""
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


# --- the ninety-ninth and hundredth rounds -----------------------------------------------


@pytest.mark.parametrize("text", [
    "the dog bolted at the bangs and ron ran after him and now ron's lying on the pavement "
    "outside not moving.",
    "i've gone down like a bag of washing in the back yard and i'm flat out on the flags, love.",
    "blimey, there's some geezer in me kitchen, i never let him in, get the old bill round.",
    "the front room's full of that horrible grey stuff and the alarm's screaming its head off.",
    "och, i've gone my length on the kitchen tiles and i'm lying here like a beached whale.",
    "i'm down on the deck, duck, the cat shot past me at the first bang and took my feet clean "
    "out.",
    "police, please, there's a fella been following me home from the pub and he's at my gate "
    "now.",
    "the curtains by the gas fire have gone up and the room's filling up, i'm trying to get out.",
    "somebody's smashed the glass in the back door and i can hear him downstairs, i'm up in the "
    "bedroom.",
])
def test_the_calls_of_the_ninety_ninth_and_hundredth_rounds(text: str) -> None:
    """Found by the ninety-ninth and the hundredth held-out files, read once the hundred and
    fifth and the hundred and sixth were written (docs/safety-path.md, "The ninety-ninth and
    the hundredth, read"): Ron lying on the pavement not moving, a fall "like a bag of
    washing" and flat out on the flags, the Old Bill to be got round (each missed: the model
    answered it, the words net was silent), a room full of grey stuff with the alarm
    "screaming its head off" (missed: read as a figure of speech); a length gone on the
    tiles, down on the deck, "police, please" and a follower at the gate,
    curtains gone up and the room filling, and glass smashed with someone heard downstairs
    (each asked about by the model alone)."""
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text, label", [
    ("the dog bolted at the bangs and ron ran after him and now ron's lying on the pavement "
     "outside not moving.", "emergency_help"),
    ("my neighbour's lying in the road not moving, help", "emergency_help"),
    ("i've gone down like a bag of washing in the back yard and i'm flat out on the flags, love.",
     "fall_report"),
    ("the hall's full of thick black smoke", "emergency_help"),
])
def test_the_labels_of_the_ninety_ninth_round(text: str, label: str) -> None:
    """Another lying in the road and not moving is someone else in danger, never the
    resident's fall; the resident flat out on the flags is a fall."""
    assert safety.safety_label_of_words(text) == label, text


@pytest.mark.parametrize("text", [
    "the smoke alarm's screaming its head off and there's smoke everywhere",
    "since i fell last week i've been stuck here and can't get up",
    "i broke my hip in 2019 and now i've fallen again",
    "they had to call an ambulance on saturday and now i need one again, i can't breathe",
    "we had to call an ambulance last night and he's collapsed again",
    "i won't fall... help, i've fallen",
    "get the polis round, he's in the house",
    "police quick he's in the house",
    "i've gone my length in the garden and i can't get up",
])
def test_the_neighbours_of_the_ninety_ninth_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the wardrobe's full of grey wool",
    "the kitchen was full of smoke from the toast last week",
    "the idea went down like a sack of spuds",
    "the new curtains have gone up in the bedroom, they look lovely",
    "the price of curtains has gone up",
    "i'm sat on the deck in the sun",
    "the price of a pint these days, it's daylight robbery, somebody call the polis!",
    "police, please tell me what the non-emergency number is",
])
def test_near_neighbours_of_the_ninety_ninth_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "my ears are still ringing from those bangs, it's a real nuisance.",
    "night night, i'm off up, and no, i won't fall on the stairs, i've got the rail.",
    "my back's been playing up since i fell in the garden last week, it's sore but i'm "
    "managing.",
    "do you know, i broke my wrist at a bonfire party in 1972, i slipped in the mud by the "
    "beck.",
    "the sky looked like it was on fire with all them colours, gorgeous it was.",
    "hello, it's me back from the club, no drama, nobody fell over this time.",
    "they had to call an ambulance at the club on saturday when the drummer collapsed, he's "
    "fine now though.",
    "my back's been stiff since i fell off the club coach step in june.",
    "the kettle's screaming its head off",
    "big terry fell off his stool at the darts last night, but he was only laughing.",
    "i went my length on the ice in 1985",
])
def test_the_no_calls_of_the_ninety_ninth_and_hundredth_rounds(text: str) -> None:
    """Ears still ringing from the bangs and a fall promised against (each alerted at once by
    the model), a fall since last week or since June, a wrist broken in 1972, the sky on fire,
    nobody falling over and an ambulance another had to call on Saturday (each asked about by
    the words net): no call whatever the model says. A kettle screaming its head off is a
    figure of speech still; an alarm doing so is not."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_the_st_john_ambulance_is_a_mention() -> None:
    """The St John Ambulance volunteers doing teas (asked about by the words net): a mention,
    left to the model, which answers it."""
    text = "what day is it today? the st john ambulance lot are doing teas at the club on friday."
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text, label", [
    # another fallen on a day gone by and still down there now (a fall, as a wife's is)
    ("he fell off his ladder yesterday and he's still lying there", "fall_report"),
    ("my neighbour fell in her garden on sunday and she's still lying out there",
     "fall_report"),
    ("jean fell on the ice on monday and she's still on the kitchen floor", "fall_report"),
    ("no rush, but my wife's slipped on the wet floor and she's still lying there, she can't "
     "get up.", "fall_report"),
    # minutes or hours ago are today
    ("my husband fell ten minutes ago and he's not moving", "emergency_help"),
    ("he fell off the ladder an hour ago and he's still not moving", "emergency_help"),
    # gone down like a sack of spuds (a fall's words), and the lips going blue
    ("bill's just gone down like a sack of spuds by the angling hut and his lips are going "
     "blue.", "fall_report"),
    ("he's collapsed and his lips are going blue", "emergency_help"),
    # in the water and out of reach
    ("the little one slid off the bank into the water and i can't reach her.",
     "emergency_help"),
    ("my grandson's fallen in the canal and he can't swim", "emergency_help"),
    ("jack's fallen in the pond and i can't get to him", "emergency_help"),
    ("she's gone into the water off the jetty and she's going under", "emergency_help"),
])
def test_the_calls_of_the_hundred_and_first_round(text: str, label: str) -> None:
    """Another still down where they fell, even since yesterday (a fall, as a wife's still on
    the floor is), another fallen minutes ago and not moving, another collapsed with the lips
    going blue, and someone in the water out of reach (someone else in danger, never the
    resident's fall): a call's words, and never someone else's fall gone by. Another gone
    down like a sack of spuds is a fall's words, as it was."""
    assert safety.safety_label_of_words(text) == label, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "the tree fell down in the storm last week and it's still lying there",
    "my friend fell last week and she's still lying in hospital",
    "my sister fell out with her husband last year and she's still not answering",
    "grandad fell asleep yesterday and he's still lying there",
    "my brother fell off his bike last week, he's still on the mend",
    "my neighbour fell on the ice yesterday and the snow's still on the ground",
    "he fell off his ladder last week and the ladder's still lying there",
    "she fell in the garden on monday and her shopping's still on the path",
    "my glasses fell in the pond and i can't reach them",
    "the ball went into the pond and i can't reach it",
    "my grandson fell in the river last summer, he can't swim you know",
    "his lips went blue with cold at the match last week",
])
def test_near_neighbours_of_the_hundred_and_first_round_are_no_call_of_words(text: str) -> None:
    assert safety.safety_label_of_words(text) is None, text


@pytest.mark.parametrize("text", [
    "it's nothing to ring 999 about but i've fallen and can't get up",
    "i nearly died of embarrassment when i fell just now and i can't get up",
    "the last time i fell was this morning and i'm still on the floor",
    "ted's gone down like a sack of coal in the kitchen",
])
def test_the_neighbours_of_the_hundred_and_first_round_still_call(text: str) -> None:
    assert safety.safety_label_of_words(text) is not None, text
    assert not safety.is_negated_call(text), text


@pytest.mark.parametrize("text", [
    "i've got a bit of a headache, nothing to ring 999 about, just that cold wind at the "
    "memorial.",
    "nothing to call an ambulance about, just a nosebleed",
    "never mind the ambulance bit, i was only reading the paper out to you.",
    "forget the fire bit, i was just reading out the news",
    "last time i fell was on the ice by the bridge, must be five years back.",
    "i nearly died of embarrassment when i tripped over my own keepnet at the match.",
])
def test_the_no_calls_of_the_hundred_and_first_and_second_rounds(text: str) -> None:
    """A headache "nothing to ring 999 about", the ambulance only read out of the paper, the
    last fall five years back and a trip told as the cause of embarrassment (each asked about
    by the words net): no call whatever the model says."""
    assert safety.is_negated_call(text), text
    assert safety.safety_label_of_words(text) is None, text


def test_whether_the_pendant_works_is_a_mention() -> None:
    """Whether the emergency button on the pendant works out of doors (asked about by the
    words net): a mention, left to the model, which answers it."""
    text = "is the emergency button on my pendant meant to work out on the towpath?"
    assert safety.is_mention(text), text
    assert safety.safety_label_of_words(text) is None, text
