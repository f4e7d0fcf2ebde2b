import warnings; warnings.filterwarnings("ignore")
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from sklearn.cluster import KMeans
from skdeepcluster.datasets import load_fortunes, FORTUNE_CATEGORIES
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
for cats in [FORTUNE_CATEGORIES, ("art", "computers", "education", "politics", "science")]:
    c = load_fortunes(cats); y = c.target
    X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray()
    for d in [20, 100]:
        Z = normalize(TruncatedSVD(d, random_state=0).fit_transform(X))
        r1 = clustering_report(y, KMeans(5, n_init=10, random_state=0).fit_predict(Z))
        r2 = clustering_report(y, spectral_clustering(Z, 5, random_state=0))
        print(cats[0], d, "kmeans", round(r1["ACC"], 3), round(r1["NMI"], 3), "spectral", round(r2["ACC"], 3), round(r2["NMI"], 3), flush=True)
