import os
import tempfile
import unittest

from register_model import artifact_files, storage_location


class StorageLocationTest(unittest.TestCase):
    def test_proxied_source_maps_under_the_destination(self):
        self.assertEqual(
            storage_location("mlflow-artifacts:/7/0f3c/artifacts/model", "s3://dsrpmart-mlflow-production/"),
            "s3://dsrpmart-mlflow-production/7/0f3c/artifacts/model",
        )

    def test_destination_with_a_path_keeps_it(self):
        self.assertEqual(storage_location("mlflow-artifacts:/1/r/artifacts/model", "gs://ml/mlflow"), "gs://ml/mlflow/1/r/artifacts/model")

    def test_other_sources_and_destinations_are_rejected(self):
        with self.assertRaises(ValueError):
            storage_location("runs:/r/model", "s3://b")
        with self.assertRaises(ValueError):
            storage_location("mlflow-artifacts:/1/r", "/var/mlflow")


class ArtifactFilesTest(unittest.TestCase):
    def test_a_directory_lists_every_file_relative_and_sorted(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "sub"))
            for rel in ("b.json", "a.bin", "sub/c.txt"):
                with open(os.path.join(root, rel), "w") as f:
                    f.write("x")
            self.assertEqual([rel for rel, _ in artifact_files(root)], ["a.bin", "b.json", "sub/c.txt"])

    def test_a_single_file_is_its_own_artifact(self):
        with tempfile.NamedTemporaryFile() as f:
            self.assertEqual(artifact_files(f.name), [(os.path.basename(f.name), f.name)])


if __name__ == "__main__":
    unittest.main()
