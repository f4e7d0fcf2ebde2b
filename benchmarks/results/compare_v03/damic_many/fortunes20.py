"""20 fortune categories as tf-idf (2,000 words): DAMIC (and others) with n_clusters=20, seed 0."""
import time, resource, torch
from sklearn.cluster import KMeans
import skdeepcluster
from skdeepcluster.metrics import clustering_report
torch.set_num_threads(1)
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "text_order"))
from text_data import load_set  # noqa: E402
X, y = load_set("fortunes20"); k = 20
print(skdeepcluster.__file__, X.shape, k, flush=True)
for name in sys.argv[1].split(","):
    t = time.process_time()
    if name == "kmeans":
        lab = KMeans(k, n_init=10, random_state=0).fit_predict(X)
    else:
        lab = getattr(skdeepcluster, name)(n_clusters=k, random_state=0).fit_predict(X)
    r = clustering_report(y, lab)
    print(f"{name:32s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} ARI {r['ARI']:.3f} cpu {time.process_time() - t:.1f}s maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB", flush=True)
