import unittest

import numpy as np

from feature_engineering import FEATURES, chosen, smoothed_ctr


class SmoothedCtrTest(unittest.TestCase):
    def test_known_values(self):
        # (clicks + 1) / (impressions + 20): no data is the prior 1/20, a lot of data the raw rate.
        np.testing.assert_allclose(smoothed_ctr([0, 3, 500], [0, 10, 1000]), [0.05, 4 / 30, 501 / 1020], atol=1e-12)


class ChosenFeaturesTest(unittest.TestCase):
    def test_keeps_the_requested_order(self):
        self.assertEqual(chosen(["ctr_smoothed", "impressions"]), ["ctr_smoothed", "impressions"])

    def test_every_computed_feature_can_be_chosen(self):
        self.assertEqual(chosen(FEATURES), list(FEATURES))

    def test_a_feature_this_step_does_not_compute_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "subset of impressions, clicks"):
            chosen(["ctr_smoothed", "platform"])
        with self.assertRaises(ValueError):
            chosen([])


if __name__ == "__main__":
    unittest.main()
