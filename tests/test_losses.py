"""The loss maths against naive reference formulas written with loops."""

import math

import numpy as np
import pytest
import torch

from skdeepcluster.losses import (
    balanced_targets,
    depict_objective,
    layerwise_reconstruction_loss,
    neighbor_smoothed,
    soft_cross_entropy,
)


@pytest.fixture
def proba():
    rng = np.random.RandomState(0)
    logits = rng.normal(scale=2.0, size=(7, 4))
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    return p


def naive_targets(p, a, b):
    n, k = p.shape
    f = [sum(p[i][j] for i in range(n)) for j in range(k)]
    q = np.zeros_like(p)
    for i in range(n):
        denom = sum(p[i][j] ** a / f[j] ** b for j in range(k))
        for j in range(k):
            q[i][j] = (p[i][j] ** a / f[j] ** b) / denom
    return q


def test_squared_rule_matches_naive_formula(proba):
    log_q = balanced_targets(torch.log(torch.tensor(proba)), rule="squared")
    np.testing.assert_allclose(log_q.exp().numpy(), naive_targets(proba, 2, 1), rtol=1e-10)


def test_paper_eq7_matches_naive_formula(proba):
    log_q = balanced_targets(torch.log(torch.tensor(proba)), rule="sqrt")
    np.testing.assert_allclose(log_q.exp().numpy(), naive_targets(proba, 1, 0.5), rtol=1e-10)


def test_targets_are_stable_for_extreme_logits():
    logits = torch.tensor([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 0.0]])
    log_q = balanced_targets(torch.log_softmax(logits, 1))
    assert torch.isfinite(log_q).all()
    np.testing.assert_allclose(log_q.exp().sum(1).numpy(), 1.0, rtol=1e-6)


def test_squared_rule_sharpens_and_balances():
    # Two clusters, the first one predicted for most samples: the targets
    # move mass towards the rarer cluster and sharpen confident rows.
    p = torch.tensor([[0.9, 0.1]] * 8 + [[0.4, 0.6]] * 2, dtype=torch.float64)
    q = balanced_targets(p.log()).exp()
    assert q[:, 1].mean() > p[:, 1].mean()
    assert q[-1, 1] > p[-1, 1]


def test_neighbor_smoothing_matches_naive_formula(proba):
    neighbors = np.array([[1, 2], [0, 6], [3, 4], [2, 5], [5, 6], [0, 0], [1, 3]])
    smoothed = neighbor_smoothed(torch.log(torch.tensor(proba)), torch.tensor(neighbors), 0.3)
    expected = [0.3 * proba[i] + 0.7 * proba[row].mean(0) for i, row in enumerate(neighbors)]
    np.testing.assert_allclose(smoothed.exp().numpy(), expected, rtol=1e-10)
    # A sample whose neighbours agree with it is left as it is.
    same = neighbor_smoothed(torch.log(torch.tensor(proba)), torch.zeros(7, 3, dtype=torch.long), 0.5)
    np.testing.assert_allclose(same[0].exp().numpy(), proba[0], rtol=1e-10)


def test_soft_cross_entropy_matches_naive_formula(proba):
    rng = np.random.RandomState(1)
    q = rng.dirichlet(np.ones(4), size=7)
    naive = -sum(q[i][k] * math.log(proba[i][k]) for i in range(7) for k in range(4)) / 7
    got = soft_cross_entropy(torch.tensor(q), torch.log(torch.tensor(proba)))
    assert got.item() == pytest.approx(naive, rel=1e-12)


def test_soft_cross_entropy_gives_no_gradient_to_targets(proba):
    q = torch.tensor(proba, requires_grad=True)
    log_p = torch.log(torch.tensor(proba)).requires_grad_()
    soft_cross_entropy(q, log_p).backward()
    assert q.grad is None and log_p.grad is not None


def test_depict_objective_matches_eq4(proba):
    q = naive_targets(proba, 2, 1)
    n, k = q.shape
    f = q.mean(0)
    naive = sum(
        q[i][j] * math.log(q[i][j] / proba[i][j]) + q[i][j] * math.log(f[j] / (1 / k))
        for i in range(n) for j in range(k)
    ) / n
    got = depict_objective(torch.log(torch.tensor(proba)), torch.log(torch.tensor(q)))
    assert got.item() == pytest.approx(naive, rel=1e-10)


def test_depict_objective_is_zero_for_confident_balanced_assignments():
    p = torch.eye(3, dtype=torch.float64).repeat(2, 1) * (1 - 3e-12) + 1e-12
    assert depict_objective(p.log(), p.log()).item() == pytest.approx(0.0, abs=1e-9)


def test_joint_reconstruction_loss_matches_paper_weights():
    rng = np.random.RandomState(2)
    shapes = [(5, 12), (5, 3, 4, 4), (5, 6)]
    recs = [torch.tensor(rng.normal(size=s)) for s in shapes]
    targets = [torch.tensor(rng.normal(size=s)) for s in shapes]
    naive = 0.0
    for layer, (r, t) in enumerate(zip(recs, targets)):
        weight = 1.0 if layer == 0 else 0.1
        # eq. 12: mean over samples of ||z - z_hat||^2 / |z|
        per_sample = ((r - t) ** 2).reshape(5, -1).sum(1) / r[0].numel()
        naive += weight * per_sample.mean().item()
    got = layerwise_reconstruction_loss(recs, targets, hidden_weight=0.1)
    assert got.item() == pytest.approx(naive, rel=1e-12)


def test_reconstruction_loss_needs_matching_lists():
    with pytest.raises(ValueError, match="reconstructions"):
        layerwise_reconstruction_loss([torch.zeros(2)], [torch.zeros(2), torch.zeros(2)])
