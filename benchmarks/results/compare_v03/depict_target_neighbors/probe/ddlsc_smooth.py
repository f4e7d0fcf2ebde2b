import sys, time, numpy as np, torch
torch.set_num_threads(1)
sys.path.insert(0, '/work/wt-ddsm/benchmarks'); from compare import load
import skdeepcluster
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.metrics import clustering_accuracy as acc
from skdeepcluster import DiscriminativeLatentClustering as C
ds, seeds = sys.argv[1], [int(s) for s in sys.argv[2].split(',')]
d = load(ds); X = d.data.reshape(len(d.data), -1); y = d.target
for seed in seeds:
    t = time.process_time()
    est = C(n_clusters=len(np.unique(y)), random_state=seed).fit(X)
    L = est.labels_
    print(skdeepcluster.__file__, ds, seed, "cpu", round(time.process_time() - t, 1), "end", round(acc(y, L), 3), round(nmi(y, L), 3),
          "init", round(acc(y, est.init_labels_), 3), round(nmi(y, est.init_labels_), 3), "iters", est.n_iter_, flush=True)
