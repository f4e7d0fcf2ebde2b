import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.feature_extraction.text import TfidfVectorizer
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
c = load_fortunes(("art", "computers", "education", "politics", "science")); y = c.target
X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray()
print("zero rows", (X.sum(1) == 0).sum())
for nn in [10, 15, 30, 60]:
    lab = spectral_clustering(X, 5, n_neighbors=nn, random_state=0)
    r = clustering_report(y, lab); print(nn, np.bincount(lab), round(r["ACC"], 3), round(r["NMI"], 3), flush=True)
