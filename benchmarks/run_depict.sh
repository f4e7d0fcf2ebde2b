#!/usr/bin/env bash
# Every DEPICT benchmark in doc/benchmarks.rst, one after the other (about an
# hour on 2 CPU cores). Output goes to benchmarks/results/depict/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results/depict
mkdir -p "$out"
bench="python benchmarks/bench.py --method depict"
$bench --dataset digits --flat --params '{"scaling": "minmax"}' --seeds 0 1 2 | tee "$out/depict_digits_flat.txt"
$bench --dataset digits --flat --params '{"scaling": "minmax", "init": "kmeans"}' --seeds 0 1 2 --skip-kmeans | tee "$out/depict_digits_flat_kmeans_init.txt"
$bench --dataset digits --seeds 0 1 2 --skip-kmeans | tee "$out/depict_digits_conv.txt"
$bench --dataset fashion_mnist --flat --params '{"scaling": "minmax", "n_pretrain_epochs": 50, "n_epochs": 50}' --seeds 0 1 2 | tee "$out/depict_fmnist_flat.txt"
$bench --dataset fashion_mnist --params '{"n_pretrain_epochs": 30, "n_epochs": 30}' --seeds 0 --skip-kmeans | tee "$out/depict_fmnist_conv.txt"
$bench --dataset fashion_mnist_all --flat --params '{"scaling": "minmax", "n_pretrain_epochs": 30, "n_epochs": 30}' --seeds 0 | tee "$out/depict_fmnist_all_flat.txt"
$bench --dataset fashion_mnist_all --flat --params '{"scaling": "minmax", "n_pretrain_epochs": 30, "n_epochs": 30, "init": "gdl"}' --seeds 0 --skip-kmeans | tee "$out/depict_fmnist_all_flat_gdl_init.txt"
