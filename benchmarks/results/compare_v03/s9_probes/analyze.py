import sys, numpy as np
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
d = np.load(sys.argv[1], allow_pickle=True)
y = d["y"]
names = ["top", "trou", "pull", "dress", "coat", "sand", "shirt", "snkr", "bag", "boot"]
def show(tag, lab):
    print(f"{tag}: acc {acc(y, lab):.3f} nmi {nmi(y, lab):.3f}")
    for c in np.unique(lab):
        m = lab == c
        cnt = np.bincount(y[m], minlength=10)
        top = np.argsort(-cnt)[:3]
        print(f"   c{c:2d} n={m.sum():6d} " + ", ".join(f"{names[t]} {cnt[t]/m.sum():.2f}" for t in top))
show("init", d["init"]); show("final", d["labels"])
