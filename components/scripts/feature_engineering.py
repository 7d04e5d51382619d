"""CTR features per (user, category) with a time-based train/holdout split."""
import os

import numpy as np
import pandas as pd

PRIOR_CLICKS = 1.0
PRIOR_IMPRESSIONS = 20.0


def smoothed_ctr(clicks, impressions, prior_clicks=PRIOR_CLICKS, prior_impressions=PRIOR_IMPRESSIONS):
    """Bayesian-smoothed click-through rate, so rare pairs do not get extreme rates."""
    return (np.asarray(clicks, dtype=float) + prior_clicks) / (np.asarray(impressions, dtype=float) + prior_impressions)


def build_features(events: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Aggregate impression events (user_id, category_id, event_time, clicked) up to `as_of`."""
    past = events[events["event_time"] < as_of]
    grouped = past.groupby(["user_id", "category_id"]).agg(
        impressions=("clicked", "size"), clicks=("clicked", "sum"), last_seen=("event_time", "max")
    ).reset_index()
    grouped["ctr_smoothed"] = smoothed_ctr(grouped["clicks"], grouped["impressions"])
    grouped["days_since_seen"] = (as_of - grouped["last_seen"]).dt.total_seconds() / 86400.0
    user_totals = grouped.groupby("user_id")["impressions"].transform("sum")
    grouped["category_share"] = grouped["impressions"] / user_totals
    return grouped.drop(columns=["last_seen"])


def split_by_time(events: pd.DataFrame, holdout_days: int):
    """Train on everything before the last `holdout_days` days, label the holdout with later clicks."""
    cutoff = events["event_time"].max() - pd.Timedelta(days=holdout_days)
    features = build_features(events, cutoff)
    later = events[events["event_time"] >= cutoff].groupby(["user_id", "category_id"])["clicked"].max().rename("label")
    labelled = features.join(later, on=["user_id", "category_id"]).fillna({"label": 0})
    labelled["label"] = labelled["label"].astype(int)
    train = labelled.sample(frac=1.0, random_state=7)
    return train, labelled


def main() -> None:
    events = pd.read_parquet(os.environ["INPUT_RAW"])
    events["event_time"] = pd.to_datetime(events["event_time"], utc=True)
    train, holdout = split_by_time(events, int(os.environ["INPUT_HOLDOUT_DAYS"]))
    for key, frame in (("OUTPUT_TRAIN", train), ("OUTPUT_HOLDOUT", holdout)):
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        frame.to_parquet(os.environ[key], index=False)
    with open(os.environ["OUTPUT_FEATURE_COUNT"], "w") as f:
        f.write(str(len(train.columns) - 3))


if __name__ == "__main__":
    main()
