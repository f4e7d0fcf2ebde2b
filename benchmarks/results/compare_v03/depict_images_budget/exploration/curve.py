"""DEPICT conv pretraining on the Fashion-MNIST test split: save the clean
embedding after given epochs (one run), with the CPU time spent so far.
usage: curve.py SEED BATCH EPOCHS... [lr=..]"""
import sys, time, numpy as np, torch
torch.set_num_threads(1)
from skdeepcluster import DEPICTClustering, training
from skdeepcluster.datasets import load_fashion_mnist
seed, bs = int(sys.argv[1]), int(sys.argv[2])
kw = dict(a.split("=") for a in sys.argv[3:] if "=" in a); kw = {k: eval(v) for k, v in kw.items()}
marks = [int(a) for a in sys.argv[3:] if "=" not in a]
b = load_fashion_mnist(subset="test"); X = b.data.reshape(len(b.data), -1).astype(np.float32); y = b.target
est = DEPICTClustering(n_clusters=10, image_shape=(1, 28, 28), n_pretrain_epochs=max(marks), n_epochs=0,
                       init="kmeans", batch_size=bs, random_state=seed, **kw)
orig = training.Trainer.run
t0 = time.process_time(); spent = [0.0]
def run(self, phase, n_epochs, epoch_fn):
    def fn(epoch):
        out = epoch_fn(epoch)
        e = epoch + 1
        if e in marks:
            spent[0] = time.process_time() - t0
            Z = est._apply(est._embed_batch, est._Xs).numpy()
            np.savez(f"Z_s{seed}_b{bs}_e{e}{'_'+'_'.join(f'{k}{v}' for k,v in kw.items()) if kw else ''}.npz",
                     Z=Z, y=y, cpu=spent[0], loss=out["loss"])
            print("mark", e, "cpu", round(spent[0], 1), "loss", round(out["loss"], 4), flush=True)
        return out
    return orig(self, phase, n_epochs, fn)
training.Trainer.run = run
_scale = est._scale
def scale(X):
    est._Xs = _scale(X); return est._Xs
est._scale = scale
est.fit(X)
