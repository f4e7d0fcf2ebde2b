"""
=========================================
DEPICT in a pipeline, saved and reloaded
=========================================

:class:`~skdeepcluster.DEPICTClustering` is a scikit-learn estimator, so it
can be the last step of a :class:`~sklearn.pipeline.Pipeline`. This example
clusters the wine recognition data (178 wines, 13 chemical measurements,
3 cultivars), saves the fitted pipeline with :mod:`pickle` and :mod:`joblib`,
loads it back and assigns clusters to wines it has not seen.
"""

# %%
# Split the data
# --------------
# The pipeline is fitted on 80% of the wines; the remaining rows play the part
# of new samples. The cultivar labels are used only to score the clusters.
import pickle
import tempfile
from pathlib import Path

import joblib
import numpy as np
from sklearn.datasets import load_wine
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from skdeepcluster import DEPICTClustering
from skdeepcluster.metrics import clustering_report

X, y = load_wine(return_X_y=True)
X_train, X_new, y_train, y_new = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=0
)
print(f"{len(X_train)} training rows, {len(X_new)} new rows, {X.shape[1]} features")

# %%
# Fit the pipeline
# ----------------
# :class:`~sklearn.preprocessing.StandardScaler` standardises the features, so
# DEPICT's own input scaling is switched off with ``scaling=None``. With so few
# samples a smaller ``batch_size`` gives more optimisation steps per epoch.
pipeline = Pipeline(
    [
        ("scale", StandardScaler()),
        (
            "cluster",
            DEPICTClustering(
                n_clusters=3,
                scaling=None,
                n_pretrain_epochs=50,
                n_epochs=50,
                batch_size=32,
                device="cpu",
                random_state=0,
            ),
        ),
    ]
)
train_labels = pipeline.fit_predict(X_train)
depict = pipeline.named_steps["cluster"]
print(f"clustering epochs run: {depict.n_iter_} of at most {depict.n_epochs}")
report = clustering_report(y_train, train_labels)
print("training rows:", {key: round(value, 3) for key, value in report.items()})

# %%
# Save and load
# -------------
# Pickling stores the fitted network as its builder's arguments and its
# weights; loading rebuilds it, reads the weights with
# ``torch.load(weights_only=True)`` and puts it back on the device it was
# trained on, or on the CPU when this machine has no CUDA (a model fitted on a
# GPU opens on a CPU-only machine).
restored_pickle = pickle.loads(pickle.dumps(pipeline))

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "depict_wine.joblib"
    joblib.dump(pipeline, path)
    print(f"saved {path.name}: {path.stat().st_size / 1e6:.1f} MB")
    restored_joblib = joblib.load(path)

# %%
# Cluster new rows
# ----------------
# ``predict`` assigns each new row to its most probable cluster and
# ``predict_proba`` gives the cluster probabilities. The reloaded pipelines
# give the same answers as the original.
new_labels = pipeline.predict(X_new)
for name, restored in [("pickle", restored_pickle), ("joblib", restored_joblib)]:
    same = np.array_equal(restored.predict(X_new), new_labels)
    close = np.allclose(restored.predict_proba(X_new), pipeline.predict_proba(X_new))
    print(f"{name}: same labels {same}, same probabilities {close}")

report = clustering_report(y_new, new_labels)
print("new rows:", {key: round(value, 3) for key, value in report.items()})
print("probabilities of the first three new rows:")
print(np.round(pipeline.predict_proba(X_new[:3]), 3))
