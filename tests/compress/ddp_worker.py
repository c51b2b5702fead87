"""Run under torchrun (2 CPU processes, gloo): the teacher training loop with DDP.

Each rank writes out/rank<r>.json with its world size, losses and a checksum of the weights.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

from compress.data import Encoded
from compress.modeling import TeacherClassifier
from compress.train import dist_context, fit


def main(out: Path) -> None:
    ctx = dist_context()
    torch.manual_seed(0)  # the same initial weights on every rank
    model = TeacherClassifier.tiny_random(vocab_size=50, num_labels=3, hidden=32, layers=1)
    before = [p.detach().clone() for p in model.parameters()]
    gen = torch.Generator().manual_seed(1)
    ids = [torch.randint(5, 50, (int(n),), generator=gen).tolist()
           for n in torch.randint(3, 9, (48,), generator=gen)]
    data = Encoded(ids, labels=[seq[0] % 3 for seq in ids])

    def loss_fn(m, batch):  # type: ignore[no-untyped-def]
        return F.cross_entropy(m(batch["input_ids"], batch["attention_mask"]), batch["labels"])

    losses = fit(model, data, loss_fn, epochs=3, batch_size=8, lr=5e-3, pad_id=0,
                 device=torch.device("cpu"), ctx=ctx, desc=f"rank {ctx.rank}")
    flat = torch.cat([p.detach().flatten() for p in model.parameters()])
    moved = sum(float((p.detach() - b).abs().sum()) for p, b in zip(model.parameters(), before,
                                                                     strict=True))
    (out / f"rank{ctx.rank}.json").write_text(json.dumps({
        "world": ctx.world, "losses": losses, "checksum": float(flat.double().sum()),
        "abs_sum": float(flat.double().abs().sum()), "moved": moved,
        "backend": torch.distributed.get_backend() if ctx.world > 1 else None}))
    torch.distributed.destroy_process_group()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
