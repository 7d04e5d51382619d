import math
import unittest

import io
import json

from champion_gate import champion_score, decide, log_loss, mean_ndcg_at_k, ndcg_at_k, roc_auc, score

TOL = 1e-6


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

    def test_ndcg_graded_list_by_hand(self):
        # Ranked labels [2, 0, 3, 1]: DCG = 2/log2(2) + 0 + 3/log2(4) + 1/log2(5) = 3.930676558;
        # ideal [3, 2, 1, 0]: 3 + 2/log2(3) + 1/log2(4) = 4.761859507; NDCG = 0.825449922.
        self.assertAlmostEqual(ndcg_at_k([2, 0, 3, 1], [0.9, 0.8, 0.7, 0.6]), 0.825449922, delta=TOL)
        # k=2 keeps [2, 0] against ideal [3, 2]: 2 / (3 + 2/log2(3)) = 0.469278726.
        self.assertAlmostEqual(ndcg_at_k([2, 0, 3, 1], [0.9, 0.8, 0.7, 0.6], k=2), 0.469278726, delta=TOL)

    def test_a_list_without_relevant_rows_has_no_ndcg(self):
        self.assertIsNone(ndcg_at_k([0, 0], [0.3, 0.2]))


class GroupedNdcgTest(unittest.TestCase):
    # Two users: u1 ranks its one click second (NDCG 1/log2(3) = 0.630929754), u2 ranks both
    # clicks first (NDCG 1); u3 clicked nothing and is left out. Mean: 0.815464877.
    GROUPS = ["u1", "u1", "u1", "u2", "u2", "u2", "u3", "u3"]
    LABELS = [0, 1, 0, 1, 1, 0, 0, 0]
    SCORES = [0.9, 0.8, 0.1, 0.7, 0.6, 0.5, 0.95, 0.2]

    def test_mean_of_per_group_ndcg_by_hand(self):
        self.assertAlmostEqual(mean_ndcg_at_k(self.GROUPS, self.LABELS, self.SCORES), 0.815464877, delta=TOL)

    def test_differs_from_one_ndcg_over_the_pooled_holdout(self):
        # Pooled, u3's 0.95 and u1's 0.9 non-clicks push the three clicks to ranks 3-5:
        # (1/log2(4) + 1/log2(5) + 1/log2(6)) / (1 + 1/log2(3) + 1/log2(4)) = 0.618288502.
        pooled = ndcg_at_k(self.LABELS, self.SCORES)
        self.assertAlmostEqual(pooled, 0.618288502, delta=TOL)
        self.assertGreater(abs(pooled - mean_ndcg_at_k(self.GROUPS, self.LABELS, self.SCORES)), 0.1)

    def test_k_cuts_each_groups_list(self):
        # k=1: u1's top row is not a click (0), u2's is (1).
        self.assertAlmostEqual(mean_ndcg_at_k(self.GROUPS, self.LABELS, self.SCORES, k=1), 0.5, delta=TOL)

    def test_rows_of_a_group_need_not_be_contiguous(self):
        order = [7, 0, 3, 6, 1, 4, 2, 5]
        pick = lambda xs: [xs[i] for i in order]
        self.assertAlmostEqual(mean_ndcg_at_k(pick(self.GROUPS), pick(self.LABELS), pick(self.SCORES)), 0.815464877, delta=TOL)

    def test_no_group_with_a_relevant_row_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "at least one group"):
            mean_ndcg_at_k(["a", "b"], [0, 0], [0.1, 0.2])

    def test_ndcg_without_a_group_column_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "set groupColumn"):
            score("ndcg", [1, 0], [0.2, 0.1])
        self.assertAlmostEqual(score("ndcg", self.LABELS, self.SCORES, self.GROUPS), 0.815464877, delta=TOL)


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


class ReadColumnsTest(unittest.TestCase):
    def test_csv_header_and_missing_values(self):
        import os
        import tempfile

        from champion_gate import read_columns

        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "table.csv")
            with open(path, "w") as f:
                f.write("a,b\n1,x\n,y\n")
            self.assertEqual(read_columns(path), {"a": ["1", None], "b": ["x", "y"]})
