import numpy as np, warnings; warnings.filterwarnings("ignore")
from skdeepcluster import estimate_n_clusters
from skdeepcluster.autok import laplacian_eigenvalues
from skdeepcluster.datasets import load_fortunes_tfidf
d = load_fortunes_tfidf(); X = d.data.astype(np.float64); X /= np.abs(X).max()
full = np.any(X != 0, axis=1)
for name, Z in (("input", X), ("input with a value", X[full])):
    ev = laplacian_eigenvalues(Z, 12, random_state=0)
    print(name, "k", estimate_n_clusters(Z, 30, random_state=0), "eig", np.round(ev, 3))
