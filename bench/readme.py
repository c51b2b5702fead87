"""`eldercare bench readme`: the README's results tables, written from the committed JSON in
bench/results between two markers. Every figure is read from a file; nothing is typed in
by hand, so tests/bench/test_readme.py fails when the README and the JSON disagree."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.results import RESULTS_DIR

__all__ = ["START", "END", "render", "update", "ReadmeError"]

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"


class ReadmeError(ValueError):
    """A README without the markers, or results that cannot be read."""


def _f(v: Any, digits: int = 3) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{v:.0f}"
    return str(v)


def _machine(m: dict[str, Any]) -> str:
    flags = ", ".join(m.get("cpu_flags") or []) or "-"
    return (f"{m.get('cpu')}, {m.get('cpus')} CPUs (flags: {flags}), threads "
            f"{m.get('threads')}, repeats {m.get('repeats')}, load {m.get('load_avg_1m')}, "
            f"commit {m.get('commit')}")


def _intent(entries: list[dict[str, Any]]) -> list[str]:
    rows = [e for e in entries if e.get("measured")]
    out = ["**Intent** (`bench/results/intent.json`, `eldercare bench intent`): every system "
           "trained on or built from the same training sentences; each label goes through "
           "the device's safety decision. Test split / challenge set.", "",
           "| system | accuracy | emergency recall | false emergencies | out_of_scope F1 "
           "| p50 / p95 ms | size MB | memory MB |",
           "|---|---|---|---|---|---|---|---|"]
    for e in rows:
        c = e["challenge"]
        out.append(
            f"| {e['system']} | {_f(e['accuracy'])} / {_f(c['accuracy'])} "
            f"| {_f(e['emergency_recall'])} / {_f(c['emergency_recall'])} "
            f"| {e['false_emergencies']} of {e['test']['others_n']} / "
            f"{c['false_emergencies']} of {c['others_n']} "
            f"| {_f(e['oos_f1'])} / {_f(c['oos_f1'])} "
            f"| {_f(e['latency_ms_p50'], 2)} / {_f(e['latency_ms_p95'], 2)} "
            f"| {_f(e['size_mb'], 2)} | {_f(e.get('memory_mb'), 0)} |")
    others = [e for e in entries if not e.get("measured")]
    if others:
        out.append("")
    for e in others:
        if e.get("accuracy") is not None:
            out.append(f"- {e['system']}: test accuracy {_f(e['accuracy'])}, p50 "
                       f"{_f(e['latency_ms_p50'], 2)} ms, {_f(e['size_mb'], 1)} MB "
                       f"({e['notes']})")
        else:
            out.append(f"- {e['system']}: not measured: {e['notes']}.")
    if rows:
        out += ["", f"Machine: {_machine(rows[0]['machine'])}; sets: "
                    f"{rows[0]['sets']['test']}; {rows[0]['sets']['challenge']}."]
    return out


def _alerts(r: dict[str, Any]) -> list[str]:
    s = r["summary"]
    out = ["**Alerts** (`bench/results/alerts.json`, `eldercare bench alerts`): readings -> "
           "monitor -> outbox -> mosquitto -> caregiver, broker restarted mid-stream.", "",
           "| readings | readings/s | alerts sent | received | lost | duplicates "
           "| p50 / p99 ms (broker up) | p99 ms raised during an outage | restarts |",
           "|---|---|---|---|---|---|---|---|---|",
           f"| {s['readings']} | {_f(s['readings_per_s'], 0)} | {s['alerts_sent']} "
           f"| {s['alerts_received']} | {s['lost']} | {s['duplicates']} "
           f"| {_f(s['latency_ms_p50'], 2)} / {_f(s['latency_ms_p99'], 2)} "
           f"| {_f(s['latency_ms_p99_outage'], 1)} | {s['broker_restarts']} |"]
    cmp_ = r.get("comparison")
    if cmp_:
        out += ["", "Durable path against a bare paho-mqtt QoS 1 publish through the same "
                    "mosquitto:", "",
                "| path | p50 / p99 ms | lost across a broker restart "
                "| lost across `kill -9` of the publisher "
                "| lost across `kill -9` during a broker outage |", "|---|---|---|---|---|"]
        for name, c in cmp_["paths"].items():
            out.append(f"| {name} | {_f(c['latency_ms_p50'], 2)} / "
                       f"{_f(c['latency_ms_p99'], 2)} | {c['lost_broker_restart']} of "
                       f"{c['sent_broker_restart']} | {c['lost_kill9']} of "
                       f"{c['sent_kill9']} | {c['lost_kill9_outage']} of "
                       f"{c['sent_kill9_outage']} |")
    out += ["", f"Machine: {_machine(r['machine'])}."]
    return out


def _e2e(r: dict[str, Any]) -> list[str]:
    return ["**Spoken turn** (`bench/results/e2e.json`, `eldercare bench e2e`): audio fed "
            "in real time; from the end of speech.", "",
            "| utterances | ASR engine | reply start p50 / p95 ms "
            "| alert received p50 / p95 ms | alerts | intent as scripted |",
            "|---|---|---|---|---|---|",
            f"| {r['utterances']} | {r['asr_engine']} | {_f(r['reply_start_ms_p50'], 1)} / "
            f"{_f(r['reply_start_ms_p95'], 1)} | {_f(r['alert_received_ms_p50'], 1)} / "
            f"{_f(r['alert_received_ms_p95'], 1)} | {r['alerts']} "
            f"| {_f(r['intent_accuracy'])} |", "",
            f"Machine: {_machine(r['machine'])}."]


_RUNTIMES = (("before", "before"),
             ("after", "after (the device's default: threads spin during a run only)"),
             ("after_sleeping", "after, idle threads sleep (`intent.spin_threads: false`)"),
             ("after_spinning",
              "after, threads spin between runs too (`intent.spin_only_in_run: false`)"))
"""The runtimes of `bench intent-runtime`, in the README's order (older results lack the
last ones)."""


def _intent_runtime(r: dict[str, Any]) -> list[str]:
    return ["**Intent runtime** (`bench/results/intent_runtime.json`, `eldercare bench "
            "intent-runtime`): the device's runtime before and after its batch-1 changes, in "
            f"one run, batch 1, {r['threads']} threads; labels identical on "
            f"{r['compared']} utterances: {'yes' if r['identical'] else 'NO'}.", "",
            "| runtime | p50 ms | p95 ms |", "|---|---|---|",
            *[f"| {name} | {_f(r[key]['latency_ms_p50'], 2)} | "
              f"{_f(r[key]['latency_ms_p95'], 2)} |"
              for key, name in _RUNTIMES if key in r], "",
            f"Machine: {_machine(r['machine'])}."]


def _reproduce(r: dict[str, Any]) -> list[str]:
    figs = ", ".join(f"{k} {_f(v['reference'])} vs {_f(v['candidate'])}"
                     for k, v in r["figures"].items())
    return [f"**Reproducible build** (`bench/results/reproduce.json`, `eldercare bench "
            f"reproduce --preset {r['preset']}`): {r['what']}: "
            f"{'reproduced' if r['reproduced'] else 'NOT reproduced'} (figures within "
            f"{r['tolerance']}: {figs}; ONNX and tokenizer files identical: "
            f"{'yes' if r['identical_files'] else 'no'}).", "",
            f"Machine: {_machine(r['machine'])}."]


SECTIONS: tuple[tuple[str, Callable[[Any], list[str]]], ...] = (
    ("intent", _intent), ("intent_runtime", _intent_runtime), ("reproduce", _reproduce),
    ("alerts", _alerts), ("e2e", _e2e))


def render(results_dir: str | Path = RESULTS_DIR) -> str:
    """The text between the markers, from the JSON files present in ``results_dir``."""
    if not Path(results_dir).is_dir():
        raise ReadmeError(f"results folder {results_dir} does not exist")
    parts: list[str] = [
        "_Generated by `eldercare bench readme` from the JSON in `bench/results`; "
        "docs/benchmarks.md defines every figure._"]
    for name, fmt in SECTIONS:
        path = Path(results_dir) / f"{name}.json"
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text())
            lines = fmt(data)
        except (ValueError, KeyError, TypeError) as exc:
            raise ReadmeError(f"{path} cannot be read as {name} results: {exc!r}") from None
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _split(text: str, path: Path) -> tuple[str, str, str]:
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise ReadmeError(f"{path} needs one {START} line before one {END} line")
    head, rest = text.split(START, 1)
    body, tail = rest.split(END, 1)
    return head, body, tail


def update(readme: str | Path, results_dir: str | Path = RESULTS_DIR,
           check: bool = False) -> bool:
    """Rewrite the section of ``readme`` between the markers; with ``check``, change
    nothing. Returns True when the README already agreed with the JSON."""
    path = Path(readme)
    text = path.read_text()
    head, body, tail = _split(text, path)
    fresh = "\n" + render(results_dir) + "\n"
    if body == fresh:
        return True
    if not check:
        path.write_text(head + START + fresh + END + tail)
    return False
