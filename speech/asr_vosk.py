"""Vosk (Kaldi) engine: the production recognizer, fed a model directory from the bundle.

Model directory: the ``model`` argument, else ``$ELDERCARE_VOSK_MODEL``. An optional
runtime grammar (a list of phrases, e.g. the intent sentences) restricts decoding on models
with a dynamic graph (``graph/HCLr.fst`` + ``graph/Gr.fst``); "[unk]" is always allowed.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from speech.asr import EngineUnavailable, Recognizer, Word
from speech.audio import DEFAULT_RATE

ENV_MODEL = "ELDERCARE_VOSK_MODEL"


def packaged_model_dir(language: str = "ko") -> Path:
    """Model folder of an installed ``vosk-model-<language>`` package (e.g. the ko extra)."""
    import importlib

    name = f"vosk_model_{language}"
    try:
        mod = importlib.import_module(name)
    except ImportError:
        raise EngineUnavailable(
            f"vosk model package {name} not installed; install the 'vosk-{language}' extra"
        ) from None
    return Path(mod.__file__).parent / "model"  # type: ignore[arg-type]


def domain_words() -> list[str]:
    """Words of the intent sentences (the domain LM's dictionary): a runtime grammar."""
    from speech.asr_pocketsphinx import DOMAIN_DICT

    words = {line.split()[0].split("(")[0] for line in
             DOMAIN_DICT.read_text(encoding="utf-8").splitlines() if line.strip()}
    return sorted(words)


def _vosk() -> Any:
    try:
        import vosk
    except ImportError:
        raise EngineUnavailable(
            "vosk is not installed; install the 'edge' extra (pip install vosk)"
        ) from None
    vosk.SetLogLevel(-1)
    return vosk


@functools.lru_cache(maxsize=2)
def load_model(path: str) -> Any:
    """Load (once per process) a vosk model directory."""
    p = Path(path)
    if not (p / "am" / "final.mdl").is_file() and not (p / "final.mdl").is_file():
        raise EngineUnavailable(
            f"{p}: not a vosk model directory (no am/final.mdl); unpack a model from "
            "https://alphacephei.com/vosk/models into the bundle and point --model at it"
        )
    try:
        return _vosk().Model(str(p))
    except Exception as exc:  # vosk raises a bare Exception on load failure
        raise EngineUnavailable(f"{p}: vosk could not load the model ({exc})") from None


class VoskRecognizer(Recognizer):
    """Streaming KaldiRecognizer with partials, word timings and confidences."""

    name = "vosk"

    def __init__(
        self,
        model: str | Path | None = None,
        sample_rate: int = DEFAULT_RATE,
        grammar: Sequence[str] | str | None = None,
        max_alternatives: int = 0,
    ) -> None:
        """Args:
            model: vosk model directory (else $ELDERCARE_VOSK_MODEL).
            sample_rate: Hz of the PCM fed in.
            grammar: phrases to restrict decoding to, or "domain" for the words of the
                intent sentences (speech/models/domain.dict.txt); None = free decoding.
            max_alternatives: n-best size (0 = single best with word confidences).
        """
        super().__init__(sample_rate)
        if isinstance(grammar, str):
            if grammar != "domain":
                raise ValueError('grammar must be a list of phrases or "domain"')
            grammar = domain_words()
        path = model or os.environ.get(ENV_MODEL)
        if not path:
            raise EngineUnavailable(
                "vosk needs a model directory: pass --model DIR (e.g. vosk-model-small-en-us) "
                f"or set {ENV_MODEL}"
            )
        self.model_dir = Path(path)
        self._model = load_model(str(self.model_dir))
        self.grammar = list(grammar) if grammar else None
        self._max_alt = max_alternatives
        self._rec = self._make()
        self._segments: list[dict[str, Any]] = []
        self._offset = 0.0
        self._last = ""

    def _make(self) -> Any:
        vosk = _vosk()
        if self.grammar:
            phrases = [*self.grammar, "[unk]"]
            grammar = json.dumps(phrases, ensure_ascii=False)
            rec = vosk.KaldiRecognizer(self._model, float(self.sample_rate), grammar)
        else:
            rec = vosk.KaldiRecognizer(self._model, float(self.sample_rate))
        rec.SetWords(True)
        rec.SetPartialWords(False)
        if self._max_alt:
            rec.SetMaxAlternatives(self._max_alt)
        return rec

    def set_grammar(self, phrases: Sequence[str] | None) -> None:
        """Restrict (or with None, free) the vocabulary from the next utterance on."""
        self.grammar = list(phrases) if phrases else None
        if self.grammar:
            self._rec.SetGrammar(json.dumps([*self.grammar, "[unk]"], ensure_ascii=False))
        else:
            self._rec = self._make()

    def _accept(self, pcm: bytes) -> str | None:
        if self._rec.AcceptWaveform(pcm):
            # vosk's own endpoint closed a segment inside our utterance: keep it.
            self._segments.append(json.loads(self._rec.Result()))
            text = self._joined("")
        else:
            text = self._joined(json.loads(self._rec.PartialResult()).get("partial", ""))
        if text and text != self._last:
            self._last = text
            return text
        return None

    def _joined(self, tail: str) -> str:
        parts = [s.get("text", "") for s in self._segments] + [tail]
        return " ".join(p for p in parts if p)

    def _final(self) -> tuple[str, list[Word], float | None]:
        self._segments.append(json.loads(self._rec.FinalResult()))
        words: list[Word] = []
        for seg in self._segments:
            if "alternatives" in seg:
                seg = seg["alternatives"][0] if seg["alternatives"] else {}
            for w in seg.get("result", []):
                words.append(Word(word=w["word"], start=float(w["start"]),
                                  end=float(w["end"]), conf=float(w.get("conf", 1.0))))
        text = " ".join(
            (s["alternatives"][0]["text"] if s.get("alternatives") else s.get("text", ""))
            for s in self._segments
        ).strip()
        text = " ".join(text.split())
        self._segments = []
        self._last = ""
        conf = sum(w.conf or 0.0 for w in words) / len(words) if words else None
        return text, words, conf

    def _reset(self) -> None:
        self._rec.Reset()
        self._segments = []
        self._last = ""
