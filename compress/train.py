"""The training loop shared by teacher and student: DDP (torchrun), CUDA mixed precision."""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from tqdm import tqdm

from compress.data import Encoded, batches

__all__ = ["DistContext", "dist_context", "fit", "predict", "pick_device"]


@dataclass(frozen=True)
class DistContext:
    """Where this process sits in a torchrun job (world 1: not distributed)."""

    rank: int = 0
    world: int = 1
    local_rank: int = 0

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def barrier(self) -> None:
        if self.world > 1:
            torch.distributed.barrier()


def dist_context() -> DistContext:
    """Join the process group when started by torchrun (nccl on CUDA, gloo on CPU)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return DistContext()
    if not torch.distributed.is_initialized():
        backend = "nccl" if torch.cuda.is_available() else "gloo"
        torch.distributed.init_process_group(backend=backend)
    return DistContext(torch.distributed.get_rank(), torch.distributed.get_world_size(),
                       int(os.environ.get("LOCAL_RANK", "0")))


def pick_device(ctx: DistContext) -> torch.device:
    if torch.cuda.is_available():
        torch.cuda.set_device(ctx.local_rank)
        return torch.device("cuda", ctx.local_rank)
    return torch.device("cpu")


def _autocast(device: torch.device) -> tuple[Any, torch.amp.GradScaler | None]:
    if device.type != "cuda":
        return torch.autocast("cpu", enabled=False), None
    dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    scaler = torch.amp.GradScaler("cuda") if dtype == torch.float16 else None
    return torch.autocast("cuda", dtype=dtype), scaler


LossFn = Callable[[nn.Module, dict[str, torch.Tensor]], torch.Tensor]


def fit(model: nn.Module, data: Encoded, loss_fn: LossFn, *, epochs: float, batch_size: int,
        lr: float, pad_id: int, device: torch.device, ctx: DistContext | None = None,
        seed: int = 0, desc: str = "train", weight_decay: float = 0.01,
        head_lr_scale: float = 1.0) -> list[float]:
    """Train `model` in place with AdamW and linear warm-up/decay; returns per-epoch losses.

    `head_lr_scale` multiplies the learning rate of `model.classifier` (a fresh head learns
    faster than the pretrained encoder). Under torchrun every rank trains on its own shard
    of each epoch and DDP averages the gradients, so all ranks end with the same weights.
    """
    ctx = ctx or DistContext()
    model.to(device)
    train_model: nn.Module = model
    if ctx.world > 1:
        train_model = nn.parallel.DistributedDataParallel(
            model, device_ids=[ctx.local_rank] if device.type == "cuda" else None)
    params = [p for p in model.parameters() if p.requires_grad]
    head = getattr(model, "classifier", None)
    head_ids = {id(p) for p in head.parameters()} if isinstance(head, nn.Module) else set()
    groups = [{"params": [p for p in params if id(p) not in head_ids], "lr": lr},
              {"params": [p for p in params if id(p) in head_ids], "lr": lr * head_lr_scale}]
    opt = torch.optim.AdamW([g for g in groups if g["params"]], weight_decay=weight_decay)
    per_rank = math.ceil(len(data) / ctx.world)
    steps_per_epoch = math.ceil(per_rank / batch_size)
    full_epochs = math.ceil(epochs)
    total = max(1, int(steps_per_epoch * epochs))
    warmup = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    autocast, scaler = _autocast(device)
    losses: list[float] = []
    step = 0
    bar = tqdm(total=total, desc=desc, file=sys.stderr, disable=not ctx.is_main)
    for epoch in range(full_epochs):
        order = torch.randperm(len(data), generator=torch.Generator().manual_seed(seed + epoch))
        order = order.tolist()
        order += order[: per_rank * ctx.world - len(order)]  # equal shards for every rank
        shard = order[ctx.rank::ctx.world]
        train_model.train()
        running, count = 0.0, 0
        for batch in batches(data, batch_size, pad_id, shuffle=False, indices=shard):
            if step >= total:
                break
            batch = {k: v.to(device) for k, v in batch.items()}
            with autocast:
                loss = loss_fn(train_model, batch)
            opt.zero_grad(set_to_none=True)
            if scaler is not None:
                scaler.scale(loss).backward()
                scaler.unscale_(opt)
                nn.utils.clip_grad_norm_(params, 1.0)
                scaler.step(opt)
                scaler.update()
            else:
                loss.backward()
                nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
            sched.step()
            step += 1
            running += float(loss.detach())
            count += 1
            bar.update(1)
            bar.set_postfix(epoch=epoch + 1, loss=f"{running / count:.3f}")
        losses.append(running / max(1, count))
    bar.close()
    model.eval()
    return losses


@torch.no_grad()
def predict(model: nn.Module, data: Encoded, pad_id: int, device: torch.device,
            batch_size: int = 64, desc: str = "predict",
            pooled: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Logits (and mean-pooled vectors) for every row of `data`, on the CPU, in order."""
    model.eval().to(device)
    logits_out: list[torch.Tensor] = []
    pooled_out: list[torch.Tensor] = []
    order = sorted(range(len(data)), key=lambda i: len(data.ids[i]))
    autocast, _ = _autocast(device)
    for batch in tqdm(list(batches(data, batch_size, pad_id, shuffle=False, indices=order)),
                      desc=desc, file=sys.stderr):
        with autocast:
            logits, vec = model(batch["input_ids"].to(device), batch["attention_mask"].to(device),
                                return_pooled=True)
        logits_out.append(logits.float().cpu())
        pooled_out.append(vec.float().cpu())
    inverse = torch.empty(len(order), dtype=torch.long)
    inverse[torch.tensor(order)] = torch.arange(len(order))
    logits_all = torch.cat(logits_out)[inverse]
    return logits_all, (torch.cat(pooled_out)[inverse] if pooled else None)
