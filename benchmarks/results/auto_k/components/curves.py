"""The input's evidence on curves (two moons, two circles, two interlocked
rings in 3-D like FCPS Chainlink) and separated blobs, of several sizes
and noise levels, raw and standardised. From the repository root::

    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/components/curves.py
"""
import sys
from pathlib import Path

import numpy as np
from sklearn.datasets import make_moons, make_circles, make_blobs
from sklearn.preprocessing import StandardScaler
sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from skdeepcluster.autok import _input_evidence  # noqa: E402


def rings(n, noise, seed):
    rng = np.random.RandomState(seed)
    t = rng.uniform(0, 2 * np.pi, n)
    a = np.c_[np.cos(t[: n // 2]), np.sin(t[: n // 2]), np.zeros(n // 2)]
    b = np.c_[1 + np.cos(t[n // 2:]), np.zeros(n - n // 2), np.sin(t[n // 2:])]
    return np.r_[a, b] + noise * rng.normal(size=(n, 3))


cases = []
for n in (300, 1000, 3000):
    for noise in (0.02, 0.05, 0.08):
        cases.append((f"moons n={n} noise={noise}", make_moons(n, noise=noise, random_state=0)[0], 2))
        cases.append((f"circles n={n} noise={noise}", make_circles(n, noise=noise / 2, factor=0.5, random_state=0)[0], 2))
        cases.append((f"rings n={n} noise={noise}", rings(n, noise, 0), 2))
for k, d in ((3, 2), (5, 2), (6, 10), (9, 30)):
    for std in (0.8, 1.5, 2.5):
        X = make_blobs(np.random.RandomState(k).randint(40, 300, size=k), n_features=d, cluster_std=std,
                       center_box=(-12, 12), random_state=k)[0]
        cases.append((f"blobs k={k} {d}-d std={std}", X, k))
for name, X, k in cases:
    for scaled in (False, True):
        Z = StandardScaler().fit_transform(X) if scaled else X
        print(f"{name:30s} {'std' if scaled else 'raw'} true {k}  {_input_evidence(Z, 50, 15, 0, 'cpu')}", flush=True)
