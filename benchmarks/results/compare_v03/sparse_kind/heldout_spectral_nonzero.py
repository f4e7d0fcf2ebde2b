import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.feature_extraction.text import TfidfVectorizer
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
c = load_fortunes(("art", "computers", "education", "politics", "science")); y = c.target
X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray()
keep = X.sum(1) > 0
_, inv, cnt = np.unique(X[keep], axis=0, return_inverse=True, return_counts=True)
print("duplicates among nonzero rows:", (cnt > 1).sum(), "groups,", cnt[cnt > 1].sum(), "rows")
for nn in [10, 15, 30]:
    lab = spectral_clustering(X[keep], 5, n_neighbors=nn, random_state=0)
    r = clustering_report(y[keep], lab); print(nn, np.bincount(lab), round(r["ACC"], 3), round(r["NMI"], 3), flush=True)
