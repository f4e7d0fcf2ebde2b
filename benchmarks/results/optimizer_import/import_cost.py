"""What the first torch.optim optimiser of a fresh process costs: one JSON
line with the CPU and wall seconds of building it (its constructor imports
``torch._dynamo``), of building a second one, and whether ``import torch``
and ``import skdeepcluster`` had imported ``torch._dynamo`` before.

    python benchmarks/results/optimizer_import/import_cost.py
"""

import json
import sys
import time

import torch

import skdeepcluster  # noqa: F401  (what a user's script has imported)


def timed(build):
    wall, cpu = time.perf_counter(), time.process_time()
    build()
    return round(time.perf_counter() - wall, 3), round(time.process_time() - cpu, 3)


def main():
    record = {"torch": torch.__version__, "dynamo_at_import": "torch._dynamo" in sys.modules}
    for name in ("first", "second"):
        wall, cpu = timed(lambda: torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1))
        record[f"{name}_wall_s"], record[f"{name}_cpu_s"] = wall, cpu
    record["dynamo_after"] = "torch._dynamo" in sys.modules
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
