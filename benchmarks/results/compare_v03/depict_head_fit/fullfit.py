import sys, os, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, "benchmarks")
from compare import load
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster import DEPICTClustering
from skdeepcluster.metrics import clustering_accuracy as acc
import json; P = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
name = sys.argv[1]; seeds = [int(s) for s in sys.argv[2].split(",")]
b = load(name); X, y, k = b.data, b.target, b.n_clusters
A, N = [], []
for s in seeds:
    t = time.process_time()
    m = DEPICTClustering(k, random_state=s, device="cpu", **P).fit(X)
    A.append(acc(y, m.labels_)); N.append(nmi(y, m.labels_))
    print(name, os.environ.get("DEPICT_HEAD_FIT"), s, "start", round(acc(y, m.init_labels_), 3), "final", round(A[-1], 3), round(N[-1], 3), "epochs", m.n_iter_, f"{time.process_time()-t:.1f}s", flush=True)
print("MEAN", name, os.environ.get("DEPICT_HEAD_FIT"), round(np.mean(A), 3), round(np.mean(N), 3))
