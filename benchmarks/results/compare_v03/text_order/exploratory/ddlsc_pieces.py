import sys, numpy as np, torch, warnings, scipy.sparse as sp; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), ".."))
from manpages import load
import skdeepcluster.ddlsc as D
from skdeepcluster.graph import connectivity_graph, _capped_neighbors
from skdeepcluster.metrics import clustering_report
orig = D.separated_pieces
def spy(X, n_clusters, **kw):
    A = connectivity_graph(X, _capped_neighbors(15, len(X), n_clusters))
    n, lab = sp.csgraph.connected_components(A, directed=False)
    sizes = np.bincount(lab)
    print("pieces", n, "sizes", sorted(sizes, reverse=True)[:12], "dup rows", len(X) - len(np.unique(np.round(X, 5), axis=0)), flush=True)
    return orig(X, n_clusters, **kw)
D.separated_pieces = spy
X, y = load(tuple(sys.argv[1].split(","))); p = np.random.RandomState(100).permutation(len(y)); X, y = X[p], y[p]
print("duplicate input rows", len(X) - len(np.unique(X, axis=0)))
e = D.DiscriminativeLatentClustering(n_clusters=5, random_state=0).fit(X)
print(clustering_report(y, e.labels_))
