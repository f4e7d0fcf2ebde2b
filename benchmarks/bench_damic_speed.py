"""DAMIC's joint-training epoch: the stacked k autoencoders against a naive
Python loop over the same k autoencoders, for several numbers of clusters.

Both variants train the same networks (the naive one holds ordinary per-
cluster copies of the stacked weights, from ``StackedAutoencoder.unstack``),
with DAMICClustering's default architecture for 10 clusters of the data (the
same widths for every k, where the estimator narrows its autoencoders beyond
10 clusters: ``damic.auto_autoencoder_sizes``), on the same data
with the same loss, optimiser and mini-batches; only the way the k
autoencoders are evaluated differs. Run from the repository root::

    python benchmarks/bench_damic_speed.py --clusters 10 50 100 --threads 1

and paste the printed table into doc/benchmarks.rst.
"""

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

# The checkout's package, whether or not it is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from skdeepcluster.damic import auto_autoencoder_sizes, auto_bottleneck  # noqa: E402
from skdeepcluster.datasets import load_dataset  # noqa: E402
from skdeepcluster.losses import damic_loss, reconstruction_distances  # noqa: E402
from skdeepcluster.nn import (  # noqa: E402
    build_damic_autoencoders,
    build_damic_clustering_network,
    damic_init_,
)
from skdeepcluster.training import adam, make_generator, resolve_device, train_epoch  # noqa: E402


def epoch_seconds(X, n_clusters, naive, *, hidden, batch_size, n_epochs, seed=0):
    """Median wall time of one joint-training epoch (after one warm-up epoch), on
    the device ``X`` is on."""
    generator = make_generator(seed, "cpu")
    n_features = X.shape[1]
    with torch.random.fork_rng(devices=[]):
        stacked = build_damic_autoencoders(
            n_clusters, n_features, bottleneck=auto_bottleneck(n_clusters, n_features),
            hidden_layer_sizes=hidden, output="sigmoid",
        )
        network = build_damic_clustering_network(n_features, n_clusters)
    damic_init_(stacked, generator)
    damic_init_(network, generator)
    stacked, network = stacked.to(X.device), network.to(X.device)
    if naive:
        autoencoders = stacked.unstack()

        def reconstruct(x):
            return torch.stack([autoencoder(x) for autoencoder in autoencoders])
    else:
        autoencoders = stacked
        reconstruct = stacked
    params = [*autoencoders.parameters(), *network.parameters()]
    optimizer = adam(params, lr=1e-3)
    autoencoders.train()
    network.train()

    def batch_loss(idx):
        x = X[idx.to(X.device)]
        return damic_loss(network(x), reconstruction_distances(x, reconstruct(x)))

    times = []
    for _ in range(n_epochs + 1):
        start = time.perf_counter()
        train_epoch(batch_loss, optimizer, X.shape[0], batch_size, generator)
        if X.device.type == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="digits")
    parser.add_argument("--n-samples", type=int, default=None,
                        help="use only the first N samples (default: all)")
    parser.add_argument("--clusters", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs per setting")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    parser.add_argument("--device", default="auto",
                        help="'auto' (CUDA when available), 'cpu', 'cuda', ...")
    parser.add_argument("--hidden", type=int, nargs="+", default=None,
                        help="autoencoder hidden layers (default: DAMICClustering's 'auto' "
                             "for 10 clusters)")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)

    data = load_dataset(args.dataset)
    X = torch.as_tensor(data.data[: args.n_samples])
    X = ((X - X.min()) / (X.max() - X.min())).to(resolve_device(args.device))
    hidden = tuple(args.hidden or auto_autoencoder_sizes(X.shape[1]))
    print(f"# DAMIC joint-training epoch on {data.name}: {X.shape[0]} samples x "
          f"{X.shape[1]} features on {X.device}, batch {args.batch_size}, autoencoders "
          f"{hidden} + bottleneck min(k, {auto_bottleneck(X.shape[1], X.shape[1])}), "
          f"clustering net (512, 512)")
    print(f"# {platform.processor() or platform.machine()}, {torch.get_num_threads()} torch "
          f"threads, torch {torch.__version__}, python {sys.version.split()[0]}; median of "
          f"{args.epochs} epochs after one warm-up")
    header = f"{'k':>5} {'stacked s':>10} {'naive loop s':>13} {'speed-up':>9}"
    print(header)
    print("-" * len(header))
    for k in args.clusters:
        options = dict(hidden=hidden, batch_size=args.batch_size, n_epochs=args.epochs)
        fast = epoch_seconds(X, k, False, **options)
        slow = epoch_seconds(X, k, True, **options)
        print(f"{k:>5} {fast:10.3f} {slow:13.3f} {slow / fast:8.1f}x", flush=True)


if __name__ == "__main__":
    main()
