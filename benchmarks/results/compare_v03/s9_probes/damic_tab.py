import sys, json, time, numpy as np, torch
torch.set_num_threads(1)
from sklearn.datasets import load_wine, load_breast_cancer, load_iris
from sklearn.preprocessing import StandardScaler
from skdeepcluster import DAMICClustering
from skdeepcluster.metrics import clustering_accuracy as acc
params = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
for name, f in (("iris", load_iris), ("wine", load_wine), ("bc", load_breast_cancer)):
    X, y = f(return_X_y=True); X = StandardScaler().fit_transform(X)
    rows = []
    for seed in range(5):
        t = time.process_time()
        m = DAMICClustering(n_clusters=len(np.unique(y)), random_state=seed, **params).fit(X)
        rows.append((acc(y, m.init_labels_), acc(y, m.labels_), time.process_time() - t))
    r = np.array(rows)
    print(name, params, "init", " ".join(f"{v:.3f}" for v in r[:, 0]), "| final", " ".join(f"{v:.3f}" for v in r[:, 1]),
          f"| mean init {r[:3,0].mean():.3f} final(0-2) {r[:3,1].mean():.3f} final(0-4) {r[:,1].mean():.3f} cpu {r[:,2].mean():.1f}", flush=True)
