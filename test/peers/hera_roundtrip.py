"""Hera reads every Argo object Argosy writes and writes it back unchanged.

Usage: python hera_roundtrip.py PATH...   (files or directories of YAML)

For each Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow, two round trips
must give back exactly what we wrote:

1. Hera's model class (pydantic models generated from Argo's OpenAPI schema):
   ``Model.model_validate(doc).model_dump(by_alias=True, exclude_none=True, mode="json")``.
2. Hera's user-facing class: ``Workflow.from_dict(doc).to_dict()`` (and WorkflowTemplate, ...).

Equal means equal as data: key order is not compared (YAML mappings have none). The only
normalizations, each counted in the summary:

- NEWER_THAN_HERA: fields of Argo v4 that Hera's models (Argo 3.7's schema) do not have yet
  are removed from our side before both comparisons. Only the upstream Argo example programs
  use them, never the reference project or the goldens.
- CLASS_GAPS: fields Hera's model has but its user-facing class does not map (it drops them in
  from_dict); removed before comparison 2 only, so comparison 1 still checks them.

Prints one line per mismatch and a summary; exit 1 on any mismatch or parse failure.
"""

import json
import os
import sys

import yaml
from hera.workflows import ClusterWorkflowTemplate, CronWorkflow, Workflow, WorkflowTemplate
from hera.workflows import models

KINDS = {
    "Workflow": (Workflow, models.Workflow),
    "WorkflowTemplate": (WorkflowTemplate, models.WorkflowTemplate),
    "ClusterWorkflowTemplate": (ClusterWorkflowTemplate, models.ClusterWorkflowTemplate),
    "CronWorkflow": (CronWorkflow, models.CronWorkflow),
}

# Argo v4 fields absent from Hera 7.1's models (its schema is Argo 3.7's): key -> why.
NEWER_THAN_HERA = {
    "podResources": "Argo v4 pod-level resources",
    "resourceClaims": "Argo v4 dynamic resource allocation claims",
    "executorPlugins": "Argo v4 workflow-level executor plugins",
}
# A template's plugin body: Hera 7.1 models Plugin as an empty object, so its content is dropped.
PLUGIN_BODY = "plugin"

# (kind, path) -> why: fields Hera's model keeps but its user-facing class drops in from_dict.
CLASS_GAPS = {
    ("CronWorkflow", ("spec", "workflowMetadata")): "hera.workflows.CronWorkflow maps no attribute to it",
}


def yaml_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.endswith((".yaml", ".yml")):
                        yield os.path.join(root, f)
        else:
            yield p


def differences(ours, theirs, path="$"):
    """Paths where two JSON-like values differ (first 5)."""
    out = []
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for k in sorted(set(ours) | set(theirs)):
            if k not in theirs:
                out.append(f"{path}.{k}: dropped by Hera (ours {json.dumps(ours[k])[:80]})")
            elif k not in ours:
                out.append(f"{path}.{k}: added by Hera ({json.dumps(theirs[k])[:80]})")
            else:
                out.extend(differences(ours[k], theirs[k], f"{path}.{k}"))
    elif isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        for i, (a, b) in enumerate(zip(ours, theirs)):
            out.extend(differences(a, b, f"{path}[{i}]"))
    elif ours != theirs or type(ours) is not type(theirs):
        out.append(f"{path}: ours {json.dumps(ours)[:80]}, Hera {json.dumps(theirs)[:80]}")
    return out[:5]


def strip_newer(value, counts, parent=None):
    """A copy of value without NEWER_THAN_HERA keys (and emptied plugin bodies), counting them."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in NEWER_THAN_HERA:
                counts[k] = counts.get(k, 0) + 1
                continue
            if k == PLUGIN_BODY and isinstance(v, dict) and parent == "template" and v:
                counts[PLUGIN_BODY] = counts.get(PLUGIN_BODY, 0) + 1
                out[k] = {}
                continue
            child = "template" if k == "templates" else None
            out[k] = strip_newer(v, counts, child)
        return out
    if isinstance(value, list):
        return [strip_newer(v, counts, parent) for v in value]
    return value


def strip_gaps(kind, doc, counts):
    doc = json.loads(json.dumps(doc))
    for (k, path), _why in CLASS_GAPS.items():
        if k != kind:
            continue
        node = doc
        for key in path[:-1]:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        if isinstance(node, dict) and path[-1] in node:
            del node[path[-1]]
            counts[".".join(path)] = counts.get(".".join(path), 0) + 1
    return doc


def main(paths):
    counts = {k: 0 for k in KINDS}
    normalized = {}
    failures = []
    files = 0
    for path in yaml_files(paths):
        files += 1
        with open(path, encoding="utf-8") as f:
            # Kubernetes reads YAML 1.1 (yes/no are booleans); PyYAML's safe loader does too.
            docs = [d for d in yaml.safe_load_all(f) if isinstance(d, dict)]
        for doc in docs:
            kind = doc.get("kind")
            if kind not in KINDS or doc.get("apiVersion") != "argoproj.io/v1alpha1":
                continue
            cls, model = KINDS[kind]
            name = doc.get("metadata", {}).get("name") or doc.get("metadata", {}).get("generateName")
            ours = strip_newer(doc, normalized)
            try:
                dumped = model.model_validate(doc).model_dump(by_alias=True, exclude_none=True, mode="json")
                back = cls.from_dict(doc).to_dict()
            except Exception as e:  # noqa: BLE001 - any failure of Hera's is a finding
                failures.append(f"{path}: {kind} {name}: Hera cannot read it: {type(e).__name__}: {str(e)[:300]}")
                continue
            counts[kind] += 1
            diff = differences(ours, dumped)
            if diff:
                failures.append(f"{path}: {kind} {name}: Hera's model round trip differs: " + "; ".join(diff))
            diff = differences(strip_gaps(kind, ours, normalized), back)
            if diff:
                failures.append(f"{path}: {kind} {name}: {cls.__name__}.from_dict().to_dict() differs: " + "; ".join(diff))
    for line in failures:
        print(line)
    total = sum(counts.values())
    detail = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    norm = ", ".join(f"{k} x{n}" for k, n in sorted(normalized.items())) or "none"
    print(f"hera: {total} Argo objects read and re-serialized identically ({detail}) from {files} files, {len(failures)} failed")
    print(f"hera: normalized before comparing (see the docstring): {norm}")
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
