"""The step of each connected component's own spectrum where the input's
graph falls apart (the ratio rule's answer, its ratio, and the eigenvalues
around it), under DEPICT's and DAMIC's scalings. From the repository root::

    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/components/component_steps.py
"""
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from bench_auto_k import suite
from auto_k_rules import held_out, scaled_input
from scipy.sparse.csgraph import connected_components
from skdeepcluster.graph import connectivity_graph
from skdeepcluster.autok import _laplacian_spectrum, _normalize, _largest_ratio
sets = [(n, X, k) for n, X, y, k in suite("/nonexistent")] + [(n, X, k) for n, X, k in held_out()]
for method in ("DEPICTClustering", "DAMICClustering"):
    for name, X, k in sets:
        Xs = scaled_input(method, X)
        A = connectivity_graph(Xs, 15)
        nc, comp = connected_components(A, directed=False)
        if nc < 2:
            continue
        out = []
        for c in range(nc):
            inside = np.flatnonzero(comp == c)
            sub = A[inside][:, inside]
            sp_ = _laplacian_spectrum(_normalize(sub), min(50, len(inside) - 1) + 1, 0)
            kk, r = _largest_ratio(sp_, 1)
            if kk >= 2:
                out.append(f"{kk}(x{r:.1f}, l2={sp_[1]:.1e}, l{kk+1}={sp_[kk]:.1e})")
            else:
                out.append("1")
        print(f"{method[:6]} {name:22s} true {k:2d} comps {nc}: {' '.join(out)}")
