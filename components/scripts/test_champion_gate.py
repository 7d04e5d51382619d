import math
import unittest

import io
import json

from champion_gate import champion_score, decide, log_loss, ndcg_at_k, roc_auc


class RocAucTest(unittest.TestCase):
    def test_textbook_example(self):
        # The classic four-point example (scikit-learn's roc_auc_score docs): 0.75.
        self.assertAlmostEqual(roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75, places=12)

    def test_ties_count_half(self):
        self.assertAlmostEqual(roc_auc([0, 1], [0.5, 0.5]), 0.5, places=12)
        self.assertAlmostEqual(roc_auc([0, 0, 1, 1], [0.2, 0.6, 0.6, 0.9]), 0.875, places=12)

    def test_perfect_and_inverted(self):
        self.assertEqual(roc_auc([0, 0, 1], [0.1, 0.2, 0.9]), 1.0)
        self.assertEqual(roc_auc([1, 1, 0], [0.1, 0.2, 0.9]), 0.0)

    def test_single_class_is_an_error(self):
        with self.assertRaises(ValueError):
            roc_auc([1, 1], [0.2, 0.3])


class LossTest(unittest.TestCase):
    def test_log_loss_known_value(self):
        expected = -(math.log(0.9) + math.log(0.8)) / 2
        self.assertAlmostEqual(log_loss([1, 0], [0.9, 0.2]), expected, places=12)

    def test_ndcg_perfect_ranking(self):
        self.assertAlmostEqual(ndcg_at_k([1, 0, 1], [0.9, 0.1, 0.8]), 1.0, places=12)

    def test_ndcg_known_value(self):
        # relevant item ranked second: (1/log2(3)) / (1/log2(2))
        self.assertAlmostEqual(ndcg_at_k([0, 1], [0.9, 0.1]), 1 / math.log2(3), places=12)


class DecideTest(unittest.TestCase):
    def test_challenger_must_beat_champion_by_the_margin(self):
        self.assertTrue(decide("auc", 0.80, 0.79, 0.005, 0.5)[0])
        self.assertFalse(decide("auc", 0.793, 0.79, 0.005, 0.5)[0])

    def test_lower_is_better_metrics_flip_the_comparison(self):
        self.assertTrue(decide("logloss", 0.30, 0.35, 0.01, 1.0)[0])
        self.assertFalse(decide("logloss", 0.35, 0.30, 0.0, 1.0)[0])

    def test_first_model_only_needs_the_floor(self):
        self.assertTrue(decide("auc", 0.7, None, 0.01, 0.65)[0])
        self.assertFalse(decide("auc", 0.6, None, 0.01, 0.65)[0])


class ChampionScoreTest(unittest.TestCase):
    def test_no_serving_version_means_no_champion(self):
        self.assertIsNone(champion_score("http://mlflow", "m", "", "auc", opener=None))

    def test_reads_the_metric_of_the_serving_versions_run(self):
        seen = []
        answers = {
            "model-versions/get": {"model_version": {"run_id": "r12"}},
            "runs/get": {"run": {"data": {"metrics": [{"key": "auc", "value": 0.71}, {"key": "logloss", "value": 0.4}]}}},
        }

        def opener(request, timeout):
            seen.append(request.full_url)
            path = request.full_url.split("/api/2.0/mlflow/")[1].split("?")[0]
            return io.BytesIO(json.dumps(answers[path]).encode())

        self.assertEqual(champion_score("http://mlflow/", "ctr-categories", "12", "auc", opener=opener), 0.71)
        self.assertEqual(seen, ["http://mlflow/api/2.0/mlflow/model-versions/get?name=ctr-categories&version=12", "http://mlflow/api/2.0/mlflow/runs/get?run_id=r12"])


if __name__ == "__main__":
    unittest.main()
