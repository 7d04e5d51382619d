import unittest

from compose_notifications import COLUMNS, build_candidates, render, send_time_features

PATTERN = {"user_id": "u1", "morning_share": 0.7, "evening_share": 0.3, "days_since_last_purchase": 4, "purchases_90d": 6}
DISCOUNTS = [
    {"user_id": "u1", "product_id": "p1", "product_name": "Trail shoes", "discount_pct": 15.0, "expected_value": 2.5},
    {"user_id": "u1", "product_id": "p2", "product_name": "Rain jacket", "discount_pct": 10.0, "expected_value": 4.0},
    {"user_id": "u2", "product_id": "p3", "product_name": "Tent", "discount_pct": 20.0, "expected_value": 9.0},
]
CATEGORIES = [{"user_id": "u1", "category_id": "c9", "category_name": "Camping", "score": 0.4}]
# Monday 2026-05-04, 08:00 in Berlin (CEST, UTC+2), as the morning schedule's scheduled time.
MONDAY_8AM = "2026-05-04T06:00:00Z"


class ComposeTest(unittest.TestCase):
    def test_copy_is_rendered_per_kind(self):
        self.assertEqual(render("discount", DISCOUNTS[0]), ("15% off Trail shoes", "Your personal price, valid until Sunday.", "dsrpmart://product/p1?promo=personal-15"))
        self.assertEqual(render("category", CATEGORIES[0])[0], "New in Camping")

    def test_candidates_combine_discounts_categories_and_patterns(self):
        out = build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "morning", MONDAY_8AM)
        self.assertEqual([(c["kind"], c["item_id"]) for c in out], [("discount", "p2"), ("discount", "p1"), ("category", "c9")])
        self.assertTrue(all(c["slot_affinity"] == 0.7 and c["slot"] == "morning" for c in out))

    def test_users_without_patterns_get_nothing(self):
        self.assertNotIn("u2", {c["user_id"] for c in build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "evening", MONDAY_8AM)})

    def test_per_kind_limit_keeps_the_most_relevant(self):
        out = build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "evening", MONDAY_8AM, per_kind=1)
        self.assertEqual([c["item_id"] for c in out], ["p2", "c9"])

    def test_opted_out_and_recently_notified_users_are_skipped(self):
        self.assertEqual(build_candidates(DISCOUNTS, CATEGORIES, [{**PATTERN, "opted_out": True}], "morning", MONDAY_8AM), [])
        self.assertEqual(build_candidates(DISCOUNTS, CATEGORIES, [{**PATTERN, "hours_since_last_notification": 3}], "morning", MONDAY_8AM), [])

    def test_every_candidate_has_exactly_the_columns_and_the_send_time_features(self):
        out = build_candidates(DISCOUNTS, CATEGORIES, [PATTERN], "morning", MONDAY_8AM)
        self.assertTrue(all(tuple(sorted(c)) == tuple(sorted(COLUMNS)) for c in out))
        self.assertEqual({(c["hour_of_day"], c["day_of_week"]) for c in out}, {(8, 2)})

    def test_send_time_is_read_in_the_users_time_zone(self):
        # 19:00 in Berlin on Sunday 2026-01-04 (CET, UTC+1) is 18:00 UTC; BigQuery DAYOFWEEK: Sunday = 1.
        self.assertEqual(send_time_features("2026-01-04T18:00:00+00:00"), {"hour_of_day": 19, "day_of_week": 1})
        self.assertEqual(send_time_features("2026-01-10T23:30:00Z"), {"hour_of_day": 0, "day_of_week": 1})
        self.assertEqual(send_time_features("2026-01-10T10:00:00+01:00", "UTC"), {"hour_of_day": 9, "day_of_week": 7})

    def test_a_send_time_without_time_or_offset_is_an_error(self):
        for bad in ("2026-05-04", "2026-05-04T08:00:00"):
            with self.assertRaisesRegex(ValueError, "RFC 3339 time with an offset"):
                send_time_features(bad)

    def test_unknown_slot_is_an_error(self):
        with self.assertRaises(ValueError):
            build_candidates([], [], [], "noon", MONDAY_8AM)


if __name__ == "__main__":
    unittest.main()
