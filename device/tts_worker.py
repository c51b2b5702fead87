"""Text-to-speech in a child process, restarted if it dies.

The espeak-ng driver behind pyttsx3 occasionally crashes its process (a segfault in a
driver callback), which would take the whole device runtime down with it. The device
therefore synthesizes in a small worker process (``python -m device.tts_worker``) that
speaks JSON lines over its stdin/stdout; :class:`IsolatedSpeaker` restarts it and retries
when it dies, and the worker falls back to the espeak-ng program (same voice, rate and
volume) when pyttsx3 produces no audio. Same interface as ``speech.tts.Speaker`` for what
the runtime uses.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

__all__ = ["IsolatedSpeaker", "TTSFailed"]

log = logging.getLogger(__name__)

VOLUME_STEP = 0.1
MIN_VOLUME = 0.2


class TTSFailed(OSError):
    """Speech synthesis failed even after restarting the worker."""


class IsolatedSpeaker:
    """``speech.tts.Speaker`` run in a worker process.

    Args:
        rate_wpm, volume, language, voice: as for ``speech.tts.Speaker``.
        retries: worker restarts per request before giving up.
        timeout_s: longest wait for one synthesis, seconds.
    """

    def __init__(self, rate_wpm: int = 140, volume: float = 0.9, language: str = "en",
                 voice: str | None = None, retries: int = 3, timeout_s: float = 60.0) -> None:
        self.rate_wpm = rate_wpm
        self.volume = volume
        self.language = language
        self.voice = voice
        self.retries = retries
        self.timeout_s = timeout_s
        self.restarts = 0
        """Times the worker died or failed and was restarted."""
        self.fallbacks = 0
        """Requests that pyttsx3 failed and the espeak-ng program answered."""
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._request({"op": "check"})  # fails here, clearly, if the voice is not usable

    # -- the Speaker interface ------------------------------------------------------------
    def volume_up(self) -> float:
        self.volume = round(min(1.0, self.volume + VOLUME_STEP), 2)
        return self.volume

    def volume_down(self) -> float:
        self.volume = round(max(MIN_VOLUME, self.volume - VOLUME_STEP), 2)
        return self.volume

    def to_wav(self, text: str, path: str | Path) -> Path:
        """Write ``text`` as speech to a WAV file; returns the path."""
        if not text.strip():
            raise ValueError("nothing to say: the text is empty")
        reply = self._request({"op": "to_wav", "text": text, "path": str(Path(path).resolve())})
        return Path(reply["path"])

    def say(self, text: str) -> bool:
        """Play ``text`` on the default output device."""
        return bool(self._request({"op": "say", "text": text}).get("done", False))

    def close(self) -> None:
        with self._lock:
            self._kill()

    # -- worker management --------------------------------------------------------------
    def _spawn(self) -> subprocess.Popen[str]:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        return subprocess.Popen([sys.executable, "-m", "device.tts_worker"], env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)

    def _request(self, req: dict[str, Any]) -> dict[str, Any]:
        req = {**req, "rate_wpm": self.rate_wpm, "volume": self.volume,
               "language": self.language, "voice": self.voice}
        last = "no attempt"
        with self._lock:
            for attempt in range(self.retries + 1):
                if self._proc is not None and self._proc.poll() is not None:
                    log.warning("TTS worker exited (%s); restarting", self._proc.returncode)
                    self.restarts += 1
                    self._kill()
                if self._proc is None:
                    self._proc = self._spawn()
                proc = self._proc
                assert proc.stdin is not None and proc.stdout is not None
                try:
                    proc.stdin.write(json.dumps(req) + "\n")
                    proc.stdin.flush()
                    line = _readline(proc, self.timeout_s)
                except (BrokenPipeError, OSError) as exc:
                    line, last = "", f"{type(exc).__name__}: {exc}"
                if not line:
                    self.restarts += 1
                    self._kill()
                    last = last if last != "no attempt" else "worker died"
                    log.warning("TTS attempt %d failed: %s", attempt + 1, last)
                    continue
                reply = json.loads(line)
                if reply.get("ok"):
                    if reply.get("backend") == "espeak-ng":
                        self.fallbacks += 1
                    return dict(reply)
                if reply.get("user_error"):
                    raise ValueError(str(reply["error"]))
                last = str(reply.get("error"))
                self.restarts += 1
                self._kill()
        raise TTSFailed(f"text-to-speech failed after {self.retries + 1} tries: {last}")

    def __del__(self) -> None:
        try:
            self._kill()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass


def _readline(proc: subprocess.Popen[str], timeout_s: float) -> str:
    out: list[str] = []
    assert proc.stdout is not None
    reader = threading.Thread(target=lambda: out.append(proc.stdout.readline()  # type: ignore
                                                        ), daemon=True)
    reader.start()
    reader.join(timeout_s)
    return out[0] if out else ""


def _espeak_cli(speaker: Any, text: str, path: str, cause: Exception) -> str:
    """Same voice, rate and volume through the espeak-ng program (when pyttsx3 fails)."""
    exe = shutil.which("espeak-ng")
    if exe is None or str(speaker.voice).startswith("piper:"):
        raise cause
    Path(path).unlink(missing_ok=True)
    subprocess.run([exe, "-v", str(speaker.voice), "-s", str(int(speaker.rate_wpm)),
                    "-a", str(int(round(float(speaker.volume) * 100))), "-w", path, text],
                   check=True, capture_output=True, timeout=60)
    if not Path(path).is_file() or Path(path).stat().st_size <= 44:
        raise cause
    return path


def main() -> int:
    """Worker loop: one JSON request per stdin line, one JSON reply per stdout line."""
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything the driver prints goes to stderr, never into the protocol
    from speech.tts import Speaker

    for line in sys.stdin:
        try:
            req = json.loads(line)
            speaker = Speaker(rate_wpm=int(req["rate_wpm"]), volume=float(req["volume"]),
                              language=str(req["language"]), voice=req.get("voice"))
            op = req["op"]
            if op == "to_wav":
                reply: dict[str, Any] = {"ok": True, "backend": "pyttsx3"}
                try:
                    reply["path"] = str(speaker.to_wav(req["text"], req["path"]))
                except ValueError:
                    raise
                except Exception as exc:  # noqa: BLE001 - pyttsx3's espeak driver is flaky
                    reply["path"] = _espeak_cli(speaker, req["text"], req["path"], exc)
                    reply["backend"] = "espeak-ng"
            elif op == "say":
                reply = {"ok": True, "done": speaker.say(req["text"])}
            else:
                reply = {"ok": True}
        except ValueError as exc:
            reply = {"ok": False, "user_error": True, "error": str(exc)}
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which retries
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        proto.write(json.dumps(reply) + "\n")
        proto.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
