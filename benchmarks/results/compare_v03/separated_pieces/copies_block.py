"""Exploratory: a table with a block of identical rows (e.g. all-zero
records), k=2: do the starts take the copies for a cluster?"""
import sys, numpy as np, warnings, time
warnings.filterwarnings("ignore")
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler
from sklearn.cluster import KMeans
import skdeepcluster as sk
from skdeepcluster.graph import separated_pieces
from skdeepcluster.metrics import clustering_report
X, y = load_breast_cancer(return_X_y=True)
X = StandardScaler().fit_transform(X)
n_copies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
rows = np.random.RandomState(0).choice(len(X), n_copies)  # copies of one row
Xc = np.vstack([X, np.repeat(X[rows[:1]], n_copies, axis=0)]).astype(np.float32)
yc = np.concatenate([y, np.repeat(y[rows[:1]], n_copies)])
p = separated_pieces(Xc.astype(np.float64), 2)
print("pieces:", None if p is None else np.bincount(p))
print("k-means", clustering_report(yc, KMeans(2, n_init=10, random_state=0).fit_predict(Xc))["ACC"])
for name in sys.argv[2].split(","):
    t = time.process_time()
    m = getattr(sk, name)(2, random_state=0).fit(Xc)
    print(name, "%.3f" % clustering_report(yc, m.labels_)["ACC"], np.bincount(m.labels_), "%.0f s" % (time.process_time() - t), flush=True)
