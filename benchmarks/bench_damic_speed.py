"""DAMIC's epoch times for several numbers of clusters k.

Two tables. *Joint training*: the stacked k autoencoders against a naive
Python loop over the same k autoencoders. Both variants train the same
networks (the naive one holds ordinary per-cluster copies of the stacked
weights, from ``StackedAutoencoder.unstack``) on the same data with the same
loss, optimiser and mini-batches; only the way the k autoencoders are
evaluated differs. *Per-cluster pretraining*: an epoch of
``DAMICClustering``'s form, in which every step gives each autoencoder a
batch of its own members (``member_batches``), against the form it replaced,
which ran every autoencoder on every sample and kept each one's loss on its
members only; the clusters are k-means's. Run from the repository root::

    python benchmarks/bench_damic_speed.py --clusters 10 50 100 --threads 1

and paste the printed tables into doc/benchmarks.rst.
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

from sklearn.cluster import KMeans  # noqa: E402

from skdeepcluster.damic import auto_autoencoder_sizes, auto_bottleneck, member_batches  # noqa: E402
from skdeepcluster.datasets import load_dataset  # noqa: E402
from skdeepcluster.losses import damic_loss, reconstruction_distances  # noqa: E402
from skdeepcluster.nn import (  # noqa: E402
    build_damic_autoencoders,
    build_damic_clustering_network,
    damic_init_,
)
from skdeepcluster.training import adam, make_generator, resolve_device, train_epoch  # noqa: E402


def _networks(X, n_clusters, hidden, generator):
    """DAMICClustering's default autoencoders and clustering network for X."""
    n_features = X.shape[1]
    with torch.random.fork_rng(devices=[]):
        stacked = build_damic_autoencoders(
            n_clusters, n_features, bottleneck=auto_bottleneck(n_clusters, n_features),
            hidden_layer_sizes=hidden, output="sigmoid",
        )
        network = build_damic_clustering_network(n_features, n_clusters)
    damic_init_(stacked, generator)
    damic_init_(network, generator)
    return stacked.to(X.device), network.to(X.device)


def _timed_epochs(run_epoch, n_epochs, device):
    """Median wall time of ``run_epoch()`` over ``n_epochs`` after one warm-up."""
    times = []
    for _ in range(n_epochs + 1):
        start = time.perf_counter()
        run_epoch()
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def epoch_seconds(X, n_clusters, naive, *, hidden, batch_size, n_epochs, seed=0):
    """Median wall time of one joint-training epoch (after one warm-up epoch), on
    the device ``X`` is on."""
    generator = make_generator(seed, "cpu")
    stacked, network = _networks(X, n_clusters, hidden, generator)
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

    return _timed_epochs(
        lambda: train_epoch(batch_loss, optimizer, X.shape[0], batch_size, generator),
        n_epochs, X.device)


def members_epoch_seconds(X, labels, n_clusters, form, *, hidden, batch_size, n_epochs,
                          seed=0):
    """Median wall time of one epoch of pretraining each cluster's autoencoder
    on its members. ``form`` is "stacked" (DAMICClustering's: a batch of each
    cluster's members through the stacked autoencoders), "loop" (the same
    batches, a Python loop over k ordinary autoencoders with the same
    weights) or "every_sample" (the form DAMICClustering used before
    2026-11-30: every autoencoder on every sample, each one's loss on its
    members)."""
    generator = make_generator(seed, "cpu")
    stacked, _ = _networks(X, n_clusters, hidden, generator)
    labels = torch.as_tensor(labels)
    if form == "every_sample":  # as it was: batch statistics of all the samples
        stacked.train()
        on_device = labels.to(X.device)

        def batch_loss(idx):
            x = X[idx.to(X.device)]
            d = reconstruction_distances(x, stacked(x))
            return d.gather(1, on_device[idx.to(X.device)][:, None]).mean()

        optimizer = adam(stacked.parameters(), lr=1e-3)
        return _timed_epochs(
            lambda: train_epoch(batch_loss, optimizer, X.shape[0], batch_size, generator),
            n_epochs, X.device)

    if form == "loop":
        models = stacked.train_frozen_statistics().unstack()
        for model in models:  # the stacked module's frozen batch norms, copied
            for layer, source in zip(model, [*stacked.encoder, *stacked.decoder]):
                layer.train(source.training)

        def reconstruct(x):
            return torch.stack([model(x[c]) for c, model in enumerate(models)])
    else:
        models = stacked.train_frozen_statistics()
        reconstruct = stacked
    optimizer = adam(models.parameters(), lr=1e-3)

    def members_loss(idx):
        x = X[idx.reshape(-1).to(X.device)].reshape(*idx.shape, X.shape[1])
        return reconstruction_distances(x, reconstruct(x)).mean()

    def run_epoch():
        table = member_batches(labels, n_clusters, batch_size, generator)
        return train_epoch(lambda pos: members_loss(table[:, pos]), optimizer,
                           table.shape[1], min(batch_size, table.shape[1]), generator)

    return _timed_epochs(run_epoch, n_epochs, X.device)


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
                        help="autoencoder hidden layers (default: DAMICClustering's 'auto')")
    parser.add_argument("--tables", nargs="+", choices=["joint", "members"],
                        default=["joint", "members"], help="which epochs to time")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)

    data = load_dataset(args.dataset)
    X = torch.as_tensor(data.data[: args.n_samples])
    X = ((X - X.min()) / (X.max() - X.min())).to(resolve_device(args.device))
    hidden = tuple(args.hidden or auto_autoencoder_sizes(X.shape[1]))
    print(f"# DAMIC epochs on {data.name}: {X.shape[0]} samples x "
          f"{X.shape[1]} features on {X.device}, batch {args.batch_size}, autoencoders "
          f"{hidden} + bottleneck min(k, {(X.shape[1] + 1) // 2}), clustering net (512, 512)")
    print(f"# {platform.processor() or platform.machine()}, {torch.get_num_threads()} torch "
          f"threads, torch {torch.__version__}, python {sys.version.split()[0]}; median of "
          f"{args.epochs} epochs after one warm-up")
    options = dict(hidden=hidden, batch_size=args.batch_size, n_epochs=args.epochs)
    if "joint" in args.tables:
        print("# joint training")
        header = f"{'k':>5} {'stacked s':>10} {'naive loop s':>13} {'speed-up':>9}"
        print(header)
        print("-" * len(header))
        for k in args.clusters:
            fast = epoch_seconds(X, k, False, **options)
            slow = epoch_seconds(X, k, True, **options)
            print(f"{k:>5} {fast:10.3f} {slow:13.3f} {slow / fast:8.1f}x", flush=True)
    if "members" in args.tables:
        print("# per-cluster pretraining (k-means clusters, sizes min / max): member "
              "batches stacked, the same batches in a loop over clusters, and every "
              "autoencoder on every sample (the form used before 2026-11-30)")
        header = (f"{'k':>5} {'sizes':>11} {'stacked s':>10} {'loop s':>8} {'speed-up':>9} "
                  f"{'every sample s':>15} {'speed-up':>9}")
        print(header)
        print("-" * len(header))
        for k in args.clusters:
            labels = KMeans(k, n_init=1, random_state=0).fit_predict(X.cpu().numpy())
            counts = torch.bincount(torch.as_tensor(labels), minlength=k)
            fast, loop, every = (members_epoch_seconds(X, labels, k, form, **options)
                                 for form in ("stacked", "loop", "every_sample"))
            sizes = f"{int(counts.min())} / {int(counts.max())}"
            print(f"{k:>5} {sizes:>11} {fast:10.3f} {loop:8.3f} {loop / fast:8.1f}x "
                  f"{every:15.3f} {every / fast:8.1f}x", flush=True)


if __name__ == "__main__":
    main()
