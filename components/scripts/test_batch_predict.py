import unittest

import numpy as np

from batch_predict import check_signature, feature_columns, group_codes, ranking_scores, registry_uri, top_k_per_group


class GroupCodesTest(unittest.TestCase):
    def test_rows_with_equal_keys_share_a_code(self):
        codes = group_codes([np.array(["u1", "u1", "u2", "u1"]), np.array([7, 8, 7, 7])])
        self.assertEqual(codes[0], codes[3])
        self.assertEqual(len(set(codes.tolist())), 3)

    def test_no_keys_means_one_group(self):
        self.assertIsNone(group_codes([]))


class TopKTest(unittest.TestCase):
    def test_keeps_the_best_rows_of_each_group_with_ranks(self):
        codes = np.array([0, 0, 0, 1, 1])
        rows, ranks = top_k_per_group(codes, [0.2, 0.9, 0.5, 0.1, 0.3], 2)
        self.assertEqual(rows.tolist(), [1, 2, 4, 3])
        self.assertEqual(ranks.tolist(), [1, 2, 1, 2])

    def test_ties_keep_input_order(self):
        rows, _ = top_k_per_group(np.array([0, 0, 0]), [0.5, 0.5, 0.5], 2)
        self.assertEqual(rows.tolist(), [0, 1])

    def test_k_larger_than_a_group_keeps_the_whole_group(self):
        rows, ranks = top_k_per_group(None, [0.1, 0.3], 10)
        self.assertEqual(rows.tolist(), [1, 0])
        self.assertEqual(ranks.tolist(), [1, 2])

    def test_expected_value_can_beat_a_higher_probability(self):
        # 20% off: likelier purchase but thin margin; 5% off: less likely, much better margin.
        by = ranking_scores([0.30, 0.18], [2.0, 5.0])
        np.testing.assert_allclose(by, [0.6, 0.9])
        rows, _ = top_k_per_group(np.array([0, 0]), by, 1)
        self.assertEqual(rows.tolist(), [1])


class FeatureColumnsTest(unittest.TestCase):
    def test_selects_exactly_the_trained_features_in_their_order(self):
        available = ["user_id", "item_id", "title", "relevance", "slot", "slot_affinity"]
        self.assertEqual(feature_columns(available, ["slot_affinity", "relevance", "slot"]), ["slot_affinity", "relevance", "slot"])

    def test_a_missing_feature_is_an_error_naming_it(self):
        with self.assertRaisesRegex(ValueError, r"no column hour_of_day, day_of_week .*it has: user_id, relevance"):
            feature_columns(["user_id", "relevance"], ["relevance", "hour_of_day", "day_of_week"])

    def test_empty_or_duplicated_features_are_errors(self):
        with self.assertRaisesRegex(ValueError, "features is empty"):
            feature_columns(["a"], [])
        with self.assertRaisesRegex(ValueError, "lists a more than once"):
            feature_columns(["a", "b"], ["a", "b", "a"])

    def test_signature_must_name_the_same_columns_in_the_same_order(self):
        check_signature(["a", "b"], ["a", "b"])
        check_signature(["a", "b"], None)
        with self.assertRaisesRegex(ValueError, r"trained on \[b, a\] but features is \[a, b\]"):
            check_signature(["a", "b"], ["b", "a"])


class RegistryUriTest(unittest.TestCase):
    def test_a_pinned_version_wins_over_the_alias(self):
        self.assertEqual(registry_uri("notification-selection", "31", "champion"), "models:/notification-selection/31")
        self.assertEqual(registry_uri("notification-selection", "", "champion"), "models:/notification-selection@champion")


if __name__ == "__main__":
    unittest.main()
