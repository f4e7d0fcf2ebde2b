import numpy as np
import pytest

from skdeepcluster.metrics import clustering_accuracy, clustering_report


def test_accuracy_is_invariant_to_relabelling():
    y = np.array([0, 0, 1, 1, 2, 2])
    assert clustering_accuracy(y, (y + 1) % 3) == 1.0
    assert clustering_accuracy(["a", "a", "b"], [5, 5, 7]) == 1.0


def test_accuracy_with_more_clusters_than_classes():
    # Only one cluster can be matched to each class.
    assert clustering_accuracy([0, 0, 0, 0], [0, 0, 1, 1]) == 0.5
    assert clustering_accuracy([0, 0, 1, 1], [0, 1, 2, 3]) == 0.5


def test_accuracy_with_fewer_clusters_than_classes():
    assert clustering_accuracy([0, 1, 2, 3], [0, 0, 0, 0]) == 0.25


def test_accuracy_against_brute_force():
    from itertools import permutations

    rng = np.random.RandomState(0)
    y, pred = rng.randint(4, size=50), rng.randint(4, size=50)
    best = max(np.mean(np.array(perm)[pred] == y) for perm in permutations(range(4)))
    assert clustering_accuracy(y, pred) == pytest.approx(best)


def test_accuracy_input_errors():
    with pytest.raises(ValueError):
        clustering_accuracy([0, 1], [0])
    with pytest.raises(ValueError):
        clustering_accuracy([], [])


def test_report_keys():
    report = clustering_report([0, 0, 1, 1], [1, 1, 0, 0])
    assert report == {"ACC": 1.0, "NMI": 1.0, "ARI": 1.0}
