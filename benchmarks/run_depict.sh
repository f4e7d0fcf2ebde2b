#!/usr/bin/env bash
# Every DEPICT benchmark in doc/benchmarks.rst, one after the other (about an
# hour on 2 CPU cores). Logs go to benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
mkdir -p "$out"
python benchmarks/bench_depict.py --dataset digits --flat --params '{"scaling": "minmax"}' --seeds 0 1 2 | tee "$out/depict_digits_flat.txt"
python benchmarks/bench_depict.py --dataset digits --seeds 0 1 2 --skip-kmeans | tee "$out/depict_digits_conv.txt"
python benchmarks/bench_depict.py --dataset fashion_mnist --flat --params '{"scaling": "minmax", "n_pretrain_epochs": 50, "n_epochs": 50}' --seeds 0 1 2 | tee "$out/depict_fmnist_flat.txt"
python benchmarks/bench_depict.py --dataset fashion_mnist --params '{"n_pretrain_epochs": 30, "n_epochs": 30}' --seeds 0 --skip-kmeans | tee "$out/depict_fmnist_conv.txt"
