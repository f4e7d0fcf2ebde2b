export SKDEEPCLUSTER_FASHION_MNIST=$PWD/.gpu/fmnist PYTHONPATH=$PWD
G=benchmarks/results/compare_v03/ddlsc_gpu_grid/grid.py
OMP_NUM_THREADS=8 python $G --datasets fashion_mnist --seeds 0 1 2 --budget 300 --out $OUT/grid_fm2.jsonl \
 '{"_flat": true, "learning_rate": 0.0001, "embedding_dim": 120}' \
 '{"_flat": true, "embedding_dim": 120, "init": "spectral"}' \
 '{"_flat": true, "learning_rate": 0.0001, "init": "spectral"}' \
 '{"learning_rate": 0.0001}' \
 '{"embedding_dim": 120}' \
 '{"_flat": true, "learning_rate": 0.0003}' \
 '{"_flat": true, "embedding_dim": 240}' \
 '{"learning_rate": 0.0003}' \
 '{"_flat": true, "batch_size": 2000, "embedding_dim": 120}' > $OUT/grid_fm2.log 2>&1
python $G --summary $OUT/grid_fm2.jsonl
