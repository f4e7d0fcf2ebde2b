"""Inference spread over a Dask cluster (doc/large_data.rst): a fitted
estimator wrapped in ``dask_ml.wrappers.ParallelPostFit`` predicts a Dask
array block by block on the workers, which receive the pickled estimator,
and gives what the estimator gives in one process."""

import pickle

import numpy as np
import pytest
from sklearn.base import clone

from .conftest import estimator_id, fast_estimators


@pytest.fixture(scope="module")
def client():
    """Two local workers of one thread each. Threads of this process rather
    than processes: the estimator is still pickled into the task graph and
    unpickled for the workers, and the cluster starts faster."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def data():
    """Training rows (three blobs) and 1,000 new rows around them."""
    rng = np.random.RandomState(0)
    centres = rng.uniform(-10, 10, size=(3, 5))
    X_train = centres[np.repeat(np.arange(3), 20)] + rng.normal(size=(60, 5))
    X_new = centres[rng.randint(3, size=1000)] + 1.5 * rng.normal(size=(1000, 5))
    return X_train, X_new


# The fast settings on 60 samples may leave a cluster empty (DAMIC warns so);
# what is tested is that the workers predict as this process does.
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
def test_parallel_post_fit_matches_one_process(client, data, estimator):
    da = pytest.importorskip("dask.array")
    wrappers = pytest.importorskip("dask_ml.wrappers")
    X_train, X_new = data
    X_dask = da.from_array(X_new, chunks=(250, 5))
    estimator.fit(X_train)
    parallel = wrappers.ParallelPostFit(estimator)

    labels = parallel.predict(X_dask)
    assert isinstance(labels, da.Array) and labels.numblocks == (4,)
    # compute() runs the four blocks as tasks on the client's two workers
    np.testing.assert_array_equal(labels.compute(), estimator.predict(X_new))

    embedding = parallel.transform(X_dask).compute()
    np.testing.assert_allclose(embedding, estimator.transform(X_new), rtol=1e-5, atol=1e-6)

    if hasattr(estimator, "predict_proba"):
        # ParallelPostFit.predict_proba sizes its blocks with classes_, which a
        # clusterer has not: map the blocks with n_clusters_ columns instead
        # (the recipe of doc/large_data.rst).
        proba = X_dask.map_blocks(
            estimator.predict_proba, chunks=(X_dask.chunks[0], (estimator.n_clusters_,)),
            dtype=np.float64,
        ).compute()
        np.testing.assert_allclose(proba, estimator.predict_proba(X_new), rtol=1e-5, atol=1e-6)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
def test_pickle_holds_no_copy_of_the_training_data(estimator):
    """What is shipped to each worker: the pickle grows with the training set
    by its per-sample attributes only (labels; JULE's training embedding,
    which its neighbour vote needs), never by a copy of X: here less than
    half a float32 copy (2 * n_features bytes a row)."""
    rng = np.random.RandomState(0)
    n_features = 64
    sizes = []
    for n_samples in (100, 400):
        X = rng.uniform(0, 16, size=(n_samples, n_features))
        sizes.append(len(pickle.dumps(clone(estimator).fit(X))))
    bytes_per_row = (sizes[1] - sizes[0]) / 300
    assert bytes_per_row < 2 * n_features, (sizes, bytes_per_row)
