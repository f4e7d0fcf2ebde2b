"""GDLClustering: accuracy on blobs and digits, and its errors."""

import numpy as np
import pytest
from sklearn.datasets import load_digits, make_blobs

from skdeepcluster.gdl import GDLClustering
from skdeepcluster.metrics import clustering_accuracy


def test_gdl_separates_blobs_and_digits():
    X, y = make_blobs(300, centers=4, random_state=0, cluster_std=0.6)
    assert clustering_accuracy(y, GDLClustering(4).fit_predict(X)) > 0.95
    digits = load_digits()
    # AGDL on raw digits beats k-means (about 0.79) clearly.
    assert clustering_accuracy(digits.target, GDLClustering(10).fit_predict(digits.data)) > 0.85


def test_gdl_clustering_errors():
    with pytest.raises(ValueError, match="n_samples=3 should be >= n_clusters=5"):
        GDLClustering(5).fit(np.random.RandomState(0).normal(size=(3, 2)))
