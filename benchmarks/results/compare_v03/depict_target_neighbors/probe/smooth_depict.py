"""DEPICT with graph-smoothed targets: P averaged over each sample and its k
nearest neighbours (of the pretrained embedding) before the balanced targets.
The recorded runs were made before DEPICTClustering smoothed its targets itself;
from that commit on pass '{"target_neighbors": 0}' as the fifth argument.
Usage: smooth_depict.py DATASET SEEDS K MODE [PARAMS_JSON], MODE in mean, half, halfcur."""
import sys, time, json
import numpy as np, torch
from sklearn.neighbors import NearestNeighbors
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.metrics import clustering_accuracy as acc
import skdeepcluster.depict as dm
from skdeepcluster import DEPICTClustering
torch.set_num_threads(1)
ds, seeds, k, mode = sys.argv[1], [int(s) for s in sys.argv[2].split(',')], int(sys.argv[3]), sys.argv[4]
kw = json.loads(sys.argv[5]) if len(sys.argv) > 5 else {}
sys.path.insert(0, '/work/main/benchmarks'); from compare import load
d = load(ds); X = d.data.reshape(len(d.data), -1); y = d.target
if d.image_shape is not None and ds.startswith('fashion') and 'img' in mode: kw['image_shape'] = tuple(d.image_shape)
S = {}
orig_init, orig_bt = dm.initial_clustering, dm.balanced_targets
def spy(Z, *a, **kw):
    if k > 0:
        S["ind"] = torch.as_tensor(NearestNeighbors(n_neighbors=k + 1).fit(Z).kneighbors(Z, return_distance=False)[:, 1:])
    return orig_init(Z, *a, **kw)
orig_fit = DEPICTClustering._fit
def fit_spy(self, X, *a, **kw):
    S["est"], S["X"] = self, X
    return orig_fit(self, X, *a, **kw)
DEPICTClustering._fit = fit_spy
def bt(log_p, rule="squared"):
    if k > 0 and "cur" in mode:
        Z = S["est"]._apply(S["est"]._embed_batch, S["X"]).numpy()
        S["ind"] = torch.as_tensor(NearestNeighbors(n_neighbors=k + 1).fit(Z).kneighbors(Z, return_distance=False)[:, 1:])
    if k > 0:
        p = log_p.exp()
        if mode.startswith("mean"):
            p = (p + p[S["ind"]].sum(1)) / (k + 1)
        elif mode.startswith("half"):
            p = 0.5 * p + 0.5 * p[S["ind"]].mean(1)
        log_p = p.clamp_min(1e-30).log()
    return orig_bt(log_p, rule)
dm.initial_clustering, dm.balanced_targets = spy, bt
for seed in seeds:
    t = time.process_time()
    est = DEPICTClustering(n_clusters=len(np.unique(y)), random_state=seed, **kw).fit(X)
    L = est.labels_
    print(ds, seed, k, mode, kw, "fit", round(time.process_time() - t, 1), "end", round(acc(y, L), 3), round(nmi(y, L), 3),
          "init", round(acc(y, est.init_labels_), 3), round(nmi(y, est.init_labels_), 3), "iters", est.n_iter_, flush=True)
