#!/usr/bin/env bash
# Every DiscriminativeLatentClustering benchmark in doc/benchmarks.rst, one
# after the other. Output goes to benchmarks/results/ddlsc/. Set
# OMP_NUM_THREADS to choose the torch threads (the documented runs:
# OMP_NUM_THREADS=1, on 2 cores shared with other jobs). The last two runs are
# long on a CPU: the convolutional one did not finish in 35 minutes on the
# shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results/ddlsc
mkdir -p "$out"
bench="python benchmarks/bench.py --method ddlsc"
fm='"n_pretrain_epochs": 30, "n_epochs": 15'
$bench --dataset digits --flat --params '{"scaling": "minmax"}' --seeds 0 1 2 | tee "$out/ddlsc_digits_flat.txt"
$bench --dataset digits --flat --seeds 0 1 2 --skip-kmeans | tee "$out/ddlsc_digits_flat_standard.txt"
$bench --dataset digits --params '{"scaling": "minmax"}' --seeds 0 1 2 --skip-kmeans | tee "$out/ddlsc_digits_conv.txt"
$bench --dataset fashion_mnist --flat --params "{\"scaling\": \"minmax\", $fm}" --seeds 0 1 2 | tee "$out/ddlsc_fmnist_flat.txt"
$bench --dataset fashion_mnist_all --flat --params '{"scaling": "minmax", "n_pretrain_epochs": 20, "n_epochs": 10}' --seeds 0 | tee "$out/ddlsc_fmnist_all_flat.txt"
$bench --dataset fashion_mnist --params "{\"scaling\": \"minmax\", $fm}" --seeds 0 --skip-kmeans | tee "$out/ddlsc_fmnist_conv.txt"
