"""Promote: record a new model version in the GitOps repository through the git host's REST API.

The repository holds one JSON file mapping each model to its promoted version; the deployments
read it, CI re-synthesizes the manifests and Argo CD rolls the change out. In `pull-request` mode
the update goes to a new branch with a pull request for review; in `commit` mode (for staging)
it is committed to the base branch directly. Works with GitHub's API and compatible hosts (Gitea,
GitHub Enterprise) through GIT_API_URL.
"""
import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request


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
        return self.call("POST", "pulls", {"head": head, "base": base, "title": title, "body": body})


def update_versions(text, model, entry):
    """The versions file with `model` set to `entry`: sorted keys, two-space indent, trailing newline."""
    versions = json.loads(text) if text else {}
    versions[model] = entry
    return json.dumps(versions, indent=2, sort_keys=True) + "\n"


def branch_name(model, version):
    return f"promote/{model}-v{version}"


def promote(host, path, base, model, entry, mode):
    """Records `entry` for `model`; returns what happened and the URL to look at."""
    current, sha = host.get_file(path, base)
    updated = update_versions(current, model, entry)
    if updated == current:
        return {"changed": False, "url": ""}
    message = f"Promote {model} to version {entry['version']}"
    if mode == "commit":
        result = host.put_file(path, base, updated, sha, message)
        return {"changed": True, "url": result.get("commit", {}).get("html_url", "")}
    if mode != "pull-request":
        raise ValueError(f"mode must be pull-request or commit, got {mode!r}")
    branch = branch_name(model, entry["version"])
    host.create_branch(branch, host.branch_sha(base))
    _, branch_blob = host.get_file(path, branch)
    host.put_file(path, branch, updated, branch_blob, message)
    details = "\n".join(f"- {k}: `{v}`" for k, v in sorted(entry.items()))
    pr = host.open_pull_request(branch, base, message, f"Recorded by the training pipeline.\n\n{details}\n")
    return {"changed": True, "url": pr.get("html_url", "")}


def main():
    host = GitHost(os.environ["GIT_API_URL"], os.environ["INPUT_REPOSITORY"], os.environ["GIT_TOKEN"])
    model = os.environ["INPUT_REGISTERED_MODEL"]
    entry = {"version": os.environ["INPUT_VERSION"], "uri": os.environ["INPUT_MODEL_URI"], "run": os.environ.get("ARGO_WORKFLOW_NAME", "")}
    result = promote(host, os.environ["INPUT_VERSIONS_FILE"], os.environ["INPUT_BASE_BRANCH"], model, entry, os.environ["INPUT_MODE"])
    print(f"{model} v{entry['version']}: {'recorded ' + result['url'] if result['changed'] else 'already recorded'}")
    os.makedirs(os.path.dirname(os.environ["OUTPUT_URL"]), exist_ok=True)
    with open(os.environ["OUTPUT_URL"], "w") as f:
        f.write(result["url"])


if __name__ == "__main__":
    main()
