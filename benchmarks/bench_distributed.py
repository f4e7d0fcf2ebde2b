"""Data-parallel fits under torch.distributed: quality, time and rank agreement.

One process (no process group)::

    OMP_NUM_THREADS=1 python benchmarks/bench_distributed.py --method depict

Two processes on this machine (gloo, one thread each)::

    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 \\
        benchmarks/bench_distributed.py --method depict

(``--averaging gradients`` or ``--averaging H`` for
:func:`skdeepcluster.distributed.averaging`; default ``auto``.)

GPUs (NCCL, one process per GPU; ``--data`` a .npy file of rows, ``--labels``
its classes, for data larger than the digits)::

    torchrun --standalone --nproc_per_node=8 benchmarks/bench_distributed.py \\
        --method damic --device cuda --data X.npy --labels y.npy --n-clusters 10

The table of ``doc/large_data.rst`` (section "Several processes") from the lines of such runs, and the
cost of one gradient step against the rows of the batch (one process, one
thread; DEPICT's pretraining step on the digits)::

    python benchmarks/bench_distributed.py --summary benchmarks/results/distributed/digits.jsonl
    OMP_NUM_THREADS=1 python benchmarks/bench_distributed.py --step-cost 100 50

Rank 0 prints one JSON line (and appends it to ``--out``): ACC, NMI, ARI,
the fit's wall time (the slowest rank, from a barrier before the fit),
CPU time (each rank's ``time.process_time``, and their sum), rows through
training per second of wall time (epochs in ``history_`` x rows / wall),
whether every rank ended with the same parameters and labels, and the
start of rank 0's hash of them (to compare two versions of the package).
"""

import argparse
import hashlib
import json
import os
import time

import numpy as np
import torch
from sklearn.datasets import load_digits

from skdeepcluster import DEPICTClustering, distributed
from skdeepcluster.__main__ import METHODS
from skdeepcluster.metrics import clustering_report

from bench import rst_table  # benchmarks/, the script's folder


def fingerprint(estimator):
    """A hash of every fitted module's state and of the labels."""
    digest = hashlib.sha256()
    for module in estimator._modules():
        for key, value in sorted(module.state_dict().items()):
            digest.update(key.encode())
            digest.update(value.detach().cpu().contiguous().numpy().tobytes())
    digest.update(np.asarray(estimator.labels_).tobytes())
    return digest.hexdigest()


def summary(path):
    """An rst table of the runs in ``path``: per method and seed, the two-process
    fit against the one-process fit."""
    runs = {}
    with open(path) as f:
        for line in f:
            record = json.loads(line)
            runs[(record["method"], record["seed"], record["processes"])] = record
    header = ("method", "seed", "ACC 1 / 2", "ARI 1 / 2", "wall s 1 / 2", "wall 2 / 1",
              "CPU s 1 / per rank 2", "ranks agree")
    rows, pairs = [], {}
    for (method, seed, processes), two in sorted(runs.items()):
        one = runs.get((method, seed, 1))
        if processes != 2 or one is None:
            continue
        pairs.setdefault(method, []).append((one, two))
        rows.append((
            method, str(seed), f"{one['ACC']:.3f} / {two['ACC']:.3f}",
            f"{one['ARI']:.3f} / {two['ARI']:.3f}",
            f"{one['wall_s']:.1f} / {two['wall_s']:.1f}", f"{two['wall_s'] / one['wall_s']:.2f}",
            f"{one['cpu_s_total']:.1f} / {max(two['cpu_s_per_rank']):.1f}",
            str(two["ranks_agree"]),
        ))
    for method, both in sorted(pairs.items()):
        if len(both) > 1:
            mean = {key: [np.mean([pair[i][key] if key != "cpu_s_per_rank" else
                                   max(pair[i][key]) for pair in both]) for i in (0, 1)]
                    for key in ("ACC", "ARI", "wall_s", "cpu_s_total", "cpu_s_per_rank")}
            rows.append((
                method, "mean", f"{mean['ACC'][0]:.3f} / {mean['ACC'][1]:.3f}",
                f"{mean['ARI'][0]:.3f} / {mean['ARI'][1]:.3f}",
                f"{mean['wall_s'][0]:.1f} / {mean['wall_s'][1]:.1f}",
                # the mean of the seeds' ratios
                f"{np.mean([two['wall_s'] / one['wall_s'] for one, two in both]):.2f}",
                f"{mean['cpu_s_total'][0]:.1f} / {mean['cpu_s_per_rank'][1]:.1f}",
                str(all(two["ranks_agree"] for _, two in both)),
            ))
    print(rst_table(header, rows))


def step_cost(rows_list, n_steps=200):
    """CPU milliseconds (this thread) of one DEPICT pretraining step on the
    digits, for each number of rows of a batch."""
    X, _ = load_digits(return_X_y=True)
    model = DEPICTClustering(n_clusters=10, n_pretrain_epochs=0, n_epochs=0, device="cpu",
                             random_state=0).fit(X)
    X = model._scale(X)
    network = model.network_.train()
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(0)
    for rows in rows_list:
        start = time.thread_time()
        for _ in range(n_steps):
            idx = torch.randint(0, X.shape[0], (rows,), generator=generator)
            loss = model._batch_losses(X[idx], None)[0]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        cost = (time.thread_time() - start) / n_steps * 1000
        print(json.dumps({"rows": rows, "ms_per_step": round(cost, 2)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--method", choices=sorted(METHODS))
    parser.add_argument("--summary", metavar="JSONL", help="print the table of these runs")
    parser.add_argument("--step-cost", type=int, nargs="+", metavar="ROWS",
                        help="CPU ms of one DEPICT step for these batch rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="torch threads per process")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--n-clusters", type=int, default=10)
    parser.add_argument("--data", help=".npy file of rows (default: the digits)")
    parser.add_argument("--labels", help=".npy file of the rows' classes")
    parser.add_argument("--out", help="append the JSON line to this file")
    parser.add_argument("--warm", action="store_true",
                        help="build a throwaway torch.optim optimiser before the timed fit, so "
                             "that PyTorch's one-time import of torch._dynamo (which the first "
                             "torch.optim optimiser of a process triggers, 1.3-1.7 s) is not "
                             "counted; the estimators' fits no longer trigger it (their "
                             "optimisers are skdeepcluster.training's), so since then it "
                             "changes nothing in their timings")
    parser.add_argument("--params", default="{}", type=json.loads,
                        help="JSON of estimator parameters beyond n_clusters, device and "
                             "random_state, e.g. '{\"batch_size\": 500}'")
    parser.add_argument("--averaging", default="auto",
                        help='skdeepcluster.distributed.averaging: "auto", "gradients" or a '
                             "number of local steps")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.summary:
        return summary(args.summary)
    if args.step_cost:
        return step_cost(args.step_cost)
    if args.method is None:
        parser.error("--method is required to fit")

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
        n_clusters=args.n_clusters, device=args.device, random_state=args.seed, **args.params
    )

    if args.warm:
        torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    if world_size > 1:
        dist.barrier()
    averaging = int(args.averaging) if args.averaging.isdigit() else args.averaging
    wall, cpu = time.perf_counter(), time.process_time()
    with distributed.averaging(averaging):
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
            "averaging": args.averaging if world_size > 1 else None,
            "params": args.params,
            "warm": args.warm,
            "n_samples": int(X.shape[0]),
            **(clustering_report(y, estimator.labels_) if y is not None else {}),
            "wall_s": round(slowest, 2),
            "cpu_s_per_rank": [round(r["cpu_s"], 2) for r in ranks],
            "cpu_s_total": round(sum(r["cpu_s"] for r in ranks), 2),
            "epochs": n_epochs,
            "rows_per_s": round(n_epochs * X.shape[0] / slowest, 1),
            "ranks_agree": len({r["fingerprint"] for r in ranks}) == 1,
            "fingerprint": mine["fingerprint"][:16],
        }
        line = json.dumps(record)
        print(line, flush=True)
        if args.out:
            with open(args.out, "a") as f:
                f.write(line + "\n")
    if world_size > 1:
        dist.barrier()  # no rank tears the group down while another still uses it
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
