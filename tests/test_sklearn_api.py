"""Integration with scikit-learn's tooling: the output API (set_output and
get_feature_names_out) and scoring (score, GridSearchCV, a custom scorer)."""

import numpy as np
import pytest
import sklearn
from sklearn.base import clone
from sklearn.metrics import silhouette_score
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler

from .conftest import estimator_id, fast_estimators

each_estimator = pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
# 1-2 epochs on 60 samples may leave a cluster empty; these tests are about
# the API, not the clusters.
pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def _fitted(estimator, blobs):
    X, _ = blobs
    return clone(estimator).fit(X), X


# -------------------------------------------------------------- output API
@each_estimator
def test_feature_names_out_name_every_embedding_column(estimator, blobs):
    model, X = _fitted(estimator, blobs)
    names = model.get_feature_names_out()
    width = model.transform(X[:2]).shape[1]
    prefix = type(model).__name__.lower()
    assert names.tolist() == [f"{prefix}{i}" for i in range(width)]
    assert names.dtype == object


@each_estimator
def test_feature_names_out_needs_a_fitted_estimator(estimator):
    with pytest.raises(sklearn.exceptions.NotFittedError):
        clone(estimator).get_feature_names_out()


@each_estimator
def test_set_output_pandas_on_the_estimator_and_in_a_pipeline(estimator, blobs):
    pd = pytest.importorskip("pandas")
    X, _ = blobs
    model = clone(estimator).set_output(transform="pandas").fit(X)
    frame = model.transform(X)
    assert isinstance(frame, pd.DataFrame)
    assert frame.columns.tolist() == model.get_feature_names_out().tolist()
    np.testing.assert_allclose(frame.to_numpy(), model.set_output(transform="default").transform(X))

    pipe = make_pipeline(MinMaxScaler(), clone(estimator)).set_output(transform="pandas")
    out = pipe.fit(X).transform(X)
    assert isinstance(out, pd.DataFrame)
    assert out.shape == (X.shape[0], len(pipe[-1].get_feature_names_out()))
    # fit_transform goes through the same wrapper
    assert isinstance(clone(pipe).fit_transform(X), pd.DataFrame)


@each_estimator
def test_global_transform_output_config_is_honoured(estimator, blobs):
    pd = pytest.importorskip("pandas")
    X, _ = blobs
    with sklearn.config_context(transform_output="pandas"):
        out = clone(estimator).fit(X).transform(X)
    assert isinstance(out, pd.DataFrame)


@each_estimator
def test_set_output_polars(estimator, blobs):
    pl = pytest.importorskip("polars")
    X, _ = blobs
    out = clone(estimator).set_output(transform="polars").fit(X).transform(X)
    assert isinstance(out, pl.DataFrame)


# ----------------------------------------------------------------- scoring
@each_estimator
def test_score_is_a_finite_float(estimator, blobs):
    model, X = _fitted(estimator, blobs)
    score = model.score(X)
    assert isinstance(score, float) and np.isfinite(score)


@each_estimator
def test_grid_search_uses_score(estimator, blobs):
    """GridSearchCV needs ``score`` when no scorer is given."""
    X, _ = blobs
    search = GridSearchCV(clone(estimator), {"random_state": [0, 1]}, cv=2).fit(X)
    assert np.isfinite(search.cv_results_["mean_test_score"]).all()
    assert search.best_estimator_.labels_.shape == (X.shape[0],)


def _silhouette_of_input(estimator, X, y=None):
    """The user guide's unsupervised scorer: silhouette of the predicted
    clusters in the input space (comparable across models)."""
    labels = estimator.predict(X)
    if np.unique(labels).size < 2:
        return -1.0
    return silhouette_score(X, labels)


@each_estimator
def test_grid_search_with_a_silhouette_scorer(estimator, blobs):
    X, _ = blobs
    search = GridSearchCV(
        clone(estimator), {"random_state": [0, 1]}, scoring=_silhouette_of_input, cv=2,
    ).fit(X)
    scores = search.cv_results_["mean_test_score"]
    assert np.all((scores >= -1) & (scores <= 1))


def test_jule_score_is_the_mean_log_vote_share_of_the_predicted_cluster(blobs):
    """JULE's score: the mean log of the neighbour-vote share of each
    sample's predicted cluster, at most 0."""
    from skdeepcluster import JULEClustering

    jule = next(e for e in fast_estimators() if isinstance(e, JULEClustering))
    model, X = _fitted(jule, blobs)
    proba = model.predict_proba(X)
    assert model.score(X) == pytest.approx(np.log(proba.max(axis=1)).mean())
    assert model.score(X) <= 0.0
