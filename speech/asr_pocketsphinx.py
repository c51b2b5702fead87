"""PocketSphinx engine: the bundled en-US acoustic model with the domain or general LM.

The domain LM (speech/models/domain.lm.txt, built by ``python -m speech.build_lm``) is a
trigram over the intent sentences whose unigrams are mixed with 5,000 common English words,
so out-of-domain speech still decodes to words rather than to the nearest command.
"""

from __future__ import annotations

import functools
import logging
import math
from pathlib import Path
from typing import Any

from speech.asr import EngineUnavailable, Recognizer, Word
from speech.audio import DEFAULT_RATE
from speech.denoise import GateConfig, SpectralGate

log = logging.getLogger(__name__)
CMN_DIMS = 13  # cepstra in the en-US model's features (feat.params -ncep)
MODELS_DIR = Path(__file__).parent / "models"
DOMAIN_LM = MODELS_DIR / "domain.lm.txt"
DOMAIN_DICT = MODELS_DIR / "domain.dict.txt"
FRAME_RATE = 100  # pocketsphinx frames per second
PARTIAL_EVERY_S = 0.2  # how often the running hypothesis is read
_FILLERS = {"<s>", "</s>", "<sil>"}
OPEN_FALLBACK_BELOW = 0.65  # mean word posterior under which the general LM is tried
# Faster-than-default beams: about 2x quicker on the domain LM than pocketsphinx's defaults.
FAST_SEARCH: dict[str, Any] = {"beam": 1e-40, "wbeam": 1e-25, "pbeam": 1e-40, "maxhmmpf": 5000}
# Beams between FAST_SEARCH and pocketsphinx's defaults, a third of the default HMMs per frame.
MID_SEARCH: dict[str, Any] = {"beam": 1e-45, "wbeam": 1e-27, "pbeam": 1e-45, "maxhmmpf": 10000}
# Recognizer settings of the domain engines (pocketsphinx, pocketsphinx-open). Compared side by
# side by `eldercare bench speech` (bench/speech_results/README.md): pocketsphinx's own wide
# beams won on spoken dev-split sentences (which the domain LM has seen) but not on the
# unseen test split, and cost more CPU; MID_SEARCH is as accurate as FAST_SEARCH there and
# under RTF 0.1. Two n-best alternatives let speech.spoken_intent raise a safety label the
# 1-best missed (the clear gain).
DOMAIN_SETTINGS: dict[str, Any] = {"fast": False, **MID_SEARCH, "nbest": 2,
                                   "cmn_warmup_s": 1.5}
# cmn_warmup_s: live CMN starts each utterance from the mean of earlier ones (another
# speaker's, or the model's default after a restart) and adapts over seconds. Holding the
# first 1.5 s and updating the mean with them first normalises the utterance from its first
# frame. On 98 spoken-command clips, one streaming decoder across clips (as on the device):
# WER 0.557 -> 0.530 (1.0 s: 0.542, 2.5 s: 0.516; whole-utterance CMN, which cannot
# stream: 0.486); a fresh decoder per clip: 0.724 -> 0.663. Partials start 1.5 s into the
# utterance; the held audio is decoded at RTF < 0.1 while the resident goes on speaking,
# so the final after the endpoint is not delayed (a shorter utterance is decoded whole at
# its endpoint: at most about 0.15 s of decoding).
# pocketsphinx's default beams, for the benchmark.
WIDE_SETTINGS: dict[str, Any] = {"fast": False, "beam": 1e-48, "wbeam": 7e-29, "pbeam": 1e-48,
                                 "maxhmmpf": 30000, "nbest": 2}


@functools.lru_cache(maxsize=1)
def _ps() -> Any:
    try:
        import pocketsphinx
    except ImportError:
        raise EngineUnavailable(
            "pocketsphinx is not installed; install the 'edge' extra (pip install pocketsphinx)"
        ) from None
    return pocketsphinx


def default_hmm() -> Path:
    return Path(_ps().get_model_path()) / "en-us" / "en-us"


def general_files() -> tuple[Path, Path]:
    base = Path(_ps().get_model_path()) / "en-us"
    return base / "en-us.lm.bin", base / "cmudict-en-us.dict"


def _find(folder: Path, patterns: tuple[str, ...]) -> Path | None:
    for pat in patterns:
        hits = sorted(folder.glob(pat))
        if hits:
            return hits[0]
    return None


def resolve_model(model: str | Path | None) -> tuple[Path, Path, Path]:
    """(acoustic model dir, LM file, dictionary) for a `model` argument.

    None or "domain": the shipped domain LM; "general": pocketsphinx's en-US LM; a file:
    that LM with CMUdict; a folder: its LM (*.lm, *.lm.bin, *.lm.txt), dictionary (*.dict,
    *.dic, *.dict.txt) and optional acoustic model (a subfolder with ``mdef``).
    """
    hmm = default_hmm()
    if model is None or str(model) == "domain":
        if not DOMAIN_LM.is_file() or not DOMAIN_DICT.is_file():
            raise EngineUnavailable(
                f"domain language model missing under {MODELS_DIR}; run `python -m speech.build_lm`"
            )
        return hmm, DOMAIN_LM, DOMAIN_DICT
    if str(model) == "general":
        lm, dic = general_files()
        return hmm, lm, dic
    p = Path(model)
    if p.is_file():
        return hmm, p, general_files()[1]
    if p.is_dir():
        found_lm = _find(p, ("*.lm.bin", "*.lm", "*.lm.txt", "*.arpa"))
        found_dic = _find(p, ("*.dict", "*.dic", "*.dict.txt"))
        mdefs = sorted(p.glob("*/mdef"))
        if found_lm is None or found_dic is None:
            raise EngineUnavailable(
                f"{p}: no language model (*.lm, *.lm.bin) or dictionary (*.dict) found in it"
            )
        return (mdefs[0].parent if mdefs else hmm), found_lm, found_dic
    raise EngineUnavailable(
        f"pocketsphinx model {str(model)!r} not found: give a folder or an LM file"
    )


class PocketSphinxRecognizer(Recognizer):
    """Streaming PocketSphinx decoder."""

    name = "pocketsphinx"

    def __init__(
        self,
        model: str | Path | None = None,
        sample_rate: int = DEFAULT_RATE,
        fast: bool = True,
        fallback_below: float | None = None,
        nbest: int = 0,
        denoise: GateConfig | bool | None = None,
        cmn_warmup_s: float = 0.0,
        cmn_file: str | Path | None = None,
        **config: Any,
    ) -> None:
        """Args:
            model: see resolve_model.
            sample_rate: Hz of the PCM fed in.
            fast: narrower beams (FAST_SEARCH); create_domain and create_open use
                DOMAIN_SETTINGS (wide beams) unless told otherwise.
            fallback_below: open-vocabulary fallback: when the utterance's mean word
                posterior is below this, it is decoded again with the general en-US LM and
                the more confident result is kept (costs a second pass on those only).
            nbest: how many other hypotheses to give in Transcript.alternatives (0: none).
            denoise: run a spectral gate (speech.denoise) over the input first; True for
                the default GateConfig.
            cmn_warmup_s: hold each utterance's first seconds of audio, set the cepstral
                mean from them, then decode them and go on streaming (0: off; see
                DOMAIN_SETTINGS).
            cmn_file: where the cepstral mean is kept across restarts (the device's state
                folder): read at start when present and valid, rewritten after each
                utterance. After a restart the first utterances are then normalised for
                this room and voice instead of the model's default mean (98 spoken
                commands, a restart before each: WER 0.659 and intent 0.45 without the
                file, 0.548 and 0.59 with it).
            config: extra pocketsphinx settings (e.g. lw=7.0).
        """
        if not 0.0 <= cmn_warmup_s <= 10.0:
            raise ValueError(f"cmn_warmup_s must be within 0..10 s, not {cmn_warmup_s}")
        super().__init__(sample_rate)
        hmm, lm, dic = resolve_model(model)
        self.model_files = {"hmm": str(hmm), "lm": str(lm), "dict": str(dic)}
        # No fwdflat second pass: it re-searches the whole utterance at end_utt (0.2-0.5 s
        # after the endpoint) and was no more accurate here; bestpath gives word posteriors.
        kwargs: dict[str, Any] = {**self.model_files, "samprate": float(sample_rate),
                                  "loglevel": "FATAL", "bestpath": True, "fwdflat": False}
        if fast:
            kwargs.update(FAST_SEARCH)
        kwargs.update(config)
        try:
            self._dec = _ps().Decoder(**kwargs)
        except (RuntimeError, ValueError) as exc:
            raise EngineUnavailable(
                f"pocketsphinx could not load {self.model_files}: {exc}"
            ) from None
        self._in_utt = False
        self._since_partial = 0
        self._last = ""
        self._warmup_bytes = 2 * int(cmn_warmup_s * sample_rate)
        self._warming: list[bytes] | None = None
        """Audio held for the CMN warm-up of the current utterance (None: decoding)."""
        self._cmn_est = self._cmn_estimator(kwargs) if self._warmup_bytes else None
        self.cmn_file = Path(cmn_file) if cmn_file is not None else None
        if self.cmn_file is not None:
            saved = read_cmn(self.cmn_file)
            if saved is not None:
                self._dec.set_cmn(saved)
        self.fallback_below = fallback_below
        self._general: Any = None
        self._audio: list[bytes] = []
        self.nbest = nbest
        self._decoded = False
        self._last_dec: Any = self._dec
        gate_cfg = GateConfig(sample_rate=sample_rate) if denoise is True else denoise or None
        self._gate = SpectralGate(gate_cfg) if gate_cfg else None
        self.last_source = "primary"
        """Which LM gave the last final: "primary" or "general" (the fallback)."""
        if fallback_below is not None:
            lm_g, dic_g = general_files()
            gkw = {**kwargs, "lm": str(lm_g), "dict": str(dic_g)}
            self._general = _ps().Decoder(**gkw)

    def add_word(self, word: str, phones: str) -> None:
        """Teach the dictionary a word (ARPAbet phones, e.g. "M AA R JH ER IY")."""
        self._dec.add_word(word, phones, True)

    def _accept(self, pcm: bytes) -> str | None:
        if not self._in_utt:
            self._in_utt = True
            self._since_partial = 0
            self._last = ""
            if self._warmup_bytes:
                self._warming = []
            else:
                self._dec.start_utt()
        if self._gate is not None:
            pcm = self._gate.process(pcm)
        if self._general is not None:
            self._audio.append(pcm)
        if self._warming is not None:
            self._warming.append(pcm)
            if sum(len(b) for b in self._warming) < self._warmup_bytes:
                return None
            pcm = self._end_warmup()
        if pcm:
            self._dec.process_raw(pcm, False, False)
        self._since_partial += len(pcm) // 2
        if self._since_partial < PARTIAL_EVERY_S * self.sample_rate:
            return None
        self._since_partial = 0
        hyp = self._dec.hyp()
        text = hyp.hypstr if hyp is not None else ""
        if text and text != self._last:
            self._last = text
            return text
        return None

    @staticmethod
    def _cmn_estimator(kwargs: dict[str, Any]) -> Any:
        """A decoder with the same front end and a one-word grammar: it computes the
        features (and so the cepstral mean) of held audio for about a tenth of the cost of
        the main decoder, which would search them at end_utt."""
        with Path(kwargs["dict"]).open(encoding="utf-8") as f:
            word = f.readline().split(maxsplit=1)[0].split("(")[0]
        front = {k: v for k, v in kwargs.items() if k not in (
            "lm", "beam", "wbeam", "pbeam", "maxhmmpf", "bestpath", "fwdflat")}
        dec = _ps().Decoder(**front, lm=None)
        dec.add_jsgf_string("cmn", f"#JSGF V1.0; grammar cmn; public <s> = {word};")
        dec.activate_search("cmn")
        return dec

    def _end_warmup(self) -> bytes:
        """Update the cepstral mean with the held audio (pocketsphinx's live CMN: the mean
        so far, carried from earlier utterances, blended with these frames); start the
        utterance; the held audio is returned for decoding."""
        held = b"".join(self._warming or [])
        self._warming = None
        est = self._cmn_est
        if est is not None and len(held) >= 2 * self.sample_rate // 10:  # 0.1 s at least
            est.set_cmn(self._dec.get_cmn(False))
            est.start_utt()
            est.process_raw(held, True, False)
            cmn = est.get_cmn(True)
            est.end_utt()
            self._dec.set_cmn(cmn)
        self._dec.start_utt()
        return held

    def _final(self) -> tuple[str, list[Word], float | None]:
        self._decoded = False
        if not self._in_utt:
            return "", [], None
        self._decoded = True
        tail = self._gate.flush() if self._gate is not None else b""
        if self._general is not None and tail:
            self._audio.append(tail)
        if self._warming is not None:  # an utterance shorter than the warm-up
            self._warming.append(tail)
            tail = self._end_warmup()
        if tail:
            self._dec.process_raw(tail, False, False)
        self._dec.end_utt()
        if self.cmn_file is not None:
            write_cmn(self.cmn_file, self._dec.get_cmn(False))
        self._last_dec = self._dec
        self._in_utt = False
        result = _result(self._dec)
        self.last_source = "primary"
        audio, self._audio = b"".join(self._audio), []
        conf = result[2]
        low = conf is None or conf < (self.fallback_below or 0.0)
        if self._general is not None and audio and low:
            self._general.start_utt()
            self._general.process_raw(audio, False, True)
            self._general.end_utt()
            alt = _result(self._general)
            if alt[2] is not None and (conf is None or alt[2] > conf):
                self.last_source = "general"
                self._last_dec = self._general
                return alt
        return result

    def _alternatives(self, text: str) -> list[str]:
        if self.nbest <= 0 or not self._decoded:
            return []
        out: list[str] = []
        try:
            for k, hyp in enumerate(self._last_dec.nbest()):
                if hyp is None:
                    break
                alt = " ".join(w for w in hyp.hypstr.split() if not w.startswith("["))
                if alt and alt != text and alt not in out:
                    out.append(alt)
                if len(out) >= self.nbest or k >= 4 * self.nbest:
                    break
        except RuntimeError:  # no lattice for this utterance (e.g. silence only)
            return out
        return out

    @property
    def cepstral_mean(self) -> str:
        """The live cepstral mean carried into the next utterance ("c0,c1,..."): a second
        instance given it decodes the next utterance as this one would (the device's
        speculative decoding keeps its own recognizer in step this way)."""
        return str(self._dec.get_cmn(False))

    @cepstral_mean.setter
    def cepstral_mean(self, cmn: str) -> None:
        self._dec.set_cmn(cmn)

    def _reset(self) -> None:
        self._audio = []
        if self._gate is not None:
            self._gate.reset()
        if self._in_utt and self._warming is None:
            self._dec.end_utt()
        self._in_utt = False
        self._warming = None


def read_cmn(path: Path) -> str | None:
    """A saved cepstral mean ("c0,c1,...", 13 finite numbers), or None when the file is
    missing or not one (logged; the decoder then starts from the model's default)."""
    try:
        text = path.read_text(encoding="ascii").strip()
        values = [float(x) for x in text.split(",")]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.warning("ignoring the saved cepstral mean %s: %s", path, exc)
        return None
    if len(values) != CMN_DIMS or not all(math.isfinite(v) for v in values):
        log.warning("ignoring the saved cepstral mean %s: not %d finite numbers", path,
                    CMN_DIMS)
        return None
    return ",".join(f"{v:.4f}" for v in values)


def write_cmn(path: Path, cmn: str) -> None:
    """Save the cepstral mean atomically; a failure is logged, never raised (recognition
    goes on without it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(cmn + "\n", encoding="ascii")
        tmp.replace(path)
    except OSError as exc:
        log.warning("could not save the cepstral mean to %s: %s", path, exc)


def _result(dec: Any) -> tuple[str, list[Word], float | None]:
    """Text, words and mean word posterior of a finished utterance."""
    hyp = dec.hyp()
    text = hyp.hypstr if hyp is not None else ""
    words = []
    for seg in dec.seg():
        w = seg.word
        if w in _FILLERS or w.startswith("["):
            continue
        words.append(Word(word=w.split("(")[0], start=seg.start_frame / FRAME_RATE,
                          end=(seg.end_frame + 1) / FRAME_RATE,
                          conf=min(1.0, max(0.0, float(seg.prob)))))
    conf = sum(w.conf or 0.0 for w in words) / len(words) if words else None
    return text, words, conf


def create_domain(model: str | Path | None = None, sample_rate: int = DEFAULT_RATE,
                  **config: Any) -> PocketSphinxRecognizer:
    return PocketSphinxRecognizer(model=model, sample_rate=sample_rate,
                                  **{**DOMAIN_SETTINGS, **config})


def create_open(model: str | Path | None = None, sample_rate: int = DEFAULT_RATE,
                fallback_below: float = OPEN_FALLBACK_BELOW,
                **config: Any) -> PocketSphinxRecognizer:
    """Domain LM first; poorly scored utterances are decoded again with the general LM."""
    rec = PocketSphinxRecognizer(model=model, sample_rate=sample_rate,
                                 fallback_below=fallback_below,
                                 **{**DOMAIN_SETTINGS, **config})
    rec.name = "pocketsphinx-open"
    return rec


def create_general(model: str | Path | None = None, sample_rate: int = DEFAULT_RATE,
                   fast: bool = False, **config: Any) -> PocketSphinxRecognizer:
    """The general en-US LM with pocketsphinx's default (wide) beams: the open-vocabulary
    baseline."""
    rec = PocketSphinxRecognizer(model=model or "general", sample_rate=sample_rate, fast=fast,
                                 **config)
    rec.name = "pocketsphinx-general"
    return rec
