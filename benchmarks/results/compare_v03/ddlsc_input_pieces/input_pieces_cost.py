"""What the search for the pieces of DiscriminativeLatentClustering's input
costs where it finds none: each set given as a user would (flat rows,
n_clusters alone, no training: ``n_pretrain_epochs=0, n_epochs=0``), the
calls of ``ddlsc.separated_pieces`` timed in CPU seconds, on the input and
then on the codes, and whether each found pieces (doc/results.rst,
results_ddlsc_input_pieces)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/ddlsc_input_pieces/input_pieces_cost.py > benchmarks/results/compare_v03/ddlsc_input_pieces/input_pieces_cost.txt
"""
import time
import warnings

import numpy as np
import torch

from skdeepcluster import DiscriminativeLatentClustering, ddlsc
from skdeepcluster.datasets import load_digits, load_fashion_mnist, load_fortunes_tfidf, load_tabular

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
calls = []
search = ddlsc.separated_pieces


def timed(X, *args, **kwargs):
    t = time.process_time()
    pieces = search(X, *args, **kwargs)
    calls.append(f"{X.shape[1]} columns: {time.process_time() - t:.2f} s, "
                 f"{'pieces' if pieces is not None else 'none'}")
    return pieces


ddlsc.separated_pieces = timed
sets = {
    "digits": load_digits(),
    "fashion_mnist (test)": load_fashion_mnist(),
    "fortunes tf-idf (dense)": load_fortunes_tfidf(),
    **{name: load_tabular(name) for name in ("iris", "wine", "breast_cancer")},
}
for name, data in sets.items():
    X, y = np.asarray(data.data), data.target  # the tf-idf rows come dense
    calls.clear()
    t = time.process_time()
    DiscriminativeLatentClustering(len(np.unique(y)), n_pretrain_epochs=0, n_epochs=0,
                                   random_state=0).fit(X)
    print(f"{name:24s} {X.shape[0]:6d} x {X.shape[1]:4d}  fit {time.process_time() - t:6.2f} s"
          f"  searches: {'; '.join(calls)}", flush=True)
