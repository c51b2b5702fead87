"""Build the domain language model shipped under speech/models/ (run at build time).

    python -m speech.build_lm [--general-words 5000] [--general-weight 0.1]

Writes, next to this file:
- ``models/domain.lm.txt``: ARPA trigram (interpolated Kneser-Ney) over the intent
  sentences, its unigram level mixed with the most frequent words of pocketsphinx's
  general en-US model so unexpected speech still comes through (open vocabulary);
- ``models/domain.dict.txt``: CMUdict pronunciations of every LM word (espeak-ng's, mapped
  to ARPAbet, for words CMUdict lacks);
- ``models/domain.json``: what was built from what.
The device reads only these files; this script is the only place that imports the
intent dataset.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from speech.arpa import build_arpa
from speech.g2p import pronounce
from speech.lm_corpus import domain_sentences

MODELS_DIR = Path(__file__).parent / "models"
LOGMATH_BASE_LOG10 = 4.342727686266485e-05  # log10(1.0001): pocketsphinx's log base
UNKNOWN_LOGPROB = -536870912


def read_cmudict(path: Path) -> dict[str, list[str]]:
    """word -> pronunciations (alternates keep their order)."""
    prons: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word = parts[0].split("(")[0]
            prons.setdefault(word, []).append(" ".join(parts[1:]))
    return prons


def general_unigrams(words: list[str], top: int) -> dict[str, float]:
    """The `top` most probable of `words` under pocketsphinx's general en-US LM."""
    import pocketsphinx

    lm = pocketsphinx.NGramModel.readfile(
        str(Path(pocketsphinx.get_model_path()) / "en-us" / "en-us.lm.bin")
    )
    scored = []
    for w in words:
        lp = lm.prob([w])
        if lp > UNKNOWN_LOGPROB // 2 and "." not in w:
            scored.append((lp, w))
    scored.sort(reverse=True)
    return {w: 10.0 ** (lp * LOGMATH_BASE_LOG10) for lp, w in scored[:top]}


def build(general_words: int, general_weight: float, out_dir: Path,
          corpus: tuple[list[list[str]], str] | None = None) -> dict[str, object]:
    """Write the LM, dictionary and domain.json into `out_dir`.

    corpus: (tokenised sentences, where they came from); default domain_sentences().
    """
    import pocketsphinx

    cmu = read_cmudict(Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict")
    sentences, source = corpus if corpus is not None else domain_sentences()
    unknown = sorted({w for s in sentences for w in s if w not in cmu})
    guessed = pronounce(unknown)  # espeak-ng IPA -> ARPAbet for words CMUdict lacks
    for w, phones in guessed.items():
        cmu[w] = [phones]
    kept, oov = [], set()
    for s in sentences:
        missing = [w for w in s if w not in cmu]
        if missing:
            oov.update(missing)
        else:
            kept.append(s)
    gen = general_unigrams(sorted(cmu), general_words) if general_words else {}
    arpa = build_arpa(kept, order=3, general_unigrams=gen, general_weight=general_weight)
    vocab = sorted({w for s in kept for w in s} | set(gen))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "domain.lm.txt").write_text(arpa, encoding="utf-8")
    dict_lines = []
    for w in vocab:
        for i, pron in enumerate(cmu[w]):
            dict_lines.append(f"{w if i == 0 else f'{w}({i + 1})'} {pron}")
    (out_dir / "domain.dict.txt").write_text("\n".join(dict_lines) + "\n", encoding="utf-8")
    info: dict[str, object] = {
        "format": "eldercare-asr-lm/1",
        "source": source,
        "sentences": len(kept),
        "dropped_sentences_oov": len(sentences) - len(kept),
        "oov_words": sorted(oov)[:200],
        "g2p_words": {w: guessed[w] for w in sorted(guessed)},
        "domain_words": len({w for s in kept for w in s}),
        "general_words": len(gen),
        "general_weight": general_weight,
        "vocab": len(vocab),
        "order": 3,
        "smoothing": "interpolated Kneser-Ney, backoff form",
        "lm_sha256": hashlib.sha256(arpa.encode()).hexdigest(),
    }
    (out_dir / "domain.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m speech.build_lm",
                                 description="Build the domain language model.")
    ap.add_argument("--general-words", type=int, default=5000,
                    help="general English words mixed into the unigrams (0 = closed vocabulary)")
    ap.add_argument("--general-weight", type=float, default=0.1,
                    help="share of the general unigram distribution (0..1)")
    ap.add_argument("--out", type=Path, default=MODELS_DIR, help="output folder")
    args = ap.parse_args(argv)
    info = build(args.general_words, args.general_weight, args.out)
    print(json.dumps(info), file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
