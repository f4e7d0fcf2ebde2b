import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.feature_extraction.text import TfidfVectorizer
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.gdl import GDLClustering
from skdeepcluster.metrics import clustering_report
c = load_fortunes(); y = c.target
X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray()
for kw in [{}, {"l2_normalize": True}]:
    lab = GDLClustering(5, **kw).fit_predict(X); print(kw, np.bincount(lab), clustering_report(y, lab))
