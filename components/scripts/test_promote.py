import base64
import io
import json
import unittest
import urllib.error

from promote import GitHost, branch_name, promote, update_versions

ENTRY = {"version": "13", "uri": "models:/ctr-categories/13", "run": "ctr-training-x7k2p"}


class FakeHost:
    """In-memory git host: files per branch, and a log of what was called."""

    def __init__(self, files):
        self.branches = {"main": dict(files)}
        self.calls = []

    def branch_sha(self, branch):
        return f"sha-{branch}"

    def create_branch(self, branch, sha):
        self.calls.append(("branch", branch, sha))
        self.branches.setdefault(branch, dict(self.branches["main"]))

    def get_file(self, path, ref):
        text = self.branches[ref].get(path)
        return (text, f"blob-{ref}") if text is not None else (None, None)

    def put_file(self, path, branch, text, sha, message):
        self.calls.append(("put", path, branch, sha, message))
        self.branches[branch][path] = text
        return {"commit": {"html_url": f"https://git/commit/{branch}"}}

    def open_pull_request(self, head, base, title, body):
        self.calls.append(("pr", head, base, title))
        return {"html_url": "https://git/pull/7"}


class VersionsFileTest(unittest.TestCase):
    def test_update_keeps_other_models_and_sorts_keys(self):
        text = update_versions('{"search": {"version": "4"}}', "ctr-categories", ENTRY)
        self.assertEqual(list(json.loads(text)), ["ctr-categories", "search"])
        self.assertTrue(text.endswith("\n"))

    def test_missing_file_starts_empty(self):
        self.assertEqual(json.loads(update_versions(None, "m", {"version": "1"})), {"m": {"version": "1"}})

    def test_branch_name(self):
        self.assertEqual(branch_name("ctr-categories", "13"), "promote/ctr-categories-v13")


class PromoteTest(unittest.TestCase):
    def test_pull_request_mode_commits_to_a_branch_and_opens_a_pr(self):
        host = FakeHost({"models.json": "{}\n"})
        result = promote(host, "models.json", "main", "ctr-categories", ENTRY, "pull-request")
        self.assertEqual(result, {"changed": True, "url": "https://git/pull/7"})
        self.assertEqual(host.calls[0], ("branch", "promote/ctr-categories-v13", "sha-main"))
        self.assertEqual(host.calls[1][:4], ("put", "models.json", "promote/ctr-categories-v13", "blob-promote/ctr-categories-v13"))
        self.assertEqual(host.calls[2], ("pr", "promote/ctr-categories-v13", "main", "Promote ctr-categories to version 13"))
        self.assertEqual(host.branches["main"]["models.json"], "{}\n")

    def test_commit_mode_writes_the_base_branch(self):
        host = FakeHost({})
        result = promote(host, "models.json", "main", "ctr-categories", ENTRY, "commit")
        self.assertEqual(result["url"], "https://git/commit/main")
        self.assertEqual(json.loads(host.branches["main"]["models.json"])["ctr-categories"], ENTRY)

    def test_an_already_recorded_version_changes_nothing(self):
        host = FakeHost({"models.json": update_versions("{}", "ctr-categories", ENTRY)})
        self.assertEqual(promote(host, "models.json", "main", "ctr-categories", ENTRY, "pull-request"), {"changed": False, "url": ""})
        self.assertEqual(host.calls, [])


class GitHostTest(unittest.TestCase):
    def test_requests_go_to_the_repository_api_with_the_token(self):
        seen = []

        def opener(request, timeout):
            seen.append(request)
            content = base64.b64encode(b'{"a": 1}').decode()
            return io.BytesIO(json.dumps({"content": content, "sha": "abc"}).encode())

        host = GitHost("https://api.github.com/", "dsrpmart/gitops", "t0k", opener=opener)
        self.assertEqual(host.get_file("pipelines/model-versions.json", "main"), ('{"a": 1}', "abc"))
        self.assertEqual(seen[0].full_url, "https://api.github.com/repos/dsrpmart/gitops/contents/pipelines/model-versions.json?ref=main")
        self.assertEqual(seen[0].get_header("Authorization"), "Bearer t0k")

    def test_missing_file_is_none(self):
        def opener(request, timeout):
            raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)

        self.assertEqual(GitHost("https://git", "o/r", "t", opener=opener).get_file("x.json", "main"), (None, None))


if __name__ == "__main__":
    unittest.main()
