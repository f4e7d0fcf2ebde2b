"""Private memory and time per epoch of a fit on a memmap, against the same rows in memory.

The data: Fashion-MNIST (all 70,000 images, pixels / 255) tiled to ``--n``
rows, each copy with Gaussian noise (sd 0.05, clipped to [0, 1]), written
once as a raw float32 file (``--file``; 500,000 rows are 1.5 GiB).

Each mode runs in a fresh process:

* ``memmap``: ``est.fit(np.memmap(file, mode="r"))``, read in chunks;
* ``memory``: the same rows read into an ndarray first (``np.fromfile``),
  then ``est.fit(X)``.

A background thread samples ``RssAnon`` (private memory: not the file's
pages that the OS caches) from ``/proc/self/status`` every 20 ms; the
baseline is the interpreter after importing torch and skdeepcluster, before
the data are opened. Time is CPU time (``time.process_time``, all threads of
the process) per epoch of each training phase, taken around each epoch that
``Trainer.run`` runs (gradient steps plus the epoch's full passes), and for
the whole fit.

``--stages`` also prints, for each training phase, each full pass and
each graph step (JULE's neighbour searches, graphs, merges and final
neighbour vote; the initial clustering of DEPICT and DAMIC, its neighbour
graph and spectral embedding), the private memory above the baseline when
it starts, its peak while it runs, when it ends, and its CPU time, one line
per call to stderr as it ends (indented calls run inside the one below
them).

Run from the repository root, for example::

    OMP_NUM_THREADS=1 python benchmarks/bench_out_of_core.py --method depict --n 500000 \\
        --modes memmap memory --params '{"n_pretrain_epochs": 1, "n_epochs": 1, "init": "kmeans"}'
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

METHODS = {
    "depict": "DEPICTClustering",
    "jule": "JULEClustering",
    "damic": "DAMICClustering",
    "ddlsc": "DiscriminativeLatentClustering",
}


def rss_anon_mib():
    """``RssAnon`` of this process in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("/proc/self/status has no RssAnon line (Linux only).")


class PeakSampler(threading.Thread):
    """Samples RssAnon every ``interval`` seconds and keeps the peak, and
    the peak of every interval opened by :meth:`open` and not yet closed
    (a few numbers, not every sample: a trace of a long run would itself
    grow the private memory it measures)."""

    def __init__(self, interval=0.02):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = rss_anon_mib()
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.intervals = {}

    def run(self):
        while not self.stopped.wait(self.interval):
            self._record(rss_anon_mib())

    def _record(self, rss):
        with self.lock:
            self.peak = max(self.peak, rss)
            for key, peak in self.intervals.items():
                self.intervals[key] = max(peak, rss)

    def open(self):
        """Start an interval; returns its key for :meth:`close`."""
        key = object()
        rss = rss_anon_mib()
        with self.lock:
            self.intervals[key] = rss
        self._record(rss)
        return key

    def close(self, key):
        """The highest sample taken since :meth:`open` gave ``key``, or now."""
        self._record(rss_anon_mib())
        with self.lock:
            return self.intervals.pop(key)

    def stop(self):
        self.stopped.set()
        self.join()
        self.peak = max(self.peak, rss_anon_mib())
        return self.peak


def build_file(path, n, seed=0):
    """Write Fashion-MNIST tiled to ``n`` noisy rows as raw float32 to ``path``."""
    from skdeepcluster.datasets import load_dataset

    base = np.asarray(load_dataset("fashion_mnist_all").data, dtype=np.float32) / 255.0
    rng = np.random.default_rng(seed)
    out = np.memmap(path, dtype=np.float32, mode="w+", shape=(n, base.shape[1]))
    step = 10_000
    for start in range(0, n, step):
        rows = np.arange(start, min(start + step, n)) % len(base)
        noisy = base[rows] + rng.normal(0.0, 0.05, size=(len(rows), base.shape[1]))
        out[start:start + len(rows)] = np.clip(noisy, 0.0, 1.0)
    out.flush()
    del out


#: The steps ``--stages`` reports: (module, function) of skdeepcluster.
STAGES = [("jule", "knn_graph"), ("jule", "gdl_agglomerative"), ("jule", "neighbor_vote"),
          ("graph", "_streamed_nearest_neighbors"), ("graph", "nearest_neighbors"),
          ("base", "_cluster"), ("graph", "_connectivity_neighbors"), ("graph", "_graph_of"),
          ("graph", "_spectral_embedding"), ("graph", "modularity_merge")]


def trace_stages(sampler, base_mib):
    """Wrap the functions of ``STAGES`` (and the estimators' full passes) to
    print their private memory and CPU time to stderr."""
    import importlib

    from skdeepcluster.base import BaseDeepClustering
    from skdeepcluster.training import Trainer

    depth = [0]

    def traced(function, name):
        def run(*args, **kwargs):
            before, key, cpu = rss_anon_mib(), sampler.open(), time.process_time()
            depth[0] += 1
            try:
                return function(*args, **kwargs)
            finally:
                depth[0] -= 1
                peak = sampler.close(key)
                print(f"{'  ' * depth[0]}{name}: start {before - base_mib:.0f}, peak "
                      f"{peak - base_mib:.0f}, end {rss_anon_mib() - base_mib:.0f} MiB, "
                      f"{time.process_time() - cpu:.1f} CPU s, ended {time.strftime('%H:%M:%S')}",
                      file=sys.stderr, flush=True)
        return run

    for module, name in STAGES:
        module = importlib.import_module(f"skdeepcluster.{module}")
        setattr(module, name, traced(getattr(module, name), name))
    BaseDeepClustering._apply = traced(BaseDeepClustering._apply, "full pass")
    run = Trainer.run
    Trainer.run = lambda self, phase, *args: traced(run, f"phase {phase}")(self, phase, *args)


def child(args):
    """One measured fit, in this fresh process; prints one JSON line."""
    import torch

    import skdeepcluster
    from skdeepcluster import data as data_module
    from skdeepcluster.training import Trainer

    data_module.READ_AHEAD = not args.no_read_ahead
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    epochs = []
    run = Trainer.run

    def timed_run(self, phase, n_epochs, epoch_fn):
        def timed_epoch(epoch):
            start = time.process_time()
            record = epoch_fn(epoch)
            epochs.append((phase, time.process_time() - start))
            return record

        return run(self, phase, n_epochs, timed_epoch)

    Trainer.run = timed_run
    sampler = PeakSampler()
    sampler.start()
    base_mib = rss_anon_mib()
    if args.stages:
        trace_stages(sampler, base_mib)
    shape = (args.n, 784)
    if args.mode == "memmap":
        X = np.memmap(args.file, dtype=np.float32, mode="r", shape=shape)
    else:
        X = np.fromfile(args.file, dtype=np.float32, count=args.n * 784).reshape(shape)
    model = getattr(skdeepcluster, METHODS[args.method])(random_state=0, **json.loads(args.params))
    start = time.process_time()
    wall = time.perf_counter()
    model.fit(X)
    fit_cpu = time.process_time() - start
    wall = time.perf_counter() - wall
    peak = sampler.stop()
    if args.labels_out:
        np.save(f"{args.labels_out}_{args.mode}.npy", model.labels_)
    phases = {}
    for phase, seconds in epochs:
        phases.setdefault(phase, []).append(seconds)
    print(json.dumps({
        "method": args.method, "n": args.n, "mode": args.mode,
        "read_ahead": not args.no_read_ahead, "params": json.loads(args.params),
        "MALLOC_MMAP_THRESHOLD_": os.environ.get("MALLOC_MMAP_THRESHOLD_"),
        "base_mib": round(base_mib), "peak_extra_mib": round(peak - base_mib),
        "fit_cpu_s": round(fit_cpu, 1), "fit_wall_s": round(wall, 1),
        "cpu_s_per_epoch": {p: round(float(np.mean(s)), 1) for p, s in phases.items()},
        "labels_used": int(np.unique(model.labels_).size),
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--method", choices=sorted(METHODS), default="depict")
    parser.add_argument("--n", type=int, default=500_000, help="rows")
    parser.add_argument("--modes", nargs="+", choices=["memmap", "memory"],
                        default=["memmap", "memory"])
    parser.add_argument("--params", default='{"n_pretrain_epochs": 1, "n_epochs": 1, "init": "kmeans"}',
                        help="estimator parameters as JSON")
    parser.add_argument("--file", default=None,
                        help="raw float32 file with at least --n rows (built when absent); "
                             "default /tmp/skdeepcluster_fmnist_<n>.f32")
    parser.add_argument("--no-read-ahead", action="store_true",
                        help="read each batch when asked, without the background thread")
    parser.add_argument("--stages", action="store_true",
                        help="print the private memory and CPU time of each phase, full pass and "
                             "graph step to stderr")
    parser.add_argument("--labels-out", default=None,
                        help="save each mode's labels_ to <LABELS_OUT>_<mode>.npy")
    parser.add_argument("--child", choices=["memmap", "memory"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.file = args.file or f"/tmp/skdeepcluster_fmnist_{args.n}.f32"
    if args.child:
        args.mode = args.child
        child(args)
        return
    if not Path(args.file).exists() or Path(args.file).stat().st_size < args.n * 784 * 4:
        start = time.perf_counter()
        build_file(args.file, args.n)
        print(f"wrote {args.file} ({args.n} x 784 float32) in {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
    results = []
    for mode in args.modes:
        command = [sys.executable, __file__, "--child", mode, "--method", args.method,
                   "--n", str(args.n), "--params", args.params, "--file", args.file]
        if args.no_read_ahead:
            command.append("--no-read-ahead")
        if args.stages:
            command.append("--stages")
        if args.labels_out:
            command += ["--labels-out", args.labels_out]
        if args.stages:  # the stages as they end, not after the run
            print(f"{mode}:", file=sys.stderr, flush=True)
        done = subprocess.run(command, stdout=subprocess.PIPE, text=True,
                              stderr=None if args.stages else subprocess.PIPE)
        if done.returncode:
            sys.exit(f"the {mode} run failed:\n{done.stderr or '(its stderr is above)'}")
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    print(f"\n{'mode':<8}{'base MiB':>10}{'peak extra MiB':>16}{'fit CPU s':>11}  CPU s per epoch")
    for r in results:
        per_epoch = ", ".join(f"{p} {s}" for p, s in r["cpu_s_per_epoch"].items())
        print(f"{r['mode']:<8}{r['base_mib']:>10}{r['peak_extra_mib']:>16}{r['fit_cpu_s']:>11}  {per_epoch}")
    if len(results) == 2:
        a, b = results
        for phase in a["cpu_s_per_epoch"]:
            if phase in b["cpu_s_per_epoch"] and b["cpu_s_per_epoch"][phase] > 0:
                ratio = a["cpu_s_per_epoch"][phase] / b["cpu_s_per_epoch"][phase]
                print(f"{phase}: {a['mode']} / {b['mode']} CPU time per epoch = {ratio:.2f}")


if __name__ == "__main__":
    main()
