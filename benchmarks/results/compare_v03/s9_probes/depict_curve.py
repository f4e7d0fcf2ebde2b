import sys, time, torch
torch.set_num_threads(1)
from sklearn.datasets import load_digits
from skdeepcluster import DEPICTClustering
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
X, y = load_digits(return_X_y=True); X = X / 16
extra = eval(sys.argv[2]) if len(sys.argv) > 2 else {}
for seed in [int(s) for s in sys.argv[1].split(",")]:
    row = []
    for E in (50, 100, 200):
        t = time.process_time()
        m = DEPICTClustering(n_clusters=10, random_state=seed, n_pretrain_epochs=E, n_epochs=0, **extra).fit(X)
        row.append(f"E{E} {acc(y, m.init_labels_):.3f}/{nmi(y, m.init_labels_):.3f} ({time.process_time()-t:.0f}s)")
    print(seed, extra, " | ".join(row), flush=True)
