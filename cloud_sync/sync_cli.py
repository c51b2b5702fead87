"""`eldercare cloud ingest|report|corrections` (the fleet side of the sync; the ingest takes
MQTT, HTTPS or both) and `eldercare sync correct` (a caregiver marks an utterance as
misunderstood); docs/cloud-sync.md."""

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
    ing.add_argument("--broker", default=None,
                     help="MQTT broker URL (mqtt://host:port); --broker, --http or both")
    ing.add_argument("--http", default=None, metavar="HOST:PORT",
                     help="also (or only) take events POSTed over HTTPS here (devices with "
                          "sync.transport https); needs --tls-cert and --tls-key")
    ing.add_argument("--tls-cert", default=None, help="PEM certificate chain of --http")
    ing.add_argument("--tls-key", default=None, help="PEM private key of --http")
    ing.add_argument("--token-file", default=None,
                     help="file with the bearer token every HTTPS request must carry")
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


def _http_address(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"--http {text!r} must be HOST:PORT, e.g. 0.0.0.0:8443")
    return host.strip("[]"), int(port)


def _ingest(args: argparse.Namespace) -> int:
    from cloud_sync.ingest import HttpsIngest, Ingest
    from cloud_sync.store import EventStore

    if args.broker is None and args.http is None:
        raise ValueError("cloud ingest needs --broker URL, --http HOST:PORT, or both")
    if args.http is not None and (args.tls_cert is None or args.tls_key is None):
        raise ValueError("--http needs --tls-cert and --tls-key (PEM files)")
    if args.http is None and (args.tls_cert or args.tls_key or args.token_file):
        raise ValueError("--tls-cert, --tls-key and --token-file go with --http")
    address = _http_address(args.http) if args.http is not None else None
    store = EventStore(args.db)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    ingest = https = None
    t0 = time.monotonic()
    try:
        started: dict[str, Any] = {"ingest": "started"}
        if address is not None:
            https = HttpsIngest(store, address[0], address[1], args.tls_cert, args.tls_key,
                                args.token_file, prefix=args.prefix).start()
            started["https"] = f"https://{args.http.rpartition(':')[0]}:{https.port}/" \
                f"{args.prefix}/<home>/sync"
        if args.broker is not None:
            ingest = Ingest(args.broker, store, prefix=args.prefix, client_id=args.client_id,
                            share=args.share)
            ingest.start(wait_s=5.0)
            started.update(topic=ingest.topic, connected=ingest.connected)
        print(json.dumps(started), flush=True)
        while not stop.wait(0.2):
            if ingest is not None and ingest.error is not None:
                raise RuntimeError(f"ingest writer stopped: {ingest.error}") from ingest.error
            if https is not None and not https.serving:
                raise RuntimeError("the HTTPS ingest stopped serving")
    finally:
        try:
            if https is not None:
                https.stop()
        finally:
            try:
                if ingest is not None:
                    ingest.stop()
            finally:
                store.close()
    stats: dict[str, Any] = {}
    for part in (ingest, https):
        if part is not None:
            for k, v in part.stats.to_json().items():
                stats[k] = stats.get(k, 0) + v
    if https is not None:
        stats["unauthorized"] = https.unauthorized
    print(json.dumps({"ingest": "stopped", **stats,
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
