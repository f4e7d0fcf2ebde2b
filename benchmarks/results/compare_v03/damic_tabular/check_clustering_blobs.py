import sys, json, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import adjusted_rand_score as ari
from skdeepcluster import DAMICClustering
X, y = make_blobs(n_samples=50, random_state=1); X = StandardScaler().fit_transform(X)
p = json.loads(sys.argv[1])
out = []
for s in range(6):
    m = DAMICClustering(3, random_state=s, device="cpu", **p).fit(X)
    out.append("%.2f>%.2f(%d)" % (ari(y, m.init_labels_), ari(y, m.labels_), m.n_iter_))
print(p, " ".join(out), flush=True)
