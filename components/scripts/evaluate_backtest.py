"""Backtest evaluation: score holdout predictions in consecutive time windows.

A model can look good on average over the holdout and still be degrading towards its end. This
scores each of the last `windows` windows of `window_days` days on its own and reports the mean,
the worst window and the trend (score change per window), so the pipeline can gate on stability.
"""
import json
import os

import numpy as np
from scipy import stats

HIGHER_IS_BETTER = {"auc": True, "logloss": False}
DAY = 86400.0


def auc(labels, scores):
    """ROC AUC as the Mann-Whitney U of positive against negative scores (ties count half)."""
    labels = np.asarray(labels)
    scores = np.asarray(scores, dtype=float)
    pos, neg = scores[labels == 1], scores[labels == 0]
    if len(pos) == 0 or len(neg) == 0:
        return None
    return float(stats.mannwhitneyu(pos, neg).statistic / (len(pos) * len(neg)))


def log_loss(labels, probs, eps=1e-15):
    """Mean binary cross-entropy with probabilities clipped away from 0 and 1."""
    y = np.asarray(labels, dtype=float)
    p = np.clip(np.asarray(probs, dtype=float), eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))) if len(y) else None


METRICS = {"auc": auc, "logloss": log_loss}


def window_edges(end, window_days, windows):
    """(start, end) epoch seconds of the last `windows` windows before `end`, oldest first."""
    return [(end - (windows - i) * window_days * DAY, end - (windows - i - 1) * window_days * DAY) for i in range(windows)]


def evaluate(times, labels, scores, metric, end, window_days, windows, min_rows=50):
    """Scores each window; windows with fewer than `min_rows` rows (or one class) are reported but not scored."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of {sorted(METRICS)}")
    times = np.asarray(times, dtype=float)
    labels = np.asarray(labels)
    scores = np.asarray(scores, dtype=float)
    rows = []
    for start, stop in window_edges(end, window_days, windows):
        mask = (times >= start) & (times < stop)
        value = METRICS[metric](labels[mask], scores[mask]) if mask.sum() >= min_rows else None
        rows.append({"start": start, "end": stop, "rows": int(mask.sum()), "score": value})
    scored = [r["score"] for r in rows if r["score"] is not None]
    if len(scored) < 2:
        raise ValueError(f"only {len(scored)} of {windows} windows have {min_rows}+ rows with both classes; widen the windows or lower min_rows")
    worst = min(scored) if HIGHER_IS_BETTER[metric] else max(scored)
    positions = [i for i, r in enumerate(rows) if r["score"] is not None]
    trend = float(np.polyfit(positions, scored, 1)[0])
    return {"metric": metric, "windows": rows, "mean": float(np.mean(scored)), "worst": float(worst), "std": float(np.std(scored)), "trend": trend}


def read_columns(path):
    """A table as {column: list of values, None for missing}: Parquet through pandas (what the
    warehouse extract writes), or CSV with a header row through the standard library (a local
    sample, e.g. for `argosy run --local`; its values stay text)."""
    with open(path, "rb") as f:
        parquet = f.read(4) == b"PAR1"
    if parquet:
        import pandas as pd

        frame = pd.read_parquet(path)
        return {c: [None if pd.isna(v) else v for v in frame[c].tolist()] for c in frame.columns}
    import csv

    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    columns = list(rows[0].keys()) if rows else []
    return {c: [None if r[c] in ("", None) else r[c] for r in rows] for c in columns}


def epoch_seconds(value):
    """Seconds since the epoch of a timestamp: a datetime (naive means UTC), ISO 8601 text, or
    integer nanoseconds, as pandas.to_datetime(utc=True) reads them."""
    import datetime

    if isinstance(value, (int, float)):
        return value / 1e9
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.timestamp()


def main():
    frame = read_columns(os.environ["INPUT_PREDICTIONS"])
    times = np.asarray([epoch_seconds(v) for v in frame[os.environ["INPUT_TIME_COLUMN"]]], dtype=float)
    labels, scores = (np.asarray([float(v) for v in frame[c]]) for c in ("label", "score"))
    end = float(times.max()) + 1.0
    report = evaluate(times, labels, scores, os.environ["INPUT_METRIC"], end, int(os.environ["INPUT_WINDOW_DAYS"]), int(os.environ["INPUT_WINDOWS"]))
    print(f"{report['metric']}: mean {report['mean']:.4f}, worst window {report['worst']:.4f}, trend {report['trend']:+.4f}/window")
    outputs = {"OUTPUT_MEAN_SCORE": repr(report["mean"]), "OUTPUT_WORST_SCORE": repr(report["worst"]), "OUTPUT_REPORT": json.dumps(report, indent=2)}
    for key, text in outputs.items():
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        with open(os.environ[key], "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
