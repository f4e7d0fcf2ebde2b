"""Estimating the number of clusters: the rule of ``n_clusters="auto"`` and its peers.

For each set of the suite of issue 15 (pretrained embeddings of DEPICT, DAMIC
and DiscriminativeLatentClustering on the digits and the Fashion-MNIST test
split, the raw digits, iris, wine, breast cancer, the FCPS sets and Gaussian
blobs of unequal sizes in 30 dimensions), prints the true number of clusters
and the number found by

- ``rule``: :func:`skdeepcluster.estimate_n_clusters` with its default
  rule, that of ``n_clusters="auto"`` (``"step-modularity"``: a clear step
  of the Laplacian spectrum, else one cluster against a Gaussian reference,
  else the most modular spectral clustering);
- ``ratio``: the same function with ``rule="ratio"`` (the largest ratio of
  consecutive Laplacian eigenvalues, the default before);
- ``gap``: the classical eigengap on the same eigenvalues (a loser);
- ``sil``: the best silhouette of k-means over 2..max_clusters (peer);
- ``dpgmm``: scikit-learn's BayesianGaussianMixture with a Dirichlet-process
  prior and max_clusters components, counting components with >= 1% of the
  samples (peer);
- ``umap+hdb``: HDBSCAN on a 10-d UMAP embedding (peer, with ``--umap``;
  noise is not counted as a cluster);

and, on the labelled sets, ACC / NMI of spectral clustering
(:func:`skdeepcluster.graph.spectral_clustering`) of the set with the
estimated k (of ``rule``) next to the true k.

The raw sets include the Fashion-MNIST test split (flat rows divided by
255) where the ``dataset-fashion-mnist`` package is installed; ``--sets``
restricts the default mode to some sets.

Run: ``OMP_NUM_THREADS=1 python benchmarks/bench_auto_k.py [--umap | --rules-only]``
(about 11 minutes on one busy core, most of it the peers on the 10,000
Fashion-MNIST rows). The pretrained embeddings are read from
``--embeddings`` (default ``/work/exp``): files ``Z_<set>_<method>_0.npz``
with arrays Z (the embedding each method clusters after pretraining, default
parameters, random_state=0) and y (the labels), captured outside the
repository; sets whose files are absent are skipped.

``--fit SET ...`` instead fits each estimator (defaults, CPU, one torch
thread) with ``n_clusters="auto"`` and with the true k, per seed of
``--seeds``: the estimated k, ACC / NMI with each, and the CPU seconds of
both fits (the cost of "auto"). ``--summarize FIT_OUTPUT ...`` prints the
tables of the results page from such outputs and the default mode's output
(``--peers``).
"""

import argparse
import glob
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.cluster import HDBSCAN, KMeans
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.metrics import silhouette_score
from sklearn.mixture import BayesianGaussianMixture
from sklearn.preprocessing import StandardScaler

# The checkout's package, whether or not it is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import rst_table  # noqa: E402
from compare import FCPS_CLUSTERS, FCPS_DIR  # noqa: E402
from skdeepcluster import estimate_n_clusters  # noqa: E402
from skdeepcluster.autok import laplacian_eigenvalues  # noqa: E402
from skdeepcluster.datasets import FASHION_MNIST_DIR, load_dataset  # noqa: E402
from skdeepcluster.graph import spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

#: compare.py's FCPS sets and GolfBall (one cluster), in alphabetical order.
FCPS = dict(sorted({**FCPS_CLUSTERS, "GolfBall": 1}.items()))
BLOB_KS = (3, 5, 8, 12, 20)


def suite(embeddings):
    """``(name, X, y or None, true k)`` for every set found."""
    for path in sorted(glob.glob(os.path.join(embeddings, "Z_*_0.npz"))):
        data = np.load(path)
        yield os.path.basename(path)[2:-6], data["Z"], data["y"], len(np.unique(data["y"]))
    digits = load_dataset("digits")
    yield "digits (raw)", digits.data / 16.0, digits.target, 10
    if os.path.isdir(FASHION_MNIST_DIR):
        fashion = load_dataset("fashion_mnist")  # the test split, flat rows
        yield "Fashion-MNIST", fashion.data / 255.0, fashion.target, 10
    for name in ("iris", "wine", "breast_cancer"):
        data = load_dataset(name)
        yield name, StandardScaler().fit_transform(data.data), data.target, len(np.unique(data.target))
    for name, k in FCPS.items():
        path = os.path.join(FCPS_DIR, f"{name}.data")
        if os.path.exists(path):
            yield f"FCPS {name}", np.loadtxt(path), None, k
    for k in BLOB_KS:
        yield f"blobs k={k}", *unequal_blobs(k), k


def unequal_blobs(k):
    """``(X, y)``: ``k`` Gaussian blobs of 30-300 samples and unequal spreads
    in 30 dimensions, the same for a given ``k`` (the suite's blobs)."""
    rng = np.random.RandomState(k)
    return make_blobs(rng.randint(30, 300, size=k), n_features=30,
                      cluster_std=rng.uniform(0.5, 2.0, k), center_box=(-10, 10), random_state=k)


def shapes_and_subsets():
    """``(name, X, y)``: labelled sets outside the suite, shared by
    ``auto_k_rules.py`` and ``bench_init.py``: two-dimensional shapes
    (moons, circles, anisotropic and unequal-spread blobs) and subsets of the
    digits' classes (pixels divided by 16)."""
    yield "moons", *make_moons(600, noise=0.06, random_state=1)
    yield "circles", *make_circles(600, noise=0.04, factor=0.5, random_state=1)
    X, y = make_blobs(900, n_features=2, centers=3, random_state=170)
    yield "anisotropic blobs", X @ np.array([[0.6, -0.6], [-0.4, 0.8]]), y
    X, y = make_blobs([300, 300, 300], n_features=2, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    yield "unequal-spread blobs", X, y
    digits = load_dataset("digits")
    for classes in [(0, 1, 2), (0, 1, 2, 3, 4), (3, 5, 8, 9)]:
        mask = np.isin(digits.target, classes)
        yield f"digits {''.join(map(str, classes))}", digits.data[mask] / 16.0, digits.target[mask]


def eigengap(X, max_clusters):
    eigenvalues = laplacian_eigenvalues(X, max_clusters + 1, random_state=0)
    return int(np.argmax(np.diff(eigenvalues))) + 1


def silhouette_sweep(X, max_clusters):
    best, best_k = -2.0, 2
    for k in range(2, max_clusters + 1):
        labels = KMeans(k, n_init=3, random_state=0).fit_predict(X)
        score = silhouette_score(X, labels, sample_size=min(3000, len(X)), random_state=0)
        if score > best:
            best, best_k = score, k
    return best_k


def dp_gmm(X, max_clusters):
    X = StandardScaler().fit_transform(X)
    model = BayesianGaussianMixture(
        n_components=max_clusters, weight_concentration_prior_type="dirichlet_process",
        covariance_type="full" if X.shape[1] <= 20 else "diag", max_iter=300, random_state=0,
    ).fit(X)
    return int((np.bincount(model.predict(X)) >= 0.01 * len(X)).sum())


def umap_hdbscan(X):
    import umap  # optional

    Z = umap.UMAP(n_components=10, random_state=0, n_jobs=1).fit_transform(X)
    labels = HDBSCAN(min_cluster_size=max(5, len(X) // 100)).fit_predict(Z)
    return int(np.unique(labels[labels >= 0]).size)


def scores(X, y, k):
    if y is None:
        return "     -     -"
    if k == 1:
        labels = np.zeros(len(X), dtype=int)
    else:
        labels = spectral_clustering(X, k, random_state=0)
    report = clustering_report(y, labels)
    return f"{report['ACC']:6.3f}{report['NMI']:6.3f}"


def fit_one(method, X, y, n_clusters, seed):
    """Fit ``method`` (defaults, CPU) with ``n_clusters``: the k it used,
    ACC and NMI (nan without labels) and the CPU seconds of the fit."""
    import skdeepcluster

    model = getattr(skdeepcluster, method)(n_clusters=n_clusters, random_state=seed, device="cpu")
    start = time.process_time()
    model.fit(X)
    cpu = time.process_time() - start
    report = clustering_report(y, model.labels_) if y is not None else {"ACC": np.nan, "NMI": np.nan}
    return model.n_clusters_, report["ACC"], report["NMI"], cpu


def fit_estimators(embeddings, names, methods, seeds):
    """Each estimator (defaults, CPU) fitted with n_clusters="auto" and with
    the true k on the named sets, per seed: the estimated k, ACC / NMI with
    each (nan without labels), the CPU seconds of both fits and their ratio
    (the cost of "auto"). Then, per set and method, the means over the seeds
    and the largest ratio."""
    import torch

    torch.set_num_threads(1)
    print("each estimator with its defaults, n_clusters='auto' against the true k; CPU s of fit, "
          f"torch threads {torch.get_num_threads()}, "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, seeds {' '.join(map(str, seeds))}")
    print(f"{'set':<17}{'method':<31}{'seed':>4}{'true':>5}{'k_auto':>7}{'ACC@k':>7}{'NMI@k':>7}"
          f"{'ACC@auto':>9}{'NMI@auto':>9}{'CPU@k':>7}{'CPU@auto':>9}{'ratio':>6}")
    rows = []
    for name, X, y, k in suite(embeddings):
        if name not in names:
            continue
        for method in methods:
            fit_one(method, X[:200], None, 2, 0)  # warm-up: the first fit pays one-off costs
            for seed in seeds:
                # Alternate which fit goes first, so that neither always runs warmer.
                first, second = (k, "auto") if seed % 2 == 0 else ("auto", k)
                results = {first: fit_one(method, X, y, first, seed)}
                results[second] = fit_one(method, X, y, second, seed)
                _, acc, nmi, cpu = results[k]
                found, acc_auto, nmi_auto, cpu_auto = results["auto"]
                row = (name, method, seed, k, found, acc, nmi, acc_auto, nmi_auto, cpu, cpu_auto,
                       cpu_auto / cpu)
                rows.append(row)
                print(f"{name:<17}{method:<31}{seed:>4}{k:>5}{found:>7}" + "".join(
                    f"{v:>7.3f}" if i < 2 else f"{v:>9.3f}" for i, v in enumerate(row[5:9]))
                    + f"{cpu:>7.1f}{cpu_auto:>9.1f}{cpu_auto / cpu:>6.2f}", flush=True)
    print()
    print("means over the seeds; 'max ratio' is the largest of the per-seed ratios")
    print(f"{'set':<17}{'method':<31}{'true':>5}{'k_auto':>12}{'ACC@k':>7}{'NMI@k':>7}"
          f"{'ACC@auto':>9}{'NMI@auto':>9}{'CPU@k':>7}{'CPU@auto':>9}{'ratio':>6}{'max ratio':>10}")
    for name in dict.fromkeys(r[0] for r in rows):
        for method in methods:
            group = [r for r in rows if r[0] == name and r[1] == method]
            mean = np.mean([r[5:11] for r in group], axis=0)
            ks = ",".join(str(r[4]) for r in group)
            print(f"{name:<17}{method:<31}{group[0][3]:>5}{ks:>12}" + "".join(
                f"{v:>7.3f}" if i < 2 else f"{v:>9.3f}" for i, v in enumerate(mean[:4]))
                + f"{mean[4]:>7.1f}{mean[5]:>9.1f}{mean[5] / mean[4]:>6.2f}"
                + f"{max(r[11] for r in group):>10.2f}")


METHODS = ("DEPICTClustering", "JULEClustering", "DAMICClustering",
           "DiscriminativeLatentClustering")
SHORT = dict(zip(METHODS, ("DEPICT", "JULE", "DAMIC", "DDLSC")))
PEERS = ("sil", "dpgmm", "umap+hdb")
RULE_COLUMNS = ("rule", "ratio", "gap")


def read_fits(paths):
    """The per-seed rows of ``--fit`` outputs: ``{(set, method): [row]}``,
    each row ``(seed, true, k_auto, ACC@k, NMI@k, ACC@auto, NMI@auto, CPU@k,
    CPU@auto, ratio)``; a later file's rows of a set and method replace an earlier
    file's."""
    fits = {}
    for path in paths:
        rows = {}
        with open(path) as f:
            for line in f:
                if line.startswith("means over the seeds"):
                    break
                method = next((m for m in METHODS if f"{m} " in line), None)
                if method is None:
                    continue
                name, rest = line.split(f"{method} ", 1)
                values = rest.split()
                row = [int(v) for v in values[:3]] + [float(v) for v in values[3:10]]
                rows.setdefault((name.strip(), method), []).append(row)
        fits.update(rows)
    return fits


def read_peers(path):
    """``{set: (n, true k, {column: k})}`` from the output of the default mode
    (run with ``--umap``); its header line names the columns."""
    import re

    peers, columns, pattern = {}, None, None
    with open(path) as f:
        for line in f:
            if line.startswith("set "):
                columns = line.split()[3:-5]
                pattern = re.compile(r"^(.*?)\s+(\d+)\s+(\d+)" + r"\s+(\d+)" * len(columns)
                                     + r"(\s+\S+){5}$")
                continue
            match = pattern and pattern.match(line.rstrip())
            if match:
                n, k, *found = (int(g) for g in match.groups()[1:3 + len(columns)])
                peers[match.group(1)] = (n, k, dict(zip(columns, found)))
    return peers


def summarize(fit_paths, peers_paths):
    """The tables of the results page: the suite (true k, each estimator's k,
    the peers' k), the scores with the estimated and the true k, and the cost
    of "auto"."""
    fits = read_fits(fit_paths)
    peers = {}
    for path in peers_paths:  # a later file's columns of a set update an earlier file's
        for name, (n, k, found) in read_peers(path).items():
            peers.setdefault(name, (n, k, {}))[2].update(found)
    sets = list(dict.fromkeys(name for name, _ in fits))

    def ks(name, method):
        found = [r[2] for r in fits.get((name, method), [])]
        return ", ".join(map(str, found)) if found else "-"

    print("Number of clusters: each estimator's ``n_clusters_`` with ``n_clusters=\"auto\"`` "
          "(one per seed), the shared rule on the raw set (``rule``; ``ratio``: the rule "
          "before) and the peers on the raw set; "
          "the last lines count the sets found exactly, within one, and farther from the true k "
          "than the closest of the three peers (a set fitted with several seeds counts the "
          "fraction of its seeds).\n")
    header = ["set", "n", "true k"] + [SHORT[m] for m in METHODS] + ["rule", "ratio", *PEERS]
    rows = []
    exact, near, worse = (dict.fromkeys(header[3:], 0) for _ in range(3))
    for name in sets:
        n, k, found = peers.get(name, (None, None, {}))
        true = fits[next(key for key in fits if key[0] == name)][0][1]
        row = [name, n or "-", true] + [ks(name, m) for m in METHODS]
        row += [found.get(c, "-") for c in ("rule", "ratio", *PEERS)]
        rows.append(row)
        best_peer = min((abs(found[c] - true) for c in PEERS if c in found), default=None)
        for column, cell in zip(header[3:], row[3:]):
            values = [int(v) for v in str(cell).split(", ") if v != "-"]
            share = 1 / max(len(values), 1)
            exact[column] += share * sum(v == true for v in values)
            near[column] += share * sum(abs(v - true) <= 1 for v in values)
            if best_peer is not None:
                worse[column] += share * sum(abs(v - true) > best_peer for v in values)
    rows.append(["exact (sets)", "", ""] + [f"{exact[c]:.3g}" for c in header[3:]])
    rows.append(["within one (sets)", "", ""] + [f"{near[c]:.3g}" for c in header[3:]])
    rows.append(["farther than the closest peer (sets)", "", ""]
                + [f"{worse[c]:.3g}" for c in header[3:]])
    print(rst_table(header, rows))
    score_rows, cost_rows = [], []
    for name in sets:
        for method in METHODS:
            group = fits.get((name, method))
            if not group:
                continue
            mean = np.mean(group, axis=0)
            if not np.isnan(mean[3]):
                score_rows.append([name, SHORT[method], group[0][1], ks(name, method),
                                   f"{mean[3]:.3f} / {mean[4]:.3f}",
                                   f"{mean[5]:.3f} / {mean[6]:.3f}"])
            cost_rows.append([name, SHORT[method], len(group), f"{mean[7]:.1f}", f"{mean[8]:.1f}",
                              f"{mean[9]:.2f}", f"{max(r[9] for r in group):.2f}"])
    print("\n\nACC / NMI with the true k and with ``n_clusters=\"auto\"`` (means over the "
          "seeds), on the labelled sets.\n")
    print(rst_table(["set", "method", "true k", "k (auto)", "true k: ACC / NMI",
                     "auto: ACC / NMI"], score_rows))
    print("\n\nCPU seconds of ``fit`` with the true k and with ``n_clusters=\"auto\"``, and "
          "the ratio of the second to the first (means over the seeds, and the largest "
          "ratio of a seed).\n")
    print(rst_table(["set", "method", "seeds", "CPU s, true k", "CPU s, auto", "ratio",
                     "max ratio"], cost_rows))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", default="/work/exp")
    parser.add_argument("--max-clusters", type=int, default=50)
    parser.add_argument("--umap", action="store_true", help="add the UMAP + HDBSCAN peer")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules' columns alone, without the peers")
    parser.add_argument("--fit", nargs="*", metavar="SET",
                        help="instead, fit the estimators with n_clusters='auto' and with the "
                        "true k on these sets (scores, estimated k, CPU time of both)")
    parser.add_argument("--seeds", nargs="*", type=int, default=[0],
                        help="random_state of the fits of --fit")
    parser.add_argument("--summarize", nargs="*", metavar="FIT_OUTPUT",
                        help="instead, print the results page's tables from these --fit "
                        "outputs and --peers")
    parser.add_argument("--peers", nargs="*", default=["benchmarks/results/auto_k/bench_auto_k.txt"],
                        help="outputs of the default mode (with --umap, or --rules-only) for "
                        "--summarize; a later file's columns replace an earlier file's")
    parser.add_argument("--sets", nargs="*", metavar="SET",
                        help="the default mode on these sets only (all when not given)")
    parser.add_argument("--methods", nargs="*", default=[
        "DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"])
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    if args.summarize:
        summarize(args.summarize, args.peers)
        return
    if args.fit:
        fit_estimators(args.embeddings, set(args.fit), args.methods, args.seeds)
        return

    columns = list(RULE_COLUMNS)
    if not args.rules_only:
        columns += ["sil", "dpgmm"] + (["umap+hdb"] if args.umap else [])
    print(f"max_clusters={args.max_clusters}; ACC/NMI: spectral clustering with the true k "
          "and with the k of 'rule'; s/rule: its CPU seconds")
    print(f"{'set':<34}{'n':>6}{'true':>5}" + "".join(f"{c:>9}" for c in columns)
          + f"{'ACC@k':>8}{'NMI@k':>6}{'ACC@est':>9}{'NMI@est':>8}{'s/rule':>8}")
    exact = {c: 0 for c in columns}
    near = {c: 0 for c in columns}
    n_sets = 0
    for name, X, y, k in suite(args.embeddings):
        if args.sets and name not in args.sets:
            continue
        X = np.asarray(X, dtype=np.float64)
        K = min(args.max_clusters, len(X) // 2)
        start = time.process_time()
        found = {"rule": estimate_n_clusters(X, K, random_state=0)}
        seconds = time.process_time() - start
        found["ratio"] = estimate_n_clusters(X, K, rule="ratio", random_state=0)
        found["gap"] = eigengap(X, K)
        if "sil" in columns:
            found["sil"] = silhouette_sweep(X, K)
            found["dpgmm"] = dp_gmm(X, K)
        if "umap+hdb" in columns:
            found["umap+hdb"] = umap_hdbscan(X)
        n_sets += 1
        for c in columns:
            exact[c] += found[c] == k
            near[c] += abs(found[c] - k) <= 1
        print(f"{name:<34}{len(X):>6}{k:>5}" + "".join(f"{found[c]:>9}" for c in columns)
              + f"  {scores(X, y, k)}   {scores(X, y, found['rule'])}{seconds:8.2f}", flush=True)
    print(f"{'exact k (of ' + str(n_sets) + ')':<45}" + "".join(f"{exact[c]:>9}" for c in columns))
    print(f"{'within +-1':<45}" + "".join(f"{near[c]:>9}" for c in columns))


if __name__ == "__main__":
    main()
