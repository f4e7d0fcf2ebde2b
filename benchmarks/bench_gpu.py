"""Fits of the four estimators on a GPU: scores, wall time and memory.

Every estimator is built as ``compare.py`` builds it (``n_clusters`` alone,
``image_shape`` for the 28x28 images, ``device="auto"``), fitted in this one
process one cell after the other, with CUDA synchronised before the clock
stops. Each cell prints a line and appends a JSON line to ``--out``: ACC /
NMI / ARI, the wall and CPU seconds of the fit, the peak GPU memory that
torch allocated during it, the device the fit chose (``device_``) and
whether every fitted module's tensors were there. No new cell starts once
``--budget`` seconds have passed. Run from the repository root::

    python benchmarks/bench_gpu.py --out gpu.jsonl
    python benchmarks/bench_gpu.py --cells digits:depict fashion_mnist:ddlsc:flat --out gpu.jsonl
    python benchmarks/bench_gpu.py --summary gpu.jsonl

A cell is ``DATASET:METHOD`` (the dataset's own layout: 28x28 images keep
their shape) or ``DATASET:METHOD:flat`` (images as flat rows), with
``DATASET`` a ``compare.py`` spec (``fashion_mnist:2000`` for a subset).
"""

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import rst_table  # noqa: E402
from compare import load, make_estimator  # noqa: E402

from skdeepcluster.metrics import clustering_report  # noqa: E402

METHODS = ("depict", "jule", "damic", "ddlsc")
#: The default plan: the digits, then the Fashion-MNIST test split as flat
#: rows and as images, then all 70,000 images as flat rows.
DEFAULT_CELLS = (
    *(f"digits:{m}" for m in METHODS),
    *(f"fashion_mnist:{m}:flat" for m in METHODS),
    *(f"fashion_mnist:{m}" for m in METHODS),
    *(f"fashion_mnist_all:{m}:flat" for m in ("ddlsc", "depict", "damic", "jule")),
)


def on_device(model):
    """Whether every tensor of every fitted module is on ``model.device_``."""
    tensors = [t for m in model._modules() for t in (*m.parameters(), *m.buffers())]
    return bool(tensors) and all(t.device.type == model.device_.type for t in tensors)


def fit_cell(cell, seed, device):
    parts = cell.split(":")
    at = next((i for i, part in enumerate(parts) if part in METHODS), None)
    if at is None or parts[at + 1:] not in ([], ["flat"]):
        raise ValueError(f"cell {cell!r} is not DATASET:METHOD[:flat] with METHOD in {METHODS}")
    dataset, method, flat = ":".join(parts[:at]), parts[at], parts[at + 1:] == ["flat"]
    data = load(dataset)
    estimator, given = make_estimator(method, data, seed, {}, flat)
    estimator.set_params(device=device)
    cuda = torch.cuda.is_available()
    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    start, cpu = time.perf_counter(), time.process_time()
    estimator.fit(data.data)
    if cuda:
        torch.cuda.synchronize()
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    scores = clustering_report(data.target, np.asarray(estimator.labels_))
    return dict(cell=cell, seed=seed, n_samples=len(data.data), **scores,
                fit_s=round(seconds, 2), cpu_s=round(cpu_seconds, 2),
                gpu_peak_mib=round(torch.cuda.max_memory_allocated() / 2**20) if cuda else None,
                rss_peak_mib=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                device=str(estimator.device_), on_device=on_device(estimator),
                params=json.dumps(given, sort_keys=True))


def summary(path):
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    head = ("cell", "seed", "ACC", "NMI", "ARI", "fit_s", "cpu_s", "gpu_MiB", "device")
    table = [(r["cell"], str(r["seed"]), f"{r['ACC']:.3f}", f"{r['NMI']:.3f}", f"{r['ARI']:.3f}",
              f"{r['fit_s']:.1f}", f"{r['cpu_s']:.1f}", str(r["gpu_peak_mib"]),
              r["device"] + ("" if r["on_device"] else " (modules elsewhere)")) for r in rows]
    print(rst_table(head, table))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", nargs="+", default=list(DEFAULT_CELLS))
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--device", default="auto")
    parser.add_argument("--budget", type=float, default=float("inf"),
                        help="start no cell after this many seconds")
    parser.add_argument("--out", help="append one JSON line per fit here")
    parser.add_argument("--summary", metavar="JSONL", help="print the table of a results file")
    args = parser.parse_args(argv)
    if args.summary:
        summary(args.summary)
        return
    print(f"# torch {torch.__version__}, "
          f"{torch.cuda.get_device_name() if torch.cuda.is_available() else 'no CUDA'}, "
          f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} torch threads",
          flush=True)
    began = time.perf_counter()
    for cell in args.cells:
        for seed in args.seeds:
            if time.perf_counter() - began > args.budget:
                print(f"# budget spent: {cell} seed {seed} not started", flush=True)
                continue
            row = fit_cell(cell, seed, args.device)
            print(f"{cell} seed {seed}: {row['ACC']:.3f} / {row['NMI']:.3f} / {row['ARI']:.3f} "
                  f"in {row['fit_s']:.1f} s ({row['cpu_s']:.1f} s CPU), GPU peak "
                  f"{row['gpu_peak_mib']} MiB, on {row['device']}, modules there: {row['on_device']}",
                  flush=True)
            if args.out:
                with open(args.out, "a") as f:
                    f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
