export SKDEEPCLUSTER_FASHION_MNIST=$PWD/.gpu/fmnist PYTHONPATH=$PWD
G=benchmarks/results/compare_v03/ddlsc_gpu_grid/grid.py
OMP_NUM_THREADS=8 python $G --datasets fashion_mnist --seeds 0 1 2 --budget 110 --out $OUT/grid_fm3.jsonl \
 '{"_flat": true, "batch_size": 2000, "embedding_dim": 120, "learning_rate": 0.0001}' \
 '{"_flat": true, "batch_size": 2000, "learning_rate": 0.0001}' \
 '{"_flat": true, "learning_rate": 0.0001, "n_pretrain_epochs": 200}' \
 '{"lambda_w": 1.0}' \
 '{"n_neighbors": 1}' \
 '{"_flat": true, "learning_rate": 0.0001, "embedding_dim": 120, "init": "spectral"}' > $OUT/grid_fm3.log 2>&1
python $G --summary $OUT/grid_fm3.jsonl
