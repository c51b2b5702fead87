"""compress.device_check: the challenge set and the test split typed through the real device
decision with the shipped model (docs/intent.md): no call for help passes unseen and no
ordinary sentence alerts the caregivers."""

from __future__ import annotations

import json

import pytest

from compress.dataset import CHALLENGE_DIR
from compress.device_check import device_check, main


@pytest.mark.parametrize("split", ["challenge", "test"])
def test_shipped_model_misses_no_call_and_alerts_on_nothing_else(split: str) -> None:
    result = device_check(split=split)
    assert result["split"] == split
    assert result["n_safety"] > 40 and result["n_other"] > 100
    assert result["safety_missed"] == 0, result["lists"]["safety_missed"]
    assert result["other_alerts"] == 0, result["lists"]["other_alerts"]
    assert result["safety_alerted"] + result["safety_asked"] == result["n_safety"]
    assert result["other_questions"] == len(result["lists"]["other_questions"])
    # the figures docs/intent.md reports for the shipped model
    assert result["other_question_share"] <= 0.06


def test_cli_writes_the_lists_and_one_json_line(tmp_path, capsys) -> None:
    out = tmp_path / "lists.json"
    assert main(["--split", "challenge", "--json", str(out)]) == 0
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert "lists" not in line and line["split"] == "challenge"
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["other_questions"] == len(saved["lists"]["other_questions"])
    # why each was decided so: "call alert words", "other ask band", ... counted over every
    # utterance, and each listed one with its reason and probability
    reasons = saved["reasons"]
    assert sum(reasons.values()) == saved["n_other"] + saved["n_safety"]
    assert sum(n for k, n in reasons.items() if k.startswith("other ask ")) == \
        saved["other_questions"]
    assert sum(n for k, n in reasons.items() if k.startswith("call alert ")) == \
        saved["safety_alerted"]
    for row in saved["lists"]["safety_asked"] + saved["lists"]["other_questions"]:
        assert row["reason"] in {"words_only", "band", "mention", "fast_unsure", "alternative"}
        assert row["p"] is None or 0.0 <= row["p"] <= 1.0


def test_a_language_without_a_challenge_set_is_a_clear_error(capsys) -> None:
    assert main(["--lang", "xx"]) == 2
    assert "error" in capsys.readouterr().err


def test_figures_of_speech_never_alert_and_their_literal_neighbours_always_do() -> None:
    # compress/figures_en.jsonl: everyday figures of speech with the words of a call ("i'm
    # gasping for a cuppa", "i slipped up and forgot my tablets") beside the literal calls
    # ("i'm gasping for air"); the words net and the model alerted at once on 33 of them before its
    # figures-of-speech rules (docs/safety-path.md, "Figures of speech")
    result = device_check(file=CHALLENGE_DIR / "figures_en.jsonl")
    assert result["split"] == "file:figures_en.jsonl"
    assert result["n_safety"] >= 75 and result["n_other"] >= 170
    # none left (docs/safety-path.md, "Mentions"): the model alone was sure enough to alert
    # of a fall in "i'm on the first floor flat" (0.996) and "my flat is on the ground
    # floor" (0.990), a storey, and of a call in "my emergency contact is my daughter"
    # (0.937), a record: mentions, asked about first; "he's a pain in the neck" (0.979) is a
    # figure of speech, answered; "i can't move my car" a thing of the resident's that will
    # not shift, left to the model (0.934) and asked about as a mention
    assert result["other_alerts"] == 0, result["lists"]["other_alerts"]
    asked = {r["text"] for r in result["lists"]["other_questions"]}
    assert {"I'm on the first floor flat", "my flat is on the ground floor",
            "I can't move my car, it's blocked in"} <= asked
    assert "he's a pain in the neck" not in asked
    # every literal call caught; one asked first, not alerted at once: "i can't move the
    # wardrobe off me" (the model reads it as ordinary talk, 0.27; the words net asks)
    assert result["safety_missed"] == 0, result["lists"]
    assert [r["text"] for r in result["lists"]["safety_asked"]] == [
        "I can't move the wardrobe off me"]


def test_a_file_of_utterances_that_is_missing_or_malformed_is_a_clear_error(tmp_path,
                                                                            capsys) -> None:
    assert main(["--file", str(tmp_path / "none.jsonl")]) == 2
    assert "not found" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "i fell"}\n', encoding="utf-8")
    assert main(["--file", str(bad)]) == 2
    assert "intent" in capsys.readouterr().err


def test_no_call_of_the_held_out_everyday_sentences_is_missed() -> None:
    # compress/figures_heldout_en.jsonl was written after the figures-of-speech rules and is
    # not for writing rules on (docs/safety-path.md); its calls found a first "stroke the
    # cat" rule that read "i'm having a stroke my face feels funny" as petting
    result = device_check(file=CHALLENGE_DIR / "figures_heldout_en.jsonl")
    assert result["n_safety"] == 20 and result["n_other"] == 50
    assert result["safety_missed"] == 0, result["lists"]["safety_missed"]
    assert result["safety_alerted"] == 20
    # its last three alerts, read and ruled on since (docs/safety-path.md, "Mentions"):
    # "i can't breathe a word of it", "i slipped into my old habits" (figures of speech) and
    # "my friend is recovering from a stroke" (a mention, asked about)
    assert result["other_alerts"] == 0, result["lists"]["other_alerts"]


# The held-out files after the first, each written apart from the project's data and rules
# to measure them (docs/safety-path.md): its calls and other sentences, and how many of the
# others may still alert at once.
HELD_OUT = [
    # written apart from the intent data, the training-only candidates and device/safety.py
    # ("A second held-out file"). The model before alerted at once on 7 of its 94 other
    # sentences, the shipped one on 1 ("an ambulance went past with its siren going ...",
    # 0.94), which the mentions step, written with it in view, asks about
    ("figures_heldout2_en.jsonl", 23, 94, 0),
    # written by a hand that read none of the project's files, after the mentions step and
    # its rules ("A third held-out file"). Two of its 140 other sentences alerted at once
    # (three before the mentions step); read since, with the fourth round of figures ("A
    # fourth round"), none does
    ("figures_heldout3_en.jsonl", 39, 140, 0),
    # written blind like the third ("A fourth round"). Before the rules they then found, the
    # fourth missed one call (a carbon monoxide alarm going off, told with "what do i do?")
    # and alerted at once on 3 of 146 other sentences; the fifth missed two ("my legs went
    # from under me, i'm lying by the sofa ...", "i don't know where i am ...") and alerted
    # at once on 7 of 151. Read since: every call is caught and no other sentence alerts
    ("figures_heldout4_en.jsonl", 38, 146, 0),
    ("figures_heldout5_en.jsonl", 43, 151, 0),
    # written blind after every rule above ("A sixth file, kept blind"); 12 of its 154
    # other sentences alerted at once. Read once the seventh was written: the words net's
    # rules for its kinds take six of them ("A seventh file"); the other six are the
    # model's own or the words of a call said in jest ("somebody call an ambulance")
    ("figures_heldout6_en.jsonl", 39, 154, 6),
    # written blind after the sixth was read: it missed four calls told without a call's
    # plain words and alerted at once on five other sentences; read once the eighth was
    # written ("An eighth file"), none
    ("figures_heldout7_en.jsonl", 36, 154, 0),
    # written blind after the seventh was read ("A ninth file"): it missed one call (a baby
    # gone floppy, the model 0.60 under its typed ask) and alerted at once on nine other
    # sentences; read once its first figures were taken, none
    ("figures_heldout9_en.jsonl", 45, 159, 0),
    # written blind after the seventh was read and kept blind two rounds: one call missed (a
    # chip pan fire, the model 0.10), three other sentences alerted at once. Read once the
    # tenth was written ("The eighth, read"): the call is caught; one joke still alerts
    # ("the mother-in-law's coming for sunday dinner, somebody ring the fire brigade")
    ("figures_heldout8_en.jsonl", 37, 155, 1),
    # written blind after the ninth was read, kept blind one round: four other sentences
    # alerted at once, nine asked, one call missed (a leading "no", the model 0.97), which
    # the leading-no rule, written without reading it, caught. Read once the eleventh was
    # written ("The tenth, read"): none alerted, two asked
    ("figures_heldout10_en.jsonl", 46, 155, 0),
    # written blind after the eighth was read, kept blind one round: ten other sentences
    # alerted at once, three asked, three calls missed (smoke in Jamaican English, the
    # electrics in text-speak, "heeeelp"). Read once the twelfth was written ("The
    # eleventh, read"): every call caught; one joke still alerts ("quick, somebody dial
    # 999, there's a spelling mistake in the radio times")
    ("figures_heldout11_en.jsonl", 46, 159, 1),
    # written blind after the tenth was read, kept blind one round: ten other sentences
    # alerted at once, ten asked, two calls missed (stroke signs in another, a throat
    # closing up). Read once the thirteenth was written ("The twelfth, read"): every call
    # caught; one joke still alerts ("he's so slow the snails have rung him an ambulance")
    ("figures_heldout12_en.jsonl", 43, 158, 1),
    # written blind after the eleventh was read, kept blind one round: three other
    # sentences alerted at once, two asked, two calls missed (a stranger at the windows with
    # a torch, stuck in the bath for hours). Read once the fourteenth was written ("The
    # thirteenth, read"): every call caught, none alerted
    ("figures_heldout13_en.jsonl", 46, 156, 0),
    # written blind after the twelfth was read, kept blind one round: one other sentence
    # alerted at once, five asked, five calls missed (a dose taken twice, bleach drunk,
    # dishwasher tablets, a diabetic low in another, "not a drill this time"). Read once
    # the fifteenth was written ("The fourteenth, read"): every call caught, none alerted
    ("figures_heldout14_en.jsonl", 55, 154, 0),
    # written blind after the thirteenth was read, kept blind one round: two other
    # sentences alerted at once, four asked, seven calls missed (two of them a "no" turned
    # back: "no actually i do need someone, i can't stand"). Read once the sixteenth was
    # written ("The fifteenth, read"): every call caught, none alerted nor asked
    ("figures_heldout15_en.jsonl", 45, 134, 0),
    # written blind after the fourteenth was read, kept blind one round: two other
    # sentences alerted at once, four asked, nine calls missed (a life the resident means to
    # end, a storm's damage, the cold and the heat in the body, a power line down). Read
    # once the seventeenth was written ("The sixteenth, read"): every call caught, none
    # alerted nor asked
    ("figures_heldout16_en.jsonl", 55, 145, 0),
    # written blind after the fifteenth was read, kept blind one round: nine other
    # sentences alerted at once, seven asked, one call missed (oxygen tubing caught light).
    # Read once the eighteenth was written ("The seventeenth, read"): every call caught,
    # none alerted nor asked (a symptom as it always is, or eased, is no call)
    ("figures_heldout17_en.jsonl", 51, 133, 0),
    # written blind after the sixteenth was read, kept blind one round: five other
    # sentences alerted at once, six asked, two calls missed (smoke coming up the stairs,
    # mum gone from the house at three in the morning). Read once the nineteenth was written
    # ("The eighteenth, read"): every call caught, none alerted nor asked
    ("figures_heldout18_en.jsonl", 47, 147, 0),
    # written blind after the seventeenth was read, kept blind one round: nine other
    # sentences alerted at once, seven asked, fourteen calls missed (very short turns and
    # very long ones: twelve calls told at the end of a long story). Read once the twentieth
    # was written ("The nineteenth, read"; "A call at the end of a long turn"): every call
    # caught, none alerted (a question for sleep advice the model alone was sure of is a
    # mention, asked about)
    ("figures_heldout19_en.jsonl", 48, 139, 0),
    # written blind after the eighteenth was read, kept blind one round: four other
    # sentences alerted at once, eight asked, two calls missed (a stranger at the window
    # with a crowbar; "i'm fine i'm fine ... i can't feel my left side"). Read once the
    # twenty-first was written ("The twentieth, read"): every call caught, none alerted
    ("figures_heldout20_en.jsonl", 54, 161, 0),
    # written blind after the nineteenth was read, kept blind one round: three other
    # sentences alerted at once, eight asked, no call missed (the resident who does not
    # want to be a bother). Read once the twenty-second was written ("The twenty-first,
    # read"): every call caught; one greeting the model alone reads as a call alerted ("only
    # me again, don't get up") until the thirty-sixth round made a visitor's words no call
    ("figures_heldout21_en.jsonl", 52, 142, 0),
    # written blind after the twentieth was read, kept blind one round: three other
    # sentences alerted at once, four asked, two calls missed (smoke out of the back of the
    # telly; stuck down between the sofa and the coffee table). Read once the twenty-third
    # was written ("The twenty-second, read"): every call caught, none alerted
    ("figures_heldout22_en.jsonl", 52, 117, 0),
    # written blind after the twenty-first was read, kept blind one round: three other
    # sentences alerted at once, seven asked, one call missed (bleach drunk from a bottle
    # under the sink). Read once the twenty-fourth was written ("The twenty-third, read"):
    # every call caught, none alerted
    ("figures_heldout23_en.jsonl", 50, 140, 0),
    # written blind after the twenty-second was read, kept blind one round: three other
    # sentences alerted at once, seven asked, five calls missed (a child at the pills, a
    # confused father out in the traffic, lost outside in the dark, blood through three
    # towels, a blanket smouldering). Read once the twenty-fifth was written ("The
    # twenty-fourth, read"): every call caught; one sentence the model alone reads as a call
    # alerted (a water infection brewing, told with "off her food") until the thirty-sixth
    # round (no appetite in a sentence with no warning sign is no call)
    ("figures_heldout24_en.jsonl", 50, 141, 0),
    # written blind after the twenty-third was read, kept blind one round: no other sentence
    # alerted at once, two asked, three calls missed (grandad stopped breathing at the table,
    # a kitchen filling with smoke, the curtains caught from a candle). Read once the
    # twenty-sixth was written ("The twenty-fifth, read"): every call caught
    ("figures_heldout25_en.jsonl", 55, 157, 0),
    # written blind after the twenty-fourth was read, kept blind one round: four other
    # sentences alerted at once, five asked, three calls missed (a blood sugar meter's "LO",
    # too breathless to finish a sentence, a father slid off the commode who can't be
    # lifted). Read once the twenty-seventh was written ("The twenty-sixth, read"): every
    # call caught; two sentences the model alone reads as a call alerted (a catheter
    # dragging, bruises put down to warfarin); the bruises no longer since the thirty-sixth
    # round
    ("figures_heldout26_en.jsonl", 49, 132, 1),
    # written blind after the twenty-fifth was read, kept blind one round: five other
    # sentences alerted at once, ten asked, two calls missed (the whole lot of the tablets
    # taken, a long lie told softly: "I've been down here a good while and I'm getting
    # cold"). Read once the twenty-eighth was written ("The twenty-seventh, read"): every
    # call caught; two sentences the model alone reads as a call still alert (a fluttery
    # heart with no pain, a head that spins on sitting up)
    ("figures_heldout27_en.jsonl", 56, 138, 2),
    # written blind after the twenty-sixth was read, kept blind one round: nine other
    # sentences alerted at once (the kitchen's words: a hot curry "on fire", burnt toast,
    # soup gone off, onions), six asked, two calls missed (a mother lying there after
    # tripping over the cat, a grandfather two can't lift). Read once the twenty-ninth was
    # written ("The twenty-eighth, read"): every call caught; one sentence the model alone
    # reads as a call alerted ("I've no appetite at all lately") until the thirty-sixth round
    ("figures_heldout28_en.jsonl", 57, 166, 0),
    # written blind after the twenty-seventh was read, kept blind one round: three other
    # sentences alerted at once, eleven asked, five calls missed (an intruder told by what he
    # does, a crowbar at the back door on the doorbell camera, a call hidden from a man in
    # the room, legs that won't go by the front door). Read once the thirtieth was written
    # ("The twenty-ninth, read"): every call caught, no other alerted at once
    ("figures_heldout29_en.jsonl", 56, 150, 0),
    # written blind after the twenty-eighth was read, kept blind one round: four other
    # sentences alerted at once (hay fever, a splinter, a pet stung, a pet bleeding), eight
    # asked, four calls missed (a garden fire got away, a cut that pumps, weedkiller found in
    # the bottle, a gas smell strong now). Read once the thirty-first was written ("The
    # thirtieth, read"): every call caught, no other alerted at once
    ("figures_heldout30_en.jsonl", 55, 161, 0),
    # written blind after the twenty-ninth was read, kept blind one round: one other sentence
    # alerted at once (a prisoner in one's own home, felt), three asked, two calls missed (a
    # husband's speech scrambled, a long lie after going down in the garden). Read once the
    # thirty-second was written ("The thirty-first, read"): every call caught, no other
    # alerted at once or asked about
    ("figures_heldout31_en.jsonl", 55, 149, 0),
    # written blind after the thirtieth was read, kept blind one round: two other sentences
    # alerted at once (tablets down like a lead balloon, what counts as an emergency asked),
    # nine asked, one call missed (a long lie on the bathroom tiles). Read once the
    # thirty-third was written ("The thirty-second, read"): every call caught, no other
    # alerted at once
    ("figures_heldout32_en.jsonl", 53, 143, 0),
    # written blind after the thirty-first was read, kept blind one round: three other
    # sentences alerted at once (a tablet computer "choking", a cough told big, "cut it
    # out"), six asked, one call missed (a shed gone up like a tinderbox with a man inside).
    # Read once the thirty-fourth was written ("The thirty-third, read"): every call caught,
    # no other alerted at once
    ("figures_heldout33_en.jsonl", 52, 148, 0),
    # written blind after the thirty-second was read, kept blind one round: four other
    # sentences alerted at once (fallen for the new neighbour, a baby's pair of lungs, a
    # custard emergency, a stomach that thinks its throat's been cut), eight asked, one call
    # missed (a man gone head over heels over the pushchair, still down there groaning). Read
    # once the thirty-fifth was written ("The thirty-fourth, read"): every call caught, no
    # other alerted at once
    ("figures_heldout34_en.jsonl", 53, 160, 0),
    # written blind after the thirty-third was read: it missed five calls (gone down by the
    # fridge "but not hurt", a burst pipe, water onto the cooker, a fall told as a sack of
    # spuds or gravity winning) and alerted at once on three other sentences; read once the
    # thirty-sixth was written ("The thirty-fifth, read"): every call caught, no other
    # alerted at once
    ("figures_heldout35_en.jsonl", 53, 146, 0),
    # written blind after the thirty-fourth was read: no call missed, four other sentences
    # alerted at once (another's stroke with her in hospital now, warfarin bruises, a banging
    # head, "alive and kicking"), four asked; read once the thirty-seventh was written ("The
    # thirty-sixth, read"): none alerted, none asked
    ("figures_heldout36_en.jsonl", 50, 149, 0),
    # written blind after the thirty-fifth was read: no call missed, four other sentences
    # alerted at once (a catchphrase from an advert, a manager "having a heart attack" on the
    # touchline, a near miss, a snooker player "on fire"), five asked; read once the
    # thirty-eighth was written ("The thirty-seventh, read"): none alerted, none asked
    ("figures_heldout37_en.jsonl", 54, 152, 0),
    # written blind after the thirty-fifth was read: one call missed (a face come up in lumps
    # after peanuts, with wheezing), two other sentences alerted at once (a worry for a
    # grandson's job, a house "like a morgue"), three asked; read once the thirty-ninth was
    # written ("The thirty-eighth, read"): every call caught, none alerted, none asked
    ("figures_heldout38_en.jsonl", 43, 153, 0),
    # written blind after the thirty-sixth was read: one call missed (sick, black like coffee
    # grounds), two other sentences alerted at once (a night up at the toilet, a calcium
    # tablet swallowed), eight asked; read once the fortieth was written ("The
    # thirty-ninth, read"): every call caught, none alerted, none asked
    ("figures_heldout39_en.jsonl", 46, 139, 0),
    # written blind after the thirty-sixth was read: no call missed, two other sentences
    # alerted at once (a gadget's "emergency", a smoke alarm chirping for its battery), seven
    # asked; read once the forty-first was written ("The fortieth, read"): none alerted, one
    # asked (a thumping head with a stiff neck, which the words net leaves to the model)
    ("figures_heldout40_en.jsonl", 50, 128, 0),
    # written blind after the thirty-ninth was read: two calls missed (a husband fallen out
    # of bed, a weight on the chest with a sweat after "i'm fine really"), three other
    # sentences alerted at once (a nurse's advice on when to dial 999, a leaflet read aloud,
    # "still in one piece"), three asked; read once the forty-second was written ("The
    # forty-first, read"): every call caught, none alerted, none asked
    ("figures_heldout41_en.jsonl", 53, 146, 0),
    # written blind after the fortieth was read: no call missed, one other sentence alerted
    # at once (a grandson's band "on fire"), five asked; read once the forty-third was
    # written ("The forty-second, read"): none alerted, one asked (indigestion after "i'm
    # not dying", which the words net leaves to the model)
    ("figures_heldout42_en.jsonl", 47, 143, 0),
    # written blind after the fortieth was read: no call missed, three other sentences
    # alerted at once (a denture-tablet box read aloud, eyes stinging from the shampoo, a
    # fire supposed), ten asked; read once the forty-fourth was written ("The forty-third,
    # read"): none alerted, one asked (the box read aloud, a mention the model is sure of)
    ("figures_heldout43_en.jsonl", 52, 154, 0),
    # written blind after the fortieth was read: no call missed, none alerted at once,
    # four asked (the first blind file to meet all three goals when first measured); read
    # once the forty-fifth was written ("The forty-fourth, read"): none alerted, none asked,
    # every call alerted at once
    ("figures_heldout44_en.jsonl", 48, 148, 0),
    # the forty-fifth: written blind after the forty-first was read; first figures 1 / 2 / 1
    # missed; read once the forty-seventh was written, the forty-sixth still blind ("The
    # forty-fifth, read"): none alerted, one asked, no call missed
    ("figures_heldout45_en.jsonl", 49, 132, 0),
    # the forty-sixth: written blind after the forty-first was read; first figures 0 / 0 / 3
    # missed; read once the forty-seventh and the forty-eighth were written ("The
    # forty-sixth, read"): none alerted, none asked, no call missed
    ("figures_heldout46_en.jsonl", 49, 149, 0),
    # the forty-seventh: written blind after the forty-fourth was read; first figures 0 / 9
    # / 1 missed; read once the forty-ninth was written, the forty-eighth still blind ("The
    # forty-seventh, read"): none alerted, no call missed
    ("figures_heldout47_en.jsonl", 49, 114, 0),
    # the forty-eighth: written blind after the forty-fourth was read; first figures 2 / 8
    # / 0 missed; read once the forty-ninth and the fiftieth were written ("The
    # forty-eighth, read"): none alerted, no call missed
    ("figures_heldout48_en.jsonl", 42, 139, 0),
    # the forty-ninth: written blind after the forty-sixth was read; first figures 2 / 6 /
    # 0 missed; read once the fiftieth to the fifty-second were written ("The forty-ninth,
    # read"): none alerted, one asked, no call missed
    ("figures_heldout49_en.jsonl", 54, 151, 0),
    # the fiftieth: written blind after the forty-sixth was read; first figures 4 / 7 / 0
    # missed; read once the fifty-first and the fifty-second were written ("The fiftieth,
    # read"): none alerted, three asked, no call missed
    ("figures_heldout50_en.jsonl", 51, 139, 0),
    # the fifty-first: written blind after the forty-eighth was read; first figures 1 / 6 /
    # 1 missed; read once the fifty-second to the fifty-fourth were written ("The
    # fifty-first, read"): none alerted, none asked, no call missed
    ("figures_heldout51_en.jsonl", 48, 121, 0),
    # the fifty-second: written blind after the forty-eighth was read; first figures 1 / 7
    # / 1 missed; read once the fifty-fifth and the fifty-sixth were written ("The
    # fifty-second, read"): none alerted, none asked, no call missed
    ("figures_heldout52_en.jsonl", 46, 114, 0),
    # the fifty-third: written blind after the forty-ninth was read; first figures 0 / 10 /
    # 2 missed; read once the fifty-fifth to the fifty-eighth were written ("The
    # fifty-third, read"): none alerted, none asked, no call missed
    ("figures_heldout53_en.jsonl", 49, 120, 0),
    # the fifty-fourth: written blind after the forty-ninth was read; first figures 1 / 6 /
    # 1 missed; read once the fifty-fifth to the fifty-eighth were written ("The
    # fifty-fourth, read"): none alerted, one asked, no call missed
    ("figures_heldout54_en.jsonl", 47, 107, 0),
    # the fifty-fifth and the fifty-sixth: written blind after the fifty-first was read;
    # first figures 0 / 6 / 3 missed and 1 / 4 / 2 missed; read once the fifty-ninth and the
    # sixtieth were written ("The fifty-fifth and the fifty-sixth, read"): none alerted, none
    # asked, no call missed
    ("figures_heldout55_en.jsonl", 50, 124, 0),
    ("figures_heldout56_en.jsonl", 47, 107, 0),
    # the fifty-seventh and the fifty-eighth: written blind after the fifty-second was read;
    # first figures 5 / 9 / 0 missed and 0 / 5 / 2 missed; read once the sixty-first and the
    # sixty-second were written ("The fifty-seventh and the fifty-eighth, read"): none
    # alerted, no call missed
    ("figures_heldout57_en.jsonl", 49, 115, 0),
    ("figures_heldout58_en.jsonl", 50, 113, 0),
    # the fifty-ninth and the sixtieth: written blind after the fifty-fourth was read; first
    # figures 2 / 5 / 0 missed and 0 / 4 / 1 missed; read once the sixty-third and the
    # sixty-fourth were written ("The fifty-ninth and the sixtieth, read"): none alerted, no
    # call missed
    ("figures_heldout59_en.jsonl", 49, 115, 0),
    ("figures_heldout60_en.jsonl", 48, 114, 0),
    # the sixty-first and the sixty-second: written blind after the fifty-sixth was read;
    # first figures 1 / 7 / 0 missed and 0 / 5 / 0 missed; read once the sixty-fifth and the
    # sixty-sixth were written ("The sixty-first and the sixty-second, read"): none alerted,
    # no call missed
    ("figures_heldout61_en.jsonl", 47, 111, 0),
    ("figures_heldout62_en.jsonl", 48, 116, 0),
    # the sixty-third and the sixty-fourth: written blind after the fifty-eighth was read;
    # first figures 1 / 5 / 0 missed and 0 / 5 / 1 missed; read once the sixty-seventh and
    # the sixty-eighth were written ("The sixty-third and the sixty-fourth, read"): none
    # alerted, no call missed
    ("figures_heldout63_en.jsonl", 49, 115, 0),
    ("figures_heldout64_en.jsonl", 48, 104, 0),
    # the sixty-fifth to the sixty-eighth: written blind after the sixtieth and the
    # sixty-second were read; first figures 1 / 5 / 3 missed, 2 / 3 / 2 missed, 1 / 4 / 0
    # missed and 0 / 7 / 0 missed; read together once the seventy-first and the
    # seventy-second were written ("The sixty-fifth to the sixty-eighth, read"): none
    # alerted, no call missed
    ("figures_heldout65_en.jsonl", 49, 115, 0),
    ("figures_heldout66_en.jsonl", 47, 99, 0),
    ("figures_heldout67_en.jsonl", 46, 111, 0),
    ("figures_heldout68_en.jsonl", 47, 108, 0),
    # the sixty-ninth and the seventieth: written blind after the sixty-second was read;
    # first figures 3 / 4 / 0 missed and 0 / 0 / 0 missed; read once the seventy-third and the
    # seventy-fourth were written ("The sixty-ninth and the seventieth, read"): one alerted
    # (another's stroke at Christmas, "and now she can't find her words"), no call missed
    ("figures_heldout69_en.jsonl", 46, 107, 1),
    ("figures_heldout70_en.jsonl", 46, 119, 0),
    # the seventy-first and the seventy-second: written blind after the sixty-fourth was read;
    # first figures 1 / 6 / 1 missed and 1 / 2 / 1 missed; read once the seventy-fifth and the
    # seventy-sixth were written ("The seventy-first and the seventy-second, read"): none
    # alerted, none asked, no call missed
    ("figures_heldout71_en.jsonl", 47, 103, 0),
    ("figures_heldout72_en.jsonl", 47, 111, 0),
    # the seventy-third and the seventy-fourth: written blind after the sixty-eighth was read;
    # first figures 0 / 1 / 1 missed and 0 / 3 / 3 missed; read once the seventy-seventh and
    # the seventy-eighth were written ("The seventy-third and the seventy-fourth, read"): none
    # alerted, none asked, no call missed
    ("figures_heldout73_en.jsonl", 49, 111, 0),
    ("figures_heldout74_en.jsonl", 49, 102, 0),
    # the seventy-fifth to the seventy-eighth: written blind after the seventieth was read;
    # first figures 1 / 3 / 1 missed, 1 / 1 / 2 missed, 1 / 4 / 2 missed and 2 / 3 / 1
    # missed; read once the seventy-ninth to the eighty-second were written ("The
    # seventy-fifth to the seventy-eighth, read"): none alerted, none asked, no call missed
    ("figures_heldout75_en.jsonl", 48, 111, 0),
    ("figures_heldout76_en.jsonl", 41, 102, 0),
    ("figures_heldout77_en.jsonl", 46, 95, 0),
    ("figures_heldout78_en.jsonl", 44, 101, 0),
    # the seventy-ninth and the eightieth: written blind after the seventy-fourth was read;
    # first figures 0 / 2 / 1 missed and 0 / 2 / 2 missed; read once the eighty-third and the
    # eighty-fourth were written ("The seventy-ninth and the eightieth, read"): none alerted,
    # none asked, no call missed
    ("figures_heldout79_en.jsonl", 47, 96, 0),
    ("figures_heldout80_en.jsonl", 48, 91, 0),
    # the eighty-first and the eighty-second: written blind after the seventy-fourth was read;
    # first figures 1 / 1 / 0 missed and 0 / 4 / 2 missed; read once the eighty-fifth and the
    # eighty-sixth were written ("The eighty-first and the eighty-second, read"): none
    # alerted, one asked (the model's band) and none, no call missed
    ("figures_heldout81_en.jsonl", 47, 89, 0),
    ("figures_heldout82_en.jsonl", 44, 95, 0),
    # the eighty-third and the eighty-fourth: written blind after the seventy-eighth was read;
    # first figures 0 / 2 / 0 missed and 0 / 0 / 2 missed; read once the eighty-seventh and
    # the eighty-eighth were written ("The eighty-third and the eighty-fourth, read"): none
    # alerted, none asked, no call missed
    ("figures_heldout83_en.jsonl", 46, 104, 0),
    ("figures_heldout84_en.jsonl", 46, 100, 0),
    # the eighty-fifth and the eighty-sixth: written blind after the eightieth was read; first
    # figures 0 / 12 / 1 missed and 3 / 5 / 1 missed; read once the ninety-first and the
    # ninety-second were written ("The eighty-fifth and the eighty-sixth, read"): none
    # alerted, six asked (the model's band, five, and a long turn's later parts) and one (the
    # model's band), no call missed
    ("figures_heldout85_en.jsonl", 61, 120, 0),
    ("figures_heldout86_en.jsonl", 58, 125, 0),
    # the eighty-seventh and the eighty-eighth: written blind after the eightieth was read;
    # first figures 2 / 4 / 3 missed and 0 / 6 / 2 missed; read once the ninety-third and the
    # ninety-fourth were written ("The eighty-seventh and the eighty-eighth, read"): none
    # alerted, one asked and two (the model's band), no call missed
    ("figures_heldout87_en.jsonl", 59, 114, 0),
    ("figures_heldout88_en.jsonl", 60, 112, 0),
    # the eighty-ninth and the ninetieth: written blind after the eighty-fourth was read;
    # first figures 0 / 4 / 1 missed and 0 / 3 / 1 missed; read once the ninety-fifth and the
    # ninety-sixth were written ("The eighty-ninth and the ninetieth, read"): none alerted,
    # none asked, no call missed
    ("figures_heldout89_en.jsonl", 59, 110, 0),
    ("figures_heldout90_en.jsonl", 61, 117, 0),
    # the ninety-first and the ninety-second: written blind after the eighty-fourth was read;
    # first figures 0 / 4 / 0 missed and 0 / 7 / 1 missed; read once the ninety-seventh and
    # the ninety-eighth were written ("The ninety-first and the ninety-second, read"): none
    # alerted, none asked, no call missed
    ("figures_heldout91_en.jsonl", 56, 122, 0),
    ("figures_heldout92_en.jsonl", 56, 116, 0),
    # first figures 0 / 3 / 0 missed and 1 / 5 / 1 missed; read once the ninety-ninth and the
    # hundredth were written ("The ninety-third and the ninety-fourth, read"): none alerted,
    # none asked, no call missed
    ("figures_heldout93_en.jsonl", 57, 131, 0),
    ("figures_heldout94_en.jsonl", 55, 107, 0),
    # first figures 0 / 1 / 0 missed and 1 / 5 / 2 missed; read once the hundred and first and
    # the hundred and second were written ("The ninety-fifth and the ninety-sixth, read"):
    # none alerted, none asked, no call missed
    ("figures_heldout95_en.jsonl", 55, 123, 0),
    ("figures_heldout96_en.jsonl", 58, 124, 0),
    # first figures 0 / 5 / 3 missed and 2 / 6 / 0 missed; read once the hundred and third and
    # the hundred and fourth were written ("The ninety-seventh and the ninety-eighth, read"):
    # none alerted, none asked, no call missed
    ("figures_heldout97_en.jsonl", 57, 121, 0),
    ("figures_heldout98_en.jsonl", 50, 101, 0),
    # first figures 1 / 4 / 2 missed and 1 / 8 / 2 missed; read once the hundred and fifth and
    # the hundred and sixth were written ("The ninety-ninth and the hundredth, read"): none
    # alerted, 1 and 3 asked, no call missed
    ("figures_heldout99_en.jsonl", 55, 128, 0),
    ("figures_heldout100_en.jsonl", 58, 105, 0),
    # first figures 0 / 1 / 0 and 0 / 4 / 2 missed; read once the hundred and seventh and
    # the hundred and eighth were written ("The hundred and first and the hundred and second,
    # read"): none alerted, none asked, no call missed
    ("figures_heldout101_en.jsonl", 58, 113, 0),
    ("figures_heldout102_en.jsonl", 56, 116, 0),
]


@pytest.mark.parametrize(("name", "calls", "others", "most_alerts"), HELD_OUT)
def test_no_call_of_a_held_out_file_is_missed(name: str, calls: int, others: int,
                                              most_alerts: int) -> None:
    result = device_check(file=CHALLENGE_DIR / name)
    assert result["n_safety"] == calls and result["n_other"] == others
    assert result["safety_missed"] == 0, result["lists"]["safety_missed"]
    assert result["safety_alerted"] + result["safety_asked"] == calls
    assert result["other_alerts"] <= most_alerts, result["lists"]["other_alerts"]


KEPT_BLIND = [
    # (file, calls, others, most missed, most alerted, most asked): the first figures, as
    # ceilings rather than goals.
    # The hundred and third and the hundred and fourth were written blind after the
    # ninety-sixth was read ("A hundred and third and a hundred and fourth file"), first
    # measured with the ninety-fifth round's words: one alerted, eight asked, one call
    # missed; none alerted, four asked, no call missed.
    ("figures_heldout103_en.jsonl", 53, 114, 1, 1, 8),
    ("figures_heldout104_en.jsonl", 53, 124, 0, 0, 4),
    # The hundred and fifth and the hundred and sixth were written blind after the
    # ninety-eighth was read ("A hundred and fifth and a hundred and sixth file"), first
    # measured with the ninety-seventh round's words: none alerted, two asked, no call missed;
    # none alerted, seven asked, no call missed.
    ("figures_heldout105_en.jsonl", 55, 119, 0, 0, 2),
    ("figures_heldout106_en.jsonl", 55, 119, 0, 0, 7),
    # The hundred and seventh and the hundred and eighth were written blind after the
    # hundredth was read ("A hundred and seventh and a hundred and eighth file"), first
    # measured with the ninety-ninth round's words: two alerted, 13 asked, no call missed;
    # one alerted, nine asked, one call missed.
    ("figures_heldout107_en.jsonl", 57, 128, 0, 2, 13),
    ("figures_heldout108_en.jsonl", 51, 120, 1, 1, 9),
    # The hundred and ninth was written blind after the hundred and second was read ("A
    # hundred and ninth file"), first measured with the hundred and first round's words: none
    # alerted, five asked, two calls missed.
    ("figures_heldout109_en.jsonl", 56, 109, 2, 0, 5),
]


@pytest.mark.parametrize(("name", "calls", "others", "most_missed", "most_alerts",
                          "most_asked"), KEPT_BLIND)
def test_a_held_out_file_kept_blind(name: str, calls: int, others: int, most_missed: int,
                                    most_alerts: int, most_asked: int) -> None:
    """A file kept blind is measured by its counts only, never listed."""
    result = device_check(file=CHALLENGE_DIR / name)
    assert result["n_safety"] == calls and result["n_other"] == others
    assert result["safety_missed"] <= most_missed
    assert result["other_alerts"] <= most_alerts
    assert result["other_questions"] <= most_asked
