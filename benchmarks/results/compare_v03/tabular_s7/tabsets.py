"""The labelled sets of the tabular probes (``probe_tab.py``, ``jule_lloyd.py``):
``get(name)`` -> Bunch(data, target, n_clusters). Names: iris wine
breast_cancer (``compare.load``), blobs (check_clustering data, standardised),
dpcaD (digits reduced by PCA to D features), dpcaD_M (M rows of them), fpcaD
(3,000 Fashion-MNIST test rows, PCA to D)."""
import sys
from pathlib import Path

import numpy as np
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler
from sklearn.utils import Bunch

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load  # noqa: E402


def get(name):
    if name.startswith("dpca"):  # digits PCA-d (negative, mixed scales: tabular-like); dpca10_300: 300 rows
        d, _, m = name[4:].partition("_"); d = int(d); b = load("digits:" + m if m else "digits")
        return Bunch(data=PCA(d, random_state=0).fit_transform(b.data).astype(np.float32), target=b.target, n_clusters=10)
    if name.startswith("fpca"):  # Fashion-MNIST test 3000 rows, PCA-d
        d = int(name[4:]); b = load("fashion_mnist:3000")
        return Bunch(data=PCA(d, random_state=0).fit_transform(b.data).astype(np.float32), target=b.target, n_clusters=10)
    if name == "blobs":
        from sklearn.datasets import make_blobs
        X, y = make_blobs(n_samples=50, random_state=1); X = StandardScaler().fit_transform(X)
        return Bunch(data=X, target=y, n_clusters=3)
    return load(name)
