"""The distributed training path: torchrun with 2 CPU processes on the gloo backend."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("ddp_worker.py")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_two_process_gloo_training_keeps_ranks_in_sync(tmp_path: Path) -> None:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(Path.cwd())}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2",
           "--master_addr=127.0.0.1", f"--master_port={_free_port()}", str(WORKER),
           str(tmp_path)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    ranks = [json.loads((tmp_path / f"rank{r}.json").read_text()) for r in (0, 1)]
    assert all(r["world"] == 2 and r["backend"] == "gloo" for r in ranks)
    # DDP averaged the gradients: both ranks hold identical weights after training
    assert ranks[0]["checksum"] == ranks[1]["checksum"]
    assert ranks[0]["abs_sum"] == ranks[1]["abs_sum"]
    assert ranks[0]["moved"] > 0
    # each rank saw its own shard, so their running losses differ, and training helped
    assert ranks[0]["losses"] != ranks[1]["losses"]
    assert all(r["losses"][-1] < r["losses"][0] for r in ranks)
