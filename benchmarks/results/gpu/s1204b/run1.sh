set -x
export SKDEEPCLUSTER_FASHION_MNIST=$PWD/.gpu/fmnist PYTHONPATH=$PWD
python -c "import sklearn" 2>/dev/null || pip install -q --no-deps .gpu/whl/*.whl
nvidia-smi -L; nproc
python -c "import torch, sklearn, numpy; print(torch.__version__, sklearn.__version__, numpy.__version__, torch.cuda.is_available())"
git log --oneline -1 2>/dev/null
# A: the CUDA tests at this tree, in the background
(timeout 300 python -m pytest -q -p no:cacheprovider tests/test_cuda.py > $OUT/pytest_cuda.txt 2>&1; echo "rc $?" >> $OUT/pytest_cuda.txt) &
# C: 1 against 2 (and 4) gloo processes on the CPU, the digits, one thread each, cores free
(for m in depict jule damic ddlsc; do
  OMP_NUM_THREADS=1 timeout 120 python benchmarks/bench_distributed.py --method $m --seed 0 --out $OUT/dist16.jsonl
  OMP_NUM_THREADS=1 timeout 120 torchrun --standalone --nproc_per_node=2 benchmarks/bench_distributed.py --method $m --seed 0 --out $OUT/dist16.jsonl
  OMP_NUM_THREADS=1 timeout 120 torchrun --standalone --nproc_per_node=4 benchmarks/bench_distributed.py --method $m --seed 0 --out $OUT/dist16.jsonl
done > $OUT/dist16.log 2>&1; python benchmarks/bench_distributed.py --summary $OUT/dist16.jsonl > $OUT/dist16_summary.txt 2>&1) &
# D: the DDLSC grid on Fashion-MNIST
G=benchmarks/results/compare_v03/ddlsc_gpu_grid/grid.py
OMP_NUM_THREADS=4 python $G --datasets fashion_mnist --seeds 0 1 2 --budget 360 --out $OUT/grid_fm.jsonl \
 '{"_flat": true}' \
 '{"_flat": true, "batch_size": 2000, "init": "spectral"}' \
 '{"_flat": true, "_anchors": "mutual", "n_neighbors": 10, "init": "spectral"}' \
 '{"_flat": true, "hidden_layer_sizes": [500, 500, 2000]}' \
 '{}' \
 '{"_anchors": "mutual", "n_neighbors": 10}' \
 '{"_flat": true, "alpha": 0.5}' \
 '{"_flat": true, "lambda_w": 1.0}' \
 '{"alpha": 0.5}' \
 '{"_flat": true, "embedding_dim": 120}' \
 '{"lambda_pretrain": 1.0}' \
 '{"_flat": true, "lambda_pretrain": 1.0}' \
 '{"_flat": true, "learning_rate": 0.0001}' > $OUT/grid_fm.log 2>&1
python $G --summary $OUT/grid_fm.jsonl
wait
cat $OUT/pytest_cuda.txt | tail -5; cat $OUT/dist16_summary.txt
