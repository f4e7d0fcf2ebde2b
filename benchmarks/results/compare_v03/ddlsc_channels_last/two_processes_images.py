"""A 2-process gloo fit of DiscriminativeLatentClustering on 600 digits as 8x8 images
(channels-last convolutions, short budgets): each rank prints the hash of its parameters
and labels and its cluster sizes, which must agree::

    PYTHONPATH=. OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 benchmarks/results/compare_v03/ddlsc_channels_last/two_processes_images.py
"""
import hashlib, torch, numpy as np, torch.distributed as dist, warnings
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import load_digits
from skdeepcluster import DiscriminativeLatentClustering
dist.init_process_group("gloo")
X = load_digits().data[:600]
m = DiscriminativeLatentClustering(10, image_shape=(1, 8, 8), n_pretrain_epochs=3, n_epochs=2, batch_size=100, random_state=0).fit(X)
h = hashlib.md5(b"".join(p.detach().contiguous().numpy().tobytes() for p in m.network_.parameters()) + m.labels_.tobytes()).hexdigest()
print(dist.get_rank(), h, np.bincount(m.labels_, minlength=10), flush=True)
dist.destroy_process_group()
