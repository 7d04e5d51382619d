"""Batch scoring with a registered model: score every row, optionally keep the top-k per group.

The model is loaded from the MLflow registry by version (`models:/<name>/<version>`, the version
pipelines/model-versions.json records as serving, passed by the schedule), or by alias when no
version is given. The model sees exactly the `features` columns, in the order it was trained on
(the same list the training pipeline passed its trainer); every other column (keys, copy,
values) is carried through to the output untouched. Ranking by `score * value` turns a purchase
probability into expected value (e.g. margin after discount), which is how the discount
optimizer picks one discount level per customer and product.
"""
import json
import os

import numpy as np


def group_codes(columns):
    """One integer code per row identifying its combination of key values (None without keys)."""
    if not columns:
        return None
    per_column = [np.unique(np.asarray(col).astype(str), return_inverse=True)[1] for col in columns]
    return np.unique(np.stack(per_column, axis=1), axis=0, return_inverse=True)[1].reshape(-1)


def ranking_scores(scores, values=None):
    """What rows are ranked by: the model score, or its expected value `score * value`."""
    scores = np.asarray(scores, dtype=float)
    return scores if values is None else scores * np.asarray(values, dtype=float)


def top_k_per_group(codes, by, k):
    """Row indices of the k best rows of each group (ties keep input order), and each row's 1-based rank."""
    by = np.asarray(by, dtype=float)
    if codes is None:
        codes = np.zeros(len(by), dtype=np.int64)
    order = np.lexsort((np.arange(len(by)), -by, codes))
    sorted_codes = codes[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_codes)) + 1]
    ranks = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)])) + 1
    keep = ranks <= k
    return order[keep], ranks[keep]


def feature_columns(available, features):
    """The model's input columns, in the trained order; raises naming every missing one."""
    features = list(features)
    if not features:
        raise ValueError("features is empty: pass the columns the model was trained on")
    duplicated = sorted({f for f in features if features.count(f) > 1})
    if duplicated:
        raise ValueError(f"features lists {', '.join(duplicated)} more than once")
    missing = [f for f in features if f not in set(available)]
    if missing:
        raise ValueError(f"dataset has no column {', '.join(missing)} (features the model was trained on); it has: {', '.join(available)}")
    return features


def check_signature(features, signature_inputs):
    """Fails when the model's logged input signature names other columns than `features`.

    `signature_inputs` is None for a model logged without a signature (nothing to compare).
    """
    if signature_inputs is None:
        return
    if list(signature_inputs) != list(features):
        raise ValueError(f"the model was trained on [{', '.join(signature_inputs)}] but features is [{', '.join(features)}]; pass the training pipeline's feature list")


def registry_uri(name, version, alias):
    """The MLflow URI to load: the pinned version when there is one, else the alias."""
    return f"models:/{name}/{version}" if version else f"models:/{name}@{alias}"


def main():
    import mlflow.pyfunc
    import pandas as pd
    import pyarrow.fs

    model_uri = registry_uri(os.environ["INPUT_REGISTERED_MODEL"], os.environ.get("INPUT_VERSION", ""), os.environ["INPUT_ALIAS"])
    frame = pd.read_parquet(os.environ["INPUT_DATASET"])
    model = mlflow.pyfunc.load_model(model_uri)
    key_columns = json.loads(os.environ["INPUT_GROUP_BY"])
    value_column = os.environ.get("INPUT_VALUE_COLUMN", "")
    features = feature_columns(list(frame.columns), json.loads(os.environ["INPUT_FEATURES"]))
    schema = model.metadata.get_input_schema()
    check_signature(features, schema.input_names() if schema is not None else None)
    frame["score"] = np.asarray(model.predict(frame[features]), dtype=float).reshape(len(frame), -1)[:, -1]
    frame["ranking_score"] = ranking_scores(frame["score"], frame[value_column] if value_column else None)
    top_k = int(os.environ["INPUT_TOP_K"])
    if top_k > 0:
        rows, ranks = top_k_per_group(group_codes([frame[c].to_numpy() for c in key_columns]), frame["ranking_score"], top_k)
        frame = frame.iloc[rows].assign(rank=ranks)
    frame["model_uri"] = model_uri
    print(f"scored with {model_uri}: {len(frame)} rows kept")
    os.makedirs(os.path.dirname(os.environ["OUTPUT_PREDICTIONS"]), exist_ok=True)
    frame.to_parquet(os.environ["OUTPUT_PREDICTIONS"], index=False)
    destination = os.environ.get("INPUT_DESTINATION", "")
    if destination:
        filesystem, path = pyarrow.fs.FileSystem.from_uri(destination)
        filesystem.create_dir(path.rsplit("/", 1)[0], recursive=True)
        with filesystem.open_output_stream(path) as out:
            frame.to_parquet(out, index=False)
        print(f"published to {destination}")
    with open(os.environ["OUTPUT_ROW_COUNT"], "w") as f:
        f.write(str(len(frame)))


if __name__ == "__main__":
    main()
