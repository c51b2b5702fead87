"""Recognizers: real pocketsphinx on real recordings and TTS, real vosk with the Korean model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from speech.asr import (
    EngineUnavailable,
    Partial,
    Transcript,
    Word,
    create_recognizer,
    transcribe_clip,
    transcribe_file,
)
from speech.audio import AudioClip, chunk_bytes, read_wav
from speech.metrics import wer
from speech.tts import Speaker


@pytest.fixture(scope="module")
def general():  # type: ignore[no-untyped-def]
    return create_recognizer("pocketsphinx-general")


@pytest.fixture(scope="module")
def domain():  # type: ignore[no-untyped-def]
    return create_recognizer("pocketsphinx")


def test_messages_round_trip() -> None:
    tr = Transcript(text="i fell", seconds=1.5, rtf=0.05, confidence=0.8, engine="x",
                    words=[Word("i", 0.1, 0.2, 0.9), Word("fell", 0.2, 0.6, None)],
                    alternatives=["i fail", "i felt"])
    back = Transcript.from_json(tr.to_json())
    assert back == tr
    assert Partial.from_json(Partial("i fe", 0.4).to_json()) == Partial("i fe", 0.4)
    assert set(tr.to_json()) >= {"text", "seconds", "rtf", "words", "confidence", "alternatives"}
    # a transcript written before alternatives existed still reads
    old = {k: v for k, v in tr.to_json().items() if k != "alternatives"}
    assert Transcript.from_json(old).alternatives == []


def test_general_lm_decodes_real_recordings(general, librivox) -> None:  # type: ignore[no-untyped-def]
    edits = words = 0
    for path, ref in librivox.values():
        tr = transcribe_clip(general, read_wav(path))
        hyp = tr.text.replace("mr ", "mister ")  # CMUdict spelling of the reference word
        edits += round(wer(ref, hyp) * len(ref.split()))
        words += len(ref.split())
        assert tr.seconds == pytest.approx(read_wav(path).seconds, abs=0.01)
        assert tr.rtf > 0
        starts = [w.start for w in tr.words]
        assert starts == sorted(starts) and all(w.end > w.start for w in tr.words)
        assert all(0.0 <= (w.conf or 0.0) <= 1.0 for w in tr.words)
    assert edits / words <= 0.4  # about 0.32 here; pocketsphinx's usual level on LibriVox


def test_domain_lm_decodes_spoken_fall_report(domain, general, pad, piper_speaker) -> None:  # type: ignore[no-untyped-def]
    # Piper's neural voice (the TTS quality extra) sounds human enough for the en-US
    # acoustic model; espeak-ng's formant voice is far harder (see bench speech).
    text = "i fell down and i cannot get up"
    clip = piper_speaker.synthesize(text, 16000)
    audio = AudioClip(pad(clip.samples, 0.5, 0.5), 16000)
    tr = transcribe_clip(domain, audio)
    assert tr.text == text
    assert tr.confidence is not None and tr.confidence > 0.5
    # the general LM may or may not get it; the domain LM must
    general_tr = transcribe_clip(general, audio)
    assert wer(text, tr.text) <= wer(text, general_tr.text)


def test_open_engine_falls_back_to_general_lm(librivox) -> None:  # type: ignore[no-untyped-def]
    # out-of-domain speech scores poorly on the domain LM and is decoded again generally
    rec = create_recognizer("pocketsphinx-open")
    path, ref = librivox["sense_and_sensibility_01_austen_64kb-0930"]
    tr = transcribe_clip(rec, read_wav(path))
    assert rec.last_source == "general"  # type: ignore[attr-defined]
    assert wer(ref, tr.text) <= 0.5, tr.text
    assert tr.engine == "pocketsphinx-open"


def test_partials_arrive_before_final(domain, librivox) -> None:  # type: ignore[no-untyped-def]
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0890"]
    events = list(domain.stream(chunk_bytes(read_wav(path), 100)))
    assert isinstance(events[-1], Transcript)
    partials = [e for e in events[:-1] if isinstance(e, Partial)]
    assert len(partials) >= 2 and len(events) == len(partials) + 1
    assert all(p.text for p in partials)
    assert partials[0].seconds < partials[-1].seconds <= events[-1].seconds
    assert events[-1].text


def test_reset_and_odd_chunks(domain) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="odd number of bytes"):
        domain.accept(b"\x00\x00\x00")
    domain.accept(b"\x00\x00" * 1600)
    domain.reset()
    tr = domain.final()
    assert tr.text == "" and tr.seconds == 0.0


def test_transcribe_file_any_rate(tmp_path: Path, librivox) -> None:  # type: ignore[no-untyped-def]
    import wave

    import soxr

    path, ref = librivox["sense_and_sensibility_01_austen_64kb-0880"]
    clip = read_wav(path)
    up = soxr.resample(clip.samples.astype(np.float32), 16000, 44100).astype(np.int16)
    out = tmp_path / "44k_stereo.wav"
    with wave.open(str(out), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(np.repeat(up[:, None], 2, axis=1).tobytes())
    tr = transcribe_file(out, engine="pocketsphinx-general")
    assert tr.seconds == pytest.approx(clip.seconds, abs=0.01)
    assert wer(ref, tr.text) <= 0.5, tr.text


def test_unknown_and_missing_engines() -> None:
    with pytest.raises(EngineUnavailable, match="unknown ASR engine"):
        create_recognizer("nope")
    with pytest.raises(EngineUnavailable, match="model.bin"):
        create_recognizer("whisper", model="/tmp")
    with pytest.raises(EngineUnavailable, match="model directory"):
        create_recognizer("vosk", model=None)
    with pytest.raises(EngineUnavailable, match="not a vosk model"):
        create_recognizer("vosk", model="/tmp")
    with pytest.raises(EngineUnavailable, match="not found"):
        create_recognizer("pocketsphinx", model="/no/such/lm")


@pytest.fixture(scope="module")
def vosk_ko() -> Path:
    pytest.importorskip("vosk")
    from speech.asr_vosk import packaged_model_dir

    try:
        return packaged_model_dir("ko")
    except EngineUnavailable as exc:
        pytest.skip(str(exc))


def test_vosk_korean_model_decodes(vosk_ko: Path, librivox: dict) -> None:
    rec = create_recognizer("vosk", model=vosk_ko)
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0880"]
    events = list(rec.stream(chunk_bytes(read_wav(path), 100)))
    tr = events[-1]
    assert isinstance(tr, Transcript) and tr.engine == "vosk"
    assert any(isinstance(e, Partial) for e in events[:-1])
    assert tr.text and tr.words  # English audio, Korean words: the code path is what counts
    assert " ".join(w.word for w in tr.words) == tr.text
    for w in tr.words:
        assert 0.0 <= w.start < w.end <= tr.seconds + 0.05
        assert w.conf is not None and 0.0 <= w.conf <= 1.0
    assert tr.confidence is not None
    # a second utterance on the same recognizer works after final()
    assert isinstance(transcribe_clip(rec, read_wav(path)), Transcript)


def test_vosk_runtime_grammar(vosk_ko: Path, librivox: dict,
                              pad: Callable[..., np.ndarray]) -> None:
    free = create_recognizer("vosk", model=vosk_ko)
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0880"]
    words = transcribe_clip(free, read_wav(path)).text.split()
    allowed = sorted(set(words))[:2]
    rec = create_recognizer("vosk", model=vosk_ko, grammar=allowed)
    tr = transcribe_clip(rec, read_wav(path))
    assert set(tr.text.split()) <= set(allowed)
    rec.set_grammar(None)
    assert transcribe_clip(rec, read_wav(path)).text


def test_domain_engine_settings_and_benchmark_variants_differ() -> None:
    from speech.asr_pocketsphinx import FAST_SEARCH, MID_SEARCH, WIDE_SETTINGS

    def beams(rec) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
        return rec._dec.config["beam"], rec._dec.config["maxhmmpf"], rec.nbest

    default = create_recognizer("pocketsphinx")
    assert beams(default) == (MID_SEARCH["beam"], MID_SEARCH["maxhmmpf"], 2)
    # explicit settings override the defaults (the benchmark compares them in one run)
    assert beams(create_recognizer("pocketsphinx", fast=True, **FAST_SEARCH, nbest=0)) == (
        FAST_SEARCH["beam"], FAST_SEARCH["maxhmmpf"], 0)
    assert beams(create_recognizer("pocketsphinx", **WIDE_SETTINGS)) == (1e-48, 30000, 2)
    assert beams(create_recognizer("pocketsphinx-open")) == beams(default)


def test_cmn_warmup_holds_the_first_seconds_then_streams(librivox) -> None:  # type: ignore[no-untyped-def]
    from speech.asr_pocketsphinx import DOMAIN_SETTINGS

    warm_s = DOMAIN_SETTINGS["cmn_warmup_s"]
    assert warm_s > 0
    rec = create_recognizer("pocketsphinx")
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0890"]
    clip = read_wav(path)
    assert clip.seconds > warm_s + 1
    events = list(rec.stream(chunk_bytes(clip, 100)))
    partials = [e for e in events if isinstance(e, Partial)]
    assert partials and partials[0].seconds >= warm_s  # nothing decoded while held
    final = events[-1]
    assert isinstance(final, Transcript) and len(final.text.split()) >= 5
    # the held audio is decoded too: the first words are there, as without the warm-up
    cold = create_recognizer("pocketsphinx", cmn_warmup_s=0.0)
    plain = transcribe_clip(cold, clip, pad_s=0.0)
    assert final.words[0].start < warm_s and plain.words[0].start < warm_s
    assert wer(plain.text, final.text) <= 0.5


def test_cmn_warmup_short_utterance_and_reset(pad) -> None:  # type: ignore[no-untyped-def]
    rec = create_recognizer("pocketsphinx")
    clip = Speaker(rate_wpm=170).synthesize("help me", 16000)
    audio = AudioClip(pad(clip.samples, 0.2, 0.2), 16000)
    assert audio.seconds < 1.5  # ends inside the warm-up: decoded whole at the final
    tr = transcribe_clip(rec, audio, pad_s=0.0)
    # decoded at the final, through to the end of the speech (the words may be misheard:
    # espeak-ng's voice is hard for the en-US model)
    assert tr.text and tr.words and tr.words[-1].end > audio.seconds / 2
    rec.accept(b"\x00\x00" * 8000)  # half a second held, then dropped
    rec.reset()
    assert rec.final().text == ""
    with pytest.raises(ValueError, match="cmn_warmup_s"):
        create_recognizer("pocketsphinx", cmn_warmup_s=-1.0)


def test_cepstral_mean_is_kept_across_restarts(tmp_path: Path, librivox, caplog) -> None:  # type: ignore[no-untyped-def]
    from speech.asr_pocketsphinx import CMN_DIMS, read_cmn

    state = tmp_path / "state" / "asr_cmn.txt"
    first = create_recognizer("pocketsphinx", cmn_file=state)
    default = first._dec.get_cmn(False)  # type: ignore[attr-defined]
    path, _ref = librivox["sense_and_sensibility_01_austen_64kb-0890"]
    transcribe_clip(first, read_wav(path))
    saved = read_cmn(state)
    assert saved is not None and len(saved.split(",")) == CMN_DIMS and saved != default
    # a restart: the new decoder starts from the saved mean, not the model's default
    again = create_recognizer("pocketsphinx", cmn_file=state)
    now = [float(x) for x in again._dec.get_cmn(False).split(",")]  # type: ignore[attr-defined]
    assert np.allclose(now, [float(x) for x in saved.split(",")], atol=1e-3)

    # a damaged file is ignored with a warning, never fatal
    for bad in ("", "1,2,3", ",".join(["nan"] * CMN_DIMS), "not numbers at all"):
        state.write_text(bad)
        with caplog.at_level("WARNING"):
            rec = create_recognizer("pocketsphinx", cmn_file=state)
        assert rec._dec.get_cmn(False) == default  # type: ignore[attr-defined]
    assert "ignoring the saved cepstral mean" in caplog.text
    # a folder that cannot be written: recognition goes on, the failure is logged
    blocker = tmp_path / "file"
    blocker.write_text("x")
    rec = create_recognizer("pocketsphinx", cmn_file=blocker / "asr_cmn.txt")
    assert transcribe_clip(rec, read_wav(path)).text
    assert "could not save the cepstral mean" in caplog.text


def test_word_error_rate_counts_whole_word_edits() -> None:
    from speech.metrics import edit_distance

    assert wer("turn on the light", "turn on the light") == 0.0
    assert wer("turn on the light", "turn the light on") == 0.5  # a deletion, an insertion
    assert wer("i've fallen", "i fallen over") == 1.0  # a substitution, an insertion
    assert wer("help", "") == 1.0 and wer("", "help") == 1.0
    assert edit_distance(["cat"], ["cats"]) == 1  # words, not characters
    assert edit_distance(("a", "b", "c"), ["a", "x", "c", "d"]) == 2
