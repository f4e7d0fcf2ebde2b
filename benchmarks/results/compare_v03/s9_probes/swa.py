"""DEPICT digits start (init_labels_) with weight averaging of the pretraining: SWA over epochs >= start_frac."""
import sys, torch
torch.set_num_threads(1)
from sklearn.datasets import load_digits
import skdeepcluster.depict as dmod
from skdeepcluster import DEPICTClustering
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
X, y = load_digits(return_X_y=True); X = X / 16
mode = sys.argv[2]; E = int(sys.argv[3]) if len(sys.argv) > 3 else 100
orig_train = dmod.train_epoch
S = {}
def train_spy(batch_loss, optimizer, *a, **k):
    out = orig_train(batch_loss, optimizer, *a, **k)
    if S.get("done"):
        return out
    S["n"] = S.get("n", 0) + 1
    params = [p for g in optimizer.param_groups for p in g["params"]]
    S["params"] = params
    if S["n"] > S["start"]:
        with torch.no_grad():
            if "avg" not in S:
                S["avg"] = [p.detach().clone() for p in params]; S["m"] = 1
            else:
                S["m"] += 1
                for a_, p in zip(S["avg"], params):
                    a_ += (p.detach() - a_) / S["m"]
    return out
dmod.train_epoch = train_spy
class D(DEPICTClustering):
    def _apply(self, f, Xs):
        if not S.get("done"):
            S["done"] = True
            if mode == "swa" and "avg" in S:
                with torch.no_grad():
                    for a_, p in zip(S["avg"], S["params"]):
                        p.copy_(a_)
        return super()._apply(f, Xs)
for seed in [int(s) for s in sys.argv[1].split(",")]:
    S.clear(); S["start"] = E // 2
    m = D(n_clusters=10, random_state=seed, n_pretrain_epochs=E, n_epochs=0).fit(X)
    print(mode, E, seed, f"{acc(y, m.init_labels_):.3f}/{nmi(y, m.init_labels_):.3f}", "avg of", S.get("m"), flush=True)
