"""
=====================================================================
Discriminative latent space clustering: most of it is in pretraining
=====================================================================

Cluster the 1,797 digits bundled with scikit-learn with
:class:`~skdeepcluster.DiscriminativeLatentClustering`, and compare three
clusterings against the true digits: k-means on the pixels, k-means on the
codes of the pretrained autoencoder (``init_labels_``, what the pretraining
alone reaches) and the final clustering after the two clustering stages.

The method pretrains its autoencoder on a *discriminative* loss: the codes of
a batch are pushed towards orthogonal directions, except for pairs of
nearest neighbours in pixel space, which are pulled together. The training
history shows this loss converge without any label. The script takes about
a minute on one CPU core.
"""

# %%
# Fit k-means and the deep method
# -------------------------------
# The 64 pixels are flat features (the fully connected autoencoder);
# ``scaling="minmax"`` maps all pixels together to [0, 1].
import matplotlib.pyplot as plt
from sklearn.cluster import KMeans

from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.datasets import load_digits
from skdeepcluster.metrics import clustering_report

digits = load_digits()
X, y = digits.data, digits.target

kmeans_labels = KMeans(n_clusters=10, n_init=10, random_state=0).fit_predict(X)
model = DiscriminativeLatentClustering(
    n_clusters=10, scaling="minmax", device="cpu", random_state=0
).fit(X)

# %%
# Scores
# ------
# ACC matches clusters to classes one to one; NMI and ARI are scikit-learn's.
print(f"{'clustering':<24}{'ACC':>7}{'NMI':>7}{'ARI':>7}")
for name, labels in [
    ("k-means on pixels", kmeans_labels),
    ("after pretraining", model.init_labels_),
    ("final", model.labels_),
]:
    report = clustering_report(y, labels)
    print(f"{name:<24}" + "".join(f"{report[k]:7.3f}" for k in ("ACC", "NMI", "ARI")))

# %%
# Training history
# ----------------
# Pretraining records the discriminative loss ``L_d`` and the reconstruction
# loss per epoch; the two clustering stages record the mean cosine similarity
# of the samples to their centroids (``objective``) and the fraction of
# samples that changed cluster (``label_change``).
history = model.history_
pretrain = [r for r in history if r["phase"] == "pretrain"]
stages = [r for r in history if r["phase"] != "pretrain"]

fig, (ax_d, ax_r, ax_c) = plt.subplots(1, 3, figsize=(12, 3.5))
ax_d.plot([r["discriminative"] for r in pretrain])
ax_d.set_title("pretraining: discriminative loss $L_d$")
ax_r.plot([r["reconstruction"] for r in pretrain])
ax_r.set_yscale("log")
ax_r.set_title("pretraining: reconstruction loss")
ax_c.plot([r["objective"] for r in stages], marker="o", label="objective $L_c$")
ax_c.plot([r["label_change"] for r in stages], marker="o", label="label change")
ax_c.set_title("clustering stages I then II")
ax_c.legend()
for ax in (ax_d, ax_r, ax_c):
    ax.set_xlabel("epoch")
fig.tight_layout()

# %%
# Similarity of the codes
# -----------------------
# ``transform`` returns the L2-normalised codes. Sorted by cluster, their
# cosine similarities show the block structure the losses aim at: close to 1
# within a cluster, close to 0 between clusters.
codes = model.transform(X)
order = model.labels_.argsort(kind="stable")
fig, ax = plt.subplots(figsize=(5, 4.5))
image = ax.imshow(codes[order] @ codes[order].T, cmap="RdBu_r", vmin=-1, vmax=1)
fig.colorbar(image, ax=ax, label="cosine similarity")
ax.set_title("codes sorted by cluster")
ax.set_xticks([])
ax.set_yticks([])
plt.show()
