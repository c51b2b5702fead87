"""`eldercare health ...` verbs (the alert benchmark lives in bench/alerts.py)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any, TextIO

from .limits import float_range, int_range


def register(subparsers: Any) -> None:
    health = subparsers.add_parser("health", help="health scores, readings and alerts")
    sub = health.add_subparsers(dest="health_cmd", metavar="CMD")
    sub.required = True

    p = sub.add_parser(
        "score",
        help="NEWS2 of observation sets: JSON lines on stdin -> JSON lines on stdout",
        description="Each stdin line is one observation set, e.g. "
        '{"resp_rate": 18, "spo2": 96, "spo2_scale": 1, "on_oxygen": false, '
        '"systolic_bp": 120, "pulse": 80, "consciousness": "A", "temperature": 37.0}. '
        "Each output line is {\"news2\", \"risk\", \"parameters\", \"missing\"}; a bad line "
        'gives {"line": N, "error": ...} and the exit status is 2 at the end.',
    )
    p.add_argument("--spo2-scale", type=int, choices=(1, 2), default=None,
                   help="care-plan SpO2 scale for lines that do not give one (default 1)")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("replay", help="play a JSON-lines file of readings through the "
                       "monitor (no broker: prints the findings as JSON lines)")
    p.add_argument("file", help="replay file: one reading per line")
    p.add_argument("--resident", default="resident1", help="default resident")
    p.add_argument("--spo2-scale", type=int, choices=(1, 2), default=1,
                   help="care-plan SpO2 scale of the default resident")
    p.add_argument("--spo2-scale-for", action="append", default=[], metavar="RESIDENT=SCALE",
                   help="care-plan SpO2 scale of another resident (repeatable), e.g. r2=2; "
                   "residents not named are scored on scale 1")
    p.add_argument("--alerts", action="store_true",
                   help="print the alerts a caregiver would have received (suppression "
                   "windows on the readings' own times) instead of every finding")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("watch", help="a caregiver's console: print alerts of a home as JSON "
                       "lines (persistent session), optionally acknowledging them")
    add_mqtt_args(p)
    p.add_argument("--client-id", default="eldercare-caregiver",
                   help="session id: the broker keeps alerts for it while away")
    p.add_argument("--ack", action="store_true", help="acknowledge each alert received")
    p.add_argument("--count", type=int_range(0, 1_000_000), default=0,
                   help="stop after N alerts, 0-1000000 (0: never)")
    p.add_argument("--timeout", type=float_range(0.0, 31_536_000.0), default=0.0,
                   help="stop after S seconds, 0-31536000 (0: never)")
    p.set_defaults(func=cmd_watch)


def add_mqtt_args(p: argparse.ArgumentParser) -> None:
    """Broker options shared by health verbs."""
    p.add_argument("--broker", required=True, help="mqtt://host[:port] or mqtts://...")
    p.add_argument("--prefix", default="eldercare", help="topic prefix")
    p.add_argument("--home", default="home1", help="home id (second topic level)")
    p.add_argument("--username", default=None)
    p.add_argument("--password", default=None,
                   help="broker password (or set ELDERCARE_MQTT_PASSWORD)")
    p.add_argument("--tls", action="store_true", help="use TLS (implied by mqtts://)")
    p.add_argument("--ca-file", default=None, help="CA bundle (PEM) for TLS")


def mqtt_settings_from_args(args: argparse.Namespace) -> Any:
    import os

    from .mqtt_settings import MqttSettings

    password = args.password or os.environ.get("ELDERCARE_MQTT_PASSWORD")
    return MqttSettings(args.broker, username=args.username, password=password, tls=args.tls,
                        ca_file=args.ca_file, prefix=args.prefix, home=args.home)


def cmd_watch(args: argparse.Namespace) -> int:
    import queue
    import time

    from .caregiver import CaregiverClient

    settings = mqtt_settings_from_args(args)
    inbox: queue.Queue[Any] = queue.Queue()
    cg = CaregiverClient(settings, args.client_id, clean=False, on_alert=inbox.put)
    cg.start()
    print(f"eldercare: watching {settings.topic('alerts')} as {args.client_id}",
          file=sys.stderr, flush=True)
    seen = 0
    deadline = time.monotonic() + args.timeout if args.timeout > 0 else None
    try:
        while not args.count or seen < args.count:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            try:
                alert = inbox.get(timeout=0.5 if left is None else min(0.5, left))
            except queue.Empty:
                continue
            seen += 1
            print(json.dumps(alert.to_json()), flush=True)
            if args.ack:
                try:
                    cg.ack(alert.id).wait_for_publish(5)
                except (RuntimeError, ValueError) as exc:
                    print(f"eldercare: ack of {alert.id} not confirmed: {exc}", file=sys.stderr)
    finally:
        cg.stop()
    return 0


def score_lines(lines: IO[str] | IO[bytes], out: TextIO, err: TextIO,
                spo2_scale: int | None = None) -> int:
    """The body of `health score`: returns the number of bad lines. Every line gets one
    output line: its score, or ``{"line": N, "error": ...}`` (too long, not UTF-8, not
    JSON, too deep, not an observation set); reading goes on after a bad line."""
    from .limits import MAX_LINE_BYTES, InputRejected, parse_json, read_lines
    from .news2 import ObservationError, score

    bad = 0
    for n, text in read_lines(lines, MAX_LINE_BYTES):
        if isinstance(text, str) and not text.strip():
            continue
        try:
            if isinstance(text, InputRejected):
                raise text
            data = parse_json(text, MAX_LINE_BYTES, what="the line")
            if not isinstance(data, dict):
                raise ObservationError("each line must be a JSON object of observations")
            if spo2_scale is not None and data.get("spo2_scale") is None:
                data = {**data, "spo2_scale": spo2_scale}
            result: dict[str, Any] = score(data).to_json()
        except (ValueError, TypeError) as exc:
            bad += 1
            msg = exc.message if isinstance(exc, InputRejected) else str(exc)
            result = {"line": n, "error": msg}
            print(f"eldercare: error: line {n}: {msg}", file=err)
        out.write(json.dumps(result) + "\n")
        out.flush()
    return bad


def cmd_score(args: argparse.Namespace) -> int:
    bad = score_lines(sys.stdin.buffer, sys.stdout, sys.stderr, args.spo2_scale)
    return 2 if bad else 0


def parse_scales(items: list[str]) -> dict[str, int]:
    """``["r2=2", ...]`` -> ``{"r2": 2}``; ValueError naming the bad item."""
    out: dict[str, int] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or value.strip() not in ("1", "2"):
            raise ValueError(f"--spo2-scale-for {item!r} must be RESIDENT=1 or RESIDENT=2")
        out[name.strip()] = int(value)
    return out


def cmd_replay(args: argparse.Namespace) -> int:
    import tempfile

    from .monitor import HealthMonitor, MonitorConfig
    from .replay import read_replay_lines

    cfg = MonitorConfig(spo2_scale=args.spo2_scale,
                        spo2_scale_by_resident=parse_scales(args.spo2_scale_for))
    with tempfile.TemporaryDirectory(prefix="eldercare-replay-") as tmp:
        svc = None
        if args.alerts:  # never started: suppression and ids only, nothing is sent
            from .alerting import AlertService
            from .mqtt_settings import MqttSettings

            svc = AlertService(MqttSettings("mqtt://localhost"), f"{tmp}/outbox.sqlite",
                               discovery=False)
        mon = HealthMonitor(svc, args.resident, cfg)
        try:
            n = _replay_lines(mon, read_replay_lines(args.file), args.file)
        finally:
            if svc is not None:
                svc.stop()
    rejected = dict(mon.rejected)
    summary = {"accepted": mon.accepted, "rejected": rejected, "findings": mon.findings_total}
    if args.alerts:
        summary["alerts"] = n
    print(json.dumps(summary))
    return 2 if rejected else 0


def _replay_lines(mon: Any, lines: Any, name: str) -> int:
    """Replay and print findings (no alert service) or alerts as JSON lines; a line that
    is not a valid reading gets ``{"line", "rejected", "error"}`` on stdout (and a log
    line naming FILE:N on stderr) and the replay goes on. Returns the number of alerts
    printed. Relative times (below 1e9 s) all count from one start."""
    import time

    from .readings import RejectedReading

    base = time.time()
    alerts = 0
    for n, reading in lines:
        before = mon.findings_total
        try:
            if isinstance(reading, RejectedReading):
                mon.reject(reading, f"{name}:{n}")
                raise reading
            raised = mon.replay([reading], base=base, strict=True, source=f"{name}:{n}")
        except RejectedReading as exc:
            # the monitor logged it with FILE:N (rate-limited); stdout answers every line
            print(json.dumps({"line": n, "rejected": exc.reason, "error": exc.message}))
            continue
        if mon.alerts is not None:
            for a in raised:
                alerts += 1
                print(json.dumps({"line": n, "ts": reading.get("ts"), "id": a.id,
                                  "resident": a.resident, "kind": a.kind, "level": a.level,
                                  "reason": a.reason, "news2": a.news2}))
            continue
        new = mon.findings_total - before
        for f in list(mon.findings)[len(mon.findings) - new:]:
            print(json.dumps({"line": n, "ts": reading.get("ts"), "kind": f.kind,
                              "level": f.level, "reason": f.reason, "news2": f.news2}))
    return alerts
