"""The geometry of codes against naive formulas: cosine similarities,
anchor pairs and spherical centroids."""

import itertools

import numpy as np
import pytest
import torch

from skdeepcluster.geometry import (
    cosine_similarities,
    normalise_rows,
    select_anchors,
    spherical_centroids,
)


def _codes(n=9, d=4, seed=0):
    return torch.as_tensor(np.random.RandomState(seed).normal(size=(n, d)), dtype=torch.float64)


def test_normalise_rows_keeps_zero_rows():
    z = torch.tensor([[3.0, 4.0], [0.0, 0.0]])
    np.testing.assert_allclose(normalise_rows(z).numpy(), [[0.6, 0.8], [0.0, 0.0]])


def test_cosine_similarities():
    z = _codes()
    C = cosine_similarities(z).numpy()
    zs = z.numpy()
    for i, j in itertools.product(range(len(z)), repeat=2):
        expected = np.dot(zs[i], zs[j]) / (np.linalg.norm(zs[i]) * np.linalg.norm(zs[j]))
        assert C[i, j] == pytest.approx(float(expected))


def test_select_anchors_on_a_known_neighbour_structure():
    # Three tight pairs on a line with gaps 0.1, 0.2, 0.3 and far from each other.
    x = torch.tensor([[0.0], [0.1], [10.0], [10.2], [20.0], [20.3]])
    # 1-NN graph: 0<->1, 2<->3, 4<->5 (6 directed edges, distances .1 .1 .2 .2 .3 .3).
    anchors = select_anchors(x, n_neighbors=1, fraction=1.0)
    expected = np.zeros((6, 6), dtype=bool)
    for i, j in [(0, 1), (2, 3), (4, 5)]:
        expected[i, j] = expected[j, i] = True
    np.testing.assert_array_equal(anchors.numpy(), expected)
    # The closest third of the edges: the pair (0, 1) only.
    closest = select_anchors(x, n_neighbors=1, fraction=1 / 3).numpy()
    assert closest.sum() == 2 and closest[0, 1] and closest[1, 0]
    # Two neighbours each: sample 1's second neighbour is sample 2 (9.9 away),
    # the closest sample outside its pair; all edges kept.
    two = select_anchors(x, n_neighbors=2, fraction=1.0).numpy()
    assert two[1, 2] and two[2, 1] and not two[0, 4]
    assert (two == two.T).all() and not two.diagonal().any()
    assert not select_anchors(x, n_neighbors=3, fraction=0.0).any()
    assert not select_anchors(x[:1], n_neighbors=3, fraction=1.0).any()


def test_select_anchors_can_leave_empty_rows_out():
    # Rows of text and two empty ones: a text with no text nearer than 1 has
    # an empty row as its nearest (distance 1, as from every unit row).
    x = torch.tensor([[1.0, 0.0, 0.0, 0.0], [0.8, 0.0, 0.6, 0.0], [0.0, 1.0, 0.0, 0.0],
                      [0.0, 0.3, 0.0, 0.91], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
    empty = torch.tensor([False, False, False, False, True, True])
    anchors = select_anchors(x, n_neighbors=1, fraction=1.0)
    assert anchors[2:4][:, empty].any(dim=1).all()  # texts 2 and 3 anchored to an empty row
    kept = select_anchors(x, n_neighbors=1, fraction=1.0, skip_empty=True)
    expected = np.zeros((6, 6), dtype=bool)
    for i, j in [(0, 1), (2, 3)]:  # the texts' own nearest texts
        expected[i, j] = expected[j, i] = True
    np.testing.assert_array_equal(kept.numpy(), expected)
    np.testing.assert_array_equal(kept[:4, :4].numpy(),
                                  select_anchors(x[:4], n_neighbors=1, fraction=1.0).numpy())
    assert not select_anchors(x[4:], n_neighbors=1, fraction=1.0, skip_empty=True).any()


def test_spherical_centroids_keep_previous_for_empty_clusters():
    z = _codes(n=10, d=3)
    labels = torch.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
    centroids = spherical_centroids(z, labels, 4, previous=torch.eye(4, 3, dtype=z.dtype))
    zn = z.numpy() / np.linalg.norm(z.numpy(), axis=1, keepdims=True)
    for k in range(3):
        mean = zn[labels.numpy() == k].sum(0)
        np.testing.assert_allclose(centroids[k].numpy(), mean / np.linalg.norm(mean))
    np.testing.assert_array_equal(centroids[3].numpy(), [0, 0, 0])  # kept: empty


@pytest.mark.parametrize("fraction", [1.0, 0.3])
def test_select_anchors_are_the_closest_edges_of_the_knn_graph(fraction):
    """Against a brute-force search: each row's 3 nearest others (squared
    distances computed pair by pair), the ``fraction`` closest of those
    edges, made symmetric."""
    x = torch.as_tensor(np.random.RandomState(3).normal(size=(40, 6)), dtype=torch.float64)
    d2 = ((x[:, None, :] - x[None, :, :]) ** 2).sum(-1)
    d2.fill_diagonal_(float("inf"))
    edges = sorted((float(d2[i, j]), i, int(j)) for i in range(40)
                   for j in torch.argsort(d2[i])[:3])
    expected = np.zeros((40, 40), dtype=bool)
    for _, i, j in edges[:int(round(fraction * len(edges)))]:
        expected[i, j] = expected[j, i] = True
    np.testing.assert_array_equal(select_anchors(x, 3, fraction).numpy(), expected)
