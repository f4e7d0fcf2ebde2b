"""Exploratory: two-cluster sets whose start is made on the codes (two digits
or two Fashion-MNIST classes, the second cut to a tenth, to 0.4 or kept
whole, as in jule_cap/imbalanced_pairs.py; two Gaussians in 100-D, of equal
or of different spreads; two moons and two rings in 64-D), each estimator
with n_clusters alone, beside k-means of the rows. Each fit prints the
silhouette ratio of k-means' partition of the codes to spectral
clustering's, the ratio of their normalised cuts of the codes' neighbour
graph, the start taken (init_) with its ACC, and the end; where the start is
k-means' (the compact pair), the fit is run again with the comparison
switched off: the package before it (the same random stream).
Usage: pairs.py METHODS SEEDS [SETS_SUBSTRING] (64-D: the shapes; spreads)"""
import os, sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.metrics import silhouette_score
import skdeepcluster as sk
import skdeepcluster.base as base
from skdeepcluster.graph import (SPECTRAL_NEIGHBORS, _capped_neighbors, _connectivity_neighbors, _graph_of,
                                 normalized_cut)
from skdeepcluster.metrics import clustering_report

methods, seeds = sys.argv[1].split(","), [int(s) for s in sys.argv[2].split(",")]
only = sys.argv[3] if len(sys.argv) > 3 else ""
HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], "none", "0"]
exec(open(os.path.join(HERE, "..", "jule_cap", "imbalanced_pairs.py")).read().split("methods = sys.argv")[0])
FRACS = (0.1, 0.4, 1.0)


def blobs(d, gap, sizes):
    return make_blobs(list(sizes), n_features=d, cluster_std=1.0,
                      centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)


def all_sets():
    yield from sets()
    for d, gap, sizes in [(100, 3.8, (900, 100)), (100, 6.0, (900, 100)), (100, 6.0, (700, 300)),
                          (100, 6.0, (500, 500))]:
        yield f"gauss {d}-D gap {gap} {sizes[0]}/{sizes[1]}", *blobs(d, gap, sizes)
    # Two Gaussians of different spreads in 100-D (standard deviations 1 and
    # 2.5, centres 6 deviations of the narrow one apart), even and 900/100.
    for sizes in [(500, 500), (900, 100), (100, 900)]:
        X, y = make_blobs(list(sizes), n_features=100, cluster_std=[1.0, 2.5],
                          centers=[np.zeros(100), np.full(100, 6.0 / np.sqrt(100))], random_state=0)
        yield f"spreads 100-D {sizes[0]}/{sizes[1]}", X, y
    # Non-convex shapes in wide input: two moons and two rings (1,000 rows,
    # noise 0.05) mapped into 64-D by a random orthonormal map, plus noise
    # of 0.05 in every dimension, where k-means cuts straight.
    rotation = np.linalg.qr(np.random.RandomState(0).randn(64, 64))[0][:2]
    for shape, make in [("moons", make_moons), ("circles", lambda *a, **k: make_circles(*a, factor=0.5, **k))]:
        X2, y2 = make(1000, noise=0.05, random_state=0)
        X64 = X2 @ rotation + 0.05 * np.random.RandomState(1).randn(1000, 64)
        yield f"{shape} 64-D", X64, y2


original = base.compact_pair
RATIO = {}


def recording(Z, labels):
    Z = np.asarray(Z, dtype=np.float64)
    km = KMeans(2, n_init=10, random_state=base.COMPACT_PAIR_SEED).fit_predict(Z)
    rows = np.random.RandomState(0).permutation(len(Z))[:base.SILHOUETTE_SAMPLES]
    RATIO["r"] = silhouette_score(Z[rows], km[rows]) / silhouette_score(Z[rows], labels[rows])
    RATIO["smaller"] = f"{np.bincount(km, minlength=2).min()}/{np.bincount(labels, minlength=2).min()}"
    A = _graph_of(_connectivity_neighbors(Z, _capped_neighbors(SPECTRAL_NEIGHBORS, len(Z), 2), "cpu"))
    cut = normalized_cut(A, labels)
    RATIO["cut"] = normalized_cut(A, km) / cut if cut > 0 else float("inf")
    return original(Z, labels)


def fit(m, s, X, y, compare):
    base.compact_pair = recording if compare else (lambda Z, labels: None)
    RATIO.clear()
    t = time.process_time()
    est = getattr(sk, m)(2, random_state=s).fit(X)
    t = time.process_time() - t
    a, b = clustering_report(y, est.init_labels_), clustering_report(y, est.labels_)
    cut = f"cut {RATIO['cut']:.2f} " if "cut" in RATIO else ""
    cut += f"smaller {RATIO['smaller']} " if "smaller" in RATIO else ""
    return (f"{cut}start {est.init_:8s} {a['ACC']:.3f} -> {b['ACC']:.3f} / {b['NMI']:.3f} "
            f"sizes {np.bincount(est.labels_, minlength=2).tolist()} {t:.0f} s"), est.init_, RATIO.get("r")


def run(named_sets):
    """Each set's k-means line, then each method's fits (and the fit before
    the change where the compact pair was taken)."""
    for name, X, y in named_sets:
        km = clustering_report(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
        print(f"{name}: {X.shape}, sizes {np.bincount(y).tolist()}; k-means {km['ACC']:.3f} / {km['NMI']:.3f}",
              flush=True)
        for m in methods:
            for s in seeds:
                line, init, r = fit(m, s, X, y, True)
                ratio = "" if r is None else f"ratio {r:.2f}"
                print(f"  {m:18s} seed {s}: {ratio:10s} {line}", flush=True)
                if init == "kmeans":
                    line, _, _ = fit(m, s, X, y, False)
                    print(f"  {'':18s} before:  {'':10s} {line}", flush=True)


# Run the sets: pairs.py's own ("run(" below), unless more_pairs.py execs this file up to here.
run(named for named in all_sets() if only in named[0])
