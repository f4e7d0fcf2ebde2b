"""A deep clustering method next to k-means on real data: ACC / NMI / ARI, fit time, peak memory.

Each fit runs in a fresh subprocess so that its peak resident memory
(``ru_maxrss``, which includes the ~340 MiB of Python, NumPy and torch
themselves) is its own. Run from the repository root (the checkout's package
is used, installed or not)::

    python benchmarks/bench.py --method depict --dataset digits --seeds 0 1 2
    python benchmarks/bench.py --method depict --dataset fashion_mnist --seeds 0

and paste the printed table into doc/benchmarks.rst with the command.
"""

import argparse
import json
import multiprocessing as mp
import platform
import queue
import resource
import sys
import time

from pathlib import Path

import numpy as np

# The checkout's package, whether or not it is installed (spawned fits inherit sys.path).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rst_table(header, rows):
    """A simple reStructuredText table of ``header`` and ``rows`` (cells
    printed with ``str``)."""
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
    rule = "  ".join("=" * w for w in widths)
    line = lambda cells: "  ".join(f"{str(c):<{w}}" for c, w in zip(cells, widths)).rstrip()
    return "\n".join([rule, line(header), rule, *map(line, rows), rule])


def _fit(method, dataset, seed, device, params, flat):
    from sklearn.cluster import KMeans

    from skdeepcluster.__main__ import METHODS
    from skdeepcluster.datasets import load_dataset
    from skdeepcluster.metrics import clustering_report

    data = load_dataset(dataset)
    start = time.perf_counter()
    if method == "k-means":
        labels = KMeans(len(np.unique(data.target)), n_init=10, random_state=seed).fit_predict(data.data)
        epochs, init_labels = "-", None
    else:
        model = METHODS[method](
            len(np.unique(data.target)), image_shape=None if flat else data.image_shape,
            device=device, random_state=seed, **params,
        ).fit(data.data)
        labels, epochs = model.labels_, model.n_iter_
        # The clustering of the pretrained embedding: what pretraining alone reaches.
        init_labels = getattr(model, "init_labels_", None)
    seconds = time.perf_counter() - start
    return dict(method=method, seed=seed, seconds=seconds, epochs=epochs,
                init_ACC=None if init_labels is None else clustering_report(data.target, init_labels)["ACC"],
                **clustering_report(data.target, labels))


def _measured_child(target, kwargs, queue):
    row = target(**kwargs)
    row["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    torch = sys.modules.get("torch")
    cuda = torch is not None and torch.cuda.is_available()
    row["peak_gpu_mib"] = torch.cuda.max_memory_allocated() / 2**20 if cuda else None
    queue.put(row)


def measure(target, kwargs, timeout=None):
    """Run ``target(**kwargs)`` in a fresh process; its dict plus peak memory.

    ``target`` must be a module-level function returning a dict (it times
    what it wants to time itself). The child is spawned, so ``peak_mib``, its
    peak resident memory (``ru_maxrss``), is that of this call alone;
    ``peak_gpu_mib`` is torch's peak CUDA allocation, ``None`` without CUDA.
    Raises ``TimeoutError`` (after killing the child) when no result came
    within ``timeout`` seconds, ``RuntimeError`` when the child died.
    """
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    proc = ctx.Process(target=_measured_child, args=(target, kwargs, results))
    proc.start()
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        try:
            row = results.get(timeout=1.0)
            break
        except queue.Empty:
            if not proc.is_alive() and results.empty():
                proc.join()
                raise RuntimeError(f"the fit process died (exit code {proc.exitcode}); "
                                   "see its traceback above.") from None
            if deadline is not None and time.monotonic() > deadline:
                proc.kill()
                proc.join()
                raise TimeoutError(f"no result within {timeout:g} s; the fit was stopped.") from None
    proc.join()
    return row


def run(method, dataset, seed, device, params, flat):
    try:
        return measure(_fit, dict(method=method, dataset=dataset, seed=seed, device=device,
                                  params=params, flat=flat))
    except RuntimeError as exc:
        raise RuntimeError(f"{method} on {dataset} (seed {seed}): {exc}") from None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", default="depict",
                        help="a method name of python -m skdeepcluster --method (default: depict)")
    parser.add_argument("--dataset", default="digits")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--device", default="auto")
    parser.add_argument("--params", default="{}", help="JSON of extra estimator parameters")
    parser.add_argument("--flat", action="store_true",
                        help="cluster images as flat rows (MLP) instead of with the conv network")
    parser.add_argument("--skip-kmeans", action="store_true")
    parser.add_argument("--json", help="also write the rows to this JSON file")
    args = parser.parse_args(argv)
    params = json.loads(args.params)

    import torch

    print(f"# {args.method} on {args.dataset}{' (flat rows)' if args.flat else ''}; seeds {args.seeds}; "
          f"device {args.device}; params {params}")
    print(f"# {platform.processor() or platform.machine()}, {torch.get_num_threads()} torch threads, "
          f"torch {torch.__version__}, python {sys.version.split()[0]}")
    rows = []
    methods = (args.method,) if args.skip_kmeans else ("k-means", args.method)
    for method in methods:
        for seed in args.seeds:
            row = run(method, args.dataset, seed, args.device, params, args.flat)
            rows.append(row)
            print(json.dumps(row), flush=True)

    print()
    header = (f"{'method':<8} {'seed':>4} {'ACC':>6} {'NMI':>6} {'ARI':>6} {'initACC':>7} {'epochs':>6} "
              f"{'fit s':>8} {'peak MiB':>9}")
    print(header)
    print("-" * len(header))
    for r in rows:
        init_acc = "-" if r["init_ACC"] is None else f"{r['init_ACC']:.3f}"
        print(f"{r['method']:<8} {r['seed']:>4} {r['ACC']:6.3f} {r['NMI']:6.3f} {r['ARI']:6.3f} "
              f"{init_acc:>7} {r['epochs']!s:>6} {r['seconds']:8.1f} {r['peak_mib']:9.0f}")
    for method in methods:
        sel = [r for r in rows if r["method"] == method]
        med = {k: float(np.median([r[k] for r in sel])) for k in ("ACC", "NMI", "ARI", "seconds", "peak_mib")}
        inits = [r["init_ACC"] for r in sel if r["init_ACC"] is not None]
        init_acc = f"{np.median(inits):.3f}" if inits else ""
        print(f"{method:<8} {'med':>4} {med['ACC']:6.3f} {med['NMI']:6.3f} {med['ARI']:6.3f} "
              f"{init_acc:>7} {'':>6} {med['seconds']:8.1f} {med['peak_mib']:9.0f}")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(rows, handle, indent=1)


if __name__ == "__main__":
    main()
