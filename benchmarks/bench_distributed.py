"""Data-parallel fits under torch.distributed: quality, time and rank agreement.

One process (no process group)::

    OMP_NUM_THREADS=1 python benchmarks/bench_distributed.py --method depict

Two processes on this machine (gloo, one thread each)::

    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 \\
        benchmarks/bench_distributed.py --method depict

GPUs (NCCL, one process per GPU; ``--data`` a .npy file of rows, ``--labels``
its classes, for data larger than the digits)::

    torchrun --standalone --nproc_per_node=8 benchmarks/bench_distributed.py \\
        --method damic --device cuda --data X.npy --labels y.npy --n-clusters 10

Rank 0 prints one JSON line (and appends it to ``--out``): ACC, NMI, ARI,
the fit's wall time (the slowest rank, from a barrier before the fit),
CPU time (each rank's ``time.process_time``, and their sum), rows through
training per second of wall time (epochs in ``history_`` x rows / wall),
and whether every rank ended with the same parameters and labels.
"""

import argparse
import hashlib
import json
import os
import time

import numpy as np
import torch
from sklearn.datasets import load_digits

from skdeepcluster import (
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
)
from skdeepcluster.metrics import clustering_report

METHODS = {
    "depict": DEPICTClustering,
    "jule": JULEClustering,
    "damic": DAMICClustering,
    "ddlsc": DiscriminativeLatentClustering,
}


def fingerprint(estimator):
    """A hash of every fitted module's state and of the labels."""
    digest = hashlib.sha256()
    for module in estimator._modules():
        for key, value in sorted(module.state_dict().items()):
            digest.update(key.encode())
            digest.update(value.detach().cpu().contiguous().numpy().tobytes())
    digest.update(np.asarray(estimator.labels_).tobytes())
    return digest.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--method", choices=sorted(METHODS), required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="torch threads per process")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--n-clusters", type=int, default=10)
    parser.add_argument("--data", help=".npy file of rows (default: the digits)")
    parser.add_argument("--labels", help=".npy file of the rows' classes")
    parser.add_argument("--out", help="append the JSON line to this file")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    dist = torch.distributed
    if world_size > 1:
        backend = "nccl" if args.device.startswith("cuda") else "gloo"
        if backend == "nccl":
            torch.cuda.set_device(int(os.environ["LOCAL_RANK"]))
        dist.init_process_group(backend)
    rank = dist.get_rank() if world_size > 1 else 0

    if args.data:
        X = np.load(args.data, mmap_mode="r")
        y = np.load(args.labels) if args.labels else None
    else:
        X, y = load_digits(return_X_y=True)
    estimator = METHODS[args.method](
        n_clusters=args.n_clusters, device=args.device, random_state=args.seed
    )

    if world_size > 1:
        dist.barrier()
    wall, cpu = time.perf_counter(), time.process_time()
    estimator.fit(X)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

    mine = {"wall_s": wall, "cpu_s": cpu, "fingerprint": fingerprint(estimator)}
    ranks = [mine]
    if world_size > 1:
        ranks = [None] * world_size
        dist.all_gather_object(ranks, mine)
    if rank == 0:
        n_epochs = len(estimator.history_)
        slowest = max(r["wall_s"] for r in ranks)
        record = {
            "method": args.method,
            "processes": world_size,
            "backend": dist.get_backend() if world_size > 1 else None,
            "threads_per_process": args.threads,
            "device": str(estimator.device_),
            "seed": args.seed,
            "n_samples": int(X.shape[0]),
            **(clustering_report(y, estimator.labels_) if y is not None else {}),
            "wall_s": round(slowest, 2),
            "cpu_s_per_rank": [round(r["cpu_s"], 2) for r in ranks],
            "cpu_s_total": round(sum(r["cpu_s"] for r in ranks), 2),
            "epochs": n_epochs,
            "rows_per_s": round(n_epochs * X.shape[0] / slowest, 1),
            "ranks_agree": len({r["fingerprint"] for r in ranks}) == 1,
        }
        line = json.dumps(record)
        print(line, flush=True)
        if args.out:
            with open(args.out, "a") as f:
                f.write(line + "\n")
    if world_size > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
