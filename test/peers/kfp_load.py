"""The KFP SDK loads every PipelineSpec Argosy writes and compiles a pipeline that uses it.

Usage: python kfp_load.py PATH...   (files or directories of YAML)

For each file whose first document is a PipelineSpec (it has pipelineInfo and root; a second
document, if any, is its PlatformSpec): ``kfp.components.load_component_from_file`` loads it,
then a one-task pipeline calls it as a component (required parameters get a constant of their
type, required artifacts an importer of their artifact class) and ``kfp.compiler.Compiler``
compiles that pipeline. Prints one line per failure and a summary; exit 1 on any failure.
"""

import os
import sys
import tempfile

import yaml
from kfp import compiler, components, dsl

PARAMETER_VALUES = {
    "String": "x",
    "Integer": 1,
    "Float": 1.5,
    "Boolean": True,
    "List": [],
    "Dict": {},
}

ARTIFACT_CLASSES = {
    "system.Artifact": dsl.Artifact,
    "system.Dataset": dsl.Dataset,
    "system.Model": dsl.Model,
    "system.Metrics": dsl.Metrics,
    "system.ClassificationMetrics": dsl.ClassificationMetrics,
    "system.SlicedClassificationMetrics": dsl.SlicedClassificationMetrics,
    "system.HTML": dsl.HTML,
    "system.Markdown": dsl.Markdown,
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


def is_pipeline_spec(path):
    with open(path, encoding="utf-8") as f:
        try:
            first = next(yaml.safe_load_all(f), None)
        except yaml.YAMLError:
            return False
    return isinstance(first, dict) and "pipelineInfo" in first and "root" in first


def argument_for(name, spec):
    """A value for a required input: a constant for a parameter, an importer for an artifact."""
    kind = spec.type if isinstance(spec.type, str) else str(spec.type)
    if kind in PARAMETER_VALUES:
        return PARAMETER_VALUES[kind]
    schema = kind.split("@")[0]
    cls = ARTIFACT_CLASSES.get(schema, dsl.Artifact)
    if getattr(spec, "is_artifact_list", False):
        raise ValueError(f"input {name}: a list of artifacts cannot be imported (got {kind})")
    return dsl.importer(artifact_uri=f"gs://argosy-test/{name}", artifact_class=cls, reimport=False).output


def check(path, out_dir):
    component = components.load_component_from_file(path)
    inputs = component.component_spec.inputs or {}

    @dsl.pipeline(name="argosy-kfp-load-check")
    def wrapper():
        args = {n: argument_for(n, s) for n, s in inputs.items() if not s.optional}
        component(**args)

    compiler.Compiler().compile(wrapper, package_path=os.path.join(out_dir, "wrapper.yaml"))
    return component.name


def main(paths):
    loaded = 0
    failures = []
    files = 0
    with tempfile.TemporaryDirectory() as out_dir:
        for path in yaml_files(paths):
            if not is_pipeline_spec(path):
                continue
            files += 1
            try:
                check(path, out_dir)
                loaded += 1
            except Exception as e:  # noqa: BLE001 - any failure of the SDK's is a finding
                failures.append(f"{path}: {type(e).__name__}: {str(e)[:400]}")
    for line in failures:
        print(line)
    print(f"kfp: {loaded} PipelineSpecs loaded as components and compiled into a pipeline, {len(failures)} failed")
    return 1 if failures or loaded == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
