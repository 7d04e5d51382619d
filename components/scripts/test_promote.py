import base64
import io
import json
import unittest
import urllib.error

from promote import AUTO_MERGE_LABEL, GitHost, branch_name, promote, record, render

ENTRY = {"version": "13", "storageUri": "s3://mlflow/7/abc/artifacts/model", "registryUri": "models:/ctr-categories/13", "run": "ctr-training-x7k2p"}
V12 = {"version": "12", "storageUri": "s3://mlflow/7/old/artifacts/model"}
V14 = {"version": "14", "storageUri": "s3://mlflow/7/new/artifacts/model"}


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
        self.body = body
        return {"number": 7, "html_url": "https://git/pull/7"}

    def add_label(self, number, label):
        self.calls.append(("label", number, label))


class RecordTest(unittest.TestCase):
    def test_the_first_version_of_a_model_serves_directly(self):
        updated, outcome = record({}, "production", "ctr-categories", ENTRY)
        self.assertEqual((updated, outcome), ({"production": {"ctr-categories": {"serving": ENTRY}}}, "serving"))

    def test_a_later_version_becomes_the_candidate_and_other_environments_stay(self):
        versions = {"production": {"ctr-categories": {"serving": V12}}, "staging": {"ctr-categories": {"serving": V14}}}
        updated, outcome = record(versions, "production", "ctr-categories", ENTRY)
        self.assertEqual(outcome, "candidate")
        self.assertEqual(updated["production"]["ctr-categories"], {"serving": V12, "candidate": ENTRY})
        self.assertEqual(updated["staging"], versions["staging"])
        self.assertEqual(versions["production"]["ctr-categories"], {"serving": V12})

    def test_a_pending_candidate_blocks_the_next_one(self):
        versions = {"production": {"m": {"serving": V12, "candidate": ENTRY}}}
        self.assertEqual(record(versions, "production", "m", V14), (versions, "pending:13"))

    def test_serving_mode_records_the_version_as_serving(self):
        versions = {"production": {"m": {"serving": V12}}}
        updated, outcome = record(versions, "production", "m", ENTRY, record_as="serving")
        self.assertEqual((updated["production"]["m"], outcome), ({"serving": ENTRY}, "serving"))
        self.assertEqual(record(updated, "production", "m", ENTRY, record_as="serving")[1], "unchanged")
        with self.assertRaises(ValueError):
            record(versions, "production", "m", ENTRY, record_as="stable")

    def test_a_version_already_recorded_changes_nothing(self):
        versions = {"production": {"m": {"serving": V12, "candidate": ENTRY}}}
        self.assertEqual(record(versions, "production", "m", dict(ENTRY, run="rerun"))[1], "unchanged")
        self.assertEqual(record(versions, "production", "m", V12)[1], "unchanged")

    def test_render_sorts_keys_and_ends_with_a_newline(self):
        text = render({"staging": {}, "production": {"b": {"serving": V12}, "a": {"serving": V14}}})
        self.assertEqual(list(json.loads(text)), ["production", "staging"])
        self.assertLess(text.index('"a"'), text.index('"b"'))
        self.assertTrue(text.endswith("}\n"))

    def test_branch_name(self):
        self.assertEqual(branch_name("production", "ctr-categories", "13"), "promote/production/ctr-categories-v13")


class PromoteTest(unittest.TestCase):
    def test_pull_request_mode_commits_to_a_branch_and_opens_a_pr(self):
        host = FakeHost({"models.json": render({"production": {"ctr-categories": {"serving": V12}}})})
        result = promote(host, "models.json", "main", "production", "ctr-categories", ENTRY, "pull-request")
        self.assertEqual(result, {"changed": True, "outcome": "candidate", "url": "https://git/pull/7"})
        branch = "promote/production/ctr-categories-v13"
        self.assertEqual(host.calls[0], ("branch", branch, "sha-main"))
        self.assertEqual(host.calls[1][:4], ("put", "models.json", branch, f"blob-{branch}"))
        self.assertEqual(host.calls[2], ("pr", branch, "main", "Promote ctr-categories to version 13 in production (candidate)"))
        self.assertEqual(json.loads(host.branches[branch]["models.json"])["production"]["ctr-categories"]["candidate"], ENTRY)
        self.assertNotIn("candidate", host.branches["main"]["models.json"])
        self.assertEqual(len(host.calls), 3)
        self.assertIn("Needs a review", host.body)

    def test_auto_merge_mode_opens_a_labelled_pull_request_and_never_writes_the_base_branch(self):
        host = FakeHost({})
        result = promote(host, "models.json", "main", "staging", "ctr-categories", ENTRY, "auto-merge")
        branch = "promote/staging/ctr-categories-v13"
        self.assertEqual(result["url"], "https://git/pull/7")
        self.assertEqual([c[0] for c in host.calls], ["branch", "put", "pr", "label"])
        self.assertEqual(host.calls[3], ("label", 7, AUTO_MERGE_LABEL))
        self.assertEqual(json.loads(host.branches[branch]["models.json"])["staging"]["ctr-categories"], {"serving": ENTRY})
        self.assertNotIn("models.json", host.branches["main"])
        self.assertIn("Merges by itself", host.body)

    def test_an_already_recorded_or_blocked_version_changes_nothing(self):
        host = FakeHost({"models.json": render({"production": {"ctr-categories": {"serving": V12, "candidate": ENTRY}}})})
        self.assertEqual(promote(host, "models.json", "main", "production", "ctr-categories", ENTRY, "pull-request"), {"changed": False, "outcome": "unchanged", "url": ""})
        self.assertEqual(promote(host, "models.json", "main", "production", "ctr-categories", V14, "pull-request")["outcome"], "pending:13")
        self.assertEqual(host.calls, [])

    def test_an_unknown_mode_is_rejected(self):
        # Committing straight to the base branch would leave dist/ stale there: not a mode.
        for mode in ("push", "commit"):
            with self.assertRaisesRegex(ValueError, "pull-request, auto-merge"):
                promote(FakeHost({}), "models.json", "main", "production", "m", ENTRY, mode)


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

    def test_a_rerun_finds_the_open_pull_request_of_its_branch(self):
        seen = []

        def opener(request, timeout):
            seen.append((request.get_method(), request.full_url))
            if request.get_method() == "POST":
                raise urllib.error.HTTPError(request.full_url, 422, "Unprocessable Entity", {}, None)
            return io.BytesIO(json.dumps([{"number": 12, "html_url": "https://github.com/dsrpmart/gitops/pull/12"}]).encode())

        host = GitHost("https://api.github.com", "dsrpmart/gitops", "t0k", opener=opener)
        self.assertEqual(host.open_pull_request("promote/staging/m-v3", "main", "t", "b")["number"], 12)
        self.assertEqual(seen[1], ("GET", "https://api.github.com/repos/dsrpmart/gitops/pulls?head=dsrpmart%3Apromote%2Fstaging%2Fm-v3&base=main&state=open"))

    def test_missing_file_is_none(self):
        def opener(request, timeout):
            raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)

        self.assertEqual(GitHost("https://git", "o/r", "t", opener=opener).get_file("x.json", "main"), (None, None))


if __name__ == "__main__":
    unittest.main()
