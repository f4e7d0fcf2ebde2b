"""DiscriminativeLatentClustering started on the scaled input, with the start held for H epochs
(an exploratory patch of ddlsc.py read DDLSC_INIT_ON=input and DDLSC_HOLD=H; not kept):

    DDLSC_INIT_ON=input DDLSC_HOLD=10 OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/ddlsc_init_on/hold_probe.py in_h10 0,1,2,3,4,5,6,7,8,9 iris wine blobs dpca10_300 dpca20_300 dpca5_300
"""
import sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, "benchmarks"); sys.path.insert(0, "benchmarks/results/compare_v03/tabular_s7")
argv = sys.argv[1:]; sys.argv = [sys.argv[0], "kmeans", "{}", "blobs"]
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    import probe_tab
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
seeds = [int(s) for s in argv[1].split(",")]
for name in argv[2:]:
    b = probe_tab.get(name); X, y = b.data, b.target
    a, n, s0, t0 = [], [], [], time.process_time()
    for seed in seeds:
        m = sk.DiscriminativeLatentClustering(n_clusters=b.n_clusters, random_state=seed, device="cpu").fit(X)
        a.append(acc(y, m.labels_)); n.append(nmi(y, m.labels_)); s0.append(acc(y, m.init_labels_))
    print(f"{argv[0]:10s} {name:14s} ACC {np.mean(a):.3f} NMI {np.mean(n):.3f} start {np.mean(s0):.3f} cpu {time.process_time()-t0:.0f} | {' '.join(f'{v:.3f}' for v in a)}", flush=True)
