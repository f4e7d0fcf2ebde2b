"""CPU time per pretraining step of DEPICT's conv net at several batch sizes."""
import sys, time, numpy as np, torch
torch.set_num_threads(1)
from skdeepcluster import DEPICTClustering
from skdeepcluster.datasets import load_fashion_mnist
b = load_fashion_mnist(subset="test"); X = b.data.reshape(len(b.data), -1).astype(np.float32)
for bs in [int(a) for a in sys.argv[1:]]:
    n = bs * 20  # 20 steps
    t = time.process_time()
    DEPICTClustering(n_clusters=10, image_shape=(1, 28, 28), n_pretrain_epochs=1, n_epochs=0, init="kmeans",
                     batch_size=bs, random_state=0).fit(X[:n])
    c = time.process_time() - t
    print(bs, "cpu/step", round(c / 20, 4), "ms/sample", round(1000 * c / n, 3), flush=True)
