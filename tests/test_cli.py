import subprocess
import sys

import numpy as np
import pytest

from skdeepcluster.__main__ import main


def test_help_documents_the_options():
    out = subprocess.run(
        [sys.executable, "-m", "skdeepcluster", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for option in ("--method", "--dataset", "--n-clusters", "--epochs", "--device", "--output"):
        assert option in out


def test_cli_on_a_named_dataset(tmp_path, capsys):
    out_file = tmp_path / "labels.txt"
    assert main(["--dataset", "iris", "--epochs", "1", "--pretrain-epochs", "1",
                 "--device", "cpu", "--output", str(out_file)]) == 0
    printed = capsys.readouterr().out
    assert "k-means" in printed and "depict" in printed and "ACC" in printed
    labels = np.loadtxt(out_file)
    assert labels.shape == (150,) and set(np.unique(labels)) <= {0, 1, 2}


def test_cli_on_npy_and_csv_files(tmp_path, capsys):
    rng = np.random.RandomState(0)
    X = rng.normal(size=(40, 3))
    np.save(tmp_path / "x.npy", X)
    np.savetxt(tmp_path / "x.csv", X, delimiter=",")
    np.savetxt(tmp_path / "y.txt", np.repeat([0, 1], 20), fmt="%d")
    assert main(["--dataset", str(tmp_path / "x.npy"), "--n-clusters", "2", "--epochs", "1",
                 "--pretrain-epochs", "1", "--output", str(tmp_path / "l.npy")]) == 0
    assert np.load(tmp_path / "l.npy").shape == (40,)
    assert main(["--dataset", str(tmp_path / "x.csv"), "--labels", str(tmp_path / "y.txt"),
                 "--epochs", "1", "--pretrain-epochs", "1", "--no-kmeans"]) == 0
    printed = capsys.readouterr().out
    assert "2 clusters" in printed


@pytest.mark.filterwarnings("ignore:Only . of the n_clusters:sklearn.exceptions.ConvergenceWarning")
def test_cli_on_image_arrays(tmp_path, capsys):
    images = np.random.RandomState(0).uniform(size=(30, 16, 16))
    np.save(tmp_path / "img.npy", images)
    assert main(["--dataset", str(tmp_path / "img.npy"), "--n-clusters", "3", "--epochs", "1",
                 "--pretrain-epochs", "1", "--no-kmeans"]) == 0
    assert "images (1, 16, 16)" in capsys.readouterr().out
    # Images under 16x16 go in as flat rows unless --image-shape says otherwise.
    np.save(tmp_path / "small.npy", images[:, :8, :8])
    args = ["--dataset", str(tmp_path / "small.npy"), "--n-clusters", "3", "--epochs", "1",
            "--pretrain-epochs", "1", "--no-kmeans"]
    assert main(args) == 0
    assert "images" not in capsys.readouterr().out
    assert main([*args, "--image-shape", "1,8,8"]) == 0
    assert "images (1, 8, 8)" in capsys.readouterr().out


def test_cli_unknown_dataset():
    with pytest.raises(SystemExit, match="no dataset named"):
        main(["--dataset", "no_such_thing"])


def test_cli_runs_jule_and_refuses_options_that_do_not_apply(capsys):
    assert main(["--method", "jule", "--dataset", "iris", "--epochs", "1", "--device", "cpu",
                 "--no-kmeans"]) == 0
    assert "jule" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="--pretrain-epochs does not apply to --method jule"):
        main(["--method", "jule", "--dataset", "iris", "--pretrain-epochs", "1"])
def test_cli_runs_damic(capsys):
    assert main(["--method", "damic", "--dataset", "iris", "--epochs", "1",
                 "--pretrain-epochs", "1", "--device", "cpu", "--no-kmeans"]) == 0
    printed = capsys.readouterr().out
    assert "damic" in printed and "ACC" in printed
