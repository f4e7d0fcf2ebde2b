import sys, json, numpy as np, torch, warnings, time; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_accuracy as acc
params = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
sets = sys.argv[2:] or ["iris", "wine", "breast_cancer"]
for name in sets:
    b = load(name); X, y = b.data, b.target
    r = []
    t=time.process_time()
    for seed in range(5):
        m = sk.DAMICClustering(n_clusters=b.n_clusters, random_state=seed, device="cpu", **params).fit(X)
        r.append((acc(y, m.init_labels_), acc(y, m.labels_), m.n_iter_))
    r = np.array(r)
    print(name, params, "init %.3f final %.3f" % tuple(r[:, :2].mean(0)), " ".join("%.2f>%.2f(%d)" % tuple(x) for x in r), "%.1fs" % ((time.process_time()-t)/5), flush=True)
