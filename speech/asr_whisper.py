"""faster-whisper engine: Whisper base (default) or tiny.en, int8 on CPU, CUDA when present.

Whisper is not a streaming model: audio is held and decoded at ``final()``; no partials.
An utterance of up to 30 s (a spoken command) is one Whisper window, decoded here with
CTranslate2's beam search directly so that the beam's other hypotheses come back as the
transcript's n-best alternatives at no extra cost; a longer one goes through
faster-whisper's own ``transcribe`` (1-best only). Decoding follows docs/speech.md: beam 5,
no timestamps, no conditioning on earlier text, temperature 0, no initial prompt by default
(``prompt``: measured on the dev care commands, a care-vocabulary prompt heard worse and
put its own words into what was said; docs/speech.md, "Other ways to decode with
Whisper").

The model is a local folder (``speech.whisper_models``: "base", "tiny.en", or a path);
it is loaded once per process and shared by every recognizer made with the same settings.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from speech.asr import EngineUnavailable, Recognizer, Word
from speech.audio import DEFAULT_RATE

__all__ = ["SILENCE_DBFS", "WHISPER_RATE", "DecodeOptions", "WhisperRecognizer", "choose_device",
           "load_model", "loudest_frame_dbfs"]

log = logging.getLogger(__name__)
ENV_MODEL = "ELDERCARE_WHISPER_MODEL"
WHISPER_RATE = 16000
WINDOW_S = 30.0
# faster-whisper's own rule for a window without speech: a high no-speech probability and
# a poorly scored text together (its no_speech_threshold and log_prob_threshold).
NO_SPEECH_PROB = 0.6
NO_SPEECH_LOGPROB = -1.0
# Audio whose loudest 30 ms frame stays under this RMS (dBFS) holds no sound at all (digital
# silence, a muted input): Whisper is not asked, since on such audio it makes up words
# ("you", "yeah": faster-whisper's no-speech rule lets them through, their score is not
# poor). Speech, even whispered at the far side of a room, and any microphone's own noise
# are louder than this (docs/speech.md, "Silence").
SILENCE_DBFS = -70.0
_FRAME_S = 0.03


@dataclass(frozen=True)
class DecodeOptions:
    """How an utterance is decoded."""

    beam_size: int = 5
    nbest: int = 3
    """Hypotheses of the beam to return as alternatives (0: none); at most beam_size - 1."""
    language: str = "en"
    max_new_tokens: int = 96
    """A spoken command is a few dozen tokens; a cap bounds a hallucinated loop."""
    tokens_per_s: float = 8.0
    """Tokens allowed per second of audio (plus 10), within max_new_tokens: speech is 3 to 4
    tokens a second, so a longer text is a loop. Generous, because the beam search ends
    early when its cap is near (4 a second cut the end off a read sentence)."""
    min_window_s: float = 30.0
    """The encoder sees the utterance and ``pad_s`` of silence, at least this many seconds;
    30 (the default): Whisper's full window, as it was trained. The encoder's cost grows
    with its input: a 10 s window decoded the care commands about four times faster with
    the same word error rate, but heard 8 fewer of 164 spoken calls for help
    (docs/speech.md), so the full window stays the default."""
    pad_s: float = 2.0
    prompt: str = ""
    """Text Whisper reads as what came before the utterance (its "initial prompt"); "": none,
    the default. Measured on the dev care commands, a prompt of ordinary care requests
    raised word errors and false safety, and one with a call for help in it had Whisper
    hear that call in an ordinary request (docs/speech.md, "Other ways to decode with
    Whisper")."""
    no_repeat_ngram_size: int = 3
    """No three-token sequence may repeat (0: off): a hallucinated loop ("get me an ambulance
    get me an ambulance ...") ends at once; on the care commands it changed no decision."""

    def __post_init__(self) -> None:
        if not 1 <= self.beam_size <= 16:
            raise ValueError(f"whisper beam_size must be 1..16, not {self.beam_size}")
        if not 0 <= self.nbest < max(2, self.beam_size):
            raise ValueError(f"whisper nbest must be 0..beam_size-1, not {self.nbest}")
        if not 1.0 <= self.min_window_s <= WINDOW_S or not 0.0 <= self.pad_s <= WINDOW_S:
            raise ValueError(f"whisper min_window_s must be 1..30 and pad_s 0..30 (got "
                             f"{self.min_window_s}, {self.pad_s})")
        if self.no_repeat_ngram_size < 0 or self.tokens_per_s <= 0:
            raise ValueError("whisper no_repeat_ngram_size must be >= 0 and tokens_per_s > 0")

    def frames(self, n_frames: int) -> int:
        """Encoder frames (100 a second) for an utterance of `n_frames`."""
        want = max(self.min_window_s * 100, n_frames + self.pad_s * 100)
        return int(min(WINDOW_S * 100, want))

    def token_cap(self, seconds: float) -> int:
        """New tokens allowed for `seconds` of audio."""
        return max(1, min(self.max_new_tokens, int(self.tokens_per_s * seconds) + 10))


def _faster_whisper() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import faster_whisper
    except ImportError:
        raise EngineUnavailable(
            "the whisper engine needs faster-whisper: install the edge extra (make setup, "
            "or pip install faster-whisper==1.2.1)") from None
    return faster_whisper


def choose_device(cuda_devices: int | None = None) -> tuple[str, str]:
    """("cuda", "int8_float16") when CTranslate2 sees a CUDA device (a Jetson with
    CTranslate2 built for CUDA), else ("cpu", "int8").

    Args:
        cuda_devices: the count to decide on (None: ask CTranslate2).
    """
    if cuda_devices is None:
        try:
            import ctranslate2
        except ImportError:
            raise EngineUnavailable("the whisper engine needs ctranslate2: install the edge "
                                    "extra (make setup)") from None
        cuda_devices = ctranslate2.get_cuda_device_count()
    return ("cuda", "int8_float16") if cuda_devices > 0 else ("cpu", "int8")


def resolve_model(model: str | Path | None) -> Path:
    """A model folder for `model`: None ($ELDERCARE_WHISPER_MODEL, else base), "base",
    "tiny.en", or a folder holding model.bin."""
    from speech.whisper_models import MODELS, model_dir

    name = str(model) if model is not None else os.environ.get(ENV_MODEL, "base")
    path = Path(name).expanduser()
    if name in MODELS or (path.name in MODELS and not path.exists()):
        # a config file's "base" arrives resolved against the config's folder
        return model_dir(path.name)
    if not (path / "model.bin").is_file():
        raise EngineUnavailable(f"whisper model {name!r}: give base, tiny.en or a CTranslate2 "
                                "folder with model.bin")
    return path


@functools.lru_cache(maxsize=4)
def load_model(path: str, device: str, compute_type: str, threads: int) -> Any:
    """One faster_whisper.WhisperModel per (folder, device, type, threads) per process."""
    fw = _faster_whisper()
    log.info("loading Whisper %s on %s (%s, %d threads)", path, device, compute_type, threads)
    return fw.WhisperModel(path, device=device, compute_type=compute_type,
                           cpu_threads=threads, local_files_only=True)


class WhisperRecognizer(Recognizer):
    """faster-whisper behind the streaming interface (decodes at the end of the utterance).

    Args:
        model: "base" (default), "tiny.en" or a CTranslate2 folder (resolve_model).
        sample_rate: Hz of the PCM fed in; other rates than 16 kHz are resampled (soxr).
        threads: CPU threads of CTranslate2 (``asr.threads``).
        language: the resident's language ("en", "zh"); English-only models take "en".
        beam_size, nbest, min_window_s, prompt: see DecodeOptions.
        device: "auto" (choose_device), "cpu" or "cuda".
    """

    name = "whisper"

    def __init__(self, model: str | Path | None = None, sample_rate: int = DEFAULT_RATE,
                 threads: int = 2, language: str = "en", beam_size: int = 5, nbest: int = 3,
                 device: str = "auto", min_window_s: float = 30.0, prompt: str = "") -> None:
        super().__init__(sample_rate)
        if threads < 1:
            raise ValueError(f"whisper threads must be >= 1, not {threads}")
        if device not in ("auto", "cpu", "cuda"):
            raise ValueError(f"whisper device must be auto, cpu or cuda, not {device!r}")
        self.options = DecodeOptions(beam_size=beam_size, nbest=nbest, language=language,
                                     min_window_s=min_window_s, prompt=prompt.strip())
        self.model_path = resolve_model(model)
        dev, ctype = choose_device() if device == "auto" else \
            (device, "int8_float16" if device == "cuda" else "int8")
        self.device, self.compute_type = dev, ctype
        self._model = load_model(str(self.model_path), dev, ctype, threads)
        if not self._model.model.is_multilingual and language != "en":
            raise ValueError(f"whisper model {self.model_path} is English-only; "
                             f"language {language!r} needs a multilingual one (base)")
        fw = _faster_whisper()
        from faster_whisper.tokenizer import Tokenizer

        self._tokenizer = Tokenizer(self._model.hf_tokenizer, self._model.model.is_multilingual,
                                    task="transcribe", language=language)
        self._suppress = fw.transcribe.get_suppressed_tokens(self._tokenizer, (-1,))
        self._prompt = self._model.get_prompt(self._tokenizer, self._prompt_tokens(),
                                              without_timestamps=True)
        self._buf: list[bytes] = []
        self._nbest: list[str] = []
        self.no_speech_prob: float | None = None
        """The last window's no-speech probability (None: not decoded by a window)."""

    def _prompt_tokens(self) -> list[int]:
        """The prompt's tokens; a prompt longer than Whisper keeps (half its context, less
        one) is refused, not cut."""
        if not self.options.prompt:
            return []
        tokens = list(self._tokenizer.encode(" " + self.options.prompt))
        room = self._model.max_length // 2 - 1
        if len(tokens) > room:
            raise ValueError(f"whisper prompt is {len(tokens)} tokens; Whisper keeps at most "
                             f"{room}: shorten it")
        return tokens

    def _accept(self, pcm: bytes) -> str | None:
        self._buf.append(pcm)
        return None

    def _audio(self) -> np.ndarray:
        audio = np.frombuffer(b"".join(self._buf), dtype="<i2").astype(np.float32) / 32768.0
        self._buf = []
        if self.sample_rate != WHISPER_RATE and audio.size:
            import soxr

            audio = soxr.resample(audio, self.sample_rate, WHISPER_RATE, quality="HQ")
        return np.ascontiguousarray(audio, dtype=np.float32)

    def _final(self) -> tuple[str, list[Word], float | None]:
        audio = self._audio()
        self._nbest, self.no_speech_prob = [], None
        if audio.size < WHISPER_RATE // 10:  # under 0.1 s: nothing to hear
            return "", [], None
        if loudest_frame_dbfs(audio) < SILENCE_DBFS:
            log.info("whisper: %.1f s of silence (loudest frame under %.0f dBFS), not decoded",
                     audio.size / WHISPER_RATE, SILENCE_DBFS)
            return "", [], None
        if audio.size > WINDOW_S * WHISPER_RATE:
            return self._long(audio)
        return self._window(audio)

    def _window(self, audio: np.ndarray) -> tuple[str, list[Word], float | None]:
        from faster_whisper.audio import pad_or_trim

        m, opt = self._model, self.options
        raw = m.feature_extractor(audio)[..., :-1]
        features = np.ascontiguousarray(pad_or_trim(raw)[..., :opt.frames(raw.shape[-1])])
        encoded = m.encode(features)
        res = m.model.generate(
            encoded, [self._prompt], beam_size=opt.beam_size,
            num_hypotheses=max(1, min(opt.beam_size, opt.nbest + 1)),
            max_length=len(self._prompt) + opt.token_cap(audio.size / WHISPER_RATE),
            return_scores=True, return_no_speech_prob=True, suppress_blank=True,
            suppress_tokens=self._suppress, length_penalty=1.0,
            no_repeat_ngram_size=opt.no_repeat_ngram_size)[0]
        self.no_speech_prob = float(res.no_speech_prob)
        texts = [self._tokenizer.decode(ids).strip() for ids in res.sequences_ids]
        n_tok = len(res.sequences_ids[0])
        avg_logprob = float(res.scores[0]) * n_tok / (n_tok + 1)
        if self.no_speech_prob > NO_SPEECH_PROB and avg_logprob < NO_SPEECH_LOGPROB:
            return "", [], None
        text = _normalise(texts[0])
        seen = {text}
        for alt in map(_normalise, texts[1:]):
            if alt and alt not in seen:
                seen.add(alt)
                self._nbest.append(alt)
        seconds = audio.size / WHISPER_RATE
        conf = float(np.exp(avg_logprob))
        words = [Word(word=w, start=0.0, end=seconds, conf=None) for w in text.split()]
        return text, words, conf

    def _long(self, audio: np.ndarray) -> tuple[str, list[Word], float | None]:
        opt = self.options
        segments, _info = self._model.transcribe(
            audio, language=opt.language, beam_size=opt.beam_size, temperature=0.0,
            without_timestamps=True, condition_on_previous_text=False,
            initial_prompt=opt.prompt or None)
        parts = [s for s in segments if s.no_speech_prob <= NO_SPEECH_PROB
                 or s.avg_logprob >= NO_SPEECH_LOGPROB]
        text = _normalise(" ".join(s.text for s in parts))
        if not text:
            return "", [], None
        conf = float(np.exp(np.mean([s.avg_logprob for s in parts])))
        return text, [Word(word=w, start=0.0, end=0.0) for w in text.split()], conf

    def _alternatives(self, text: str) -> list[str]:
        return list(self._nbest)

    def _reset(self) -> None:
        self._buf = []
        self._nbest = []


def loudest_frame_dbfs(audio: np.ndarray, rate: int = WHISPER_RATE) -> float:
    """RMS level of the loudest 30 ms frame of float `audio` (full scale 1.0), in dBFS
    (-inf for digital silence)."""
    n = max(1, int(_FRAME_S * rate))
    frames = audio[: audio.size // n * n].reshape(-1, n) if audio.size >= n else audio[None, :]
    peak = float(np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1)).max())
    return 20.0 * float(np.log10(peak)) if peak > 0 else float("-inf")


_KEEP = str.maketrans({c: " " for c in ".,!?;:\"()[]{}…—–-"})


def _normalise(text: str) -> str:
    """Lower case words without punctuation, as the other engines and the intent model's
    training sentences have them ("I've fallen." -> "i've fallen", "ill-disposed"
    -> "ill disposed")."""
    return " ".join(text.lower().translate(_KEEP).split())
