"""``benchmarks/bench_distributed.py`` counting each rank's collectives (issue 16).

Prints, per rank, how many all-reduce, all-gather and broadcast calls the
run made (the fit and the benchmark's own few). From the repository root::

    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 benchmarks/results/distributed/local_steps/count_collectives.py --method ddlsc --seed 0
"""
import collections
import os
import runpy
import sys
from pathlib import Path

import torch.distributed as dist

BENCHMARKS = Path(__file__).resolve().parents[3]
COUNTS = collections.Counter()


def counted(name):
    original = getattr(dist, name)

    def call(*args, **kwargs):
        COUNTS[name] += 1
        return original(*args, **kwargs)

    setattr(dist, name, call)


for name in ("all_reduce", "all_gather", "broadcast", "broadcast_object_list",
             "all_gather_object", "barrier"):
    counted(name)
sys.argv = ["bench_distributed.py", *sys.argv[1:]]
sys.path.insert(0, str(BENCHMARKS))
runpy.run_path(str(BENCHMARKS / "bench_distributed.py"), run_name="__main__")
print(f"rank {os.environ.get('RANK', 'solo')}: {dict(sorted(COUNTS.items()))}", flush=True)
