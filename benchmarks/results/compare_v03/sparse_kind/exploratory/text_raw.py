import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.cluster import KMeans
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
from sklearn.preprocessing import StandardScaler
c = load_fortunes(); y = c.target; k = 5
X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray()
print("max", X.max(), "mean sq", (X**2).mean(), "nnz/row", (X > 0).sum(1).mean(), "zero rows", (X.sum(1) == 0).sum())
for nn in [5, 10, 15, 30]:
    for seed in [0, 1]:
        r = clustering_report(y, spectral_clustering(X, k, n_neighbors=nn, random_state=seed))
        print("spectral", nn, seed, round(r["ACC"], 3), round(r["NMI"], 3))
r = clustering_report(y, KMeans(k, n_init=10, random_state=0).fit_predict(StandardScaler().fit_transform(X))); print("kmeans std", r["ACC"], r["NMI"])
mn, mx = X.min(0), X.max(0); v = mx[mn < mx]; print("median col max / max", np.median(v) / mx.max(), "zero frac", (X == 0).mean())
