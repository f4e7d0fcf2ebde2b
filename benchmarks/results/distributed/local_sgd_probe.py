"""``bench_distributed.py`` with local steps and periodic parameter averaging (exploratory).

``EVERY=H`` (H >= 1): each rank takes an optimiser step on its own part of
every global batch with its own loss (no gradient all-reduce; losses over
pairs of samples see the rank's part only, as one process sees its batch),
and the ranks average their parameters after every H steps and at the end
of every epoch (local SGD; each rank keeps its own Adam moments).
``EVERY=0`` runs the script unchanged (one gradient all-reduce per step).
From the repository root::

    EVERY=8 OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 benchmarks/results/distributed/local_sgd_probe.py --method depict --seed 0
"""
import os
import runpy
import sys
from pathlib import Path

import torch

BENCHMARKS = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BENCHMARKS))
sys.argv = ["bench_distributed.py", *sys.argv[1:]]
EVERY = int(os.environ.get("EVERY", "8"))

if EVERY > 0:
    from skdeepcluster import distributed, training

    def average_parameters(params):
        flat = torch.cat([p.detach().reshape(-1) for p in params]).to(distributed._SESSION.device)
        torch.distributed.all_reduce(flat)
        flat /= distributed._SESSION.world_size
        offset = 0
        for p in params:
            n = p.numel()
            p.data.copy_(flat[offset:offset + n].view_as(p))
            offset += n

    def __call__(self, idx):
        part = torch.tensor_split(idx, distributed._SESSION.world_size)[distributed._SESSION.rank]
        return self.batch_loss(part)

    def average_gradients(self):
        self.steps = getattr(self, "steps", 0) + 1
        if self.steps > 1 and (self.steps - 1) % EVERY == 0:
            average_parameters(self.params)  # the H steps taken before this one

    distributed.DataParallelLoss.__call__ = __call__
    distributed.DataParallelLoss.average_gradients = average_gradients

    original_init = distributed.DataParallelLoss.__init__
    LAST = {}

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        LAST["loss"] = self

    distributed.DataParallelLoss.__init__ = __init__
    original_epoch = training.train_epoch

    def train_epoch(*args, **kwargs):
        loss = original_epoch(*args, **kwargs)
        if distributed.active():
            average_parameters(LAST.pop("loss").params)
        return loss

    training.train_epoch = train_epoch
    for name in ("depict", "jule", "damic", "ddlsc"):
        module = __import__(f"skdeepcluster.{name}", fromlist=["x"])
        if getattr(module, "train_epoch", None) is original_epoch:
            module.train_epoch = train_epoch

runpy.run_path(str(BENCHMARKS / "bench_distributed.py"), run_name="__main__")
