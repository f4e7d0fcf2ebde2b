import sys, json, time, numpy as np, warnings, torch; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.feature_extraction.text import TfidfVectorizer
import skdeepcluster as sk
from skdeepcluster.datasets import load_fortunes
from skdeepcluster.metrics import clustering_report
c = load_fortunes(); y = c.target; k = 5
X = TfidfVectorizer(max_features=2000, stop_words="english", sublinear_tf=True).fit_transform(c.data).toarray().astype(np.float32)
m, factor, params = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
cls = {"depict": sk.DEPICTClustering, "jule": sk.JULEClustering, "damic": sk.DAMICClustering, "ddlsc": sk.DiscriminativeLatentClustering}[m]
for seed in [0, 1]:
    t = time.process_time()
    est = cls(n_clusters=k, random_state=seed, **params).fit(X * factor)
    r0 = clustering_report(y, est.init_labels_) if hasattr(est, "init_labels_") else {"ACC": -1, "NMI": -1}
    r = clustering_report(y, est.labels_)
    print(m, factor, params, seed, f"start {r0['ACC']:.3f}/{r0['NMI']:.3f} final {r['ACC']:.3f}/{r['NMI']:.3f} {time.process_time()-t:.0f}s", flush=True)
