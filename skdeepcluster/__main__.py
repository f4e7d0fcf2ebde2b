"""Command line: cluster a dataset with a deep method and compare with k-means.

Run ``python -m skdeepcluster --help`` for the options.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.utils import Bunch

from . import (
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
    __version__,
)
from .datasets import DATASETS, load_dataset
from .metrics import clustering_report

#: Datasets of smaller images are clustered as flat rows unless --image-shape says otherwise.
MIN_CONV_SIDE = 16

#: Methods the command line can run, by name.
METHODS = {
    "depict": DEPICTClustering,
    "jule": JULEClustering,
    "damic": DAMICClustering,
    "ddlsc": DiscriminativeLatentClustering,
}


def default_layout(image_shape):
    """The ``image_shape`` a dataset of this image shape is clustered with.

    Images of at least 16x16 keep their shape (the convolutional network);
    smaller ones, and tabular data (``image_shape=None``), are flat rows.
    Scaling is left to the estimators' ``scaling="auto"``, which scales flat
    pixels min-max (they share one unit).
    """
    if image_shape is not None and min(image_shape[1:]) < MIN_CONV_SIDE:
        # Below 16x16 (the smallest size in the paper's Table 5) the
        # convolutional network was no more accurate than the MLP on the 8x8
        # digits and three times slower (doc/benchmarks.rst).
        return None
    return image_shape


def _load_path(path, labels_path, image_shape):
    path = Path(path)
    if not path.is_file():
        raise SystemExit(f"error: no dataset named {str(path)!r} and no such file.")
    if path.suffix == ".npy":
        # Mapped, not read: the estimators read a memmap in chunks.
        data = np.load(path, allow_pickle=False, mmap_mode="r")
    elif path.suffix in (".csv", ".txt"):
        data = np.loadtxt(path, delimiter="," if path.suffix == ".csv" else None, ndmin=2)
    else:
        raise SystemExit(f"error: {path} is neither .npy nor .csv; convert it first.")
    if data.ndim > 2:  # (N, H, W) or (N, C, H, W) images
        shape = data.shape[1:]
        image_shape = image_shape or ((1, *shape) if len(shape) == 2 else shape)
        data = data.reshape(len(data), -1)
    target = None
    if labels_path:
        target = np.load(labels_path) if labels_path.endswith(".npy") else np.loadtxt(labels_path, ndmin=1)
    return Bunch(data=data, target=target, image_shape=image_shape, name=path.name)


def _parse_shape(text):
    if text in (None, "none", "auto"):
        return text
    try:
        return tuple(int(v) for v in text.replace("x", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"image shape {text!r} is not like 1,28,28") from None


def _parse_n_clusters(text):
    if text == "auto":
        return text
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"number of clusters {text!r} is neither a positive integer nor 'auto'"
        )
    return value


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m skdeepcluster",
        description=(
            "Cluster a dataset with a deep clustering method and print ACC / NMI / "
            "ARI (when labels are known) and fit time next to k-means."
        ),
        epilog="Example: python -m skdeepcluster --dataset fashion_mnist --device cuda",
    )
    parser.add_argument("--method", choices=sorted(METHODS), default="depict",
                        help="clustering method (default: depict)")
    parser.add_argument("--dataset", default="digits", metavar="NAME_OR_PATH",
                        help=f"one of {', '.join(DATASETS)}, or a .npy/.csv file of "
                             "samples in rows (default: digits)")
    parser.add_argument("--labels", metavar="PATH",
                        help="true labels (.npy or text, one per line) for a dataset "
                             "given as a file, to score the clustering")
    parser.add_argument("--image-shape", type=_parse_shape, default=None, metavar="C,H,W",
                        help="treat rows as images of this shape ('auto' for square "
                             "single-channel, 'none' for flat features); default: the "
                             "dataset's own shape when its images are at least 16x16, "
                             "else flat rows")
    parser.add_argument("--n-clusters", type=_parse_n_clusters, default=None,
                        metavar="K_OR_AUTO",
                        help="number of clusters, or 'auto' to estimate it on the "
                             "method's pretrained embedding (default: number of "
                             "classes, else 10)")
    parser.add_argument("--max-clusters", type=int, default=None,
                        help="with --n-clusters auto, the most clusters considered "
                             "(default: min(50, n_samples))")
    parser.add_argument("--epochs", type=int, default=None,
                        help="maximum epochs of the clustering phase, per period for jule "
                             "(default: the method's)")
    parser.add_argument("--pretrain-epochs", type=int, default=None,
                        help="epochs of autoencoder pretraining (default: the method's)")
    parser.add_argument("--device", default="auto",
                        help="'auto' (CUDA when available), 'cpu', 'cuda', 'cuda:1', ...")
    parser.add_argument("--seed", type=int, default=0, help="random state (default: 0)")
    parser.add_argument("--output", metavar="PATH",
                        help="write the cluster labels here (.npy, else one per line)")
    parser.add_argument("--no-kmeans", action="store_true",
                        help="skip the k-means baseline")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="show training progress")
    parser.add_argument("--version", action="version", version=f"skdeepcluster {__version__}")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.dataset in DATASETS:
        try:
            data = load_dataset(args.dataset)
        except FileNotFoundError as exc:
            raise SystemExit(f"error: {exc}") from None
    else:
        data = _load_path(args.dataset, args.labels, None)
    image_shape = default_layout(data.image_shape)
    if args.image_shape is not None:
        image_shape = None if args.image_shape == "none" else args.image_shape
    n_clusters = args.n_clusters or (
        len(np.unique(data.target)) if data.target is not None else 10
    )
    params = dict(n_clusters=n_clusters, max_clusters=args.max_clusters,
                  image_shape=image_shape, device=args.device,
                  random_state=args.seed, verbose=args.verbose)
    estimator = METHODS[args.method]
    accepted = estimator().get_params()
    for option, name, value in [
        ("--epochs", "n_epochs", args.epochs),
        ("--pretrain-epochs", "n_pretrain_epochs", args.pretrain_epochs),
    ]:
        if value is None:
            continue
        if name not in accepted:
            raise SystemExit(f"error: {option} does not apply to --method {args.method}.")
        params[name] = value
    model = estimator(**params)

    X = data.data
    print(f"{data.name}: {X.shape[0]} samples, {X.shape[1]} features"
          + (f", images {image_shape}" if image_shape else "")
          + f"; {n_clusters} clusters; method {args.method}")
    rows = []
    start = time.perf_counter()
    try:
        labels = model.fit_predict(X)
    except ValueError as exc:  # e.g. --max-clusters above the number of samples
        raise SystemExit(f"error: {exc}") from None
    rows.append((args.method, labels, time.perf_counter() - start))
    if n_clusters == "auto":
        print(f"estimated number of clusters: {model.n_clusters_} "
              f"(from the scaled input and the {args.method} embedding)")
    if not args.no_kmeans:
        # k-means with the method's number of clusters (its estimate with auto).
        start = time.perf_counter()
        kmeans_labels = KMeans(model.n_clusters_, n_init=10,
                               random_state=args.seed).fit_predict(X)
        rows.insert(0, ("k-means", kmeans_labels, time.perf_counter() - start))

    header = f"{'method':<10}{'ACC':>8}{'NMI':>8}{'ARI':>8}{'fit time':>11}"
    print(header)
    for name, pred, seconds in rows:
        if data.target is not None:
            r = clustering_report(data.target, pred)
            print(f"{name:<10}{r['ACC']:8.3f}{r['NMI']:8.3f}{r['ARI']:8.3f}{seconds:10.1f}s")
        else:
            print(f"{name:<10}{'-':>8}{'-':>8}{'-':>8}{seconds:10.1f}s")
    print(f"device: {model.device_}; clustering epochs: {model.n_iter_}")
    if args.output:
        out = Path(args.output)
        if out.suffix == ".npy":
            np.save(out, labels)
        else:
            np.savetxt(out, labels, fmt="%d")
        print(f"labels written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
