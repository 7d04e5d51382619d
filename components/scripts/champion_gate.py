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
    """Normalised discounted cumulative gain of the top-k by score."""
    ranked = [y for _, y in sorted(zip(scores, labels), key=lambda t: -t[0])][:k]
    ideal = sorted(labels, reverse=True)[:k]
    dcg = sum(y / math.log2(i + 2) for i, y in enumerate(ranked))
    idcg = sum(y / math.log2(i + 2) for i, y in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def score(metric, labels, predictions):
    if metric == "auc":
        return roc_auc(labels, predictions)
    if metric == "logloss":
        return log_loss(labels, predictions)
    if metric == "ndcg":
        return ndcg_at_k(labels, predictions)
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


def main():
    import pandas as pd

    metric = os.environ["INPUT_METRIC"]
    frame = pd.read_parquet(os.environ["INPUT_PREDICTIONS"])
    challenger = score(metric, frame["label"].tolist(), frame["score"].tolist())
    champion = champion_score(os.environ["MLFLOW_TRACKING_URI"], os.environ["INPUT_REGISTERED_MODEL"], os.environ["INPUT_CHAMPION_VERSION"], metric, os.environ.get("MLFLOW_TRACKING_TOKEN"))
    promote, reason = decide(metric, challenger, champion, float(os.environ["INPUT_MIN_LIFT"]), float(os.environ["INPUT_MIN_SCORE"]))
    print(reason)
    outputs = {
        "OUTPUT_PROMOTE": "true" if promote else "false",
        "OUTPUT_CHALLENGER_SCORE": repr(challenger),
        "OUTPUT_CHAMPION_SCORE": repr(champion if champion is not None else float("nan")),
        "OUTPUT_REPORT": json.dumps({"metric": metric, "challenger": challenger, "champion": champion, "promote": promote, "reason": reason}),
    }
    for key, text in outputs.items():
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        with open(os.environ[key], "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
