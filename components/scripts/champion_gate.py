"""Champion/challenger offline gate: compare the challenger's holdout score with the champion's."""
import json
import math
import os
import urllib.parse
import urllib.request

HIGHER_IS_BETTER = {"auc": True, "ndcg": True, "logloss": False}


def roc_auc(labels, scores):
    """Area under the ROC curve from ranks (Mann-Whitney U), averaging tied scores."""
    pairs = sorted(zip(scores, labels))
    n = len(pairs)
    ranks = [0.0] * n
    i = 0
    while i < n:
        j = i
        while j + 1 < n and pairs[j + 1][0] == pairs[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2.0 + 1.0
        i = j + 1
    positives = sum(1 for _, y in pairs if y == 1)
    negatives = n - positives
    if positives == 0 or negatives == 0:
        raise ValueError("AUC needs both classes in the holdout")
    rank_sum = sum(r for r, (_, y) in zip(ranks, pairs) if y == 1)
    return (rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives)


def log_loss(labels, probs, eps=1e-15):
    """Mean binary cross-entropy, with probabilities clipped away from 0 and 1."""
    total = 0.0
    for y, p in zip(labels, probs):
        p = min(max(p, eps), 1.0 - eps)
        total += -(y * math.log(p) + (1 - y) * math.log(1.0 - p))
    return total / len(labels)


def ndcg_at_k(labels, scores, k=10):
    """Normalised discounted cumulative gain of one ranked list's top-k by score (gain = label).

    Ties in score keep input order (a stable sort), so the value is deterministic. None when the
    list has no relevant row: its ideal DCG is 0 and NDCG is undefined.
    """
    ranked = [y for _, y in sorted(zip(scores, labels), key=lambda t: -t[0])][:k]
    ideal = sorted(labels, reverse=True)[:k]
    dcg = sum(y / math.log2(i + 2) for i, y in enumerate(ranked))
    idcg = sum(y / math.log2(i + 2) for i, y in enumerate(ideal))
    return dcg / idcg if idcg > 0 else None


def mean_ndcg_at_k(groups, labels, scores, k=10):
    """NDCG@k of each group's own ranking (a user's candidates, a query's results), averaged over
    the groups with at least one relevant row; the others cannot tell rankers apart."""
    lists = {}
    for g, y, s in zip(groups, labels, scores):
        lists.setdefault(g, ([], []))
        lists[g][0].append(y)
        lists[g][1].append(s)
    values = [v for v in (ndcg_at_k(ys, ss, k) for ys, ss in lists.values()) if v is not None]
    if not values:
        raise ValueError("NDCG needs at least one group with a relevant row in the holdout")
    return sum(values) / len(values)


def score(metric, labels, predictions, groups=None, k=10):
    if metric == "auc":
        return roc_auc(labels, predictions)
    if metric == "logloss":
        return log_loss(labels, predictions)
    if metric == "ndcg":
        if groups is None:
            raise ValueError("ndcg ranks within groups: set groupColumn (e.g. user_id)")
        return mean_ndcg_at_k(groups, labels, predictions, k)
    raise ValueError(f"unknown metric {metric!r}")


def decide(metric, challenger, champion, min_lift, min_score):
    """Promote when the challenger beats the champion by at least `min_lift`.

    Without a champion the challenger only has to reach `min_score` (or stay under it for
    metrics where lower is better). Returns (promote, reason).
    """
    better = HIGHER_IS_BETTER[metric]
    if champion is None:
        ok = challenger >= min_score if better else challenger <= min_score
        return ok, f"no champion; {metric}={challenger:.6f} {'meets' if ok else 'misses'} the floor {min_score}"
    lift = (challenger - champion) if better else (champion - challenger)
    ok = lift >= min_lift
    return ok, f"{metric}: challenger {challenger:.6f} vs champion {champion:.6f}, lift {lift:+.6f} (needs {min_lift})"


def champion_score(tracking_uri, model, version, metric, token=None, opener=urllib.request.urlopen):
    """The logged metric of the champion: the registered `version` serving in this environment
    (pipelines/model-versions.json, passed by the schedule). None when there is none yet."""
    if not version:
        return None

    def get(path, query):
        url = f"{tracking_uri.rstrip('/')}/api/2.0/mlflow/{path}?{urllib.parse.urlencode(query)}"
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
        with opener(request, timeout=30) as response:
            return json.load(response)

    found = get("model-versions/get", {"name": model, "version": version})["model_version"]
    run = get("runs/get", {"run_id": found["run_id"]})["run"]
    values = {m["key"]: m["value"] for m in run["data"].get("metrics", [])}
    return values.get(metric)


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
    metric, group_column = os.environ["INPUT_METRIC"], os.environ.get("INPUT_GROUP_COLUMN", "")
    frame = read_columns(os.environ["INPUT_PREDICTIONS"])
    groups = [str(v) for v in frame[group_column]] if group_column else None
    labels, scores = ([float(v) for v in frame[c]] for c in ("label", "score"))
    challenger = score(metric, labels, scores, groups, int(os.environ["INPUT_K"]))
    champion = champion_score(os.environ["MLFLOW_TRACKING_URI"], os.environ["INPUT_REGISTERED_MODEL"], os.environ["INPUT_CHAMPION_VERSION"], metric, os.environ.get("MLFLOW_TRACKING_TOKEN"))
    promote, reason = decide(metric, challenger, champion, float(os.environ["INPUT_MIN_LIFT"]), float(os.environ["INPUT_MIN_SCORE"]))
    print(reason)
    outputs = {
        "OUTPUT_PROMOTE": "true" if promote else "false",
        "OUTPUT_CHALLENGER_SCORE": repr(challenger),
        "OUTPUT_CHAMPION_SCORE": repr(champion if champion is not None else float("nan")),
        "OUTPUT_REPORT": json.dumps({"metric": metric, "groupColumn": group_column, "challenger": challenger, "champion": champion, "promote": promote, "reason": reason}),
    }
    for key, text in outputs.items():
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        with open(os.environ[key], "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
