import unittest

from compose_notifications import build_candidates, render

PATTERN = {"user_id": "u1", "morning_share": 0.7, "evening_share": 0.3, "days_since_last_purchase": 4, "purchases_90d": 6}
DISCOUNTS = [
    {"user_id": "u1", "product_id": "p1", "product_name": "Trail shoes", "discount_pct": 15.0, "expected_value": 2.5},
    {"user_id": "u1", "product_id": "p2", "product_name": "Rain jacket", "discount_pct": 10.0, "expected_value": 4.0},
    {"user_id": "u2", "product_id": "p3", "product_name": "Tent", "discount_pct": 20.0, "expected_value": 9.0},
]
CATEGORIES = [{"user_id": "u1", "category_id": "c9", "category_name": "Camping", "score": 0.4}]


class ComposeTest(unittest.TestCase):
    def test_copy_is_rendered_per_kind(self):
        self.assertEqual(render("discount", DISCOUNTS[0]), ("15% off Trail shoes", "Your personal price, valid until Sunday.", "dsrpmart://product/p1?promo=personal-15"))
        self.assertEqual(render("category", CATEGORIES[0])[0], "New in Camping")

    def test_candidates_combine_discounts_categories_and_patterns(self):
        out = build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "morning")
        self.assertEqual([(c["kind"], c["item_id"]) for c in out], [("discount", "p2"), ("discount", "p1"), ("category", "c9")])
        self.assertTrue(all(c["slot_affinity"] == 0.7 and c["slot"] == "morning" for c in out))

    def test_users_without_patterns_get_nothing(self):
        self.assertNotIn("u2", {c["user_id"] for c in build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "evening")})

    def test_per_kind_limit_keeps_the_most_relevant(self):
        out = build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "evening", per_kind=1)
        self.assertEqual([c["item_id"] for c in out], ["p2", "c9"])

    def test_opted_out_and_recently_notified_users_are_skipped(self):
        self.assertEqual(build_candidates(DISCOUNTS, CATEGORIES, [{**PATTERN, "opted_out": True}], "morning"), [])
        self.assertEqual(build_candidates(DISCOUNTS, CATEGORIES, [{**PATTERN, "hours_since_last_notification": 3}], "morning"), [])

    def test_unknown_slot_is_an_error(self):
        with self.assertRaises(ValueError):
            build_candidates([], [], [], "noon")


if __name__ == "__main__":
    unittest.main()
