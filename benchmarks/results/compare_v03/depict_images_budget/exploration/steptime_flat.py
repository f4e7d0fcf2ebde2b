"""CPU time per pretraining step, DEPICT flat (MLP) vs images (conv), batch 100, 30 steps each."""
import time, numpy as np, torch
torch.set_num_threads(1)
from skdeepcluster import DEPICTClustering
from skdeepcluster.datasets import load_fashion_mnist
b = load_fashion_mnist(subset="test"); X = b.data.reshape(len(b.data), -1).astype(np.float32)
for shape in [None, (1, 28, 28), None, (1, 28, 28)]:
    t = time.process_time()
    DEPICTClustering(n_clusters=10, image_shape=shape, n_pretrain_epochs=1, n_epochs=0, init="kmeans",
                     random_state=0).fit(X[:3000])
    c = time.process_time() - t
    print(shape, "cpu per step (30 steps + one embedding pass + k-means)", round(c / 30, 4), flush=True)
