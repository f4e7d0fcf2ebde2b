"""Which branch of the default rule answers on each saved embedding of
``auto_k_rules.py --capture``, what the input says, and the modularity of
the spectral clusterings of the embedding's graph for k = 2..16 (issue 15:
can the modularity tell Fashion-MNIST's 10 classes, behind a clear step at
2, from breast cancer's 2?). Run from the repository root::

    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --capture /tmp/autok_emb
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/modularity_curves/paths.py /tmp/autok_emb
"""

import glob
import os
import sys
import warnings

import numpy as np
from sklearn.cluster import KMeans
from sklearn.utils import check_random_state

from skdeepcluster import estimate_n_clusters
from skdeepcluster.autok import _clear_step, _input_evidence, _largest_ratio, _modularity, _spectrum


def branch(Z, largest, seed=0):
    """The branch of the rule on the embedding, its graph and eigenvectors."""
    A, eigenvalues, vectors = _spectrum(Z, largest, 15, seed, "cpu")
    k, ratio = _largest_ratio(eigenvalues, 1)
    if k >= 2:
        return f"ratio k={k} ({ratio:.2f})", A, vectors
    step, _ = _clear_step(Z, eigenvalues, 15, check_random_state(seed), seed, "cpu")
    k, ratio = _largest_ratio(eigenvalues, 2)
    if step is not None:
        return f"step k={step} ({ratio:.2f})", A, vectors
    return f"no step (largest at {k}: {ratio:.2f})", A, vectors


def modularity_curve(A, vectors, largest, seed=0):
    random_state, curve = check_random_state(seed), {}
    for k in range(2, min(largest, 16) + 1):
        rows = vectors[:, :k] / np.maximum(np.linalg.norm(vectors[:, :k], axis=1, keepdims=True), 1e-12)
        labels = KMeans(k, n_init=3, random_state=random_state.randint(2**31 - 1)).fit_predict(rows)
        curve[k] = _modularity(A, labels)
    return curve


def main(folder):
    warnings.filterwarnings("ignore")
    for path in sorted(glob.glob(os.path.join(folder, "*.npz"))):
        data = np.load(path)
        Z, X, k = data["Z"].astype(np.float64), data["X"].astype(np.float64), int(data["k"])
        largest = min(50, len(Z) - 1)
        found = estimate_n_clusters(Z, X_input=X, random_state=0)
        text, A, vectors = branch(Z, largest)
        curve = modularity_curve(A, vectors, largest)
        print(f"{os.path.basename(path)[:-6]:46s} true={k:2d} estimate={found:2d} "
              f"input={_input_evidence(X, largest, 15, 0, 'cpu')} embedding: {text}  Q: "
              + " ".join(f"{j}:{q:.3f}" for j, q in curve.items()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
