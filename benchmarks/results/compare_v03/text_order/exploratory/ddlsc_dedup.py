"""DDLSC on manual pages with separated_pieces reading unique rows (exploratory)."""
import sys, numpy as np, torch, warnings, scipy.sparse as sp; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), ".."))
from manpages import load
import skdeepcluster.ddlsc as D
from skdeepcluster.graph import connectivity_graph, _capped_neighbors, modularity_merge
from skdeepcluster.metrics import clustering_report
orig = D.separated_pieces
def dedup(X, n_clusters, n_neighbors=15, device="cpu"):
    U, inv = np.unique(X, axis=0, return_inverse=True)
    inv = inv.ravel()
    if len(U) <= n_clusters:
        return None
    A = connectivity_graph(U, _capped_neighbors(n_neighbors, len(U), n_clusters))
    n, pieces = sp.csgraph.connected_components(A, directed=False)
    print("unique", len(U), "pieces", n, sorted(np.bincount(pieces), reverse=True)[:6], flush=True)
    if n < n_clusters:
        return None
    return modularity_merge(A, pieces, n_clusters)[inv]
if sys.argv[2] == "dedup":
    D.separated_pieces = dedup
X, y = load(tuple(sys.argv[1].split(","))); p = np.random.RandomState(100).permutation(len(y)); X, y = X[p], y[p]
for seed in (0, 1):
    e = D.DiscriminativeLatentClustering(n_clusters=5, random_state=seed).fit(X)
    print(sys.argv[1], sys.argv[2], seed, "init", e.init_, clustering_report(y, e.labels_), flush=True)
