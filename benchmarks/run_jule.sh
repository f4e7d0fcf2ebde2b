#!/usr/bin/env bash
# Every JULE benchmark in doc/benchmarks.rst, one after the other. Output goes
# to benchmarks/results/jule/ (the scale table: benchmarks/results/jule_scale/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results/jule
scale=benchmarks/results/jule_scale
mkdir -p "$out" "$scale"
bench="python benchmarks/bench.py --method jule"
$bench --dataset digits --flat --seeds 0 1 2 | tee "$out/jule_digits_flat.txt"
$bench --dataset digits --flat --params '{"final_clustering": "sf"}' --seeds 0 1 2 --skip-kmeans | tee "$out/jule_digits_flat_sf.txt"
$bench --dataset digits --flat --params '{"size_cap": null}' --seeds 0 1 2 --skip-kmeans | tee "$out/jule_digits_flat_nocap.txt"
$bench --dataset fashion_mnist --flat --seeds 0 | tee "$out/jule_fmnist_flat.txt"
$bench --dataset fashion_mnist --flat --params '{"size_cap": null}' --seeds 0 --skip-kmeans | tee "$out/jule_fmnist_flat_nocap.txt"
$bench --dataset fashion_mnist --params '{"n_epochs": 5}' --seeds 0 --skip-kmeans | tee "$out/jule_fmnist_conv.txt"
python benchmarks/bench_jule_scale.py --sizes 10000 20000 40000 70000 | tee "$scale/jule_scale.txt"
