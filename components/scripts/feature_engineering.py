"""Interaction features per (user, item) with an out-of-time train/holdout split.

Items are categories for the category CTR model and products for the ranking model; events are
impressions with whether the user clicked. The same `build_features` computes the training rows
(features as of a past cutoff, labelled by what happened next) and `latest` (features as of the
end of the data, unlabelled): what the models are scored with, so training and scoring share one
definition of every feature.
"""
import os

import numpy as np

# Every feature this step can compute; the `features` input picks (and orders) a subset.
FEATURES = ("impressions", "clicks", "ctr_smoothed", "days_since_seen", "impression_share")
PRIOR_CLICKS = 1.0
PRIOR_IMPRESSIONS = 20.0


def smoothed_ctr(clicks, impressions, prior_clicks=PRIOR_CLICKS, prior_impressions=PRIOR_IMPRESSIONS):
    """Bayesian-smoothed click-through rate, so rare pairs do not get extreme rates."""
    return (np.asarray(clicks, dtype=float) + prior_clicks) / (np.asarray(impressions, dtype=float) + prior_impressions)


def chosen(features):
    """The requested features, in order; raises for one this step does not compute."""
    features = list(features)
    unknown = [f for f in features if f not in FEATURES]
    if unknown or not features:
        raise ValueError(f"features must be a non-empty subset of {', '.join(FEATURES)}; got {features}")
    return features


def build_features(events, as_of, item="category_id", label="clicked"):
    """Aggregate impression events (user_id, <item>, event_time, <label>) before `as_of`."""
    past = events[events["event_time"] < as_of]
    grouped = past.groupby(["user_id", item]).agg(
        impressions=(label, "size"), clicks=(label, "sum"), last_seen=("event_time", "max")
    ).reset_index()
    grouped["ctr_smoothed"] = smoothed_ctr(grouped["clicks"], grouped["impressions"])
    grouped["days_since_seen"] = (as_of - grouped["last_seen"]).dt.total_seconds() / 86400.0
    user_totals = grouped.groupby("user_id")["impressions"].transform("sum")
    grouped["impression_share"] = grouped["impressions"] / user_totals
    return grouped.drop(columns=["last_seen"])


def labelled(events, as_of, until=None, item="category_id", label="clicked"):
    """Features as of `as_of`, labelled 1 when the pair was clicked in [as_of, until)."""
    features = build_features(events, as_of, item, label)
    window = events[(events["event_time"] >= as_of) & ((events["event_time"] < until) if until is not None else True)]
    later = window.groupby(["user_id", item])[label].max().rename("label")
    out = features.join(later, on=["user_id", item]).fillna({"label": 0})
    out["label"] = out["label"].astype(int)
    return out


def split_by_time(events, holdout_days, item="category_id", label="clicked"):
    """Out-of-time split: the holdout uses features up to `holdout_days` before the end, labelled by
    the last `holdout_days`; training rows are the same construction one period earlier, so the
    model never sees a holdout label."""
    import pandas as pd

    period = pd.Timedelta(days=holdout_days)
    cutoff = events["event_time"].max() - period
    train = labelled(events, cutoff - period, cutoff, item, label).sample(frac=1.0, random_state=7)
    return train, labelled(events, cutoff, None, item, label)


def main() -> None:
    import json

    import pandas as pd

    item, features = os.environ["INPUT_ITEM_COLUMN"], chosen(json.loads(os.environ["INPUT_FEATURES"]))
    events = pd.read_parquet(os.environ["INPUT_RAW"])
    events["event_time"] = pd.to_datetime(events["event_time"], utc=True)
    train, holdout = split_by_time(events, int(os.environ["INPUT_HOLDOUT_DAYS"]), item, os.environ["INPUT_LABEL_COLUMN"])
    # Scoring sees every pair as of the end of the data, just after the last event.
    latest = build_features(events, events["event_time"].max() + pd.Timedelta(seconds=1), item, os.environ["INPUT_LABEL_COLUMN"])
    keys = ["user_id", item]
    for key, frame in (("OUTPUT_TRAIN", train[keys + features + ["label"]]), ("OUTPUT_HOLDOUT", holdout[keys + features + ["label"]]), ("OUTPUT_LATEST", latest[keys + features])):
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        frame.to_parquet(os.environ[key], index=False)
    with open(os.environ["OUTPUT_FEATURE_COUNT"], "w") as f:
        f.write(str(len(features)))


if __name__ == "__main__":
    main()
