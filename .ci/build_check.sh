#!/usr/bin/env bash
# CI: the distribution builds (wheel and sdist), passes `twine check`, and the
# wheel installed in a fresh virtual environment imports and runs the CLI.
set -euxo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" -m venv "$WORK/tools"
"$WORK/tools/bin/python" -m pip install --upgrade pip build twine
"$WORK/tools/bin/python" -m build --outdir "$WORK/dist" .
ls -l "$WORK/dist"
test "$(ls "$WORK"/dist/*.whl | wc -l)" -eq 1
test "$(ls "$WORK"/dist/*.tar.gz | wc -l)" -eq 1
"$WORK/tools/bin/python" -m twine check --strict "$WORK"/dist/*

"$PYTHON" -m venv "$WORK/venv"
VENV_PY="$WORK/venv/bin/python"
"$VENV_PY" -m pip install --upgrade pip
"$VENV_PY" -m pip install torch==2.13.0
"$VENV_PY" -m pip install "$WORK"/dist/*.whl
# Away from the source tree, so the installed wheel is what runs.
cd "$WORK"
"$VENV_PY" -c "import skdeepcluster, sys; print(skdeepcluster.__version__, skdeepcluster.__file__); sys.exit('skdeepcluster imported from the source tree' if 'site-packages' not in skdeepcluster.__file__ else 0)"
"$VENV_PY" -m skdeepcluster --help
"$WORK/venv/bin/skdeepcluster" --help > /dev/null
