"""`eldercare cloud ingest|report` (the fleet side of the sync) and `eldercare sync
correct` (a caregiver marks an utterance as misunderstood); docs/cloud-sync.md."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///eldercare-cloud.sqlite"


def register(subparsers: Any) -> None:
    cloud = subparsers.add_parser("cloud", help="fleet side of the de-identified sync")
    sub = cloud.add_subparsers(dest="cloud", metavar="ACTION")
    sub.required = True
    ing = sub.add_parser("ingest", help="store homes' sync events until SIGTERM")
    ing.add_argument("--db", default=DEFAULT_DB,
                     help="sqlite:///PATH, a file path, or postgresql://user@host:port/db "
                          f"(default {DEFAULT_DB})")
    ing.add_argument("--broker", required=True, help="MQTT broker URL (mqtt://host:port)")
    ing.add_argument("--prefix", default="eldercare-sync", help="the homes' sync.prefix")
    ing.add_argument("--client-id", default="eldercare-cloud-ingest",
                     help="MQTT client id (keep it across restarts: the broker keeps its queue)")
    ing.add_argument("--share", default=None, metavar="GROUP",
                     help="join an MQTT shared subscription: several ingests (each its own "
                          "--client-id) split the events")
    ing.set_defaults(func=_ingest)
    rep = sub.add_parser("report", help="fleet figures as one JSON line")
    rep.add_argument("--db", default=DEFAULT_DB, help="the ingest's database URL")
    rep.add_argument("--png", default=None, help="also draw the figures into this PNG")
    rep.set_defaults(func=_report)

    cor_x = sub.add_parser("corrections", help="consented corrections from the store as "
                           "training rows (for eldercare compress --corrections) and a "
                           "held-out part; with --model, accuracy on the held-out part")
    cor_x.add_argument("--db", default=DEFAULT_DB, help="the ingest's database URL")
    cor_x.add_argument("--out", required=True, help="folder for corrections.jsonl and "
                       "corrections-heldout.jsonl")
    cor_x.add_argument("--holdout", type=float, default=0.25,
                       help="share of corrections held out for evaluation, 0..1 (default 0.25)")
    cor_x.add_argument("--model", action="append", default=[], metavar="DIR",
                       help="intent model folder to score on the held-out part (repeatable: "
                            "before and after)")
    cor_x.set_defaults(func=_corrections)

    sync = subparsers.add_parser("sync", help="device side of the de-identified sync")
    ssub = sync.add_subparsers(dest="sync", metavar="ACTION")
    ssub.required = True
    cor = ssub.add_parser("correct", help="mark an utterance as misunderstood, with the "
                          "right label (leaves the home only with sync.consent_transcripts)")
    cor.add_argument("--config", default=None, help="the device's JSON settings file")
    cor.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE")
    cor.add_argument("--predicted", default="", help="the label the device chose")
    cor.add_argument("text", help="what the resident said")
    cor.add_argument("label", help="the intent it should have been")
    cor.set_defaults(func=_correct)


def _ingest(args: argparse.Namespace) -> int:
    from cloud_sync.ingest import Ingest
    from cloud_sync.store import EventStore

    store = EventStore(args.db)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    ingest = Ingest(args.broker, store, prefix=args.prefix, client_id=args.client_id,
                    share=args.share)
    t0 = time.monotonic()
    ingest.start(wait_s=5.0)
    print(json.dumps({"ingest": "started", "topic": ingest.topic,
                      "connected": ingest.connected}), flush=True)
    try:
        ingest.run_until(stop)
    finally:
        ingest.stop()
        store.close()
    print(json.dumps({"ingest": "stopped", **ingest.stats.to_json(),
                      "seconds": round(time.monotonic() - t0, 2)}), flush=True)
    return 0


def _report(args: argparse.Namespace) -> int:
    from cloud_sync.report import fleet_report, plot_report
    from cloud_sync.store import EventStore

    store = EventStore(args.db)
    try:
        events = list(store.rows())
    finally:
        store.close()
    report = fleet_report(events)
    if args.png:
        plot_report(events, args.png)
        report["png"] = args.png
    print(json.dumps(report, sort_keys=True), flush=True)
    return 0


def _corrections(args: argparse.Namespace) -> int:
    from cloud_sync.corrections import export_corrections, heldout_accuracy, write_rows
    from cloud_sync.store import EventStore

    store = EventStore(args.db)
    try:
        train, held = export_corrections(store.rows(), args.holdout)
    finally:
        store.close()
    out = Path(args.out)
    write_rows(train, out / "corrections.jsonl")
    heldout = write_rows(held, out / "corrections-heldout.jsonl")
    result: dict[str, Any] = {"train": len(train), "heldout": len(held), "out": str(out)}
    if args.model:
        result["heldout_accuracy"] = {m: heldout_accuracy(m, heldout) for m in args.model}
    print(json.dumps(result), flush=True)
    return 0


def _correct(args: argparse.Namespace) -> int:
    from cloud_sync.collector import CORRECTIONS_FILE
    from device.labels import INTENT_LABELS as LABELS
    from device.settings import example_config_path, load_settings

    if args.label not in LABELS:
        raise ValueError(f"label {args.label!r} is not an intent label: one of "
                         f"{', '.join(LABELS)}")
    if not args.text.strip():
        raise ValueError("the utterance is empty")
    settings = load_settings(args.config or example_config_path(), None, args.set)
    path = Path(settings.output.state_dir).expanduser() / CORRECTIONS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"text": args.text, "label": args.label, "predicted": args.predicted,
                       "ts": round(time.time(), 3)}, ensure_ascii=False)
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    print(json.dumps({"stored": str(path), "consent_transcripts":
                      settings.sync.consent_transcripts}), file=sys.stdout)
    return 0
