"""Augmentation of image inputs during training: the random shifts of
:func:`~skdeepcluster.data.shift_images` and the estimators' ``augment``."""

import numpy as np
import pytest
import torch

from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.data import shift_images

FAST = dict(hidden_layer_sizes=(16,), n_filters=(4, 4), n_pretrain_epochs=2, n_epochs=1,
            batch_size=30, device="cpu", random_state=0)


def _naive_shift(image, dy, dx):
    """``image`` (C, H, W) moved down by ``dy`` and right by ``dx`` pixels,
    the pixels from outside repeating the nearest edge pixel."""
    _, height, width = image.shape
    rows = np.clip(np.arange(height) - dy, 0, height - 1)
    cols = np.clip(np.arange(width) - dx, 0, width - 1)
    return image[:, rows][:, :, cols]


def test_each_image_is_shifted_within_max_shift_with_edges_repeated():
    rng = np.random.RandomState(0)
    images = torch.as_tensor(rng.uniform(size=(40, 2, 5, 6)), dtype=torch.float32)
    shifted = shift_images(images, 2, torch.Generator().manual_seed(0)).numpy()
    assert shifted.shape == images.shape
    moves = set()
    for image, result in zip(images.numpy(), shifted):
        # the one shift of the allowed range that explains the result
        matches = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)
                   if np.array_equal(_naive_shift(image, dy, dx), result)]
        assert len(matches) == 1
        moves.add(matches[0])
    assert len(moves) > 10  # each image draws its own shift


def test_shifts_come_from_the_generator_only():
    images = torch.rand(8, 1, 6, 6, generator=torch.Generator().manual_seed(1))
    first = shift_images(images, 1, torch.Generator().manual_seed(3))
    again = shift_images(images, 1, torch.Generator().manual_seed(3))
    torch.testing.assert_close(first, again, rtol=0, atol=0)
    assert shift_images(images, 0, torch.Generator()) is images


def test_augmenter_shifts_the_unscaled_pixels(tiny_images):
    model = DiscriminativeLatentClustering(3, image_shape=(1, 8, 8), scaling="standard",
                                           augment=True, **FAST)
    model.fit(tiny_images)
    augment = model._augmenter(torch.Generator().manual_seed(0))
    x = torch.as_tensor((tiny_images - model.scale_offset_) * model.scale_factor_,
                        dtype=torch.float32)
    raw = (augment(x).numpy() / model.scale_factor_ + model.scale_offset_).reshape(-1, 1, 8, 8)
    images = tiny_images.reshape(-1, 1, 8, 8)
    # 8 x 8 images move by at most one pixel (AUGMENT_SHIFT of 8, at least 1)
    for image, result in zip(images, raw):
        assert any(np.allclose(_naive_shift(image, dy, dx), result, atol=1e-4)
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1))


def test_auto_is_off_for_flat_features(blobs):
    X, _ = blobs
    auto = DiscriminativeLatentClustering(3, augment="auto", **FAST).fit(X)
    off = DiscriminativeLatentClustering(3, augment=False, **FAST).fit(X)
    assert auto._augmenter(torch.Generator()) is None
    np.testing.assert_array_equal(auto.labels_, off.labels_)
    np.testing.assert_array_equal(auto.transform(X), off.transform(X))


def test_auto_is_on_for_images_and_reproducible(tiny_images):
    params = dict(image_shape=(1, 8, 8), augment="auto", **FAST)
    auto = DiscriminativeLatentClustering(3, **params).fit(tiny_images)
    again = DiscriminativeLatentClustering(3, **params).fit(tiny_images)
    off = DiscriminativeLatentClustering(3, image_shape=(1, 8, 8), augment=False, **FAST)
    off.fit(tiny_images)
    assert auto._augmenter(torch.Generator()) is not None
    np.testing.assert_array_equal(auto.transform(tiny_images), again.transform(tiny_images))
    assert not np.allclose(auto.transform(tiny_images), off.transform(tiny_images))


def test_augment_true_needs_images(blobs):
    X, _ = blobs
    with pytest.raises(ValueError, match="augment=True shifts images, but image_shape is None"):
        DiscriminativeLatentClustering(3, augment=True, **FAST).fit(X)
