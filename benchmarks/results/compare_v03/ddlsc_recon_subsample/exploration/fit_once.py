"""One DiscriminativeLatentClustering fit, one JSON line: ACC / NMI / ARI of
the labels and of the start (init_labels_), CPU and wall seconds.

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/ddlsc_recon_subsample/exploration/fit_once.py DATASET SEED '{"param": value}'

DATASET is a name of benchmarks/compare.py (the same rows it gives every method).
"""
import sys, json, time, numpy as np, torch
torch.set_num_threads(1)
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari
from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.metrics import clustering_accuracy as acc
sys.path.insert(0, 'benchmarks')
from compare import load
name, seed, params = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
d = load(name)
t = time.process_time(); w = time.time()
est = DiscriminativeLatentClustering(d.n_clusters, random_state=seed, **params).fit(d.data)
cpu = time.process_time() - t
lab = est.labels_; y = d.target
init = est.init_labels_
print(json.dumps(dict(name=name, seed=seed, params=params, ACC=round(acc(y, lab), 4), NMI=round(nmi(y, lab), 4), ARI=round(ari(y, lab), 4), init_ACC=round(acc(y, init), 4), init_NMI=round(nmi(y, init), 4), cpu=round(cpu, 1), wall=round(time.time()-w, 1))), flush=True)
