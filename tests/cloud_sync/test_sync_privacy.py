"""Planted identifiers (care-plan names, phone numbers, addresses, e-mails, dates of birth)
in transcripts, alert reasons, corrections and settings never reach the cloud store; without
consent no transcript leaves the device at all. Real device, real mosquitto, real ingest."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from cloud_sync.deid import Pseudonyms, Scrubber, coarsen_hour, laplace, load_secret
from cloud_sync.events import SyncEvent
from cloud_sync.ingest import Ingest
from cloud_sync.store import EventStore
from health.broker import EmbeddedBroker

RESIDENT = "Margaret"
CONTACTS = [{"name": "Anna Whitfield", "relation": "daughter", "phone": "+44 7700 900123"},
            {"name": "Tobias", "relation": "son", "phone": "+1 415 555 0134"}]
HOME = "whitfield-cottage"
PLANTED = ["Margaret", "Whitfield", "Tobias", "7700 900123", "7700900123", "900123",
           "415 555 0134", "5550134", "Acacia", "SW1A 1AA", "anna.w@example.com",
           "example.com", "1941", "3 March", "03/03/1941", "cottage"]
SPOKEN = ("I fell down, Margaret Whitfield here, call Tobias on 07700 900123 or "
          "anna.w@example.com, 12 Acacia Avenue SW1A 1AA, born 3 March 1941")
NO_CONSENT = "zebrakettle I fell Margaret 07700 900123 born 03/03/1941"
"""A correction recorded before consent: not one word of it may leave."""
WITH_CONSENT = "giraffelamp call Tobias Whitfield on +1 415 555 0134 at 12 Acacia Avenue"
"""A correction recorded after consent: leaves scrubbed, with its label."""



def _all_text(db: Path) -> str:
    """Every value of every table of a SQLite file, as text (what a search would find)."""
    con = sqlite3.connect(db)
    try:
        out = []
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in con.execute(f"SELECT * FROM {table}"):  # noqa: S608 - test
                out.extend(bytes(v).decode("utf-8", "replace") if isinstance(v, bytes)
                           else str(v) for v in row)
    finally:
        con.close()
    return "\n".join(out)


def test_planted_identifiers_never_reach_the_store(broker: EmbeddedBroker,
                                                   keyword_intent: Path,
                                                   tmp_path: Path, scenario_play: Any,
                                                   wait_until: Any) -> None:
    work = tmp_path / "work"
    corrections = work / "state" / "corrections.jsonl"
    corrections.parent.mkdir(parents=True)
    corrections.write_text(json.dumps({"text": NO_CONSENT, "label": "fall_report"}) + "\n")
    store = EventStore(tmp_path / "cloud.sqlite")
    ingest = Ingest(broker.url, store, client_id="test-ingest-privacy").start(wait_s=10)

    def hook(step: Any, player: Any) -> None:
        if step.line == 4:  # consent recorded (line 3): a new correction
            with corrections.open("a") as f:
                f.write(json.dumps({"text": WITH_CONSENT, "label": "call_family",
                                    "predicted": "out_of_scope"}) + "\n")

    try:
        played = scenario_play.play(tmp_path, broker.url, keyword_intent, [
            {"at": "2026-11-30T08:00:00", "say": SPOKEN},
            {"at": "+60", "ack": "last", "by": "Anna Whitfield"},
            {"at": "2026-11-30T09:10:00", "set": {"sync.consent_transcripts": True}},
            {"at": "+60", "say": "what time is it"},
            {"at": "2026-11-30T10:30:00", "say": "hello"}],
            sets=("sync.enabled=true", f"resident.name={json.dumps(RESIDENT)}",
                  f"mqtt.home={json.dumps(HOME)}",
                  f"care_plan.contacts={json.dumps(CONTACTS)}", "sync.interval_s=600"),
            work=work, step_hook=hook)
        assert played.summary["errors"] == 0
        reasons = [a["reason"] for a in played.alerts]
        assert any("Acacia" in r for r in reasons)  # the alert reason carried them ...
        outbox = work / "state" / "sync-outbox.sqlite"
        con = sqlite3.connect(outbox)
        n_sent = con.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
        con.close()
        assert wait_until(lambda: store.count() >= n_sent)
        events = list(store.rows())
        kinds = {e.kind for e in events}
        assert {"alert", "alert_ack", "intent_stats", "correction"} <= kinds

        cloud = _all_text(tmp_path / "cloud.sqlite") + _all_text(outbox)
        for planted in PLANTED:  # ... but none of it reached the cloud or left the device
            assert planted.lower() not in cloud.lower(), planted
        assert "zebrakettle" not in cloud  # recorded before consent: nothing of it left
        (corr,) = [e for e in events if e.kind == "correction"]
        assert corr.data["label"] == "call_family" and "giraffelamp" in corr.data["text"]
        assert "<name>" in corr.data["text"] and "<phone>" in corr.data["text"]
        assert "<address>" in corr.data["text"]
        texts = [e for e in events if "text" in e.data]
        assert texts == [corr]  # the only free text that left: consented, scrubbed
        # the misunderstood utterances were counted either way (no text with the count)
        assert sum(e.data["misunderstood"] for e in events if e.kind == "intent_stats") >= 1
    finally:
        ingest.stop()
        store.close()


def test_without_consent_no_transcript_leaves(broker: EmbeddedBroker, keyword_intent: Path,
                                              tmp_path: Path, scenario_play: Any) -> None:
    work = tmp_path / "work"
    corrections = work / "state" / "corrections.jsonl"
    corrections.parent.mkdir(parents=True)
    corrections.write_text("".join(json.dumps({"text": f"quokka{i} I said help",
                                               "label": "emergency_help"}) + "\n"
                                   for i in range(3)))
    played = scenario_play.play(tmp_path, broker.url, keyword_intent, [
        {"at": "2026-11-30T08:00:00", "say": "quokkaphrase I fell down"},
        {"at": "2026-11-30T09:30:00", "say": "quokkaphrase hello"}],
        sets=("sync.enabled=true", "sync.interval_s=600"), work=work)
    assert played.summary["errors"] == 0
    sent = _all_text(work / "state" / "sync-outbox.sqlite")
    assert sent and "quokka" not in sent
    payloads = [SyncEvent.from_bytes(p) for (p,) in sqlite3.connect(
        work / "state" / "sync-outbox.sqlite").execute("SELECT payload FROM outbox")]
    assert not [e for e in payloads if e.kind == "correction" or "text" in e.data]
    stats = [e for e in payloads if e.kind == "intent_stats"]
    assert sum(e.data["misunderstood"] for e in stats) == 3
    assert sum(e.data["turns"] for e in stats) == 1  # the 08:00 hour ended; 09:00 has not


def test_pseudonyms_scrubber_and_noise(tmp_path: Path) -> None:
    secret = load_secret(tmp_path / "secret")
    assert (tmp_path / "secret").stat().st_mode & 0o777 == 0o600
    assert load_secret(tmp_path / "secret") == secret  # kept, not remade
    p, q = Pseudonyms(secret), Pseudonyms(load_secret(tmp_path / "other"))
    assert p.of("home", "home1") == p.of("home", "home1") != q.of("home", "home1")
    assert p.of("home", "home1") != p.of("resident", "home1")
    (tmp_path / "bad").write_text("not hex")
    with pytest.raises(ValueError, match="not a hex secret"):
        load_secret(tmp_path / "bad")
    s = Scrubber(["Anna Whitfield"])
    assert s.scrub("ring anna on 020 7946 0958") == "ring <name> on <phone>"
    assert s.scrub("Flat 3, 221b Baker Street") == "<address>, <address>"
    assert s.scrub("born on March 3rd, 1941") == "born on <date>"
    assert s.scrub("it is 1941-03-03") == "it is <date>"
    assert s.scrub("turn on the light in the hall") == "turn on the light in the hall"
    assert coarsen_hour(7199.9) == 3600
    noisy = [laplace(10, 1, 0.5, seed) for seed in range(2000)]
    assert laplace(10, 1, 0.5, 7) == laplace(10, 1, 0.5, 7)  # seeded: same event, same noise
    mean = sum(noisy) / len(noisy)
    spread = sum(abs(x - 10) for x in noisy) / len(noisy)
    assert abs(mean - 10) < 0.3 and 1.6 < spread < 2.4  # Laplace scale 1/epsilon = 2
