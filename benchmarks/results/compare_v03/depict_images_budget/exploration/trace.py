"""A DEPICT images fit on the Fashion-MNIST test split, printing the start's
and each clustering epoch's ACC/NMI (the extra label pass per epoch is timed
and subtracted from the CPU figures).
usage: trace.py SEED key=value..."""
import sys, time, numpy as np, torch
torch.set_num_threads(1)
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster import DEPICTClustering, training
from skdeepcluster.datasets import load_fashion_mnist
from skdeepcluster.metrics import clustering_accuracy
seed = int(sys.argv[1])
kw = dict(a.split("=", 1) for a in sys.argv[2:]); kw = {k: eval(v) for k, v in kw.items()}
b = load_fashion_mnist(subset="test"); X = b.data.reshape(len(b.data), -1).astype(np.float32); y = b.target
est = DEPICTClustering(n_clusters=10, image_shape=(1, 28, 28), random_state=seed, **kw)
orig = training.Trainer.run
t0 = time.process_time(); extra = [0.0]
def rep(lab): return f"{clustering_accuracy(y, lab):.3f}/{nmi(y, lab):.3f}"
def run(self, phase, n_epochs, epoch_fn):
    t = time.process_time()
    if phase == "cluster":
        print("start", rep(est.init_labels_), "cpu before cluster", round(t - t0 - extra[0], 1), flush=True)
    def fn(epoch):
        out = epoch_fn(epoch)
        if phase == "cluster":
            t1 = time.process_time()
            lab = est._apply(est._log_proba_batch, est._Xs).argmax(1).numpy()
            s = rep(lab); extra[0] += time.process_time() - t1
            print(phase, epoch + 1, s, "change", round(out["label_change"], 4), "cpu", round(time.process_time() - t0 - extra[0], 1), flush=True)
        return out
    n = orig(self, phase, n_epochs, fn)
    print("PHASE", phase, n, "cpu", round(time.process_time() - t, 1), flush=True)
    return n
training.Trainer.run = run
_scale = est._scale
def scale(X):
    est._Xs = _scale(X); return est._Xs
est._scale = scale
est.fit(X)
print("TOTAL cpu", round(time.process_time() - t0 - extra[0], 1), "final", rep(est.labels_), flush=True)
