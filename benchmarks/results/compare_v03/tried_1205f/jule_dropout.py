"""Exploratory: JULE's MLP with input dropout (training only)."""
import sys, json, time, warnings, numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
import skdeepcluster as sk, skdeepcluster.jule as J
from skdeepcluster.metrics import clustering_report
P = float(sys.argv[3])
from skdeepcluster.distributed import gather_batch
from skdeepcluster.losses import weighted_triplet_loss
from skdeepcluster.training import set_learning_rate, train_epoch
def _triplet_epoch(self, X, labels, optimizer, cpu_gen, step):
    labels = torch.as_tensor(labels)
    device = self.device_
    def batch_loss(idx):
        set_learning_rate(optimizer, self.learning_rate_ * (1 + J.LR_DECAY_GAMMA * step[0]) ** -J.LR_DECAY_POWER)
        step[0] += 1
        x = X[idx].to(device)
        if P > 0: x = torch.nn.functional.dropout(x, P, training=True)
        return weighted_triplet_loss(gather_batch(self.network_(x)), gather_batch(labels[idx].to(device)),
            gamma=self.gamma, margin=self.margin, n_negatives=self.k_c)
    self.network_.train()
    return train_epoch(batch_loss, optimizer, X.shape[0], self.batch_size, cpu_gen, rows=X)
J.JULEClustering._triplet_epoch = _triplet_epoch
def load(which):
    from skdeepcluster.datasets import load_fortunes_tfidf
    if which == "fortunes": c = load_fortunes_tfidf(); return c.data, c.target
    if which == "heldout": c = load_fortunes_tfidf(("art", "computers", "education", "politics", "science")); return c.data, c.target
    from sklearn import datasets
    from sklearn.preprocessing import StandardScaler
    if which == "digits": d = datasets.load_digits(); return d.data / 16, d.target
    d = getattr(datasets, "load_" + which)(); return StandardScaler().fit_transform(d.data), d.target
X, y = load(sys.argv[1]); k = len(np.unique(y))
params = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
res = []
for s in [int(s) for s in sys.argv[2].split(",")]:
    t = time.process_time(); m = sk.JULEClustering(k, random_state=s, **params).fit(X)
    r = clustering_report(y, m.labels_); res.append((r["ACC"], r["NMI"], time.process_time() - t))
a = np.mean(res, 0)
print(f"{sys.argv[1]} p={P} {params} {a[0]:.3f} / {a[1]:.3f}  [{' '.join('%.3f/%.3f' % r[:2] for r in res)}] {a[2]:.1f}s", flush=True)
