"""Spoken turns decide their intent from the ASR n-best (speech.spoken_intent): a safety label
that only an alternative gave is checked with one question; the 1-best and typed text keep
their behaviour; the turn records which hypothesis decided.

Real parts: the shipped intent model, a real mosquitto and caregiver client, real WAVs
spoken with the device's TTS and recognized with the bundled pocketsphinx engine.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from device.confirm import EXPECTS, PendingCheck
from device.dialogue import DialogueManager
from device.home import HomeServices
from device.intent import IntentModel, default_model_dir
from device.labels import SAFETY_LABELS
from device.pipeline import ActionExecutor, Assistant, Turn
from device.runtime import Runtime
from device.settings import (
    SafetySettings,
    Settings,
    SettingsError,
    SpokenSettings,
    example_config_path,
    load_settings,
    settings_from_dict,
)
from health.broker import EmbeddedBroker
from health.caregiver import CaregiverClient
from speech.asr import Transcript

QUESTION = "Did you fall, Mary? Do you need help?"
TIMEOUT_S = 5.0
"""A shortened confirmation timeout, seconds (the default is 20)."""


class Clock:
    """A hand-set local clock for the dialogue."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def heard(text: str, *alternatives: str) -> Transcript:
    """A final transcript as a recognizer gives it, n-best alternatives included."""
    return Transcript(text=text, seconds=1.5, rtf=0.1, engine="pocketsphinx",
                      alternatives=list(alternatives))


def events(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture(scope="module")
def model() -> IntentModel:
    folder = default_model_dir()
    if not (folder / "model.onnx").is_file():
        pytest.skip(f"no shipped intent model in {folder}")
    return IntentModel.load(folder)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_assistant(model: IntentModel, clock: Clock, tmp_path: Path, alerts: object = None,
                   n_alt: int = 2, pending_path: Path | None = None) -> Assistant:
    settings = load_settings(example_config_path())
    tmp_path.mkdir(parents=True, exist_ok=True)
    dialogue = DialogueManager(settings.care_plan, clock=clock, pending_path=pending_path,
                               safety=SafetySettings(confirm_timeout_s=TIMEOUT_S))
    executor = ActionExecutor("Mary", alerts=alerts, events_path=tmp_path / "events.jsonl")
    return Assistant(model, dialogue, executor, safety_from_alternatives=n_alt)


def test_the_example_phrases_mean_what_the_tests_assume(model: IntentModel) -> None:
    """The 1-best and the alternative used below: an ordinary question, and a plain fall
    that on its own would alert at once."""
    assert model.classify("what time is it").intent == "time_query"
    fell = model.classify("i have fallen")
    assert fell.intent == "fall_report" and fell.score >= SafetySettings().confident


def test_fall_heard_only_in_an_alternative_asks_then_alerts_without_an_answer(
        model: IntentModel, clock: Clock, broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    home = HomeServices(settings, tmp_path / "state").start()
    caregiver = CaregiverClient(home.mqtt, client_id="nbest-caregiver", clean=True).start()
    try:
        assistant = make_assistant(model, clock, tmp_path, alerts=home.alerts)
        turn = assistant.respond_transcript(
            heard("what time is it", "what time is it now", "i have fallen"), source="mic")
        assert (turn.heard, turn.intent) == ("what time is it", "fall_report")
        assert (turn.from_alternative, turn.hypothesis) == (2, "i have fallen")
        assert turn.alternatives == ("what time is it now", "i have fallen")
        assert turn.alerts == () and turn.reply.action("alert") is None
        assert turn.reply.text == QUESTION and turn.reply.expects == EXPECTS
        record = turn.to_json()
        assert record["from_alternative"] == 2 and record["hypothesis"] == "i have fallen"
        assert Turn.from_json(json.loads(json.dumps(record))) == turn
        pending = assistant.dialogue.pending_safety
        assert pending is not None and pending.from_alternative == 2
        assert pending.text == "i have fallen"

        clock.advance(TIMEOUT_S - 1)
        assert assistant.tick() is None  # still waiting for the answer
        clock.advance(1)
        late = assistant.tick()
        assert late is not None and late.source == "timeout" and len(late.alerts) == 1
        assert (late.from_alternative, late.hypothesis) == (2, "i have fallen")
        assert assistant.dialogue.pending_safety is None

        assert home.alerts.flush(10.0)
        got = caregiver.wait_for(1, timeout_s=10.0)
        assert [a.id for a in got] == list(late.alerts)
        assert got[0].kind == "spoken_fall" and '"i have fallen"' in got[0].reason
        assert f"no answer within {TIMEOUT_S:g} s" in got[0].reason
    finally:
        caregiver.stop()
        home.stop()
    log = events(tmp_path / "events.jsonl")
    assert [(e["kind"], e.get("type")) for e in log] == [("event", "safety_check"),
                                                         ("alert", "spoken_fall")]
    assert log[0]["from_alternative"] == 2 and log[0]["hypothesis"] == "i have fallen"
    assert "ASR alternative 2" in str(log[0]["reason"])
    assert log[1]["from_alternative"] == 2 and log[1]["check"] == "no_answer"


def test_an_explicit_no_cancels_a_fall_heard_only_in_an_alternative(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    assistant = make_assistant(model, clock, tmp_path)
    ask = assistant.respond_transcript(heard("what time is it", "i have fallen"))
    assert ask.reply.text == QUESTION and ask.from_alternative == 1
    # the answer's own n-best holds the fall again: the 1-best "no" still decides
    answer = assistant.respond_transcript(heard("no i am fine", "i have fallen"))
    assert (answer.intent, answer.from_alternative, answer.hypothesis) == \
        ("deny", 0, "no i am fine")
    assert answer.reply.action("alert") is None and answer.reply.expects is None
    assert assistant.dialogue.pending_safety is None
    clock.advance(TIMEOUT_S * 2)
    assert assistant.tick() is None  # cancelled: nothing left to time out
    log = events(tmp_path / "events.jsonl")
    assert [e.get("type") for e in log] == ["safety_check", "safety_cancelled"]
    assert all(e["kind"] == "event" and e["from_alternative"] == 1 for e in log)
    assert '"no i am fine"' in str(log[1]["reason"])


def test_a_fall_in_the_one_best_still_alerts_at_once(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    assistant = make_assistant(model, clock, tmp_path)
    turn = assistant.respond_transcript(heard("i have fallen", "i have a ball"))
    assert (turn.intent, turn.from_alternative, turn.hypothesis) == \
        ("fall_report", 0, "i have fallen")
    alert = turn.reply.action("alert")
    assert alert is not None and alert.data["type"] == "spoken_fall"
    assert "from_alternative" not in alert.data
    assert turn.reply.expects is None and assistant.dialogue.pending_safety is None


def test_a_doubtful_one_best_safety_label_still_asks(
        model: IntentModel, clock: Clock, tmp_path: Path,
        ask_band_sentence: Callable[[IntentModel], str]) -> None:
    text = ask_band_sentence(model)  # an ordinary sentence the model asks about
    result = model.classify(text)
    assert result.intent in SAFETY_LABELS and result.score < SafetySettings().confident
    assistant = make_assistant(model, clock, tmp_path)
    turn = assistant.respond_transcript(heard(text))
    assert turn.from_alternative == 0 and turn.reply.action("alert") is None
    assert turn.reply.expects == EXPECTS and turn.score == pytest.approx(result.score)
    pending = assistant.dialogue.pending_safety
    assert pending is not None and pending.from_alternative == 0


def test_one_best_fall_from_real_speech_alerts_at_once(
        model: IntentModel, clock: Clock, broker: EmbeddedBroker, tmp_path: Path) -> None:
    from device.demo import RESIDENT_RATE, RESIDENT_VOICE
    from device.loaders import make_recognizer, make_speaker

    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    resident = make_speaker(settings, voice=RESIDENT_VOICE, rate_wpm=RESIDENT_RATE)
    wav = resident.to_wav("I fell down and I cannot get up", tmp_path / "fell.wav")
    home = HomeServices(settings, tmp_path / "state").start()
    try:
        # the reference transcript from a recognizer of its own (a decoder adapts as it goes)
        reference = make_assistant(model, clock, tmp_path / "ref")
        reference.recognizer = make_recognizer(settings)
        transcript, _ = reference.transcribe(wav)
        assistant = make_assistant(model, clock, tmp_path, alerts=home.alerts)
        assistant.recognizer = make_recognizer(settings)
        turn = assistant.hear(wav)
        assert turn.heard == transcript.text and turn.alternatives == \
            tuple(transcript.alternatives)  # the whole n-best reached the decision
        assert turn.source == str(wav) and "asr" in turn.timings_ms
        assert (turn.intent, turn.from_alternative) == ("fall_report", 0)
        assert turn.hypothesis == turn.heard and len(turn.alerts) == 1
        assert turn.say.endswith("I have told Anna.") and turn.outcomes[0].status == "done"
        assert home.alerts.flush(10.0)
    finally:
        home.stop()


def test_the_setting_bounds_which_alternatives_may_raise_safety(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    transcript = heard("what time is it", "what time is it now", "i have fallen")
    for n_alt in (0, 1):
        assistant = make_assistant(model, clock, tmp_path / str(n_alt), n_alt=n_alt)
        turn = assistant.respond_transcript(transcript)
        assert (turn.intent, turn.from_alternative, turn.hypothesis) == \
            ("time_query", 0, "what time is it")
        assert assistant.dialogue.pending_safety is None and turn.reply.expects is None
    assistant = make_assistant(model, clock, tmp_path / "2", n_alt=2)
    assert assistant.respond_transcript(transcript).reply.text == QUESTION


def test_nothing_heard_is_out_of_scope_without_a_question(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    assistant = make_assistant(model, clock, tmp_path)
    turn = assistant.respond_transcript(heard("", "i have fallen"))
    # an empty 1-best with a fall among the alternatives is still checked, never dropped
    assert (turn.intent, turn.from_alternative) == ("fall_report", 1)
    assert turn.reply.text == QUESTION
    silent = make_assistant(model, clock, tmp_path / "silent").respond_transcript(heard("  "))
    assert (silent.intent, silent.from_alternative, silent.alerts) == ("out_of_scope", 0, ())
    assert silent.reply.expects != EXPECTS and silent.reply.action("alert") is None
    assert silent.reply.text == "Sorry, I did not hear anything. Please say it again."


def test_typed_text_is_classified_as_before(model: IntentModel, clock: Clock,
                                            tmp_path: Path) -> None:
    assistant = make_assistant(model, clock, tmp_path)
    for text in ("what time is it", "good morning"):
        turn = assistant.respond(text)
        expected = model.classify(text)
        assert (turn.intent, turn.score) == (expected.intent, pytest.approx(expected.score))
        assert (turn.heard, turn.hypothesis, turn.from_alternative, turn.alternatives) == \
            (text, text, 0, ())
    fell = assistant.respond("i have fallen")  # typed plain fall: alert at once, as ever
    assert fell.reply.action("alert") is not None and fell.reply.expects is None
    assert fell.to_json()["from_alternative"] == 0


def test_a_pending_check_keeps_its_origin_across_a_restart(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    state = tmp_path / "state" / "safety-pending.json"
    first = make_assistant(model, clock, tmp_path, pending_path=state)
    assert first.respond_transcript(heard("what time is it", "i have fallen")).reply.text == \
        QUESTION
    again = DialogueManager(load_settings(None).care_plan, clock=clock, pending_path=state)
    pending = again.pending_safety
    assert pending is not None and (pending.from_alternative, pending.text) == \
        (1, "i have fallen")
    late = again.expire_pending()
    alert = late.action("alert") if late is not None else None
    assert alert is not None and alert.data["from_alternative"] == 1
    # a state file from before the field existed still loads, as a 1-best check
    old = {k: v for k, v in pending.to_json().items() if k != "from_alternative"}
    assert PendingCheck.from_json(old).from_alternative == 0
    assert PendingCheck.from_json(pending.to_json()) == pending


def test_spoken_settings_default_and_validation() -> None:
    assert Settings().spoken == SpokenSettings(safety_from_alternatives=3)
    assert load_settings(None, sets=["spoken.safety_from_alternatives=0"]) \
        .spoken.safety_from_alternatives == 0
    with pytest.raises(SettingsError, match=r"spoken.safety_from_alternatives must be a whole "
                                            r"number >= 0 \(got -1\)"):
        load_settings(None, sets=["spoken.safety_from_alternatives=-1"])
    with pytest.raises(SettingsError, match="spoken.safety_from_alternatives must be int"):
        settings_from_dict({"spoken": {"safety_from_alternatives": "two"}})
    with pytest.raises(SettingsError, match="spoken.safety_from_alternatives must be int"):
        settings_from_dict({"spoken": {"safety_from_alternatives": True}})
    with pytest.raises(SettingsError, match="unknown setting spoken.nbest"):
        settings_from_dict({"spoken": {"nbest": 2}})
    with pytest.raises(SettingsError, match=">= 0"):
        SpokenSettings(safety_from_alternatives=-3)
    assert Settings().spoken.understood_best == 0.9
    assert load_settings(None, sets=["spoken.understood_best=1"]).spoken.understood_best == 1.0
    for bad in ("0", "1.5", "-0.2"):
        with pytest.raises(SettingsError, match=r"spoken.understood_best must be a "
                                                r"probability in \(0, 1\]"):
            load_settings(None, sets=[f"spoken.understood_best={bad}"])
    with pytest.raises(SettingsError, match="spoken.understood_best must be float"):
        settings_from_dict({"spoken": {"understood_best": "high"}})
    assert Settings().spoken.sounds_like == 80.0
    assert load_settings(None, sets=["spoken.sounds_like=0"]).spoken.sounds_like == 0.0
    for bad in ("-1", "100.5"):
        with pytest.raises(SettingsError, match=r"spoken.sounds_like must be a score in "
                                                r"0..100"):
            load_settings(None, sets=[f"spoken.sounds_like={bad}"])
    with pytest.raises(SettingsError, match="spoken.sounds_like must be float"):
        settings_from_dict({"spoken": {"sounds_like": True}})


def test_an_understood_request_is_not_turned_into_a_safety_question(
        model: IntentModel, clock: Clock, tmp_path: Path,
        ask_band_sentence: Callable[[IntentModel], str]) -> None:
    """"my foot hurts" heard right, with "my fault hurts" (emergency_help between the ask and
    the alert threshold) as the next guess: the resident's words are answered, not doubted;
    with the rule off (understood_best 1.0) the alternative is asked about. (A later model
    scores "my fault hurts" otherwise: the first sentence it puts in that band is used.)"""
    transcript = heard("my foot hurts", ask_band_sentence(model))
    assistant = make_assistant(model, clock, tmp_path / "on")
    turn = assistant.respond_transcript(transcript, source="mic")
    assert (turn.intent, turn.from_alternative) == ("symptom_report", 0)
    assert assistant.dialogue.pending_safety is None and turn.alerts == ()
    off = make_assistant(model, clock, tmp_path / "off")
    off.understood_best = 1.0
    turn = off.respond_transcript(transcript, source="mic")
    assert (turn.intent, turn.from_alternative) == ("emergency_help", 1)
    assert turn.reply.text == "Do you need help, Mary?"
    assert off.dialogue.pending_safety is not None


def test_an_alternative_sharing_the_understood_requests_help_me_is_not_asked_about(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    """Recorded on the command set: "help me um turn the heating up" heard right, with "help
    me i'm too the heating up" next; the "help me" both say is the request's, so the heating
    goes up and no question is asked. A new call word in the alternative is still asked."""
    assistant = make_assistant(model, clock, tmp_path / "a")
    turn = assistant.respond_transcript(
        heard("help me um turn the heating up", "help me i'm too the heating up"), source="mic")
    assert (turn.intent, turn.from_alternative) == ("home_control", 0)
    assert assistant.dialogue.pending_safety is None and turn.alerts == ()
    other = make_assistant(model, clock, tmp_path / "b")
    turn = other.respond_transcript(
        heard("help me um turn the heating up", "help me i can't get up"), source="mic")
    assert turn.intent in SAFETY_LABELS and turn.from_alternative == 1
    assert other.dialogue.pending_safety is not None and turn.alerts == ()


def test_spoken_turns_use_the_models_spoken_ask_threshold(
        clock: Clock, tmp_path: Path, model_copy: Path) -> None:
    """A model whose config.json has spoken_ask: a sentence between the spoken and the typed
    ask threshold is asked about when it is heard and answered when it is typed; the typed
    thresholds are back in place after each spoken turn."""
    folder = model_copy
    text = "i've got a cough"
    p = max(IntentModel.load(folder).classify(text).scores[k] for k in SAFETY_LABELS)
    conf = json.loads((folder / "config.json").read_text())
    typed_ask, spoken_ask = min(0.9, p * 4), p / 2  # the sentence falls between them
    conf["safety_thresholds"] = {k: {"alert": 0.99, "ask": typed_ask} for k in SAFETY_LABELS}
    conf["spoken_ask"] = {"ask": spoken_ask}
    (folder / "config.json").write_text(json.dumps(conf))
    model = IntentModel.load(folder)
    typed = make_assistant(model, clock, tmp_path / "typed")
    turn = typed.respond(text)
    assert turn.intent == "symptom_report" and typed.dialogue.pending_safety is None
    spoken = make_assistant(model, clock, tmp_path / "spoken")
    turn = spoken.respond_transcript(heard(text), source="mic")
    assert turn.intent in SAFETY_LABELS and turn.reply.expects == EXPECTS
    assert "Do you need help" in turn.reply.text and turn.reply.action("alert") is None
    assert spoken.dialogue.confirmer.thresholds is not None
    assert {t.ask for t in spoken.dialogue.confirmer.thresholds.values()} == {typed_ask}
    # typed text on the same assistant keeps the typed threshold
    spoken.respond("no thanks")  # the answer to its question
    assert spoken.dialogue.pending_safety is None
    assert spoken.respond(text).intent == "symptom_report"
    assert spoken.dialogue.pending_safety is None


def test_assistant_rejects_a_negative_alternative_count(model: IntentModel, clock: Clock,
                                                        tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="spoken.safety_from_alternatives"):
        make_assistant(model, clock, tmp_path, n_alt=-1)
    assert not (tmp_path / "events.jsonl").exists()


def test_runtime_records_the_deciding_hypothesis_of_each_spoken_turn(model: IntentModel,
                                                                     tmp_path: Path) -> None:
    from device.loaders import make_speaker

    base = load_settings(example_config_path())
    resident = make_speaker(base, voice="gmw/en-US+m1", rate_wpm=160)
    wavs = [str(resident.to_wav(t, tmp_path / f"u{i}.wav"))
            for i, t in enumerate(("good morning", "I fell down and I cannot get up"))]
    settings = load_settings(example_config_path(), {
        "output.dir": str(tmp_path / "out"), "output.state_dir": str(tmp_path / "state")},
        sets=["input.source=wav", f"input.wav={json.dumps(wavs)}",
              "health.subscribe_sensors=false", "spoken.safety_from_alternatives=1",
              "spoken.understood_best=0.95"])
    lines: list[str] = []
    runtime = Runtime(settings, emit=lines.append, tick_s=0.05, flush_s=5.0)
    summary = asyncio.run(runtime.run())
    assert runtime.assistant is not None and runtime.assistant.safety_from_alternatives == 1
    assert runtime.assistant.understood_best == 0.95
    turns = [json.loads(line) for line in lines if "heard" in line]
    assert [t["source"] for t in turns] == wavs and summary["turns"] == 2
    for t in turns:  # each record says which hypothesis decided, and that it holds
        assert 0 <= t["from_alternative"] <= 1 and isinstance(t["alternatives"], list)
        said = t["alternatives"][t["from_alternative"] - 1] if t["from_alternative"] else \
            t["heard"]
        assert t["hypothesis"] == said
        assert model.classify(said).intent == t["intent"]
    fall = turns[1]
    assert (fall["intent"], fall["from_alternative"]) == ("fall_report", 0)
    assert len(fall["alerts"]) == 1
    assert summary["alerts_raised"] == sum(len(t["alerts"]) for t in turns)
    assert summary["alerts_flushed"]
    # the recognizer's cepstral mean is kept in the state folder for the next start
    cmn = (tmp_path / "state" / "asr_cmn.txt").read_text().strip().split(",")
    assert len(cmn) == 13 and all(abs(float(x)) < 1000 for x in cmn)


def test_safety_words_in_an_alternative_ask_even_when_no_label_says_so(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    """Garbled help words that the model does not label as safety still reach the question
    when they are only in an alternative."""
    alt = "what time is the stroke"
    assert model.classify(alt).intent == "time_query"  # the label alone would pass it over
    assistant = make_assistant(model, clock, tmp_path)
    turn = assistant.respond_transcript(heard("what time is it", "what time is it now", alt))
    assert turn.intent == "emergency_help" and turn.from_alternative == 2
    assert turn.hypothesis == alt and turn.alerts == ()
    assert turn.reply.expects == EXPECTS
    # with the rule and the labels both off for alternatives, the 1-best decides
    plain = make_assistant(model, clock, tmp_path / "b", n_alt=0)
    assert plain.respond_transcript(heard("what time is it", "x", alt)).intent == "time_query"


def test_a_one_best_that_denies_is_not_overruled_by_an_alternative(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    # heard in the benchmark: "well no emergency here" came back as "well no emergency chair"
    # with "well know emergency chair" among the alternatives
    assistant = make_assistant(model, clock, tmp_path)
    turn = assistant.respond_transcript(heard("no i haven't fallen", "now i have fallen"))
    assert turn.from_alternative == 0 and turn.reply.action("alert") is None
    assert turn.reply.expects is None and assistant.dialogue.pending_safety is None


def test_an_alternative_that_is_no_call_raises_nothing(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    # heard in the benchmark: "well my friend betty fell over at school last week" came back
    # as "... met if l over ..." with "... matthew fell over at school last week" second
    assistant = make_assistant(model, clock, tmp_path)
    turn = assistant.respond_transcript(
        heard("what time is it", "my friend matthew fell over at school last week"))
    assert turn.from_alternative == 0 and turn.reply.action("alert") is None
    assert assistant.dialogue.pending_safety is None


# Heard by Whisper in the spoken benchmark's dev part for "my clothes caught fire then": the
# words net and the model read no call in it. ("now the alert might care", for "now then
# alert my carer", served here until the whole-vocabulary student read it as a call itself.)
MISHEARD_CALL = "my clothes got iron in"
MISHEARD_WORDS = "my clothes got iron"
MISHEARD_READING = "my clothes caught fire in"


def test_a_call_misheard_as_near_sounding_words_is_asked_about_then_reaches_the_caregiver(
        model: IntentModel, clock: Clock, broker: EmbeddedBroker, tmp_path: Path) -> None:
    from device.safety import safety_label_of_words

    assert safety_label_of_words(MISHEARD_CALL) is None
    assert model.classify(MISHEARD_CALL).intent not in SAFETY_LABELS
    settings = load_settings(example_config_path(), {"mqtt.url": broker.url})
    home = HomeServices(settings, tmp_path / "state").start()
    caregiver = CaregiverClient(home.mqtt, client_id="sounds-like-caregiver", clean=True).start()
    try:
        assistant = make_assistant(model, clock, tmp_path, alerts=home.alerts)
        turn = assistant.respond_transcript(heard(MISHEARD_CALL, "my clothes got ironed in"))
        assert turn.intent == "emergency_help" and turn.alerts == ()
        # one past the alternatives used: a reading, asked about like an alternative
        assert (turn.from_alternative, turn.hypothesis) == (2, MISHEARD_READING)
        assert turn.reply.text == "Do you need help, Mary?" and turn.reply.expects == EXPECTS
        assert turn.safety == "ask"
        pending = assistant.dialogue.pending_safety
        assert pending is not None and pending.sounds_like == MISHEARD_WORDS
        assert PendingCheck.from_json(json.loads(json.dumps(pending.to_json()))) == pending
        answer = assistant.respond_transcript(heard("yes please"))
        assert len(answer.alerts) == 1
        assert home.alerts.flush(10.0)
        got = caregiver.wait_for(1, timeout_s=10.0)
        assert [a.id for a in got] == list(answer.alerts)
        # the caregiver reads the call as understood and the words really heard
        assert f'"{MISHEARD_READING}"' in got[0].reason
        assert f'heard "{MISHEARD_WORDS}", which sounds like it' in got[0].reason
    finally:
        caregiver.stop()
        home.stop()
    log = events(tmp_path / "events.jsonl")
    assert log[0]["type"] == "safety_check" and log[0]["sounds_like"] == MISHEARD_WORDS
    assert f'heard "{MISHEARD_WORDS}"' in str(log[0]["reason"])
    assert log[1]["kind"] == "alert" and log[1]["sounds_like"] == MISHEARD_WORDS


def test_a_reading_never_alerts_at_once_even_unasked(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    """With confirm off a doubtful call alerts at once, like an alternative's."""
    settings = load_settings(example_config_path())
    dialogue = DialogueManager(settings.care_plan, clock=clock,
                               safety=SafetySettings(confirm=False))
    assistant = Assistant(model, dialogue, ActionExecutor("Mary"), safety_from_alternatives=3)
    turn = assistant.respond_transcript(heard(MISHEARD_CALL))
    alert = turn.reply.action("alert")
    assert alert is not None and turn.from_alternative == 1
    assert alert.data["sounds_like"] == MISHEARD_WORDS
    assert f'heard "{MISHEARD_WORDS}", which sounds like it' in str(alert.data["reason"])


@pytest.mark.parametrize("n_alt, sounds_like", [(3, 0.0), (0, 80.0), (3, None)])
def test_sounds_like_off_or_without_alternatives_reads_nothing(
        model: IntentModel, clock: Clock, tmp_path: Path, n_alt: int,
        sounds_like: float | None) -> None:
    settings = load_settings(example_config_path())
    dialogue = DialogueManager(settings.care_plan, clock=clock)
    assistant = Assistant(model, dialogue, ActionExecutor("Mary"),
                          safety_from_alternatives=n_alt, sounds_like=sounds_like)
    turn = assistant.respond_transcript(heard(MISHEARD_CALL))
    assert turn.from_alternative == 0 and turn.safety == "answer"
    assert turn.reply.expects != EXPECTS and assistant.dialogue.pending_safety is None


@pytest.mark.parametrize("text", [
    "nothing like that i haven't fallen",  # a denial is read as it is
    "my friend matthew fell over at school last week",  # someone else
    "turn the heating up a bit please love", "what time is it",
])
def test_no_reading_where_the_words_say_no_call(model: IntentModel, clock: Clock,
                                                tmp_path: Path, text: str) -> None:
    assistant = make_assistant(model, clock, tmp_path, n_alt=3)
    turn = assistant.respond_transcript(heard(text))
    assert turn.from_alternative == 0 and assistant.dialogue.pending_safety is None


def test_no_reading_for_the_answer_to_the_safety_question(
        model: IntentModel, clock: Clock, tmp_path: Path) -> None:
    assistant = make_assistant(model, clock, tmp_path, n_alt=3)
    assert assistant.respond_transcript(heard("what time is it", "i have fallen")) \
        .reply.expects == EXPECTS
    answer = assistant.respond_transcript(heard("no i am fine", MISHEARD_CALL))
    assert (answer.intent, answer.from_alternative) == ("deny", 0)
    assert assistant.dialogue.pending_safety is None


def test_a_missing_pronunciation_dictionary_stops_the_start(
        model: IntentModel, clock: Clock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The dictionary is read when the pipeline is built: a missing one is a clear error
    there, not a turn that fails later."""
    import speech.sounds_like as sl

    monkeypatch.setattr(sl, "default_dictionary", lambda: tmp_path / "gone.dict")
    sl.shared_reader.cache_clear()
    try:
        settings = load_settings(example_config_path())
        with pytest.raises(FileNotFoundError, match="pronunciation dictionary not found"):
            Assistant(model, DialogueManager(settings.care_plan), ActionExecutor("Mary"),
                      sounds_like=80.0)
        # off: nothing is read
        Assistant(model, DialogueManager(settings.care_plan), ActionExecutor("Mary"),
                  recognizer=object(), sounds_like=0.0)
    finally:
        sl.shared_reader.cache_clear()


def test_a_sounds_like_score_out_of_range_is_refused(model: IntentModel) -> None:
    settings = load_settings(example_config_path())
    with pytest.raises(ValueError, match="sounds_like must be a score in 0..100"):
        Assistant(model, DialogueManager(settings.care_plan), ActionExecutor("Mary"),
                  sounds_like=120.0)


def test_a_failing_sounds_like_reader_costs_no_turn_and_no_plain_call(
        model: IntentModel, clock: Clock, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    """The reader runs on every spoken transcript whose words are not a call: when it fails
    (a board once lacked its package), ordinary turns are answered and plain calls alert
    as without it, and each failure is logged with its cause and counted."""
    working = make_assistant(model, clock, tmp_path / "working")
    assert working._sounds_like_reader is not None  # on by default (spoken.sounds_like)
    read = working.respond_transcript(heard(MISHEARD_CALL))
    assert read.intent == "emergency_help" and working.dialogue.pending_safety is not None

    class Broken:
        def match(self, text: str) -> None:
            raise ModuleNotFoundError("No module named 'rapidfuzz'")

    assistant = make_assistant(model, clock, tmp_path / "broken")
    assistant._sounds_like_reader = Broken()
    with caplog.at_level("ERROR", logger="device.pipeline"):
        light = assistant.respond_transcript(heard("turn on the kitchen light"))
        misheard = assistant.respond_transcript(heard(MISHEARD_CALL))
        fell = assistant.respond_transcript(heard("help i've fallen"))
    assert light.intent == "home_control" and light.reply.text
    assert misheard.intent != "emergency_help" and misheard.alerts == ()
    assert assistant.dialogue.pending_safety is None
    assert fell.intent == "fall_report" and fell.reply.action("alert") is not None
    assert assistant.sounds_like_errors == 2
    failures = [r for r in caplog.records if "sounds-like reading" in r.getMessage()]
    assert len(failures) == 2 and all(r.exc_info for r in failures)


def test_spoken_turns_use_the_models_spoken_alert_threshold(
        clock: Clock, tmp_path: Path, model_copy: Path) -> None:
    """A model whose config.json's spoken_ask has an alert: a sentence between the typed and
    the spoken alert threshold alerts at once when it is typed and is asked about when it is
    heard (a recognizer's words alert no more readily than typed ones)."""
    folder = model_copy
    text = "set the heating to twenty"
    p = max(IntentModel.load(folder).classify(text).scores[k] for k in SAFETY_LABELS)
    conf = json.loads((folder / "config.json").read_text())
    typed_alert, spoken_alert = p * 0.95, p + (1 - p) / 2  # the sentence falls between them
    conf["safety_thresholds"] = {k: {"alert": typed_alert, "ask": p / 4} for k in SAFETY_LABELS}
    conf["spoken_ask"] = {"ask": p / 4, "alert": spoken_alert}
    (folder / "config.json").write_text(json.dumps(conf))
    model = IntentModel.load(folder)
    assert model.config.spoken_alert == spoken_alert
    assert {a for a, _ in model.spoken().safety_thresholds.values()} == {spoken_alert}
    assert {a for a, _ in model.safety_thresholds.values()} == {typed_alert}
    typed = make_assistant(model, clock, tmp_path / "typed")
    assert typed.respond(text).reply.action("alert") is not None
    spoken = make_assistant(model, clock, tmp_path / "spoken")
    turn = spoken.respond_transcript(heard(text), source="mic")
    assert turn.intent in SAFETY_LABELS and turn.reply.expects == EXPECTS
    assert "Do you need help" in turn.reply.text and turn.reply.action("alert") is None
    assert spoken.dialogue.pending_safety is not None


@pytest.mark.parametrize("spoken", [{"ask": 0.1, "alert": 0.5}, {"ask": 0.1, "alert": 1.5},
                                    {"ask": 0.1, "alert": "high"}, {"ask": 0.1, "alert": True}])
def test_a_spoken_alert_under_the_typed_one_or_not_a_probability_is_refused(
        model_copy: Path, spoken: dict[str, object]) -> None:
    from device.intent import IntentModelError

    conf = json.loads((model_copy / "config.json").read_text())
    conf["safety_thresholds"] = {k: {"alert": 0.9, "ask": 0.2} for k in SAFETY_LABELS}
    conf["spoken_ask"] = spoken
    (model_copy / "config.json").write_text(json.dumps(conf))
    with pytest.raises(IntentModelError, match="spoken_ask.alert"):
        IntentModel.load(model_copy)
