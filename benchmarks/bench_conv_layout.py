"""CPU time of a training step of each convolutional network, in the
default (contiguous) and the channels-last memory layout.

For each network of :mod:`skdeepcluster.nn` that takes images, one forward
and backward pass (and an Adam step) on a batch of random 28x28 images, the
best of ``--repeats`` runs, with the network's weights as contiguous and as
channels-last tensors (the same values), and the largest gradient
difference between the two layouts relative to the largest gradient. Then
batch normalisation alone, its outputs against float64's in each layout.
Run from the repository root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/bench_conv_layout.py

Each network is initialised as its estimator initialises it
(``glorot_init_`` or ``damic_init_``), then timed as built and converted to
each layout; "grad diff" is the largest difference between the two
layouts' gradients of the first step, relative to the largest gradient.
Which layout a builder returns is its own choice (see the comments of
:func:`~skdeepcluster.nn.build_ddlsc_conv` and
:func:`~skdeepcluster.nn.build_jule_conv`).
"""

import argparse
import copy
import time

import torch

from skdeepcluster.nn import (
    build_damic_autoencoders,
    build_damic_clustering_network,
    build_ddlsc_conv,
    build_depict_conv,
    build_jule_conv,
    damic_init_,
    glorot_init_,
)

SHAPE = (1, 28, 28)


def initialised(build, init):
    """``build``, its weights set as its estimator sets them (``init``)."""
    return lambda: init(build(), torch.Generator().manual_seed(0))


#: name -> (builder of the initialised network, batch size of its estimator's default fit)
NETWORKS = {
    "DiscriminativeLatentClustering": (
        initialised(lambda: build_ddlsc_conv(SHAPE, embedding_dim=60), glorot_init_), 1000),
    "DEPICT": (initialised(lambda: build_depict_conv(SHAPE, 10, embedding_dim=10), glorot_init_), 100),
    "JULE": (initialised(lambda: build_jule_conv(SHAPE), glorot_init_), 100),
    "DAMIC, 10 autoencoders": (initialised(
        lambda: build_damic_autoencoders(10, 784, bottleneck=10, image_shape=SHAPE), damic_init_), 256),
    "DAMIC, clustering network": (initialised(
        lambda: build_damic_clustering_network(784, 10, image_shape=SHAPE), damic_init_), 256),
}


def loss_of(network, x):
    """A scalar that depends on every output of ``network`` (the
    reconstruction and the code, or the embedding, or the log-probabilities):
    each output's mean product with fixed random weights (not its squared
    norm, which is constant for JULE's L2-normalised embedding)."""
    if hasattr(network, "encode_layers"):  # DEPICT's ladder
        layers = network.encode_layers(x)
        outputs = (*network.decode_layers(layers[-1]), layers[-1])
    else:
        outputs = network(x)
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    generator = torch.Generator().manual_seed(1)
    return sum((out * torch.randn(out.shape, generator=generator)).mean()
               for out in outputs if torch.is_tensor(out))


def step_time(network, x, repeats):
    """Best CPU seconds of one training step, and the last step's gradients."""
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-3)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        loss = loss_of(network, x)
        optimizer.zero_grad()
        loss.backward()
        grads = [p.grad.clone() for p in network.parameters() if p.grad is not None]
        optimizer.step()
        best = min(best, time.process_time() - start)
    return best, grads


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=4)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, 1 thread; CPU s per step (best of {args.repeats})")
    print(f"{'network':32s} {'batch':>5s}  {'contiguous':>10s}  {'channels-last':>13s}  "
          f"{'speed-up':>8s}  grad diff")
    for name, (build, batch) in NETWORKS.items():
        torch.manual_seed(0)
        network = build().to(memory_format=torch.contiguous_format)
        x = torch.rand(batch, SHAPE[0] * SHAPE[1] * SHAPE[2])
        last = copy.deepcopy(network).to(memory_format=torch.channels_last)
        plain, g_plain = step_time(network, x, 1)  # the first step's gradients, same weights
        channels, g_last = step_time(last, x, 1)
        plain = min(plain, step_time(network, x, args.repeats)[0])
        channels = min(channels, step_time(last, x, args.repeats)[0])
        scale = max(float(g.abs().max()) for g in g_plain)
        diff = max(float((a - b).abs().max()) for a, b in zip(g_plain, g_last)) / scale
        print(f"{name:32s} {batch:5d}  {plain:10.3f}  {channels:13.3f}  {plain / channels:7.2f}x  "
              f"{diff:.1e}", flush=True)
    print("\nbatch normalisation (training) of 1,000 maps of 16 x 14 x 14, mean m + N(0, 1):"
          " largest error against float64")
    for mean in (0.0, 10.0, 100.0):
        x = mean + torch.randn(1000, 16, 14, 14, generator=torch.Generator().manual_seed(0))
        with torch.no_grad():
            reference = torch.nn.BatchNorm2d(16).double()(x.double())
        errors = []
        for layout in (torch.contiguous_format, torch.channels_last):
            norm = torch.nn.BatchNorm2d(16).to(memory_format=layout)
            with torch.no_grad():
                out = norm(x.contiguous(memory_format=layout)).double()
            errors.append(float((out - reference).abs().max()))
        print(f"  m = {mean:5.0f}: contiguous {errors[0]:.1e}, channels-last {errors[1]:.1e}")


if __name__ == "__main__":
    main()
