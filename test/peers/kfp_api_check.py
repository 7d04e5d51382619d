"""Checks recorded KFP API requests against the KFP SDK's generated REST models (kfp-server-api).

Usage: python kfp_api_check.py REQUESTS.json

REQUESTS.json is a list of requests as test/kfp-fake-server.ts records them. For each, the
generated API method of its method and path (PipelineServiceApi, PipelineUploadServiceApi,
RecurringRunServiceApi, HealthzServiceApi) says which query parameters exist (read from the
method's source) and which model the JSON body is; the `filter` parameter is a V2beta1Filter. A
body is checked strictly against the model's openapi_types and attribute_map (the generated
deserializer silently drops unknown keys and coerces types, so it alone proves nothing): every key
must be a field, every value of the declared type, enum values among the allowable ones. Then
kfp_server_api's ApiClient deserializes it into the model. Multipart uploads must carry the file
as `uploadfile` and be a PipelineSpec. Prints one line per request and a summary; exit 1 on any
failure.
"""

import datetime
import inspect
import json
import re
import sys

import yaml
import kfp_server_api
from kfp_server_api import models

API = kfp_server_api.api
ROUTES = [
    ("GET", r"/apis/v2beta1/healthz", API.HealthzServiceApi.healthz_service_get_healthz_with_http_info, None),
    ("GET", r"/apis/v2beta1/pipelines", API.PipelineServiceApi.pipeline_service_list_pipelines_with_http_info, None),
    ("POST", r"/apis/v2beta1/pipelines/upload", API.PipelineUploadServiceApi.upload_pipeline_with_http_info, None),
    (
        "POST",
        r"/apis/v2beta1/pipelines/upload_version",
        API.PipelineUploadServiceApi.upload_pipeline_version_with_http_info,
        None,
    ),
    (
        "GET",
        r"/apis/v2beta1/pipelines/[^/]+/versions",
        API.PipelineServiceApi.pipeline_service_list_pipeline_versions_with_http_info,
        None,
    ),
    (
        "GET",
        r"/apis/v2beta1/recurringruns",
        API.RecurringRunServiceApi.recurring_run_service_list_recurring_runs_with_http_info,
        None,
    ),
    (
        "POST",
        r"/apis/v2beta1/recurringruns",
        API.RecurringRunServiceApi.recurring_run_service_create_recurring_run_with_http_info,
        "V2beta1RecurringRun",
    ),
]


def query_params(fn):
    """The query parameters the generated method sends (its own source says)."""
    return set(re.findall(r"query_params\.append\(\('(\w+)'", inspect.getsource(fn)))


def strict(value, type_name, path, problems):
    """Checks value against an openapi type string; appends problems."""
    m = re.match(r"list\[(.+)\]$", type_name)
    if m:
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list (got {type(value).__name__})")
            return
        for i, v in enumerate(value):
            strict(v, m.group(1), f"{path}[{i}]", problems)
        return
    m = re.match(r"dict\(([^,]*), (.*)\)$", type_name)
    if m:
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a mapping (got {type(value).__name__})")
            return
        for k, v in value.items():
            strict(v, m.group(2), f"{path}.{k}", problems)
        return
    if type_name == "object":
        return
    if type_name == "str":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string (got {json.dumps(value)})")
        return
    if type_name == "bool":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected a boolean (got {json.dumps(value)})")
        return
    if type_name == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected an integer (got {json.dumps(value)})")
        return
    if type_name == "datetime":
        try:
            datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            problems.append(f"{path}: expected an RFC 3339 time (got {json.dumps(value)})")
        return
    klass = getattr(models, type_name)
    allowed = getattr(klass, "allowable_values", None)
    if allowed is not None:
        if value not in allowed:
            problems.append(f"{path}: expected one of {allowed} (got {json.dumps(value)})")
        return
    if not isinstance(value, dict):
        problems.append(f"{path}: expected a {type_name} mapping (got {json.dumps(value)})")
        return
    by_json = {j: a for a, j in klass.attribute_map.items()}
    for key, v in value.items():
        attr = by_json.get(key)
        if attr is None:
            problems.append(f"{path}.{key}: not a field of {type_name}")
            continue
        strict(v, klass.openapi_types[attr], f"{path}.{key}", problems)


class Response:
    def __init__(self, data):
        self.data = data


def check_model(value, model, where):
    problems = []
    strict(value, model, where, problems)
    if not problems:
        # The generated deserializer (with its client-side validation) must build the model too.
        kfp_server_api.ApiClient().deserialize(Response(json.dumps(value)), model)
    return problems


def check(req):
    method, path = req["method"], req["path"]
    route = next((r for r in ROUTES if r[0] == method and re.fullmatch(r[1], path)), None)
    if route is None:
        return [f"{method} {path}: no such KFP v2beta1 API method"]
    _, _, fn, body_model = route
    problems = []
    allowed = query_params(fn)
    for key in req.get("query", {}):
        if key not in allowed:
            problems.append(f"query parameter {key}: not a parameter of {fn.__name__} (it takes {sorted(allowed)})")
    if "filter" in req.get("query", {}):
        problems += check_model(json.loads(req["query"]["filter"]), "V2beta1Filter", "filter")
    if body_model:
        if "json" not in req:
            problems.append(f"no JSON body (expected a {body_model})")
        else:
            problems += check_model(req["json"], body_model, body_model)
    elif "json" in req:
        problems.append("a JSON body the method does not take")
    if path.endswith(("/upload", "/upload_version")):
        files = req.get("files") or {}
        if list(files) != ["uploadfile"]:
            problems.append(f"multipart fields {sorted(files)} (expected exactly uploadfile)")
        else:
            first = next(yaml.safe_load_all(files["uploadfile"]["text"]), None)
            if not (isinstance(first, dict) and "pipelineInfo" in first and "root" in first):
                problems.append("uploadfile is not a PipelineSpec")
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        requests = json.load(f)
    failed = 0
    for req in requests:
        try:
            problems = check(req)
        except Exception as e:  # a model refusing the value is a finding, not a crash
            problems = [f"{type(e).__name__}: {e}"]
        label = f"{req['method']} {req['path']}"
        if problems:
            failed += 1
            for p in problems:
                print(f"FAIL {label}: {p}")
    print(f"kfp-server-api: {len(requests)} requests checked, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
