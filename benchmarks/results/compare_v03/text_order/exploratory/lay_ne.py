"""Batched layout vs UMAP's sequential optimiser on fortunes20 without empty rows (exploratory).

python lay_ne.py umap|batched [cut]: cut builds the graph with the empty rows, then drops them."""
import os, sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
import layout as L
from sklearn.mixture import GaussianMixture
from skdeepcluster.metrics import clustering_report
from skdeepcluster.datasets import load_fortunes_tfidf
from cats import CATS
d = load_fortunes_tfidf(CATS); X, y = d.data, d.target; k = 20
full = np.abs(X).sum(1) > 0
if len(sys.argv) > 2 and sys.argv[2] == "cut":  # the graph of all rows, then the empty rows dropped
    A = L.fuzzy_graph(X, 10).tocsr()[full][:, full].tocoo(); X, y = X[full], y[full]; n = A.shape[0]
    L.fuzzy_graph = lambda X, k: A.copy()
else:  # the graph of the rows with a value
    X, y = X[full], y[full]
    A = L.fuzzy_graph(X, 10).tocoo(); n = A.shape[0]
deg = np.bincount(A.row, minlength=n); print("n", n, "edges", A.nnz, "max deg", deg.max(), "p99", np.percentile(deg, 99))
which = sys.argv[1]
t = time.process_time()
if which == "umap":
    from umap.umap_ import find_ab_params, make_epochs_per_sample
    from umap.layouts import optimize_layout_euclidean
    a, b = find_ab_params(1.0, 0.0)
    A.data[A.data < A.data.max() / 500] = 0; A.eliminate_zeros()
    Y = np.random.RandomState(0).uniform(-10, 10, size=(n, k)).astype(np.float32)
    eps = make_epochs_per_sample(A.data, 500)
    Y = optimize_layout_euclidean(Y, Y, A.row, A.col, 500, n, eps, a, b, np.random.RandomState(0).randint(-2**31, 2**31 - 1, 3).astype(np.int64), 1.0, 1.0, 5.0, parallel=False, move_other=True)
else:
    Y = L.layout(X, k, seed=0)
lab = GaussianMixture(k, covariance_type="full", random_state=0).fit_predict(Y.astype(np.float64))
r = clustering_report(y, lab); print(which, os.environ.get("INIT"), os.environ.get("CHUNK"), "ACC %.3f NMI %.3f cpu %.1f" % (r["ACC"], r["NMI"], time.process_time() - t), flush=True)
