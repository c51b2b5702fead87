"""Audio in: WAV files of any rate, width and channel count, raw PCM, and the microphone.

Everything is turned into 16-bit mono PCM at the recognizer's rate (16 kHz by default),
resampled with soxr. Bad input raises :class:`AudioError` with a message that says what
is wrong and what to do. Live audio the device cannot keep up with is dropped only by
:class:`speech.capture.Capture`, which counts and logs every chunk it drops; the sound
card's own overflows are counted and logged too (docs/audio-and-careplan.md).
"""

from __future__ import annotations

import logging
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

__all__ = [
    "AudioClip",
    "AudioError",
    "MicrophoneUnavailable",
    "chunk_bytes",
    "microphone_chunks",
    "read_pcm",
    "read_wav",
    "read_wav_bytes",
    "write_wav",
]

log = logging.getLogger(__name__)

DEFAULT_RATE = 16000
_FORMAT_PCM = 1
_FORMAT_FLOAT = 3
_FORMAT_EXTENSIBLE = 0xFFFE
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)
_STREAMED_MIN = 0x7FFF0000  # placeholder sizes written by streaming tools (espeak-ng, sox -)


class AudioError(ValueError):
    """Audio that cannot be used: empty, corrupt, truncated, not WAV, or no device."""


class MicrophoneUnavailable(AudioError, OSError):
    """No microphone (no PortAudio input device) on this machine."""


@dataclass(frozen=True)
class AudioClip:
    """Mono 16-bit PCM audio."""

    samples: np.ndarray
    """int16 samples, mono."""
    sample_rate: int
    """Samples per second (Hz)."""

    @property
    def seconds(self) -> float:
        """Duration in seconds."""
        return len(self.samples) / float(self.sample_rate)

    def to_bytes(self) -> bytes:
        """Little-endian 16-bit PCM bytes."""
        return self.samples.astype("<i2", copy=False).tobytes()


def read_wav(path: str | Path, target_rate: int = DEFAULT_RATE) -> AudioClip:
    """Read a WAV file (PCM 8/16/24/32-bit or float, any rate and channel count).

    Args:
        path: the WAV file.
        target_rate: output sample rate in Hz (resampled with soxr when different).
    Raises:
        AudioError: the file is missing, empty, not WAV, corrupt or truncated.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise AudioError(f"{p}: no such file; give the path of a WAV recording") from None
    except IsADirectoryError:
        raise AudioError(f"{p}: is a directory; give the path of a WAV file") from None
    except OSError as exc:
        raise AudioError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return read_wav_bytes(data, target_rate=target_rate, name=str(p))


def read_wav_bytes(
    data: bytes, target_rate: int = DEFAULT_RATE, name: str = "<audio>"
) -> AudioClip:
    """Parse WAV bytes; see :func:`read_wav`."""
    if not data:
        raise AudioError(f"{name}: empty file (0 bytes); record some audio first")
    if len(data) < 12:
        raise AudioError(f"{name}: too short to be a WAV file ({len(data)} bytes)")
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        hint = _guess_format(data)
        raise AudioError(
            f"{name}: not a WAV file{hint}; convert it, e.g. "
            "`sox in.ext -r 16000 -c 1 out.wav`, or pass raw 16-bit PCM on stdin"
        )
    fmt: tuple[int, int, int, int] | None = None
    pcm: bytes | None = None
    pos = 12
    while pos + 8 <= len(data):
        cid = data[pos : pos + 4]
        (size,) = struct.unpack_from("<I", data, pos + 4)
        body_start = pos + 8
        if cid == b"fmt ":
            if size < 16 or body_start + 16 > len(data):
                raise AudioError(f"{name}: corrupt WAV: 'fmt ' chunk is {size} bytes (need 16)")
            fmt = _parse_fmt(data[body_start : body_start + size], name)
        elif cid == b"data":
            if fmt is None:
                raise AudioError(f"{name}: corrupt WAV: audio data comes before the 'fmt ' chunk")
            available = len(data) - body_start
            if (size in _UNKNOWN_SIZES or size >= _STREAMED_MIN) and available > 0:
                size = available  # streamed WAV whose writer did not know the length
            if size > available:
                raise AudioError(
                    f"{name}: truncated WAV: header announces {size} bytes of audio but only "
                    f"{available} are present; the recording was cut off, record it again"
                )
            pcm = data[body_start : body_start + size]
            break
        pos = body_start + size + (size & 1)
    if fmt is None:
        raise AudioError(f"{name}: corrupt WAV: no 'fmt ' chunk")
    if pcm is None:
        raise AudioError(f"{name}: corrupt or truncated WAV: no 'data' chunk")
    code, channels, rate, bits = fmt
    samples = _decode(pcm, code, channels, bits, name)
    if samples.size == 0:
        raise AudioError(f"{name}: WAV holds no audio samples (0 frames)")
    return _to_clip(samples, rate, target_rate)


def read_pcm(
    stream: BinaryIO | bytes,
    sample_rate: int = DEFAULT_RATE,
    channels: int = 1,
    width: int = 2,
    target_rate: int = DEFAULT_RATE,
    name: str = "<stdin>",
) -> AudioClip:
    """Read raw little-endian PCM (e.g. from stdin); a WAV header, if present, is honoured.

    Args:
        stream: binary stream or bytes.
        sample_rate: rate of the raw audio in Hz.
        channels: interleaved channel count.
        width: bytes per sample (1 unsigned, 2, 3 or 4 signed).
        target_rate: output rate in Hz.
    """
    data = stream if isinstance(stream, bytes) else stream.read()
    if not data:
        raise AudioError(f"{name}: no audio received (0 bytes)")
    if data[:4] == b"RIFF":
        return read_wav_bytes(data, target_rate=target_rate, name=name)
    other = _not_pcm(data)
    if other:  # checked as a file path is: a container or text is never decoded as noise
        raise AudioError(f"{name}: not audio{other}; pipe a WAV file or raw 16-bit PCM, or "
                         "convert it, e.g. `sox in.ext -r 16000 -c 1 out.wav`")
    if sample_rate <= 0 or channels <= 0 or width not in (1, 2, 3, 4):
        raise AudioError(
            f"{name}: bad raw PCM settings rate={sample_rate} channels={channels} "
            f"width={width} (width must be 1-4 bytes)"
        )
    frame = channels * width
    if len(data) % frame:
        raise AudioError(
            f"{name}: raw PCM length {len(data)} is not a whole number of "
            f"{frame}-byte frames; the stream was cut mid-sample or the settings are wrong"
        )
    samples = _decode(data, _FORMAT_PCM, channels, width * 8, name)
    return _to_clip(samples, sample_rate, target_rate)


def write_wav(path: str | Path, clip: AudioClip) -> Path:
    """Write a clip as a 16-bit mono PCM WAV file."""
    import wave

    p = Path(path)
    with wave.open(str(p), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(clip.sample_rate)
        w.writeframes(clip.to_bytes())
    return p


def chunk_bytes(clip: AudioClip, chunk_ms: int = 30) -> Iterator[bytes]:
    """Yield a clip as PCM byte chunks of `chunk_ms` milliseconds (the last may be shorter)."""
    step = max(1, clip.sample_rate * chunk_ms // 1000)
    raw = clip.to_bytes()
    for i in range(0, len(raw), step * 2):
        yield raw[i : i + step * 2]


def microphone_chunks(
    sample_rate: int = DEFAULT_RATE, chunk_ms: int = 30, device: int | str | None = None
) -> Iterator[bytes]:
    """Yield 16-bit mono PCM chunks from the microphone (PortAudio via sounddevice).

    Raises:
        MicrophoneUnavailable: PortAudio or an input device is missing.
    """
    try:
        import sounddevice as sd
    except (ImportError, OSError) as exc:
        raise MicrophoneUnavailable(
            f"microphone unavailable: sounddevice/PortAudio not usable ({exc}); "
            "install libportaudio2 and the 'edge' extra, or pass a WAV file"
        ) from None
    try:
        sd.query_devices(device=device, kind="input")
    except (sd.PortAudioError, ValueError) as exc:
        raise MicrophoneUnavailable(
            f"microphone unavailable: no audio input device ({exc}); plug in a microphone "
            "or pass a WAV file / raw PCM on stdin"
        ) from None
    blocksize = sample_rate * chunk_ms // 1000
    overflows = 0
    with sd.RawInputStream(
        samplerate=sample_rate, blocksize=blocksize, device=device, channels=1, dtype="int16"
    ) as stream:
        while True:
            buf, overflowed = stream.read(blocksize)
            if overflowed:  # the reader fell behind and PortAudio lost audio: say so
                overflows += 1
                log.warning("microphone overflow (%d so far): audio was lost; read it on its "
                            "own thread (speech.capture.Capture)", overflows)
            yield bytes(buf)


def stdin_bytes() -> bytes:
    """All of stdin as bytes."""
    return sys.stdin.buffer.read()


def _parse_fmt(body: bytes, name: str) -> tuple[int, int, int, int]:
    code, channels, rate, _byte_rate, _align, bits = struct.unpack_from("<HHIIHH", body, 0)
    if code == _FORMAT_EXTENSIBLE:
        if len(body) < 40:
            raise AudioError(f"{name}: corrupt WAV: extensible 'fmt ' chunk too short")
        (code,) = struct.unpack_from("<H", body, 24)  # first two bytes of the sub-format GUID
    if code not in (_FORMAT_PCM, _FORMAT_FLOAT):
        raise AudioError(
            f"{name}: unsupported WAV encoding (format code {code}); only PCM and float WAV "
            "are read: convert with `sox in.wav -e signed -b 16 out.wav`"
        )
    if channels < 1 or rate < 1:
        raise AudioError(f"{name}: corrupt WAV: {channels} channels at {rate} Hz")
    ok_bits = (8, 16, 24, 32) if code == _FORMAT_PCM else (32, 64)
    if bits not in ok_bits:
        raise AudioError(f"{name}: unsupported WAV sample width {bits} bits")
    return code, channels, rate, bits


def _decode(pcm: bytes, code: int, channels: int, bits: int, name: str) -> np.ndarray:
    """Bytes -> float32 mono samples in [-1, 1]."""
    width = bits // 8
    frame = width * channels
    usable = len(pcm) - len(pcm) % frame
    pcm = pcm[:usable]
    if code == _FORMAT_FLOAT:
        x = np.frombuffer(pcm, dtype="<f4" if bits == 32 else "<f8").astype(np.float32)
        if not np.all(np.isfinite(x)):
            raise AudioError(f"{name}: corrupt float WAV: NaN or infinite samples")
    elif bits == 8:
        x = (np.frombuffer(pcm, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif bits == 16:
        x = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    elif bits == 24:
        b = np.frombuffer(pcm, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        x = v.astype(np.float32) / float(1 << 23)
    else:
        x = np.frombuffer(pcm, dtype="<i4").astype(np.float32) / float(1 << 31)
    if channels > 1:
        x = x.reshape(-1, channels).mean(axis=1)
    return x


def _to_clip(x: np.ndarray, rate: int, target_rate: int) -> AudioClip:
    if target_rate <= 0:
        raise AudioError(f"bad target rate {target_rate} Hz")
    if rate != target_rate and x.size:
        import soxr

        x = soxr.resample(x, rate, target_rate, quality="HQ")
    y = np.clip(np.round(x * 32768.0), -32768, 32767).astype(np.int16)
    return AudioClip(samples=y, sample_rate=target_rate)


def _not_pcm(data: bytes) -> str:
    """A hint like " (it is MP3)" when raw bytes are a known container or text, else ""."""
    hint = _guess_format(data)
    if hint and hint != " (it looks like text)":
        return hint
    head = data[:4096]
    if b"\x00" in head:  # text has no NUL bytes; silence and quiet PCM have many
        return ""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end
            return ""
        text = head[: exc.start].decode("utf-8")
    printable = sum(c.isprintable() or c in "\t\r\n" for c in text)
    return " (it looks like text)" if text and printable >= 0.95 * len(text) else ""


def _guess_format(data: bytes) -> str:
    head = data[:16]
    known = {
        b"fLaC": " (it is FLAC)",
        b"OggS": " (it is Ogg)",
        b"ID3": " (it is MP3)",
        b"\xff\xfb": " (it is MP3)",
        b"RIFX": " (it is big-endian RIFX)",
        b"FORM": " (it is AIFF)",
    }
    for magic, hint in known.items():
        if head.startswith(magic):
            return hint
    try:
        head.decode("ascii")
        return " (it looks like text)"
    except UnicodeDecodeError:
        return ""

