"""Register a model version in MLflow over REST: run, artifact upload, version, candidate tag.

Besides the registry URI (`models:/<name>/<version>`, which MLflow clients resolve) it outputs
where the model's files really are: the MLflow server proxies artifact uploads to its artifacts
destination (`mlflow server --artifacts-destination s3://...`), so `mlflow-artifacts:/<path>` is
stored at `<destination>/<path>`. Model servers such as KServe's storage initializer read that
object-store URI directly.
"""
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request


class Mlflow:
    def __init__(self, base, token=None):
        self.base = base.rstrip("/")
        self.headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}

    def call(self, method, path, body=None, data=None, content_type=None):
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        payload = data if data is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(f"{self.base}{path}", data=payload, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
            return json.loads(text) if text else {}

    def post(self, path, body):
        return self.call("POST", f"/api/2.0/mlflow/{path}", body)


def artifact_files(root):
    """Every file under a model path (a single file or a directory), as (relative path, full path)."""
    if os.path.isfile(root):
        return [(os.path.basename(root), root)]
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            full = os.path.join(folder, name)
            found.append((os.path.relpath(full, root).replace(os.sep, "/"), full))
    return sorted(found)


def storage_location(source, destination):
    """The object-store URI of a proxied `mlflow-artifacts:/` source under the server's artifacts destination."""
    prefix = "mlflow-artifacts:/"
    if not source.startswith(prefix):
        raise ValueError(f"not a proxied artifact location: {source!r}")
    if "://" not in destination:
        raise ValueError(f"artifacts destination must be an object-store URI such as s3://bucket/path, got {destination!r}")
    return f"{destination.rstrip('/')}/{source[len(prefix):].lstrip('/')}"


def ensure_registered_model(client, name):
    try:
        client.post("registered-models/create", {"name": name})
    except urllib.error.HTTPError as err:
        if err.code != 400:  # RESOURCE_ALREADY_EXISTS
            raise


def experiment_id(client, name):
    """The id of the experiment named after the model, created on first use."""
    try:
        found = client.call("GET", f"/api/2.0/mlflow/experiments/get-by-name?{urllib.parse.urlencode({'experiment_name': name})}")
        return found["experiment"]["experiment_id"]
    except urllib.error.HTTPError as err:
        if err.code != 404:
            raise
    return client.post("experiments/create", {"name": name})["experiment_id"]


def main():
    client = Mlflow(os.environ["MLFLOW_TRACKING_URI"], os.environ.get("MLFLOW_TRACKING_TOKEN"))
    name = os.environ["INPUT_REGISTERED_MODEL"]
    exp_id = experiment_id(client, name)
    run = client.post("runs/create", {"experiment_id": exp_id, "start_time": int(time.time() * 1000), "run_name": os.environ.get("ARGO_WORKFLOW_NAME", name)})["run"]
    run_id = run["info"]["run_id"]
    client.post("runs/log-metric", {"run_id": run_id, "key": os.environ["INPUT_METRIC"], "value": float(os.environ["INPUT_SCORE"]), "timestamp": int(time.time() * 1000)})
    for rel, full in artifact_files(os.environ["INPUT_MODEL"]):
        with open(full, "rb") as f:
            client.call("PUT", f"/api/2.0/mlflow-artifacts/artifacts/{exp_id}/{run_id}/artifacts/model/{rel}", data=f.read(), content_type="application/octet-stream")
    source = f"mlflow-artifacts:/{exp_id}/{run_id}/artifacts/model"
    storage_uri = storage_location(source, os.environ["MLFLOW_ARTIFACTS_DESTINATION"])
    ensure_registered_model(client, name)
    version = client.post("model-versions/create", {"name": name, "source": source, "run_id": run_id})["model_version"]["version"]
    client.post("model-versions/set-tag", {"name": name, "version": version, "key": "stage", "value": "candidate"})
    client.post("runs/update", {"run_id": run_id, "status": "FINISHED", "end_time": int(time.time() * 1000)})
    outputs = (("OUTPUT_VERSION", str(version)), ("OUTPUT_MODEL_URI", f"models:/{name}/{version}"), ("OUTPUT_STORAGE_URI", storage_uri))
    for key, text in outputs:
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        with open(os.environ[key], "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
