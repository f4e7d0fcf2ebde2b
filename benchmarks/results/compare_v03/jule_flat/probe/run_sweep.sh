#!/bin/bash
# Usage: run_sweep.sh DATASET SEED CONFIGS_FILE LOG (from the repository root)
# Runs probe.py on every line of CONFIGS_FILE, two at a time, appending to LOG.
export OMP_NUM_THREADS=1
P=benchmarks/results/compare_v03/jule_flat/probe
tr '\n' '\0' < "$3" | xargs -0 -P 2 -I{} sh -c "python $P/probe.py $1 $2 '{}' 2>/dev/null >> $4"
