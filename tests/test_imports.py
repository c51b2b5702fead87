"""The device path (device, speech, health, cloud_sync) never imports torch, transformers or
optimum, directly or indirectly: every module is imported and the text path is run in a
fresh interpreter, which then inspects its own sys.modules."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import importlib, json, pkgutil, sys, tempfile
from pathlib import Path

model_dir = sys.argv[1]
imported, optional = [], []
for pkg_name in ("device", "speech", "health", "cloud_sync"):
    pkg = importlib.import_module(pkg_name)
    imported.append(pkg_name)
    for info in pkgutil.walk_packages(pkg.__path__, pkg_name + "."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except ModuleNotFoundError as exc:  # an optional extra that is not installed
            if exc.name in ("torch", "transformers", "optimum"):
                raise
            optional.append(f"{info.name}: {exc.name}")

from device.dialogue import DialogueManager
from device.intent import IntentModel
from device.pipeline import ActionExecutor, Assistant
from device.settings import example_config_path, load_settings

settings = load_settings(example_config_path())
from device.voice import DeviceVoice

speaker = DeviceVoice()
out = Path(tempfile.mkdtemp())
assistant = Assistant(IntentModel.load(model_dir), DialogueManager(settings.care_plan),
                      ActionExecutor("Mary"), speaker=speaker, out_dir=out)
turns = [assistant.respond(t).to_json() for t in
         ("good morning", "I fell down and I cannot get up", "what time is it")]
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] in ("torch", "transformers", "optimum"))
print(json.dumps({"imported": imported, "optional": optional, "turns": turns, "heavy": heavy}))
"""


def _model_dir(tmp_path: Path) -> Path:
    from device.intent import default_model_dir

    shipped = default_model_dir()
    if (shipped / "model.onnx").is_file():
        return shipped
    spec = importlib.util.spec_from_file_location(
        "eldercare_tests_tiny_intent", ROOT / "tests" / "e2e" / "tiny_intent.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_keyword_model(tmp_path / "intent")


def test_device_path_never_imports_heavy_packages(tmp_path: Path) -> None:
    model = _model_dir(tmp_path)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(model)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["heavy"] == []
    for name in ("device.dialogue", "device.runtime", "device.demo", "device.intent",
                 "speech.asr", "health.monitor", "health.alerting", "cloud_sync"):
        assert name in report["imported"]
    assert len(report["imported"]) >= 20
    intents = [t["intent"] for t in report["turns"]]
    assert intents[1] == "fall_report"
    assert all(t["reply"]["text"] for t in report["turns"])
    fall = report["turns"][1]["reply"]
    assert fall["actions"][0]["kind"] == "alert" and fall["actions"][0]["type"] == "spoken_fall"
