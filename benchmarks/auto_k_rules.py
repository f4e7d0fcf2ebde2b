"""Candidate rules for the number of clusters, compared on the suite of
issue 15, on the embeddings the estimators learn on it, and on labelled sets
outside it.

Every candidate reads the symmetric 15-nearest-neighbour graph of
:func:`skdeepcluster.estimate_n_clusters` (and two of them 10 and 30
neighbours), so the spectra and the spectral clusterings are computed once per
set and shared:

- ``ratio``: the largest ratio of consecutive floored eigenvalues over
  ``k = 1..K`` (``rule="ratio"``, the default before);
- ``gap``: the classical eigengap ``l_{k+1} - l_k``;
- ``ratio>=2``: ``ratio`` over ``k >= 2`` (never 1);
- ``no1test``: ``ratio>=2``, but 1 when the graph is connected and no ratio
  over ``k >= 2`` reaches 2;
- ``vote``: ``ratio`` with 10, 15 and 30 neighbours, the majority (else 15's);
- ``mod``: the spectral clustering (Ng-Jordan-Weiss, k-means in the first k
  eigenvectors) over ``k = 2..K`` with the largest modularity;
- ``mod.01``: the smallest ``k`` within 0.01 of that modularity;
- ``sil``: the largest silhouette of those clusterings in their spectral space;
- ``stepmod``: the default rule, ``rule="step-modularity"`` (``ratio``
  where it is 2 or more; else a ratio >= 2 over ``k >= 2``, else 1 when
  ``l_2`` is at least half that of a Gaussian with the data's covariance,
  else ``mod.01``);
- ``stepmod*``: ``stepmod`` without keeping ``ratio``'s answers of 2 or
  more (the step test first);
- ``t1.5``, ``t2.5``, ``r.33``, ``r.7``, ``tol0``, ``tol.02``: ``stepmod``
  with the step ratio, the one-cluster fraction or the modularity tolerance
  changed.

Sets: the 19 raw sets of ``bench_auto_k.py``'s suite (``raw``); the
embeddings each estimator passes to :func:`estimate_n_clusters` on them with
``n_clusters="auto"`` and its defaults, seed 0 (``--capture DIR`` saves them,
stopping each fit at the estimate; JULE's is that of its second estimate,
after a full fit with the default rule); and 22 labelled sets outside the
suite (``held``: Gaussian, uniform, moons, circles, blobs in 2 to 100
dimensions, anisotropic and unequal-spread blobs, subsets of the digits'
classes, and the pyclustering samples with known labels).

``--inputs`` instead compares, on the saved embeddings, the ways to
combine the estimate on the embedding with the estimator's scaled input,
saved next to it by ``--capture`` (``X_input`` of
:func:`estimate_n_clusters`).

Run::

    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --capture /work/exp/autok/emb
    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --embeddings /work/exp/autok/emb
    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --inputs --embeddings /work/exp/autok/emb
    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --null --embeddings /work/exp/autok/emb

``--null`` compares factors of the null-model check of a step (step a of
the default rule, ``NULL_STEP_FACTOR``): none, 1.1, 1.2 and 1.5 times the
step of the Gaussian reference at the same ``k``, a rejected step going
on to the one-cluster test and the modularity sweep (``x1.2``) or
answering 1 (``x1.2:1``, the default rule); besides the
sets above, on one cluster in 2 or 3 dimensions (``single``: a Gaussian, a
uniform ball and a stretched Gaussian, two seeds each).
"""

import argparse
import glob
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_auto_k import METHODS, SHORT, shapes_and_subsets, suite  # noqa: E402
from compare import PYCLUSTERING_SAMPLES as PYCLUSTERING  # noqa: E402
from skdeepcluster.autok import (  # noqa: E402
    EIGENVALUE_FLOOR,
    _gaussian_reference,
    _modularity,
    _normalized_adjacency,
    _top_eigenpairs,
    laplacian_eigenvalues,
)


def tag(name):
    return name.replace(" ", "_").replace("(", "").replace(")", "").replace("=", "")


def capture(out, seed=0):
    """Save the embedding each estimator estimates on, per set of the suite,
    and its scaled training input (``X``)."""
    import torch

    import skdeepcluster
    from skdeepcluster.base import BaseDeepClustering

    torch.set_num_threads(1)
    os.makedirs(out, exist_ok=True)
    estimate = BaseDeepClustering._estimate_n_clusters
    seen, inputs = [], []

    class Stop(Exception):
        pass

    def spy(self, embedding, random_state, X, **kwargs):
        seen.append(np.asarray(embedding, dtype=np.float32))
        # The input as the estimate reads it (in its own unit where it has one).
        inputs[:] = [np.asarray(self._estimate_input(X), dtype=np.float32)]
        if not isinstance(self, skdeepcluster.JULEClustering):
            raise Stop
        return estimate(self, embedding, random_state, X, **kwargs)

    BaseDeepClustering._estimate_n_clusters = spy
    for name, X, y, k in suite("/nonexistent"):
        for method in METHODS:
            path = os.path.join(out, f"{tag(name)}__{method}__{seed}.npz")
            if os.path.exists(path):
                continue
            seen.clear()
            try:
                getattr(skdeepcluster, method)(n_clusters="auto", random_state=seed,
                                               device="cpu").fit(X)
            except Stop:
                pass
            np.savez(path, Z=seen[-1], k=k, X=inputs[0])
            print(name, method, seen[-1].shape, flush=True)


def held_out():
    """``(name, X, k)``: labelled sets outside the suite."""
    rng = np.random.RandomState(100)
    yield "gaussian 10-d", rng.normal(size=(400, 10)), 1
    yield "gaussian 5-d", rng.normal(size=(2000, 5)), 1
    yield "uniform cube 3-d", rng.uniform(size=(1000, 3)), 1
    shared = {name: (X, len(np.unique(y))) for name, X, y in shapes_and_subsets()}
    for name in ("moons", "circles"):
        yield name, *shared.pop(name)
    for k, d, std, seed in [(4, 2, 1.0, 11), (6, 2, 0.8, 12), (10, 100, 3.0, 13), (7, 5, 1.5, 14),
                            (15, 50, 2.0, 15)]:
        r = np.random.RandomState(seed)
        X = make_blobs(r.randint(40, 250, size=k), n_features=d, cluster_std=std,
                       center_box=(-15, 15), random_state=seed)[0]
        yield f"blobs k={k} {d}-d", X, k
    for name, (X, k) in shared.items():
        yield name, X, k
    for name in ["Simple03", "Simple04", "Simple05", "Simple08", "Simple15", "Elongate"]:
        path = os.path.join(PYCLUSTERING, "simple", name)
        if os.path.exists(path + ".data"):
            X = np.loadtxt(path + ".data")
            X = X.reshape(len(X), -1)
            labels = set(open(path + ".answer").read().split()) - {"00"}
            yield name, X, len(labels)
    path = os.path.join(PYCLUSTERING, "famous", "OldFaithful.data")
    if os.path.exists(path):
        yield "OldFaithful", StandardScaler().fit_transform(np.loadtxt(path)), 2


def features(X, K, seed=0):
    """What the candidates read: the spectra (10, 15, 30 neighbours), the
    spectral clusterings' modularity and silhouette, the reference's l_2."""
    X = np.asarray(X, dtype=np.float64)
    out = {"K": K}
    for n_neighbors in (10, 30):
        out[n_neighbors] = laplacian_eigenvalues(X, K + 1, n_neighbors=n_neighbors,
                                                 random_state=seed)
    A, M = _normalized_adjacency(X, 15, "cpu")
    top, V = _top_eigenpairs(M, K + 1, seed, vectors=True)
    out[15] = np.clip(1.0 - top, 0.0, 2.0)
    out["Q"], out["sil"] = {}, {}
    for k in range(2, K + 1):
        rows = V[:, :k] / np.maximum(np.linalg.norm(V[:, :k], axis=1, keepdims=True), 1e-12)
        labels = KMeans(k, n_init=3, random_state=seed).fit_predict(rows)
        out["Q"][k] = _modularity(A, labels)
        out["sil"][k] = (silhouette_score(rows, labels, sample_size=min(2000, len(X)),
                                          random_state=seed)
                         if np.unique(labels).size > 1 else -1)
    G = _gaussian_reference(X, np.random.RandomState(seed))
    out["reference"] = laplacian_eigenvalues(G, 2, random_state=seed)[1]
    return out


def largest_ratio(eigenvalues, K, smallest_k=1):
    floored = np.maximum(eigenvalues[:K + 1], EIGENVALUE_FLOOR)
    ratios = floored[1:] / floored[:-1]
    k = int(np.argmax(ratios[smallest_k - 1:])) + smallest_k
    return k, ratios[k - 1]


def most_modular(f, tol):
    best = max(f["Q"].values())
    return min(k for k, q in f["Q"].items() if q >= best - tol)


def stepmod(f, step=2.0, fraction=0.5, tol=0.01, keep_ratio=True):
    if keep_ratio and largest_ratio(f[15], f["K"])[0] >= 2:
        return largest_ratio(f[15], f["K"])[0]
    k, ratio = largest_ratio(f[15], f["K"], 2)
    if ratio >= step:
        return k
    if f[15][1] >= fraction * f["reference"]:
        return 1
    return most_modular(f, tol)


def vote(f):
    ks = [largest_ratio(f[n], f["K"])[0] for n in (10, 15, 30)]
    values, counts = np.unique(ks, return_counts=True)
    return int(values[np.argmax(counts)]) if counts.max() > 1 else ks[1]


def no1test(f):
    k, ratio = largest_ratio(f[15], f["K"], 2)
    return 1 if ratio < 2 and f[15][1] > 1e-8 else k


CANDIDATES = {
    "ratio": lambda f: largest_ratio(f[15], f["K"])[0],
    "gap": lambda f: int(np.argmax(np.diff(f[15][:f["K"] + 1]))) + 1,
    "ratio>=2": lambda f: largest_ratio(f[15], f["K"], 2)[0],
    "no1test": no1test,
    "vote": vote,
    "mod": lambda f: most_modular(f, 0.0),
    "mod.01": lambda f: most_modular(f, 0.01),
    "sil": lambda f: max(f["sil"], key=f["sil"].get),
    "stepmod": stepmod,
    "stepmod*": lambda f: stepmod(f, keep_ratio=False),
    "t1.5": lambda f: stepmod(f, step=1.5),
    "t2.5": lambda f: stepmod(f, step=2.5),
    "r.33": lambda f: stepmod(f, fraction=0.33),
    "r.7": lambda f: stepmod(f, fraction=0.7),
    "tol0": lambda f: stepmod(f, tol=0.0),
    "tol.02": lambda f: stepmod(f, tol=0.02),
}


def scaled_input(method, X):
    """``X`` scaled as ``method`` with its defaults scales it for training."""
    import skdeepcluster

    model = getattr(skdeepcluster, method)(device="cpu")
    X = model._validate_input(X, reset=True)
    model._fit_scaling(X)
    return model._scale(X).numpy()


def combinations(embeddings, max_clusters):
    """The estimate on each saved embedding with and without its scaled
    input (``X`` of ``--capture``, else the set scaled as the estimator
    scales it), and the other ways to combine the two."""
    from skdeepcluster import estimate_n_clusters
    from skdeepcluster.autok import SPECTRAL_NEIGHBORS, _input_evidence

    names = ["emb", "input", "default", "separated", "evidence", "max", "unscaled"]
    print("emb: the rule on the embedding alone; input: on the scaled input alone; default: "
          "estimate_n_clusters(Z, X_input=X); separated: the input's k where its graph falls "
          "apart, else emb; evidence: the input's k where it falls apart or has a clear step, "
          "else emb; max: the larger of emb and input; unscaled: default with the set as "
          "bench_auto_k.py gives it, before the estimator's scaling")
    print(f"{'method':<8}{'set':<22}{'true':>5}" + "".join(f"{c:>10}" for c in names)
          + f"{'CPU s':>7}")
    results = []
    raw = {tag(name): X for name, X, _, _ in suite("/nonexistent")}
    for path in sorted(glob.glob(os.path.join(embeddings, "*__*__0.npz"))):
        data = np.load(path)
        name, method, _ = os.path.basename(path)[:-4].split("__")
        key = "Z" if "Z" in data.files else max(f for f in data.files if f.startswith("Z"))
        Z, k = data[key], int(data["k"])
        X = data["X"] if "X" in data.files else scaled_input(method, raw[name])
        K = min(max_clusters, len(X) // 2)
        found = {"emb": estimate_n_clusters(Z, K, random_state=0),
                 "input": estimate_n_clusters(X, K, random_state=0)}
        start = time.process_time()
        found["default"] = estimate_n_clusters(Z, K, X_input=X, random_state=0)
        cpu = time.process_time() - start
        k_input, separated = _input_evidence(np.asarray(X, dtype=np.float64), K,
                                             SPECTRAL_NEIGHBORS, 0, "cpu")
        found["separated"] = k_input if separated else found["emb"]
        found["evidence"] = k_input if k_input >= 2 else found["emb"]
        found["max"] = max(found["emb"], found["input"])
        found["unscaled"] = estimate_n_clusters(Z, K, X_input=raw[name], random_state=0)
        group = SHORT.get(method, method)
        results.append((group, k, found))
        print(f"{group:<8}{name[:21]:<22}{k:>5}" + "".join(f"{found[c]:>10}" for c in names)
              + f"{cpu:>7.1f}", flush=True)
    print_exact_counts(results, names, "method", 10)



def print_exact_counts(results, names, per, width):
    """The closing table: for each group of ``results`` (``(group, true k,
    {column: k found})``) and for all, how many of its sets each column
    answers exactly and within one, ``width`` characters a column."""
    print(f"\nexact / within one, per {per}")
    print(f"{per.split()[0]:<22}{'sets':>5}" + "".join(f"{c:>{width}}" for c in names))
    for group in list(dict.fromkeys(g for g, _, _ in results)) + ["all"]:
        rows = [(k, f) for g, k, f in results if group in (g, "all")]
        print(f"{group:<22}{len(rows):>5}" + "".join(
            f"{sum(f[c] == k for k, f in rows):>{width - 4}}/{sum(abs(f[c] - k) <= 1 for k, f in rows):<3}"
            for c in names))

def single_clusters():
    """``(name, X, 1)``: one cluster in 2 or 3 dimensions (a Gaussian, a
    uniform ball, a Gaussian stretched along its axes), two seeds each."""
    for d in (2, 3):
        for seed in range(2):
            G = np.random.RandomState(seed).normal(size=(1000, d))
            radius = np.random.RandomState(seed + 10).uniform(size=(1000, 1)) ** (1 / d)
            yield f"gaussian {d}-d s{seed}", G, 1
            yield f"ball {d}-d s{seed}", G / np.linalg.norm(G, axis=1, keepdims=True) * radius, 1
            yield f"stretched {d}-d s{seed}", G * np.linspace(1, 3, d), 1


#: (factor, answer 1 where the step is rejected: else the one-cluster test
#: and the modularity sweep decide); factor None: no check.
NULL_FACTORS = ((None, False), (1.1, False), (1.2, False), (1.5, False), (1.2, True),
                (1.5, True))


def null_steps(embeddings, max_clusters):
    """The default rule with the step of its step (a) compared, or not
    (``none``), with the step at the same ``k`` of the Gaussian reference
    (``NULL_STEP_FACTOR``), on the raw sets, the held-out sets, one-cluster
    sets in 2-3 dimensions (``single``) and the saved embeddings."""
    from skdeepcluster.autok import ONE_CLUSTER_FRACTION, STEP_RATIO, _most_modular_k

    names = ["none" if factor is None else f"x{factor}" + (":1" if one else "")
             for factor, one in NULL_FACTORS]
    print(f"{'group':<7}{'set':<22}{'true':>5}" + "".join(f"{c:>7}" for c in names)
          + "   step k, its ratio, the reference's ratio there")
    results = []
    sets = [(g, n, X, k) for g, n, X, k in all_sets(embeddings) if g != "held"]
    sets += [("held", n, X, k) for n, X, k in held_out()]
    sets += [("single", n, X, k) for n, X, k in single_clusters()]
    for group, name, X, k in sets:
        X = np.asarray(X, dtype=np.float64)
        K = min(max_clusters, len(X) // 2)
        A, M = _normalized_adjacency(X, 15, "cpu")
        top, V = _top_eigenpairs(M, K + 1, 0, vectors=True)
        eigenvalues = np.clip(1.0 - top, 0.0, 2.0)
        k1, _ = largest_ratio(eigenvalues, K)
        info = ""
        if k1 >= 2:
            found = dict.fromkeys(names, k1)
        else:
            k2, ratio = largest_ratio(eigenvalues, K, 2)
            reference = laplacian_eigenvalues(_gaussian_reference(X, np.random.RandomState(0)),
                                              K + 1, random_state=0)
            floored = np.maximum(reference, EIGENVALUE_FLOOR)
            null = floored[k2] / floored[k2 - 1]
            info = f"   {k2} {ratio:.2f} {null:.2f}"
            one = eigenvalues[1] >= ONE_CLUSTER_FRACTION * reference[1]
            modular = None
            found = {}
            for c, (factor, reject_one) in zip(names, NULL_FACTORS):
                if ratio >= STEP_RATIO and (factor is None or ratio >= factor * null):
                    found[c] = k2
                elif one or (reject_one and ratio >= STEP_RATIO):
                    found[c] = 1
                else:
                    if modular is None:
                        modular = _most_modular_k(A, V, K, np.random.RandomState(1))
                    found[c] = modular
        results.append((group, k, found))
        print(f"{group:<7}{name[:21]:<22}{k:>5}" + "".join(f"{found[c]:>7}" for c in names)
              + info, flush=True)
    print_exact_counts(results, names, "group of sets", 7)


def all_sets(embeddings):
    for name, X, _, k in suite("/nonexistent"):
        yield "raw", name, X, k
    for path in sorted(glob.glob(os.path.join(embeddings or "/nonexistent", "*__*__0.npz"))):
        data = np.load(path)
        name, method, _ = os.path.basename(path)[:-4].split("__")
        # "Z", or the last of "Z0", "Z1", ... (JULE estimates twice)
        key = "Z" if "Z" in data.files else max(f for f in data.files if f.startswith("Z"))
        yield SHORT.get(method, method), name, data[key], int(data["k"])
    for name, X, k in held_out():
        yield "held", name, X, k


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--capture", metavar="DIR")
    parser.add_argument("--embeddings", metavar="DIR")
    parser.add_argument("--max-clusters", type=int, default=50)
    parser.add_argument("--inputs", action="store_true",
                        help="instead, compare the ways to combine the estimate on each saved "
                        "embedding of --embeddings with that on its input")
    parser.add_argument("--null", action="store_true",
                        help="instead, compare factors of the null-model check of a step "
                        "(NULL_STEP_FACTOR) on the sets, one-cluster sets in 2-3 dimensions "
                        "and the saved embeddings")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    if args.capture:
        capture(args.capture)
        return
    if args.inputs:
        combinations(args.embeddings, args.max_clusters)
        return
    if args.null:
        null_steps(args.embeddings, args.max_clusters)
        return
    names = list(CANDIDATES)
    print(f"{'group':<7}{'set':<22}{'true':>5}" + "".join(f"{c:>9}" for c in names)
          + f"{'CPU s':>7}")
    results = []
    for group, name, X, k in all_sets(args.embeddings):
        start = time.process_time()
        f = features(X, min(args.max_clusters, len(X) // 2))
        cpu = time.process_time() - start
        found = {c: CANDIDATES[c](f) for c in names}
        results.append((group, k, found))
        print(f"{group:<7}{name[:21]:<22}{k:>5}" + "".join(f"{found[c]:>9}" for c in names)
              + f"{cpu:>7.1f}", flush=True)
    print("\nexact / within one, per group of sets")
    print(f"{'group':<22}{'sets':>5}" + "".join(f"{c:>9}" for c in names))
    groups = list(dict.fromkeys(g for g, _, _ in results)) + ["all"]
    for group in groups:
        rows = [(k, f) for g, k, f in results if group in (g, "all")]
        print(f"{group:<22}{len(rows):>5}" + "".join(
            f"{sum(f[c] == k for k, f in rows):>5}/{sum(abs(f[c] - k) <= 1 for k, f in rows):<3}"
            for c in names))


if __name__ == "__main__":
    main()
