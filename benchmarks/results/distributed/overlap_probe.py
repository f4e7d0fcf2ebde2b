"""``bench_distributed.py`` with the gradient all-reduce overlapped with the backward pass (exploratory).

``OVERLAP=1``: each parameter's gradient is all-reduced asynchronously as
soon as autograd has accumulated it (``register_post_accumulate_grad_hook``),
while the backward pass goes on with the layers before it; the step waits
for all of them and divides by the number of processes, instead of one
flat all-reduce after the backward pass
(``DataParallelLoss.average_gradients``). Every rank's graph is the same, so
the hooks fire, and the collectives are issued, in the same order on every
rank; a parameter no rank used keeps no gradient, as before (one that only
some ranks use is not handled: none of the digits fits has one).
``OVERLAP=0`` runs the script unchanged. From the repository root::

    OVERLAP=1 OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 benchmarks/results/distributed/overlap_probe.py --averaging gradients --method depict --seed 0
"""
import os
import runpy
import sys
from pathlib import Path

import torch

BENCHMARKS = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BENCHMARKS))
sys.argv = ["bench_distributed.py", *sys.argv[1:]]

if os.environ.get("OVERLAP", "1") == "1":
    from skdeepcluster import distributed

    original_init = distributed.DataParallelLoss.__init__

    def __init__(self, batch_loss, optimizer, n_samples, batch_size):
        original_init(self, batch_loss, optimizer, n_samples, batch_size)
        self.pending = []
        for param in self.params:
            if not getattr(param, "_overlap_hooked", False):
                param.register_post_accumulate_grad_hook(self._launch)
                param._overlap_hooked = True
            param._overlap_owner = self

    def _launch(param):
        owner = param._overlap_owner
        owner.pending.append((param, torch.distributed.all_reduce(param.grad, async_op=True)))

    def average_gradients(self):
        world = torch.distributed.get_world_size()
        for param, handle in self.pending:
            handle.wait()
            param.grad.div_(world)
        self.pending = []

    distributed.DataParallelLoss.__init__ = __init__
    distributed.DataParallelLoss._launch = staticmethod(_launch)
    distributed.DataParallelLoss.average_gradients = average_gradients

runpy.run_path(str(BENCHMARKS / "bench_distributed.py"), run_name="__main__")
