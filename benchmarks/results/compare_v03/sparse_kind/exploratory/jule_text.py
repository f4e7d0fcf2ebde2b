import numpy as np, warnings, torch, json, sys; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.feature_extraction.text import TfidfVectorizer
import skdeepcluster as sk
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.metrics import clustering_report
c = load_fortunes(); y = c.target
X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray().astype(np.float32)
est = sk.JULEClustering(n_clusters=5, random_state=0, **json.loads(sys.argv[1])).fit(X)
print("sizes", np.bincount(est.labels_), "initial", est.n_initial_clusters_, "periods", est.n_periods_, clustering_report(y, est.labels_))
