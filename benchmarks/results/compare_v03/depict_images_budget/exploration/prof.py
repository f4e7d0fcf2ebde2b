import time, numpy as np, torch
torch.set_num_threads(1)
from skdeepcluster import DEPICTClustering
from skdeepcluster.datasets import load_fashion_mnist
from skdeepcluster.training import adam
b = load_fashion_mnist(subset="test"); X = b.data.reshape(len(b.data), -1).astype(np.float32)
m = DEPICTClustering(n_clusters=10, image_shape=(1, 28, 28), n_pretrain_epochs=1, n_epochs=0, init="kmeans", random_state=0).fit(X[:200])
net = m.network_; net.train()
x = torch.from_numpy((X[:100] - m.scale_offset_.astype(np.float32)) * m.scale_factor_.astype(np.float32))
g = torch.Generator().manual_seed(0)
opt = adam(net.parameters(), 1e-3)
def step():
    rec, _ = m._batch_losses(x, g); opt.zero_grad(); rec.backward(); opt.step()
for _ in range(3): step()
t = time.process_time()
for _ in range(20): step()
print("step", (time.process_time() - t) / 20)
from torch.profiler import profile, ProfilerActivity
with profile(activities=[ProfilerActivity.CPU]) as p:
    for _ in range(10): step()
print(p.key_averages().table(sort_by="self_cpu_time_total", row_limit=20))
