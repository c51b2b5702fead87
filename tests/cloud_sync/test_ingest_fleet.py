"""The fleet benchmark on a small fleet: every home its own MQTT connection, one mosquitto,
one ingest process, PostgreSQL; no event lost, none stored twice, resent copies ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from cloud_sync.pgserver import PostgresUnavailable, pg_bin


def test_small_fleet_loses_nothing_and_stores_nothing_twice(tmp_path: Path) -> None:
    try:
        pg_bin()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))
    from bench.fleet_sync import home_day, run_bench

    result = run_bench(homes=20, processes=2, resend=0.2, out_dir=tmp_path)
    assert result["events"] == sum(len(home_day(i, 7)) for i in range(20))
    assert result["sent"] == result["events"] == result["stored"]
    assert result["lost"] == 0 and result["duplicates_stored"] == 0
    assert result["resent"] > 0 and result["duplicates_ignored"] == result["resent"]
    assert result["unacked_publishes"] == 0 and result["events_per_s"] > 0
    assert (tmp_path / "fleet_sync.json").is_file()
