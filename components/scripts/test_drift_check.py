import math
import unittest

import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

from drift_check import (
    categorical_counts,
    chi_square,
    feature_drift,
    js_divergence,
    ks_two_sample,
    numeric_proportions,
    prometheus_text,
    psi,
    quantile_edges,
    summarize,
)

TOL = 1e-6


class PsiTest(unittest.TestCase):
    def test_known_value(self):
        expected = [0.25, 0.25, 0.25, 0.25]
        actual = [0.10, 0.20, 0.30, 0.40]
        by_hand = sum((a - e) * math.log(a / e) for e, a in zip(expected, actual))
        self.assertAlmostEqual(psi(expected, actual), by_hand, delta=TOL)
        self.assertAlmostEqual(psi(expected, actual), 0.2282174096, delta=TOL)

    def test_identical_distributions_are_zero(self):
        self.assertEqual(psi([0.2, 0.8], [0.2, 0.8]), 0.0)

    def test_empty_bins_are_floored_not_infinite(self):
        value = psi([0.5, 0.5, 0.0], [0.5, 0.4, 0.1])
        self.assertTrue(math.isfinite(value))
        self.assertAlmostEqual(value, (0.4 - 0.5) * math.log(0.4 / 0.5) + (0.1 - 1e-4) * math.log(0.1 / 1e-4), delta=TOL)


class JensenShannonTest(unittest.TestCase):
    def test_matches_scipy_distance_squared(self):
        rng = np.random.default_rng(3)
        for _ in range(5):
            p, q = rng.random(8), rng.random(8)
            self.assertAlmostEqual(js_divergence(p, q), jensenshannon(p, q, base=2) ** 2, delta=TOL)

    def test_disjoint_is_one_bit(self):
        self.assertAlmostEqual(js_divergence([1, 0], [0, 1]), 1.0, delta=TOL)

    def test_unnormalised_counts_are_normalised(self):
        self.assertAlmostEqual(js_divergence([2, 2], [1, 3]), js_divergence([0.5, 0.5], [0.25, 0.75]), delta=TOL)


class KolmogorovSmirnovTest(unittest.TestCase):
    def test_matches_scipy_statistic_and_asymptotic_pvalue(self):
        rng = np.random.default_rng(11)
        a = rng.normal(0.0, 1.0, 400)
        b = rng.normal(0.3, 1.2, 300)
        d, p_value = ks_two_sample(a, b)
        reference = stats.ks_2samp(a, b, method="asymp")
        self.assertAlmostEqual(d, reference.statistic, delta=TOL)
        self.assertAlmostEqual(p_value, reference.pvalue, delta=TOL)

    def test_ties_between_samples(self):
        a, b = [1, 2, 2, 3, 3, 3], [2, 3, 3, 4]
        self.assertAlmostEqual(ks_two_sample(a, b)[0], stats.ks_2samp(a, b).statistic, delta=TOL)

    def test_disjoint_samples_have_statistic_one(self):
        self.assertEqual(ks_two_sample([1, 2, 3], [10, 11])[0], 1.0)


class ChiSquareTest(unittest.TestCase):
    def test_two_by_two_by_hand(self):
        # Reference 60 app / 40 web, current 40 / 60: every expected cell is 50, so
        # chi2 = 4 * 10^2 / 50 = 8, p = P(chi2_1 > 8) = 0.004677735, V = sqrt(8 / 200) = 0.2.
        statistic, p_value, v = chi_square([60, 40], [40, 60])
        self.assertAlmostEqual(statistic, 8.0, delta=TOL)
        self.assertAlmostEqual(p_value, 0.004677734981047, delta=TOL)
        self.assertAlmostEqual(v, 0.2, delta=TOL)

    def test_matches_scipy_contingency_test_and_cramers_v(self):
        ref, cur = [50, 30, 20, 0], [40, 35, 20, 5]
        statistic, p_value, v = chi_square(ref, cur)
        table = np.array([ref, cur])
        reference = stats.chi2_contingency(table, correction=False)
        self.assertAlmostEqual(statistic, reference.statistic, delta=TOL)
        self.assertAlmostEqual(p_value, reference.pvalue, delta=TOL)
        self.assertAlmostEqual(v, stats.contingency.association(table, method="cramer", correction=False), delta=TOL)

    def test_categories_empty_in_both_windows_are_dropped(self):
        self.assertEqual(chi_square([5, 0, 5], [3, 0, 7]), chi_square([5, 5], [3, 7]))

    def test_identical_shares_have_no_effect_whatever_the_sample_size(self):
        statistic, p_value, v = chi_square([500, 300, 200], [50, 30, 20])
        self.assertAlmostEqual(statistic, 0.0, delta=TOL)
        self.assertAlmostEqual(v, 0.0, delta=TOL)
        self.assertAlmostEqual(p_value, 1.0, delta=TOL)


class BinningTest(unittest.TestCase):
    def test_quantile_bins_hold_equal_reference_mass(self):
        reference = np.arange(1000, dtype=float)
        np.testing.assert_allclose(numeric_proportions(reference, quantile_edges(reference, 10)), [0.1] * 10)

    def test_out_of_range_values_land_in_the_outer_bins(self):
        edges = quantile_edges(np.arange(100, dtype=float), 4)
        np.testing.assert_allclose(numeric_proportions([-5.0, 500.0], edges), [0.5, 0, 0, 0.5])

    def test_unseen_categories_share_one_bucket(self):
        categories, ref, cur = categorical_counts(["a", "b", "a"], ["a", "c", "d"])
        self.assertEqual(categories, ["a", "b", "__other__"])
        np.testing.assert_array_equal(ref, [2, 1, 0])
        np.testing.assert_array_equal(cur, [1, 0, 2])


class VerdictTest(unittest.TestCase):
    def test_shifted_numeric_feature_drifts_and_stable_one_does_not(self):
        rng = np.random.default_rng(5)
        reference = rng.normal(0, 1, 2000)
        stable = feature_drift("basket_value", "numeric", reference, rng.normal(0, 1, 2000), {})
        shifted = feature_drift("basket_value", "numeric", reference, rng.normal(1.0, 1, 2000), {})
        self.assertFalse(stable["drifted"], stable)
        self.assertTrue(shifted["drifted"])
        self.assertIn("ks", shifted["breaches"])

    def test_per_feature_threshold_overrides_the_default(self):
        rng = np.random.default_rng(9)
        reference, current = rng.normal(0, 1, 2000), rng.normal(0.4, 1, 2000)
        strict = feature_drift("price", "numeric", reference, current, {})
        lenient = feature_drift("price", "numeric", reference, current, {"features": {"price": {"psi": 10, "js": 1, "ks": 1}}})
        self.assertTrue(strict["drifted"])
        self.assertFalse(lenient["drifted"])
        self.assertEqual(lenient["thresholds"], {"psi": 10, "js": 1, "ks": 1})

    def test_a_significant_but_tiny_categorical_shift_does_not_drift(self):
        # 50.0 % -> 50.5 % app on a million rows each: p < 1e-10, yet Cramer's V is 0.005.
        small = feature_drift("channel", "categorical", ["app"] * 500_000 + ["web"] * 500_000, ["app"] * 505_000 + ["web"] * 495_000, {})
        self.assertLess(small["statistics"]["chi2_pvalue"], 1e-10)
        self.assertAlmostEqual(small["statistics"]["cramers_v"], 0.005, delta=TOL)
        self.assertFalse(small["drifted"], small)
        self.assertNotIn("chi2_pvalue", small["thresholds"])

    def test_a_large_categorical_shift_drifts_on_cramers_v(self):
        moved = feature_drift("channel", "categorical", ["app"] * 500 + ["web"] * 500, ["app"] * 400 + ["web"] * 100, {})
        self.assertIn("cramers_v", moved["breaches"])
        lenient = feature_drift("channel", "categorical", ["app"] * 500 + ["web"] * 500, ["app"] * 400 + ["web"] * 100, {"default": {"cramers_v": 0.5, "psi": 10, "js": 1}})
        self.assertFalse(lenient["drifted"])

    def test_score_is_the_share_of_drifted_features(self):
        report = summarize("m", [{"feature": "a", "drifted": True}, {"feature": "b", "drifted": False}, {"feature": "c", "drifted": False}, {"feature": "d", "drifted": True}], 0.4)
        self.assertEqual(report["score"], 0.5)
        self.assertTrue(report["drifted"])
        self.assertEqual(report["drifted_features"], ["a", "d"])

    def test_a_score_equal_to_the_threshold_is_not_drift_like_the_alert(self):
        # The alert fires on argosy_drift_score > threshold; the verdict must agree at the boundary.
        features = [{"feature": "a", "drifted": True}, {"feature": "b", "drifted": False}]
        self.assertFalse(summarize("m", features, 0.5)["drifted"])
        self.assertTrue(summarize("m", features, 0.49)["drifted"])

    def test_prometheus_text_carries_score_and_statistics(self):
        feature = {"feature": "price", "statistics": {"psi": 0.25, "ks": 0.1}, "thresholds": {"psi": 0.2}, "drifted": True}
        text = prometheus_text({"model": "ctr", "score": 1.0, "features": [feature]}, 1700000000)
        self.assertIn('argosy_drift_score{model="ctr"} 1.0\n', text)
        self.assertIn('argosy_drift_statistic{model="ctr",feature="price",statistic="psi"} 0.25\n', text)
        self.assertIn('argosy_drift_threshold{model="ctr",feature="price",statistic="psi"} 0.2\n', text)
        self.assertIn('argosy_drift_feature_drifted{model="ctr",feature="price"} 1\n', text)
        self.assertIn("# TYPE argosy_drift_score gauge\n", text)


if __name__ == "__main__":
    unittest.main()


class ReadColumnsTest(unittest.TestCase):
    def test_csv_header_and_missing_values(self):
        import os
        import tempfile

        from drift_check import read_columns

        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "table.csv")
            with open(path, "w") as f:
                f.write("a,b\n1,x\n,y\n")
            self.assertEqual(read_columns(path), {"a": ["1", None], "b": ["x", "y"]})
