"""Exploratory: whether DEPICT's pretraining is run again (its loss ended
above its first epoch's, or the embedding collapsed) on the named data sets:
the first and last pretraining losses and the phases, with n_clusters alone
and n_epochs=0 (the pretraining and the start only). Usage:
named_pretraining.py SETS SEEDS (SETS among digits, iris, wine,
breast_cancer, fashion_mnist, fashion_mnist_images, fortunes5)"""
import sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
import skdeepcluster as sk
from skdeepcluster.datasets import load_dataset
from sklearn.preprocessing import StandardScaler

for name in sys.argv[1].split(","):
    params = {}
    if name == "fortunes5":
        d = load_dataset("fortunes_tfidf"); X = d.data
    elif name.startswith("fashion_mnist"):
        d = load_dataset("fashion_mnist"); X = d.data.reshape(len(d.data), -1) / 255.0
        if name.endswith("images"):
            params["image_shape"] = (1, 28, 28)
    elif name == "digits":
        d = load_dataset("digits"); X = d.data.reshape(len(d.data), -1) / 16.0
    else:
        d = load_dataset(name); X = StandardScaler().fit_transform(d.data)
    k = len(np.unique(d.target))
    for s in (int(v) for v in sys.argv[2].split(",")):
        t = time.process_time()
        e = sk.DEPICTClustering(k, random_state=s, n_epochs=0, **params).fit(X)
        first = [h["loss"] for h in e.history_ if h["phase"] == "pretrain"]
        again = [h["loss"] for h in e.history_ if h["phase"].startswith("pretrain (")]
        print(f"{name} seed {s}: pretraining loss first {first[0]:.4f} max {max(first):.4f} last {first[-1]:.4f}; "
              f"run again: {'yes, last ' + format(again[-1], '.4f') if again else 'no'}  {time.process_time() - t:.0f} s",
              flush=True)
