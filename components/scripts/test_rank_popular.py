import unittest

from rank_popular import rank

SELLERS = [
    {"segment": "f25-34", "product_id": "p1", "units_sold": 90},
    {"segment": "f25-34", "product_id": "p2", "units_sold": 120},
    {"segment": "f25-34", "product_id": "p3", "units_sold": 300, "in_stock": False},
    {"segment": "m35-44", "product_id": "p4", "units_sold": 50},
]


class RankTest(unittest.TestCase):
    def test_best_sellers_by_units_skipping_out_of_stock(self):
        self.assertEqual(rank([], SELLERS, 5), {"f25-34": ["p2", "p1"], "m35-44": ["p4"]})

    def test_pins_come_first_by_priority_and_global_pins_apply_everywhere(self):
        pinned = [{"segment": "*", "product_id": "promo", "priority": 2}, {"segment": "f25-34", "product_id": "p1", "priority": 1}]
        self.assertEqual(rank(pinned, SELLERS, 3), {"f25-34": ["p1", "promo", "p2"], "m35-44": ["promo", "p4"]})

    def test_a_pinned_best_seller_is_listed_once_and_size_is_respected(self):
        pinned = [{"segment": "f25-34", "product_id": "p2", "priority": 1}]
        self.assertEqual(rank(pinned, SELLERS, 1)["f25-34"], ["p2"])

    def test_segments_with_only_pins_are_ranked(self):
        self.assertEqual(rank([{"segment": "new", "product_id": "x", "priority": 1}], [], 2), {"new": ["x"]})


if __name__ == "__main__":
    unittest.main()
