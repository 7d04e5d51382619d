import math
import unittest

import numpy as np

from evaluate_backtest import DAY, auc, evaluate, log_loss, window_edges

TOL = 1e-6


class MetricTest(unittest.TestCase):
    def test_auc_textbook_example(self):
        # scikit-learn's roc_auc_score docs example: 0.75.
        self.assertAlmostEqual(auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75, delta=TOL)

    def test_auc_counts_ties_half(self):
        self.assertAlmostEqual(auc([0, 0, 1, 1], [0.2, 0.6, 0.6, 0.9]), 0.875, delta=TOL)

    def test_auc_needs_both_classes(self):
        self.assertIsNone(auc([1, 1], [0.2, 0.3]))

    def test_log_loss_known_value(self):
        self.assertAlmostEqual(log_loss([1, 0], [0.9, 0.2]), -(math.log(0.9) + math.log(0.8)) / 2, delta=TOL)


class WindowTest(unittest.TestCase):
    def test_windows_end_at_the_end_oldest_first(self):
        self.assertEqual(window_edges(10 * DAY, 2, 3), [(4 * DAY, 6 * DAY), (6 * DAY, 8 * DAY), (8 * DAY, 10 * DAY)])

    def test_degrading_model_has_negative_trend_and_worst_last_window(self):
        rng = np.random.default_rng(1)
        times, labels, scores = [], [], []
        for w, noise in enumerate([0.1, 0.3, 0.6]):
            y = rng.integers(0, 2, 400)
            times += list(w * 7 * DAY + rng.uniform(0, 7 * DAY, 400))
            labels += list(y)
            scores += list(np.clip(y + rng.normal(0, noise, 400), 0, 1))
        report = evaluate(times, labels, scores, "auc", 21 * DAY, 7, 3)
        per_window = [w["score"] for w in report["windows"]]
        self.assertEqual(report["worst"], per_window[2])
        self.assertLess(report["trend"], 0)
        self.assertAlmostEqual(report["mean"], float(np.mean(per_window)), delta=TOL)
        self.assertEqual([w["rows"] for w in report["windows"]], [400, 400, 400])

    def test_lower_is_better_metric_takes_the_highest_loss_as_worst(self):
        times = [0.5 * DAY] * 60 + [1.5 * DAY] * 60
        labels = [1, 0] * 60
        probs = [0.8, 0.2] * 30 + [0.6, 0.4] * 30
        report = evaluate(times, labels, probs, "logloss", 2 * DAY, 1, 2)
        self.assertAlmostEqual(report["worst"], -math.log(0.6), delta=TOL)

    def test_sparse_windows_are_not_scored_and_too_few_scored_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "only 1 of 2 windows"):
            evaluate([0.5 * DAY] * 100 + [1.5 * DAY] * 3, [1, 0] * 51 + [1], [0.5] * 103, "auc", 2 * DAY, 1, 2)


if __name__ == "__main__":
    unittest.main()


class TableInputTest(unittest.TestCase):
    def test_csv_columns_and_timestamps(self):
        import datetime
        import os
        import tempfile

        from evaluate_backtest import epoch_seconds, read_columns

        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "predictions.csv")
            with open(path, "w") as f:
                f.write("event_time,label,score\n2026-01-01T00:00:00Z,1,0.9\n2026-01-02,0,\n")
            cols = read_columns(path)
        self.assertEqual(cols, {"event_time": ["2026-01-01T00:00:00Z", "2026-01-02"], "label": ["1", "0"], "score": ["0.9", None]})
        self.assertEqual(epoch_seconds("2026-01-01T00:00:00Z"), 1767225600.0)
        self.assertEqual(epoch_seconds("2026-01-02"), 1767225600.0 + DAY)
        self.assertEqual(epoch_seconds(datetime.datetime(2026, 1, 1)), 1767225600.0)
        self.assertEqual(epoch_seconds(1767225600 * 10**9), 1767225600.0)
