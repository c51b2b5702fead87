"""Pronunciations for words CMUdict lacks (build time): espeak-ng's IPA mapped to ARPAbet.

Medicine names (paracetamol, metformin, warfarin) and colloquial words (erm, teatime)
are common in what residents say; without a pronunciation the recognizer cannot hear them.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

__all__ = ["ipa_to_arpabet", "pronounce"]

# Longest symbols first.
_IPA = [
    ("aɪ", "AY"), ("aʊ", "AW"), ("eɪ", "EY"), ("oʊ", "OW"), ("əʊ", "OW"), ("ɔɪ", "OY"),
    ("tʃ", "CH"), ("dʒ", "JH"), ("ɜː", "ER"), ("ɚ", "ER"), ("ɝ", "ER"), ("iː", "IY"),
    ("uː", "UW"), ("ɑː", "AA"), ("ɔː", "AO"), ("oː", "AO"), ("ɪ", "IH"), ("ᵻ", "IH"),
    ("i", "IY"), ("ɛ", "EH"), ("e", "EH"), ("æ", "AE"), ("ʌ", "AH"), ("ə", "AH"), ("ɐ", "AH"),
    ("ɑ", "AA"), ("ɒ", "AA"), ("ɔ", "AO"), ("ʊ", "UH"), ("u", "UW"), ("o", "OW"), ("a", "AE"),
    ("ɜ", "ER"), ("b", "B"), ("p", "P"), ("d", "D"), ("t", "T"), ("ɾ", "T"), ("ɡ", "G"),
    ("g", "G"), ("k", "K"), ("f", "F"), ("v", "V"), ("s", "S"), ("z", "Z"), ("h", "HH"),
    ("m", "M"), ("n", "N"), ("ŋ", "NG"), ("l", "L"), ("ɫ", "L"), ("ɹ", "R"), ("r", "R"),
    ("w", "W"), ("j", "Y"), ("θ", "TH"), ("ð", "DH"), ("ʃ", "SH"), ("ʒ", "ZH"), ("x", "K"),
]
_SKIP = set("ˈˌː.‿ʔ-_ ")


def ipa_to_arpabet(ipa: str) -> str | None:
    """ARPAbet phones for an IPA string, or None when a symbol is unknown."""
    s = "".join(c for c in unicodedata.normalize("NFD", ipa) if not unicodedata.combining(c))
    out: list[str] = []
    i = 0
    while i < len(s):
        if s[i] in _SKIP:
            i += 1
            continue
        for sym, arpa in _IPA:
            if s.startswith(sym, i):
                out.append(arpa)
                i += len(sym)
                break
        else:
            return None
    return " ".join(out) if out else None


def pronounce(words: list[str], voice: str = "en-us") -> dict[str, str]:
    """word -> ARPAbet for each word espeak-ng can pronounce (empty without espeak-ng)."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        return {}
    out = {}
    for w in words:
        proc = subprocess.run([exe, "-q", "--ipa", "-v", voice, w], capture_output=True,
                              text=True, timeout=30, check=False)
        phones = ipa_to_arpabet(proc.stdout.strip()) if proc.returncode == 0 else None
        if phones:
            out[w] = phones
    return out
