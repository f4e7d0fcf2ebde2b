#!/usr/bin/env bash
# Every DAMIC benchmark in doc/benchmarks.rst, one after the other (about an
# hour on 2 CPU cores). Output goes to benchmarks/results/damic/
# (speed: benchmarks/results/damic_speed/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results/damic
speed=benchmarks/results/damic_speed
mkdir -p "$out" "$speed"
export OMP_NUM_THREADS=1
bench="python benchmarks/bench.py --method damic"
python benchmarks/bench_damic_speed.py --clusters 10 50 100 --threads 1 | tee "$speed/damic_speed_digits.txt"
python benchmarks/bench_damic_speed.py --clusters 10 50 100 --threads 1 --hidden 32 16 | tee "$speed/damic_speed_digits_small.txt"
$bench --dataset digits --flat --seeds 0 1 2 --skip-kmeans | tee "$out/damic_digits_flat.txt"  # k-means: ../depict/depict_digits_flat.txt
$bench --dataset fashion_mnist --flat --params '{"hidden_layer_sizes": [256, 64], "n_pretrain_epochs": 20, "n_cluster_pretrain_epochs": 5, "n_epochs": 10, "batch_size": 256}' --seeds 0 | tee "$out/damic_fmnist_flat.txt"
python benchmarks/bench_damic_text.py --seeds 0 --params '{"hidden_layer_sizes": [256, 64], "n_epochs": 20}' | tee "$out/damic_text_fortunes.txt"
