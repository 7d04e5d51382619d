"""Uploads a pipeline and a version with the real KFP SDK client, for comparing its requests.

Usage: python kfp_sdk_upload.py HOST FILE PIPELINE_NAME NAMESPACE VERSION_NAME

``kfp.Client(host=HOST, namespace=NAMESPACE)`` calls ``upload_pipeline`` (a new pipeline) and then
``upload_pipeline_version`` by pipeline name (which looks the pipeline up with the SDK's list
filter first). HOST is test/kfp-fake-server.ts, which records what the SDK sends.
"""

import sys

import kfp

host, path, name, namespace, version = sys.argv[1:6]
client = kfp.Client(host=host, namespace=namespace)
created = client.upload_pipeline(path, pipeline_name=name, namespace=namespace)
client.upload_pipeline_version(path, version, pipeline_name=name)
print(f"sdk: uploaded {created.pipeline_id}")
