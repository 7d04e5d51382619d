import math
import unittest

from ab_test import betainc, decide, evaluate, moments, normal_sf, student_t_sf, two_proportion_z_test, welch_t_test

try:  # scipy supplies independent reference values; test/python.ts guarantees it in CI.
    from scipy import special, stats
except ImportError:  # pragma: no cover
    special = stats = None

# Welch's t-test example from Wikipedia ("Welch's t-test", example 1): two samples of 15.
A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]


def summary(xs):
    n = len(xs)
    mean = sum(xs) / n
    return mean, sum((x - mean) ** 2 for x in xs) / (n - 1), n


class DistributionTest(unittest.TestCase):
    def test_normal_tail_textbook_quantiles(self):
        self.assertAlmostEqual(normal_sf(1.959963984540054), 0.025, places=12)
        self.assertAlmostEqual(normal_sf(0.0), 0.5, places=15)
        self.assertAlmostEqual(normal_sf(-1.6448536269514722), 0.95, places=12)

    def test_t_tail_closed_forms(self):
        # df=1 is the Cauchy distribution, df=2 has a closed form too.
        for t in [0.1, 0.5, 1.0, 2.5, 10.0]:
            self.assertAlmostEqual(student_t_sf(t, 1.0), 0.5 - math.atan(t) / math.pi, places=12)
            self.assertAlmostEqual(student_t_sf(t, 2.0), 0.5 - t / (2.0 * math.sqrt(2.0 + t * t)), places=12)
        self.assertAlmostEqual(student_t_sf(-1.0, 1.0), 0.75, places=12)

    def test_t_tail_textbook_critical_value(self):
        # The two-sided 5 % critical value for 10 df is 2.228 (t tables: 2.2281388519649385).
        self.assertAlmostEqual(student_t_sf(2.2281388519649385, 10.0), 0.025, places=10)

    @unittest.skipIf(special is None, "scipy not installed")
    def test_incomplete_beta_matches_scipy(self):
        for a, b, x in [(0.5, 0.5, 0.3), (2.0, 3.0, 0.4), (12.5, 0.5, 0.97), (50.0, 0.5, 0.5), (0.7, 8.0, 0.05)]:
            self.assertAlmostEqual(betainc(a, b, x), float(special.betainc(a, b, x)), places=10)

    @unittest.skipIf(stats is None, "scipy not installed")
    def test_t_tail_fractional_df_matches_scipy(self):
        for t, df in [(0.3, 3.7), (2.46, 24.99), (4.0, 150.5), (1.0, 0.8)]:
            self.assertAlmostEqual(student_t_sf(t, df), float(stats.t.sf(t, df)), places=10)


class WelchTest(unittest.TestCase):
    def test_wikipedia_example(self):
        m1, v1, n1 = summary(A1)
        m2, v2, n2 = summary(A2)
        diff, t, df, p = welch_t_test(m1, v1, n1, m2, v2, n2)
        # Published (rounded): t = 2.46 (A2 vs A1), df = 24.99 (~25), p = 0.021.
        self.assertAlmostEqual(t, 2.46, places=2)
        self.assertAlmostEqual(df, 24.99, places=2)
        self.assertAlmostEqual(p, 0.021, places=3)
        self.assertAlmostEqual(diff, m2 - m1, places=12)

    @unittest.skipIf(stats is None, "scipy not installed")
    def test_matches_scipy_to_1e6(self):
        m1, v1, n1 = summary(A1)
        m2, v2, n2 = summary(A2)
        _, t, _, p = welch_t_test(m1, v1, n1, m2, v2, n2)
        ref = stats.ttest_ind(A2, A1, equal_var=False)
        self.assertLess(abs(t - ref.statistic), 1e-6)
        self.assertLess(abs(p - ref.pvalue), 1e-6)
        ref2 = stats.ttest_ind_from_stats(10.2, 2.5, 40, 9.1, 4.0, 25, equal_var=False)
        _, t2, _, p2 = welch_t_test(9.1, 16.0, 25, 10.2, 6.25, 40)
        self.assertLess(abs(t2 - ref2.statistic), 1e-6)
        self.assertLess(abs(p2 - ref2.pvalue), 1e-6)

    def test_moments_from_sums(self):
        xs = A1
        mean, var = moments(len(xs), sum(xs), sum(x * x for x in xs))
        m, v, _ = summary(xs)
        self.assertAlmostEqual(mean, m, places=12)
        self.assertAlmostEqual(var, v, places=9)

    def test_identical_arms(self):
        self.assertEqual(welch_t_test(5.0, 2.0, 30, 5.0, 2.0, 30)[3], 1.0)

    def test_needs_two_samples(self):
        with self.assertRaises(ValueError):
            welch_t_test(1.0, 1.0, 1, 2.0, 1.0, 10)


class ProportionsTest(unittest.TestCase):
    def test_hand_computed_example(self):
        # 200/1000 vs 250/1000: pooled 0.225, se = sqrt(0.225*0.775*0.002) = 0.0186748..., z = 2.67742...
        diff, z, p = two_proportion_z_test(200, 1000, 250, 1000)
        self.assertAlmostEqual(diff, 0.05, places=12)
        self.assertAlmostEqual(z, 0.05 / math.sqrt(0.225 * 0.775 * 0.002), places=12)
        self.assertAlmostEqual(z, 2.677, places=3)
        self.assertAlmostEqual(p, 0.00742, places=5)

    @unittest.skipIf(stats is None, "scipy not installed")
    def test_matches_chi_square_to_1e6(self):
        # Without continuity correction the 2x2 chi-square statistic is z squared, with the same p-value.
        for s_a, n_a, s_b, n_b in [(200, 1000, 250, 1000), (31, 1200, 52, 1180), (480, 5000, 455, 5000)]:
            _, z, p = two_proportion_z_test(s_a, n_a, s_b, n_b)
            chi2, p_ref, _, _ = stats.chi2_contingency([[s_a, n_a - s_a], [s_b, n_b - s_b]], correction=False)
            self.assertLess(abs(z * z - chi2), 1e-6)
            self.assertLess(abs(p - p_ref), 1e-6)

    def test_no_variance_means_no_evidence(self):
        self.assertEqual(two_proportion_z_test(0, 100, 0, 100), (0.0, 0.0, 1.0))


class DecisionTest(unittest.TestCase):
    def test_better_needs_significant_improvement(self):
        self.assertTrue(decide(0.05, 0.001, 1000, 1000, 0.05, 500, True, "better")[0])
        self.assertFalse(decide(0.05, 0.2, 1000, 1000, 0.05, 500, True, "better")[0])
        self.assertFalse(decide(-0.05, 0.001, 1000, 1000, 0.05, 500, True, "better")[0])

    def test_lower_is_better_flips_direction(self):
        self.assertTrue(decide(-0.02, 0.001, 1000, 1000, 0.05, 500, False, "better")[0])

    def test_not_worse_blocks_only_significant_regressions(self):
        self.assertTrue(decide(-0.01, 0.3, 1000, 1000, 0.05, 500, True, "not-worse")[0])
        self.assertFalse(decide(-0.01, 0.01, 1000, 1000, 0.05, 500, True, "not-worse")[0])

    def test_too_few_samples_fails(self):
        passed, reason = decide(0.05, 0.001, 400, 1000, 0.05, 500, True, "better")
        self.assertFalse(passed)
        self.assertIn("not enough samples", reason)


class EvaluateTest(unittest.TestCase):
    ENV = {
        "AB_TEST": "proportions", "AB_ALPHA": "0.05", "AB_MIN_SAMPLES": "500", "AB_HIGHER_IS_BETTER": "true", "AB_REQUIRE": "better",
        "AB_QUERY_BASELINE_SUCCESSES": "b_s", "AB_QUERY_BASELINE_TRIALS": "b_n", "AB_QUERY_CANDIDATE_SUCCESSES": "c_s", "AB_QUERY_CANDIDATE_TRIALS": "c_n",
    }

    def test_reads_each_arm_from_its_query(self):
        values = {"b_s": 200.0, "b_n": 1000.0, "c_s": 250.0, "c_n": 1000.0}
        result = evaluate(self.ENV, values.__getitem__)
        self.assertTrue(result["passed"])
        self.assertAlmostEqual(result["p_value"], 0.00742, places=5)

    def test_swapped_arms_fail(self):
        values = {"b_s": 250.0, "b_n": 1000.0, "c_s": 200.0, "c_n": 1000.0}
        self.assertFalse(evaluate(self.ENV, values.__getitem__)["passed"])

    def test_welch_from_sums(self):
        env = {k: v for k, v in self.ENV.items() if "QUERY" not in k}
        env.update({"AB_TEST": "welch", "AB_MIN_SAMPLES": "10"})
        for arm, xs in (("BASELINE", A1), ("CANDIDATE", A2)):
            env["AB_QUERY_%s_COUNT" % arm] = "%s_n" % arm
            env["AB_QUERY_%s_SUM" % arm] = "%s_s" % arm
            env["AB_QUERY_%s_SUM_OF_SQUARES" % arm] = "%s_q" % arm
        values = {"BASELINE_n": 15.0, "BASELINE_s": sum(A1), "BASELINE_q": sum(x * x for x in A1),
                  "CANDIDATE_n": 15.0, "CANDIDATE_s": sum(A2), "CANDIDATE_q": sum(x * x for x in A2)}
        result = evaluate(env, values.__getitem__)
        self.assertTrue(result["passed"])
        self.assertAlmostEqual(result["p_value"], 0.021, places=3)

    def test_empty_arm_fails_without_crashing(self):
        values = {"b_s": 0.0, "b_n": 0.0, "c_s": 5.0, "c_n": 100.0}
        self.assertFalse(evaluate(self.ENV, values.__getitem__)["passed"])


if __name__ == "__main__":
    unittest.main()
