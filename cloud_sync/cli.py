"""`eldercare bundle keygen|build|verify|install|rollback|status` (docs/bundles.md).

Every refusal is a BundleError (a ValueError) or an OSError, which the command line prints
as one `eldercare: error: ...` line with a non-zero exit."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any


def _log(msg: str) -> None:
    print(f"eldercare bundle: {msg}", file=sys.stderr, flush=True)


def register(subparsers: Any) -> None:
    bundle = subparsers.add_parser("bundle", help="signed bundles for technicians: build, "
                                   "verify, install (A/B slots), roll back")
    sub = bundle.add_subparsers(dest="bundle_cmd", metavar="CMD")
    sub.required = True

    p = sub.add_parser("keygen", help="write KEYDIR/private.pem and public.pem (Ed25519)")
    p.add_argument("--out", required=True, metavar="KEYDIR")
    p.set_defaults(func=_keygen)

    p = sub.add_parser("build", help="pack and sign a bundle")
    p.add_argument("--key", required=True, metavar="PEM", help="KEYDIR/private.pem")
    p.add_argument("--out", required=True, metavar="FILE.tar")
    p.add_argument("--intent", default=None, metavar="DIR",
                   help="intent model folder (default: the shipped student)")
    p.add_argument("--asr-model", default=None, metavar="DIR",
                   help="speech model folder (default: the shipped pocketsphinx domain LM)")
    p.add_argument("--target", choices=("jetson", "cpu"), default="cpu",
                   help="jetson adds a wheelhouse of the edge extra for Python 3.10 aarch64")
    p.add_argument("--version", default=None,
                   help="dotted numbers (default: from the UTC build time)")
    p.add_argument("--wheel-cache", default=None, metavar="DIR",
                   help="keep downloaded wheels here and reuse them (jetson)")
    p.set_defaults(func=_build)

    p = sub.add_parser("verify", help="check signature, hashes, paths, links and sizes")
    p.add_argument("bundle", metavar="FILE.tar")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.set_defaults(func=_verify)

    p = sub.add_parser("install", help="verify, unpack to the inactive slot, switch, "
                       "self-test (switches back by itself on failure)")
    p.add_argument("bundle", metavar="FILE.tar")
    p.add_argument("--root", required=True, metavar="DIR")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.set_defaults(func=_install)

    p = sub.add_parser("rollback", help="make the other slot active again")
    p.add_argument("--root", required=True, metavar="DIR")
    p.set_defaults(func=_rollback)

    p = sub.add_parser("status", help="one JSON line: active slot, version, target, the "
                       "other slot, last install result")
    p.add_argument("--root", required=True, metavar="DIR")
    p.set_defaults(func=_status)

    p = sub.add_parser("announce", help="publish a retained update notice (version, sha256, "
                       "url) for a bundle")
    p.add_argument("bundle", metavar="FILE.tar")
    p.add_argument("--url", required=True, help="where devices fetch it (http(s):// or file://)")
    _mqtt_args(p)
    p.add_argument("--pubkey", default=None, metavar="PEM",
                   help="verify the bundle before announcing it")
    p.set_defaults(func=_announce)

    p = sub.add_parser("watch", help="install newer bundles announced on the update topic; "
                       "report results on <prefix>/<home>/status/update")
    p.add_argument("--root", required=True, metavar="DIR")
    p.add_argument("--pubkey", required=True, metavar="PEM")
    p.add_argument("--target", choices=("jetson", "cpu"), default="cpu")
    _mqtt_args(p)
    p.add_argument("--on-installed", default=None, metavar="CMD",
                   help="run after a successful install (e.g. systemctl try-restart "
                        "eldercare.service)")
    p.set_defaults(func=_watch)


def _mqtt_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mqtt", required=True, metavar="URL", help="mqtt://host:port")
    p.add_argument("--prefix", default="eldercare")
    p.add_argument("--home", default="home1")


def _print(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, sort_keys=True) + "\n")
    sys.stdout.flush()


def _keygen(args: argparse.Namespace) -> int:
    from cloud_sync.signing import keygen

    priv, pub = keygen(args.out)
    _print({"private": str(priv), "public": str(pub)})
    return 0


def _build(args: argparse.Namespace) -> int:
    from cloud_sync.build import build_bundle

    start = time.perf_counter()
    m = build_bundle(args.key, args.out, intent_dir=args.intent, asr_model=args.asr_model,
                     target=args.target, version=args.version, wheel_cache=args.wheel_cache,
                     log=_log)
    _print({"bundle": args.out, "version": m.version, "target": m.target,
            "files": len(m.files), "bytes": m.total_bytes(),
            "seconds": round(time.perf_counter() - start, 2)})
    return 0


def _verify(args: argparse.Namespace) -> int:
    from cloud_sync.verify import verify_bundle

    start = time.perf_counter()
    m = verify_bundle(args.bundle, args.pubkey)
    _print({"bundle": args.bundle, "ok": True, "version": m.version, "target": m.target,
            "created_at": m.created_at, "files": len(m.files), "bytes": m.total_bytes(),
            "seconds": round(time.perf_counter() - start, 2)})
    return 0


def _install(args: argparse.Namespace) -> int:
    from cloud_sync.slots import install

    start = time.perf_counter()
    result = install(args.bundle, args.root, args.pubkey, log=_log)
    _print({**result, "seconds": round(time.perf_counter() - start, 2)})
    return 0


def _rollback(args: argparse.Namespace) -> int:
    from cloud_sync.slots import rollback

    _print(rollback(args.root))
    return 0


def _status(args: argparse.Namespace) -> int:
    from cloud_sync.slots import status

    _print(status(args.root))
    return 0


def _announce(args: argparse.Namespace) -> int:
    from cloud_sync.update import notice_for, publish_notice
    from health.mqtt_settings import MqttSettings

    settings = MqttSettings(args.mqtt, prefix=args.prefix, home=args.home)
    notice = notice_for(args.bundle, args.url, args.pubkey)
    topic = publish_notice(settings, notice)
    _print({"topic": topic, **notice.to_json()})
    return 0


def _watch(args: argparse.Namespace) -> int:
    import shlex
    import signal
    import subprocess
    import threading

    from cloud_sync.update import UpdateAgent
    from health.mqtt_settings import MqttSettings

    settings = MqttSettings(args.mqtt, prefix=args.prefix, home=args.home)

    def after(result: dict[str, Any]) -> None:
        if args.on_installed:
            proc = subprocess.run(shlex.split(args.on_installed), check=False, timeout=300)
            if proc.returncode != 0:
                _log(f"--on-installed exited {proc.returncode}")

    agent = UpdateAgent(settings, args.root, args.pubkey, target=args.target,
                        on_installed=after)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    agent.start()
    _log(f"watching {settings.topic('update')} for bundles")
    try:
        done.wait()
    finally:
        agent.stop()
    return 0
