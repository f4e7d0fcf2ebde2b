"""Inference on a local Dask cluster against one process: where
``dask_ml.wrappers.ParallelPostFit`` starts to pay (doc/large_data.rst).

Each method is fitted once on the Fashion-MNIST test split (10,000 x 784,
flat rows, the default architecture) with a short training budget: the cost
of ``predict`` depends on the network and, for JULE, on its training
embedding, not on how long it trained. The rows to predict are Fashion-MNIST
tiled with noise (row ``i`` is image ``i % 10000`` plus row ``i % 10007`` of
a bank of Gaussian noise of standard deviation 8 grey levels, clipped to
[0, 255]), made block by block where they are predicted, so that the
one-process run and the workers predict the same rows and no process ever
holds all of them.

For each number of rows it times
  * one process: ``predict`` block by block (``--chunk`` rows a block; the
    million rows of the issue's goal line are 3 GB of float32) with
    ``torch.set_num_threads(T)`` for each ``T`` of ``--threads``;
  * ParallelPostFit on a ``LocalCluster`` of ``--workers`` worker processes
    with ``threads_per_worker`` each of ``--threads-per-worker``: the same
    blocks, made on the workers, predicted as tasks, gathered by
    ``compute()``;
and checks that the labels are identical. Wall and CPU seconds: the one
process's ``time.process_time``; for Dask, the client process's (the
scheduler runs there) plus every worker's (``psutil`` on each). The cluster's
start-up, its CPU use while idle and the making of the rows (timed alone:
``make s``) are reported too. ``--ship-once`` adds a run with the estimator sent once to each worker
(``dask.delayed``) rather than in every task; ``--sizes`` only prints the
size of each fitted estimator's pickle and how many times one predict on a
cluster pickles it; ``--threads-probe`` only prints torch's threads inside a
task of a LocalCluster. The load average of the machine is printed at the start
and the end. Run from the repository root::

    OMP_NUM_THREADS=1 python benchmarks/bench_dask.py --methods depict \\
        --rows 10000 100000 1000000 > benchmarks/results/dask/depict.txt
    OMP_NUM_THREADS=1 python benchmarks/bench_dask.py --methods jule \\
        --rows 10000 100000 --ship-once > benchmarks/results/dask/jule.txt
    OMP_NUM_THREADS=1 python benchmarks/bench_dask.py --sizes > benchmarks/results/dask/sizes.txt
    OMP_NUM_THREADS=1 python benchmarks/bench_dask.py --threads-probe all > benchmarks/results/dask/threads.txt
    env -u OMP_NUM_THREADS python benchmarks/bench_dask.py --threads-probe all \\
        > benchmarks/results/dask/threads_unset.txt
"""

import argparse
import functools
import math
import os
import pickle
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import torch

# The checkout's package, whether or not it is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from skdeepcluster import (  # noqa: E402
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
)
from skdeepcluster.datasets import load_digits, load_fashion_mnist  # noqa: E402

#: Each method with the default architecture and a short training budget.
METHODS = {
    "depict": lambda: DEPICTClustering(n_pretrain_epochs=2, n_epochs=2),
    "jule": lambda: JULEClustering(n_epochs=1),
    "damic": lambda: DAMICClustering(n_pretrain_epochs=1, n_cluster_pretrain_epochs=1, n_epochs=1),
    "ddlsc": lambda: DiscriminativeLatentClustering(n_pretrain_epochs=1, n_epochs=1),
}
NOISE_STD = 8.0
#: Seconds the cluster is left idle to measure its own CPU use.
IDLE_SECONDS = 20


#: Rows of the noise bank: a prime, so that row ``i`` adds noise row
#: ``i % NOISE_ROWS`` and the pairs (image, noise) repeat only after 10^8 rows.
NOISE_ROWS = 10_007


@functools.lru_cache(maxsize=1)
def base_images():
    """The 10,000 Fashion-MNIST test images, read once per process."""
    return load_fashion_mnist("test").data


@functools.lru_cache(maxsize=1)
def noise_bank():
    """Gaussian noise (seed 0), ``NOISE_STD`` grey levels, made once per process."""
    rng = np.random.default_rng(0)
    return NOISE_STD * rng.standard_normal((NOISE_ROWS, 784), dtype=np.float32)


def make_rows(start, stop):
    """Rows ``start:stop`` of the tiled data set: image ``i % 10000`` plus
    noise row ``i % NOISE_ROWS``, clipped to [0, 255]; the same rows however
    the data set is cut into blocks."""
    images, noise = base_images(), noise_bank()
    index = np.arange(start, stop)
    return np.clip(images[index % len(images)] + noise[index % NOISE_ROWS], 0, 255)


def _rows_block(index):
    """make_rows for the block of row numbers ``index`` (a Dask block)."""
    return make_rows(int(index[0]), int(index[-1]) + 1)


def block_starts(n_rows, chunk):
    return list(range(0, n_rows, chunk))


def one_process(estimator, n_rows, chunk, threads):
    """Wall and CPU seconds of block-by-block predict in this process, and
    the labels."""
    torch.set_num_threads(threads)
    wall, cpu = time.perf_counter(), time.process_time()
    labels = np.concatenate([
        estimator.predict(make_rows(start, min(start + chunk, n_rows)))
        for start in block_starts(n_rows, chunk)
    ])
    return time.perf_counter() - wall, time.process_time() - cpu, labels


def making_only(n_rows, chunk):
    """CPU seconds of making the rows alone (one thread)."""
    cpu = time.process_time()
    for start in block_starts(n_rows, chunk):
        make_rows(start, min(start + chunk, n_rows))
    return time.process_time() - cpu


def worker_cpu(client):
    """Total CPU seconds (user + system) of every worker process so far."""
    import psutil

    def cpu():
        times = psutil.Process().cpu_times()
        return times.user + times.system

    return sum(client.run(cpu).values())


def _predict_block(block, estimator):
    return estimator.predict(block)


def on_dask(client, estimator, n_rows, chunk, *, once=False):
    """Wall and CPU seconds (client + workers) of ParallelPostFit.predict
    over the rows made on the workers, and the labels. ``once``: map the
    blocks with the estimator as one ``dask.delayed`` object instead, pickled
    once and sent once to each worker (ParallelPostFit puts a copy in every
    task)."""
    import dask
    import dask.array as da
    from dask_ml.wrappers import ParallelPostFit

    index = da.arange(n_rows, chunks=chunk)
    X = index.map_blocks(
        _rows_block, new_axis=1, chunks=(index.chunks[0], (784,)), dtype=np.float32,
    )
    workers_before = worker_cpu(client)
    wall, cpu = time.perf_counter(), time.process_time()
    meta = np.empty(0, dtype=np.int64)
    if once:
        labels = X.map_blocks(
            _predict_block, estimator=dask.delayed(estimator), drop_axis=1, meta=meta,
        ).compute()
    else:
        labels = ParallelPostFit(estimator, predict_meta=meta).predict(X).compute()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu + worker_cpu(client) - workers_before, labels


def pickle_sizes():
    """What a worker receives: each method fitted with its defaults on the
    digits (1797 x 64), pickled."""
    X = load_digits().data
    print(f"# digits: {X.shape[0]} x {X.shape[1]}, X.nbytes={X.nbytes} (float32)")
    for name, make in METHODS.items():
        estimator = type(make())(random_state=0, device="cpu")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            estimator.fit(X)
        start = time.perf_counter()
        blob = pickle.dumps(estimator)
        dumps = time.perf_counter() - start
        start = time.perf_counter()
        pickle.loads(blob)
        loads = time.perf_counter() - start
        parts = sorted(((len(pickle.dumps(value)), key)
                        for key, value in estimator.__getstate__().items()), reverse=True)
        largest = ", ".join(f"{key} {size / 2**20:.2f}" for size, key in parts[:3])
        print(f"{name:7} pickle {len(blob) / 2**20:.2f} MiB (largest, MiB: {largest}); "
              f"dumps {1000 * dumps:.0f} ms, loads {1000 * loads:.0f} ms", flush=True)
    count_pickles(estimator)


def count_pickles(estimator):
    """How many times the client pickles ``estimator`` for one predict on a
    LocalCluster (2 worker processes): ParallelPostFit, and the estimator as
    one dask.delayed object (``on_dask(once=True)``)."""
    import dask
    import dask.array as da
    from dask_ml.wrappers import ParallelPostFit
    from distributed import Client, LocalCluster

    calls = []
    cls = type(estimator)
    cls.__getstate__ = lambda self: calls.append(1) or super(cls, self).__getstate__()
    X = np.zeros((1600, 64), dtype=np.float32)
    meta = np.empty(0, dtype=np.int64)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        for n_blocks in (4, 16):
            blocks = da.from_array(X, chunks=(len(X) // n_blocks, -1))
            for run, labels in (
                ("ParallelPostFit", ParallelPostFit(estimator, predict_meta=meta).predict(blocks)),
                ("dask.delayed", blocks.map_blocks(_predict_block, estimator=dask.delayed(estimator),
                                                   drop_axis=1, meta=meta)),
            ):
                calls.clear()
                labels.compute()
                print(f"# {cls.__name__} pickled {len(calls)} times for a predict of "
                      f"{n_blocks} blocks with {run}", flush=True)
    del cls.__getstate__


def threads_probe(case):
    """torch's threads inside a task of a LocalCluster of worker processes.

    ``case="started"``: as started, then after ``client.run(torch.set_num_threads,
    2)``; ``case="environ"``: with OMP_NUM_THREADS and MKL_NUM_THREADS set to 2
    in distributed's ``pre-spawn-environ``; ``case="all"`` runs both, each in a
    fresh process (starting a cluster changes this process's environment)."""
    import subprocess

    import dask
    from distributed import Client, LocalCluster

    if case == "all":
        for one in ("started", "environ"):
            subprocess.run([sys.executable, __file__, "--threads-probe", one], check=True)
        return
    key = "distributed.nanny.pre-spawn-environ"
    variables = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")
    config = {}
    if case == "environ":
        config[key] = {**dask.config.get(key), "OMP_NUM_THREADS": 2, "MKL_NUM_THREADS": 2}
    print(f"# {case}: this process's {', '.join(f'{v}={os.environ.get(v)}' for v in variables)}; "
          f"{key}: {', '.join(f'{v}={dask.config.get(key)[v]}' for v in variables)} "
          f"-> {', '.join(f'{v}={config.get(key, dask.config.get(key))[v]}' for v in variables)}",
          flush=True)
    with dask.config.set(config), LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True,
            dashboard_address=None) as cluster, Client(cluster) as client:
        print(f"{case}: torch threads in a task "
              f"{client.submit(torch.get_num_threads, pure=False).result()}; this process's "
              f"{', '.join(f'{v}={os.environ.get(v)}' for v in variables)} once the cluster "
              "started", flush=True)
        if case == "started":
            client.run(torch.set_num_threads, 2)
            print(f"{case}: after client.run(torch.set_num_threads, 2), in a task "
                  f"{client.submit(torch.get_num_threads, pure=False).result()}", flush=True)


def fit(name):
    X = base_images()
    estimator = METHODS[name]().set_params(random_state=0, device="cpu")
    cpu = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        estimator.fit(X)
    return estimator, time.process_time() - cpu


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", nargs="+", choices=sorted(METHODS), default=["depict", "jule"])
    parser.add_argument("--rows", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--chunk", type=int, default=20_000,
                        help="rows a block, at most; fewer when there would be fewer blocks "
                        "than worker threads")
    parser.add_argument("--threads", nargs="+", type=int, default=[1, 2],
                        help="torch threads of the one-process runs")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads-per-worker", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--ship-once", action="store_true",
                        help="also time the estimator sent once as a dask.delayed object")
    parser.add_argument("--sizes", action="store_true",
                        help="only print the pickle of each method fitted with its defaults "
                        "on the digits: its size, its largest attributes, dumps and loads")
    parser.add_argument("--threads-probe", choices=["all", "started", "environ"],
                        help="only print torch's threads inside a task of a LocalCluster")
    args = parser.parse_args(argv)
    if args.sizes:
        return pickle_sizes()
    if args.threads_probe:
        return threads_probe(args.threads_probe)

    from distributed import Client, LocalCluster

    print(f"# {platform.node()} {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, torch {torch.__version__}, OMP_NUM_THREADS="
          f"{os.environ.get('OMP_NUM_THREADS')}, load average {os.getloadavg()[0]:.1f}")
    fitted = {}
    for name in args.methods:
        estimator, seconds = fit(name)
        fitted[name] = estimator
        estimator.predict(make_rows(0, 1000))  # warm-up (and reads the images)
        print(f"# {name}: fitted in {seconds:.0f} s CPU, pickle "
              f"{len(pickle.dumps(estimator)) / 2**20:.2f} MiB", flush=True)

    results = {}
    print(f"{'method':7} {'rows':>9} {'chunk':>6} {'run':18} {'wall s':>8} {'CPU s':>8} "
          f"{'make s':>7} {'rows/s':>9}  labels", flush=True)

    def report(name, n_rows, chunk, run, wall, cpu, labels, reference):
        same = ("identical" if np.array_equal(labels, reference)
                else f"{int((labels != reference).sum())} differ")
        print(f"{name:7} {n_rows:>9} {chunk:>6} {run:18} {wall:8.2f} {cpu:8.2f} "
              f"{making[n_rows, chunk]:7.2f} {n_rows / wall:9.0f}  {same}", flush=True)

    making = {}
    for name, estimator in fitted.items():
        for n_rows in args.rows:
            for threads in args.threads:
                chunk = min(args.chunk, n_rows)
                if (n_rows, chunk) not in making:
                    making[n_rows, chunk] = making_only(n_rows, chunk)
                wall, cpu, labels = one_process(estimator, n_rows, chunk, threads)
                results.setdefault((name, n_rows), labels)
                report(name, n_rows, chunk, f"1 process, {threads} thr", wall, cpu, labels,
                       results[name, n_rows])

    for per_worker in args.threads_per_worker:
        start = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=per_worker,
                          processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            threads = client.run(torch.get_num_threads)
            print(f"# LocalCluster {args.workers} workers x {per_worker} threads started in "
                  f"{time.perf_counter() - start:.1f} s wall; torch threads per worker "
                  f"process: {sorted(threads.values())}", flush=True)
            workers, client_cpu = worker_cpu(client), time.process_time()
            time.sleep(IDLE_SECONDS)
            print(f"# idle for {IDLE_SECONDS} s: the workers used "
                  f"{worker_cpu(client) - workers:.2f} s CPU, this process (client and "
                  f"scheduler) {time.process_time() - client_cpu:.2f} s", flush=True)
            for name, estimator in fitted.items():
                # warm-up: each worker reads the images and makes the noise bank
                start = time.perf_counter()
                on_dask(client, estimator, 2000 * args.workers * per_worker, 2000)
                print(f"# {name}: first (warm-up) run of {2000 * args.workers * per_worker} "
                      f"rows {time.perf_counter() - start:.1f} s wall", flush=True)
            for name, estimator in fitted.items():
                for n_rows in args.rows:
                    chunk = min(args.chunk, math.ceil(n_rows / (args.workers * per_worker)))
                    if (n_rows, chunk) not in making:
                        making[n_rows, chunk] = making_only(n_rows, chunk)
                    for once in (False, True) if args.ship_once else (False,):
                        wall, cpu, labels = on_dask(client, estimator, n_rows, chunk, once=once)
                        run = f"dask {args.workers}x{per_worker}" + (" once" if once else "")
                        report(name, n_rows, chunk, run, wall, cpu, labels, results[name, n_rows])
    print(f"# load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
