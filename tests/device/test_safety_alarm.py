"""The local alarm, the fallback when an alert cannot be kept (docs/safety-path.md)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from device.alarm import LocalAlarm
from device.careplan import CarePlan
from device.executor import ActionExecutor
from device.replies import Action
from speech.audio import AudioClip, AudioError

PLAN = CarePlan.from_json({"contacts": [{"name": "Anna", "relation": "daughter"}]},
                          resident="Mary")


class Sink:
    """Records what it is asked to play."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.clips: list[AudioClip] = []

    def play(self, clip: AudioClip, stop: threading.Event) -> bool:
        if self.fail:
            raise AudioError("no audio output device")
        self.clips.append(clip)
        return True


def test_siren_alternates_two_loud_tones() -> None:
    sink = Sink()
    alarm = LocalAlarm(sink, seconds=1.0)
    assert alarm() and alarm.sounded == 1
    (clip,) = sink.clips
    assert clip.seconds == pytest.approx(1.0) and clip.samples.dtype == np.int16
    assert np.abs(clip.samples).max() > 20000
    quarter = clip.sample_rate // 4

    def crossings(x: np.ndarray) -> int:
        return int(np.count_nonzero(np.diff(np.signbit(x))))

    hi, lo = crossings(clip.samples[:quarter]), crossings(clip.samples[quarter:2 * quarter])
    assert hi == pytest.approx(2 * 880 / 4, rel=0.05) and lo == pytest.approx(2 * 660 / 4,
                                                                              rel=0.05)


def test_no_audio_output_says_so_and_returns_false(caplog: pytest.LogCaptureFixture) -> None:
    alarm = LocalAlarm(Sink(fail=True))
    assert alarm() is False and alarm.sounded == 0
    assert "cannot sound the local alarm" in caplog.text


def test_bad_length_is_refused() -> None:
    with pytest.raises(ValueError, match="0.5..30 seconds"):
        LocalAlarm(seconds=0.1)


@pytest.mark.parametrize("fail", [False, True])
def test_failed_alert_says_the_alarm_only_when_it_sounded(fail: bool) -> None:
    ex = ActionExecutor("Mary", plan=PLAN, alarm=LocalAlarm(Sink(fail), seconds=0.5))
    (out,) = ex.run((Action("alert", {"type": "help_request", "level": "emergency",
                                      "reason": "Mary asked for help"}),))
    assert out.status == "failed" and out.data["alarm"] is (not fail)
    assert ("sounding the alarm" in out.say) is (not fail) and "told" not in out.say
