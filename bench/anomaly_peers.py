"""scikit-learn's anomaly detectors on one split: the peers of energy-gan's tribuo-bench.

Usage: python3 anomaly_peers.py TRAIN.csv TEST.csv SEED NU

Each CSV has a header row, then one example per line: the label first (0 = expected, 1 =
anomalous), then the features. The training file holds expected examples only. The detectors are
used as a user would pick them up, with scikit-learn's defaults except where a setting is shared
with the other methods of the run:
  IsolationForest(random_state=SEED)
  OneClassSVM(nu=NU)                      (RBF kernel, gamma='scale')
  LocalOutlierFactor(novelty=True)        (20 neighbours)
Each one's anomaly score is minus its score_samples (higher = more anomalous). Prints one JSON
object: scikit-learn's version and, per detector, AUROC, AUPRC (average precision), and its
training and scoring seconds.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.neighbors import LocalOutlierFactor
from sklearn.svm import OneClassSVM


def load(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    return data[:, 1:], data[:, 0].astype(int)


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: anomaly_peers.py TRAIN.csv TEST.csv SEED NU")
    train_path, test_path = sys.argv[1], sys.argv[2]
    seed, nu = int(sys.argv[3]), float(sys.argv[4])
    x_train, y_train = load(train_path)
    x_test, y_test = load(test_path)
    if y_train.any():
        sys.exit(f"{train_path}: the training examples must all be expected (label 0)")
    if x_train.shape[1] != x_test.shape[1]:
        sys.exit(f"{x_train.shape[1]} training features but {x_test.shape[1]} test features")
    if y_test.min() == y_test.max():
        sys.exit(f"{test_path}: the test examples need both labels")
    detectors = [
        ("IsolationForest", IsolationForest(random_state=seed)),
        ("OneClassSVM", OneClassSVM(nu=nu)),
        ("LocalOutlierFactor", LocalOutlierFactor(novelty=True)),
    ]
    methods = []
    for name, detector in detectors:
        begin = time.perf_counter()
        detector.fit(x_train)
        trained = time.perf_counter()
        scores = -detector.score_samples(x_test)
        scored = time.perf_counter()
        methods.append(
            {
                "name": name,
                "auroc": float(roc_auc_score(y_test, scores)),
                "auprc": float(average_precision_score(y_test, scores)),
                "train_seconds": trained - begin,
                "score_seconds": scored - trained,
            }
        )
    print(json.dumps({"sklearn": sklearn.__version__, "methods": methods}))


if __name__ == "__main__":
    main()
