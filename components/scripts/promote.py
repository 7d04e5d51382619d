"""Promote: record a new model version in the GitOps repository through the git host's REST API.

The repository holds one JSON file (pipelines/model-versions.json) with, per environment and
model, the `serving` version and the `candidate` being rolled out; the deployments read it and
Argo CD rolls out what is synthesized from it. A promotion never writes the base branch: it
commits the file to a `promote/<environment>/<model>-v<version>` branch and opens a pull request,
because the committed manifests (dist/) must change in the same merge. The promotion-branch CI
job (docs/dsrpmart.md, "Closing the loop") re-synthesizes dist/ on that branch and commits it.
In `pull-request` mode the pull request waits for a review; in `auto-merge` mode (staging) it is
labelled AUTO_MERGE_LABEL and that job merges it once the required checks pass. Works with the
GitHub REST API (github.com and GitHub Enterprise, through GIT_API_URL).
"""
import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request

MODES = ("pull-request", "auto-merge")
# The label the promotion-branch CI job merges on, once dist/ is regenerated and checks pass.
AUTO_MERGE_LABEL = "promotion/auto-merge"


class GitHost:
    def __init__(self, api, repo, token, opener=urllib.request.urlopen):
        self.api = api.rstrip("/")
        self.repo = repo
        self.headers = {"Accept": "application/vnd.github+json", "Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        self.opener = opener

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.api}/repos/{self.repo}/{path}", data=data, method=method, headers=self.headers)
        with self.opener(request, timeout=30) as response:
            text = response.read()
            return json.loads(text) if text else {}

    def branch_sha(self, branch):
        return self.call("GET", f"git/ref/heads/{urllib.parse.quote(branch)}")["object"]["sha"]

    def create_branch(self, branch, sha):
        try:
            self.call("POST", "git/refs", {"ref": f"refs/heads/{branch}", "sha": sha})
        except urllib.error.HTTPError as err:
            if err.code != 422:  # the branch exists already: a re-run of the same promotion
                raise

    def get_file(self, path, ref):
        """(text, blob sha) of a file on a ref, or (None, None) when it does not exist yet."""
        try:
            found = self.call("GET", f"contents/{urllib.parse.quote(path)}?ref={urllib.parse.quote(ref)}")
        except urllib.error.HTTPError as err:
            if err.code == 404:
                return None, None
            raise
        return base64.b64decode(found["content"]).decode(), found["sha"]

    def put_file(self, path, branch, text, sha, message):
        body = {"message": message, "content": base64.b64encode(text.encode()).decode(), "branch": branch, **({"sha": sha} if sha else {})}
        return self.call("PUT", f"contents/{urllib.parse.quote(path)}", body)

    def open_pull_request(self, head, base, title, body):
        """The new pull request, or the open one from `head` when a re-run finds it exists."""
        try:
            return self.call("POST", "pulls", {"head": head, "base": base, "title": title, "body": body})
        except urllib.error.HTTPError as err:
            if err.code != 422:
                raise
        owner = self.repo.split("/", 1)[0]
        found = self.call("GET", f"pulls?{urllib.parse.urlencode({'head': f'{owner}:{head}', 'base': base, 'state': 'open'})}")
        return found[0] if found else {}

    def add_label(self, number, label):
        self.call("POST", f"issues/{number}/labels", {"labels": [label]})


def record(versions, environment, model, entry, record_as="candidate"):
    """The versions map with `entry` recorded for `model` in `environment`, and what happened.

    The first version of a model serves directly (there is nothing to compare it with). Later
    versions become the `candidate` the deployment's strategy rolls out next to `serving`; a
    different candidate still pending blocks the new one until it is folded into `serving`
    (rollout won) or dropped (rollout failed), so one rollout runs at a time. With
    record_as="serving" the version serves directly: for models only scored in batch, where the
    reviewed change is the whole rollout, and for Argo Rollouts, which runs the strategy itself
    whenever the serving pod template changes.
    """
    if record_as not in ("candidate", "serving"):
        raise ValueError(f"record_as must be candidate or serving, got {record_as!r}")
    updated = json.loads(json.dumps(versions))
    models = updated.setdefault(environment, {})
    current = models.get(model)
    if current is None or (record_as == "serving" and current["serving"]["version"] != entry["version"]):
        models[model] = {"serving": entry}
        return updated, "serving"
    if entry["version"] in (current["serving"]["version"], current.get("candidate", {}).get("version")):
        return versions, "unchanged"
    pending = current.get("candidate")
    if pending is not None:
        return versions, f"pending:{pending['version']}"
    current["candidate"] = entry
    return updated, "candidate"


def render(versions):
    """The versions file text: sorted keys, two-space indent, trailing newline (stable diffs)."""
    return json.dumps(versions, indent=2, sort_keys=True) + "\n"


def branch_name(environment, model, version):
    return f"promote/{environment}/{model}-v{version}"


def pull_request_body(slot, entry, mode):
    details = "\n".join(f"- {k}: `{v}`" for k, v in sorted(entry.items()))
    merge = (
        "Merges by itself (`" + AUTO_MERGE_LABEL + "`) once CI has regenerated dist/ on this branch and the required checks pass."
        if mode == "auto-merge"
        else "Needs a review: CI regenerates dist/ on this branch, and the argosy diff comment shows what rolls out."
    )
    return f"Recorded by the training pipeline as the {slot} version.\n\n{details}\n\n{merge}\n"


def promote(host, path, base, environment, model, entry, mode, record_as="candidate"):
    """Records `entry` for `model` in `environment` on a promotion branch with a pull request;
    returns what happened and the pull request URL."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
    current, sha = host.get_file(path, base)
    updated, outcome = record(json.loads(current) if current else {}, environment, model, entry, record_as)
    if outcome == "unchanged" or outcome.startswith("pending:"):
        return {"changed": False, "outcome": outcome, "url": ""}
    text = render(updated)
    slot = "serving" if outcome == "serving" else "candidate"
    message = f"Promote {model} to version {entry['version']} in {environment} ({slot})"
    branch = branch_name(environment, model, entry["version"])
    host.create_branch(branch, host.branch_sha(base))
    _, branch_blob = host.get_file(path, branch)
    host.put_file(path, branch, text, branch_blob, message)
    pr = host.open_pull_request(branch, base, message, pull_request_body(slot, entry, mode))
    if mode == "auto-merge" and pr.get("number") is not None:
        host.add_label(pr["number"], AUTO_MERGE_LABEL)
    return {"changed": True, "outcome": outcome, "url": pr.get("html_url", "")}


def main():
    host = GitHost(os.environ["GIT_API_URL"], os.environ["INPUT_REPOSITORY"], os.environ["GIT_TOKEN"])
    model = os.environ["INPUT_REGISTERED_MODEL"]
    environment = os.environ["INPUT_ENVIRONMENT"]
    entry = {"version": os.environ["INPUT_VERSION"], "storageUri": os.environ["INPUT_STORAGE_URI"], "registryUri": os.environ["INPUT_MODEL_URI"], "run": os.environ.get("ARGO_WORKFLOW_NAME", "")}
    result = promote(host, os.environ["INPUT_VERSIONS_FILE"], os.environ["INPUT_BASE_BRANCH"], environment, model, entry, os.environ["INPUT_MODE"], os.environ["INPUT_RECORD_AS"])
    outcome = result["outcome"]
    if outcome.startswith("pending:"):
        print(f"{model} v{entry['version']} not recorded in {environment}: candidate v{outcome.split(':', 1)[1]} is still rolling out; fold or drop it first")
    else:
        print(f"{model} v{entry['version']} in {environment}: {('recorded as ' + outcome + ' ' + result['url']) if result['changed'] else 'already recorded'}")
    os.makedirs(os.path.dirname(os.environ["OUTPUT_URL"]), exist_ok=True)
    with open(os.environ["OUTPUT_URL"], "w") as f:
        f.write(result["url"])


if __name__ == "__main__":
    main()
