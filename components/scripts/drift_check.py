"""Drift check: compare a current window of model inputs with the reference (training) window.

Per feature: Population Stability Index and Jensen-Shannon divergence for every feature,
Kolmogorov-Smirnov for numeric features and a chi-square test of homogeneity for categorical
ones. A feature drifts when any of its thresholded statistics rises above its threshold
(per-feature overrides of the defaults). Thresholds apply to effect sizes only: the KS distance
D and, for categorical features, Cramer's V of the chi-square test. Their p-values are reported
but never thresholded: on warehouse-sized windows (10^5 rows and more) a practically irrelevant
shift is still "significant", so a p-value limit would flag every feature every day. The model's
drift score is the share of drifted features and the model counts as drifted when the score is
above its threshold, the comparison its Prometheus alert makes. Writes a JSON report, Prometheus
text-format metrics (also pushed to a Pushgateway when one is configured) and the score and
verdict as outputs.
"""
import json
import math
import os
import time
import urllib.parse
import urllib.request

import numpy as np
from scipy import special, stats

DEFAULT_THRESHOLDS = {"psi": 0.2, "js": 0.1, "ks": 0.1, "cramers_v": 0.1}
NUMERIC_STATS = ("psi", "js", "ks")
CATEGORICAL_STATS = ("psi", "js", "cramers_v")
PSI_FLOOR = 1e-4  # empty bins would make PSI infinite
OTHER = "__other__"


def quantile_edges(reference, bins=10):
    """Inner bin edges at the reference's quantiles (duplicates merged), so bins hold equal reference mass."""
    qs = np.quantile(np.asarray(reference, dtype=float), np.linspace(0.0, 1.0, bins + 1)[1:-1])
    return np.unique(qs)


def numeric_proportions(values, edges):
    """Share of values per bin; the outer bins are open, so out-of-range values still count."""
    idx = np.searchsorted(edges, np.asarray(values, dtype=float), side="right")
    counts = np.bincount(idx, minlength=len(edges) + 1).astype(float)
    return counts / counts.sum()


def categorical_counts(reference, current):
    """Counts per category over the reference's categories; unseen current categories go to one extra bucket."""
    categories = sorted(set(map(str, reference)))
    index = {c: i for i, c in enumerate(categories)}
    ref = np.zeros(len(categories) + 1)
    cur = np.zeros(len(categories) + 1)
    for v in map(str, reference):
        ref[index[v]] += 1
    for v in map(str, current):
        cur[index.get(v, len(categories))] += 1
    return categories + [OTHER], ref, cur


def psi(expected, actual, floor=PSI_FLOOR):
    """Population Stability Index: sum((a - e) * ln(a / e)) over bins, proportions floored at `floor`."""
    e = np.clip(np.asarray(expected, dtype=float), floor, None)
    a = np.clip(np.asarray(actual, dtype=float), floor, None)
    return float(np.sum((a - e) * np.log(a / e)))


def js_divergence(p, q):
    """Jensen-Shannon divergence in bits (0 = identical, 1 = disjoint); the square of scipy's distance."""
    p = np.asarray(p, dtype=float) / np.sum(p)
    q = np.asarray(q, dtype=float) / np.sum(q)
    m = 0.5 * (p + q)

    def kl(x):
        nz = x > 0
        return float(np.sum(x[nz] * np.log2(x[nz] / m[nz])))

    return 0.5 * kl(p) + 0.5 * kl(q)


def ks_two_sample(reference, current):
    """Two-sample Kolmogorov-Smirnov: the largest gap between the empirical CDFs, with its asymptotic p-value."""
    a = np.sort(np.asarray(reference, dtype=float))
    b = np.sort(np.asarray(current, dtype=float))
    grid = np.concatenate([a, b])
    cdf_a = np.searchsorted(a, grid, side="right") / len(a)
    cdf_b = np.searchsorted(b, grid, side="right") / len(b)
    d = float(np.max(np.abs(cdf_a - cdf_b)))
    # Same large-sample distribution scipy's ks_2samp(method="asymp") uses.
    m, n = sorted([float(len(a)), float(len(b))], reverse=True)
    return d, float(stats.kstwo.sf(d, np.round(m * n / (m + n))))


def chi_square(reference_counts, current_counts):
    """Chi-square test of homogeneity of the 2 x k table (reference, current) x category, without
    continuity correction; categories empty in both windows are dropped. Returns the statistic,
    its p-value and Cramer's V = sqrt(chi2 / n) (for two rows min(r, c) - 1 = 1): the effect size,
    0 for identical distributions and 1 for disjoint ones, whatever the sample size."""
    table = np.vstack([np.asarray(reference_counts, dtype=float), np.asarray(current_counts, dtype=float)])
    table = table[:, table.sum(axis=0) > 0]
    n = table.sum()
    if table.shape[1] < 2:
        return 0.0, 1.0, 0.0
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / n
    statistic = float(np.sum((table - expected) ** 2 / expected))
    dof = table.shape[1] - 1
    return statistic, float(special.chdtrc(dof, statistic)), math.sqrt(statistic / n)


def thresholds_for(feature, config):
    merged = dict(DEFAULT_THRESHOLDS)
    merged.update(config.get("default", {}))
    merged.update(config.get("features", {}).get(feature, {}))
    return merged


def breached(value, threshold):
    """A thresholded statistic (an effect size or divergence) drifts when it rises above its limit."""
    return value > threshold


def feature_drift(name, kind, reference, current, config, bins=10):
    """Every statistic of one feature, with thresholds and whether the feature drifted."""
    if kind == "numeric":
        edges = quantile_edges(reference, bins)
        p, q = numeric_proportions(reference, edges), numeric_proportions(current, edges)
        d, p_value = ks_two_sample(reference, current)
        values = {"psi": psi(p, q), "js": js_divergence(p, q), "ks": d, "ks_pvalue": p_value}
        tested = NUMERIC_STATS
    elif kind == "categorical":
        _, ref_counts, cur_counts = categorical_counts(reference, current)
        p, q = ref_counts / ref_counts.sum(), cur_counts / cur_counts.sum()
        chi2, p_value, cramers_v = chi_square(ref_counts, cur_counts)
        values = {"psi": psi(p, q), "js": js_divergence(p, q), "chi2": chi2, "chi2_pvalue": p_value, "cramers_v": cramers_v}
        tested = CATEGORICAL_STATS
    else:
        raise ValueError(f"feature {name!r}: kind must be numeric or categorical, got {kind!r}")
    limits = thresholds_for(name, config)
    breaches = [s for s in tested if breached(values[s], limits[s])]
    return {
        "feature": name,
        "kind": kind,
        "statistics": values,
        "thresholds": {s: limits[s] for s in tested},
        "breaches": breaches,
        "drifted": bool(breaches),
    }


def summarize(model, features, score_threshold):
    drifted = [f["feature"] for f in features if f["drifted"]]
    score = len(drifted) / len(features) if features else 0.0
    return {"model": model, "score": score, "score_threshold": score_threshold, "drifted": score > score_threshold, "drifted_features": drifted, "features": features}


def _labels(**labels):
    escape = lambda v: str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return "{" + ",".join(f'{k}="{escape(v)}"' for k, v in labels.items()) + "}"


def prometheus_text(report, timestamp):
    """The report as Prometheus text exposition format (gauges labelled by model, feature, statistic)."""
    model = report["model"]
    lines = [
        "# HELP argosy_drift_score Share of features whose drift crossed a threshold.",
        "# TYPE argosy_drift_score gauge",
        f"argosy_drift_score{_labels(model=model)} {report['score']!r}",
        "# HELP argosy_drift_statistic Drift statistic of one feature against the reference window.",
        "# TYPE argosy_drift_statistic gauge",
    ]
    for f in report["features"]:
        for stat, value in sorted(f["statistics"].items()):
            lines.append(f"argosy_drift_statistic{_labels(model=model, feature=f['feature'], statistic=stat)} {value!r}")
    lines += ["# HELP argosy_drift_threshold Threshold a drift statistic is compared with.", "# TYPE argosy_drift_threshold gauge"]
    for f in report["features"]:
        for stat, value in sorted(f["thresholds"].items()):
            lines.append(f"argosy_drift_threshold{_labels(model=model, feature=f['feature'], statistic=stat)} {float(value)!r}")
    lines += ["# HELP argosy_drift_feature_drifted 1 when the feature crossed any of its thresholds.", "# TYPE argosy_drift_feature_drifted gauge"]
    for f in report["features"]:
        lines.append(f"argosy_drift_feature_drifted{_labels(model=model, feature=f['feature'])} {int(f['drifted'])}")
    lines += [
        "# HELP argosy_drift_last_run_timestamp_seconds When the drift check last finished.",
        "# TYPE argosy_drift_last_run_timestamp_seconds gauge",
        f"argosy_drift_last_run_timestamp_seconds{_labels(model=model)} {float(timestamp)!r}",
    ]
    return "\n".join(lines) + "\n"


def push(gateway, namespace, model, text):
    """Replaces this model's group on the Pushgateway (PUT), grouped by namespace and model."""
    path = "/".join(urllib.parse.quote(p, safe="") for p in ("argosy-drift", "namespace", namespace, "model", model))
    request = urllib.request.Request(f"{gateway.rstrip('/')}/metrics/job/{path}", data=text.encode(), method="PUT", headers={"Content-Type": "text/plain; version=0.0.4"})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


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


def main():
    model = os.environ["INPUT_MODEL"]
    spec = json.loads(os.environ["INPUT_FEATURES"])
    config = json.loads(os.environ["INPUT_THRESHOLDS"])
    reference = read_columns(os.environ["INPUT_REFERENCE"])
    current = read_columns(os.environ["INPUT_CURRENT"])
    features = []
    for kind in ("numeric", "categorical"):
        for name in spec.get(kind, []):
            cast = float if kind == "numeric" else (lambda v: v)
            ref, cur = ([cast(v) for v in table[name] if v is not None] for table in (reference, current))
            if len(ref) == 0 or len(cur) == 0:
                raise ValueError(f"feature {name!r} has no values in the {'reference' if len(ref) == 0 else 'current'} window")
            features.append(feature_drift(name, kind, np.asarray(ref), np.asarray(cur), config))
    report = summarize(model, features, float(os.environ["INPUT_SCORE_THRESHOLD"]))
    text = prometheus_text(report, time.time())
    print(f"drift score {report['score']:.3f} (threshold {report['score_threshold']}); drifted: {', '.join(report['drifted_features']) or 'none'}")
    if os.environ.get("PUSHGATEWAY_URL"):
        push(os.environ["PUSHGATEWAY_URL"], os.environ.get("POD_NAMESPACE", "default"), model, text)
    outputs = {
        "OUTPUT_REPORT": json.dumps(report, indent=2, sort_keys=True),
        "OUTPUT_METRICS": text,
        "OUTPUT_DRIFT_SCORE": repr(report["score"]),
        "OUTPUT_DRIFTED": "true" if report["drifted"] else "false",
        "OUTPUT_DRIFTED_FEATURES": json.dumps(report["drifted_features"]),
    }
    for key, value in outputs.items():
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        with open(os.environ[key], "w") as f:
            f.write(value)


if __name__ == "__main__":
    main()
