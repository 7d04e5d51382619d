"""Notification composer: candidate push messages per user for one send slot.

Combines this week's personal discounts, the user's recommended categories and their purchase
patterns into candidate messages with rendered copy and the features the selection model scores
(relevance, how much the user shops in this slot, recency, frequency, when it is sent). The
selection model then keeps one message per user. Opted-out users and users notified too recently
get no candidates. The push service records every message it delivers with these columns in
messaging.notification_sends, which the selection model is trained on: one definition of each
feature for training and scoring.
"""
import json
import os
from datetime import datetime
from zoneinfo import ZoneInfo

SLOTS = ("morning", "evening")
# Every column of a candidate row (CANDIDATE_COLUMNS in compose-notifications.ts; a test keeps them
# equal): the message, then what the selection model may score.
COLUMNS = ("user_id", "item_id", "title", "body", "deeplink", "slot", "kind", "relevance", "slot_affinity", "days_since_last_purchase", "purchases_90d", "hour_of_day", "day_of_week")
COPY = {
    "discount": ("{pct}% off {product}", "Your personal price, valid until Sunday.", "dsrpmart://product/{item}?promo=personal-{pct}"),
    "category": ("New in {category}", "Picked for you from what you browsed lately.", "dsrpmart://category/{item}"),
}


def _top(rows, key, n):
    return sorted(rows, key=lambda r: (-r[key], str(r.get("product_id", r.get("category_id")))))[:n]


def _by_user(rows):
    grouped = {}
    for row in rows:
        grouped.setdefault(str(row["user_id"]), []).append(row)
    return grouped


def render(kind, row):
    title, body, link = COPY[kind]
    if kind == "discount":
        values = {"pct": int(round(row["discount_pct"])), "product": row["product_name"], "item": row["product_id"]}
    else:
        values = {"category": row["category_name"], "item": row["category_id"]}
    return title.format(**values), body.format(**values), link.format(**values)


def send_time_features(send_time, timezone="Europe/Berlin"):
    """hour_of_day (0-23) and day_of_week (1 = Sunday ... 7 = Saturday, as BigQuery's DAYOFWEEK)
    of the send, in the local time users receive it."""
    when = datetime.fromisoformat(send_time)
    if when.tzinfo is None or len(send_time) <= 10:
        raise ValueError(f"sendTime must be an RFC 3339 time with an offset, e.g. 2026-05-04T08:00:00+02:00; got {send_time!r}")
    local = when.astimezone(ZoneInfo(timezone))
    return {"hour_of_day": local.hour, "day_of_week": local.isoweekday() % 7 + 1}


def build_candidates(discounts, categories, patterns, slot, send_time, per_kind=3, min_hours_between=12.0, timezone="Europe/Berlin"):
    """Candidate messages (dicts with COLUMNS) for every eligible user, at most `per_kind` of each kind."""
    if slot not in SLOTS:
        raise ValueError(f"slot must be one of {SLOTS}, got {slot!r}")
    sent = send_time_features(send_time, timezone)
    offers, interests = _by_user(discounts), _by_user(categories)
    out = []
    for p in sorted(patterns, key=lambda r: str(r["user_id"])):
        user = str(p["user_id"])
        if p.get("opted_out") or p.get("hours_since_last_notification", 1e9) < min_hours_between:
            continue
        shared = {
            "user_id": user,
            "slot": slot,
            "slot_affinity": float(p[f"{slot}_share"]),
            "days_since_last_purchase": float(p["days_since_last_purchase"]),
            "purchases_90d": int(p["purchases_90d"]),
            **sent,
        }
        for kind, rows, key, item in (("discount", offers.get(user, []), "expected_value", "product_id"), ("category", interests.get(user, []), "score", "category_id")):
            for row in _top(rows, key, per_kind):
                title, body, link = render(kind, row)
                out.append({**shared, "kind": kind, "item_id": str(row[item]), "relevance": float(row[key]), "title": title, "body": body, "deeplink": link})
    return out


def main():
    import pandas as pd

    records = lambda key: pd.read_parquet(os.environ[key]).to_dict("records")
    candidates = build_candidates(
        records("INPUT_DISCOUNTS"), records("INPUT_CATEGORIES"), records("INPUT_PATTERNS"), os.environ["INPUT_SLOT"], os.environ["INPUT_SEND_TIME"],
        per_kind=int(os.environ["INPUT_PER_KIND"]), timezone=os.environ["INPUT_TIMEZONE"],
    )
    print(f"{len(candidates)} candidates for {len({c['user_id'] for c in candidates})} users ({os.environ['INPUT_SLOT']})")
    os.makedirs(os.path.dirname(os.environ["OUTPUT_CANDIDATES"]), exist_ok=True)
    pd.DataFrame(candidates, columns=list(COLUMNS)).to_parquet(os.environ["OUTPUT_CANDIDATES"], index=False)
    with open(os.environ["OUTPUT_CANDIDATE_COUNT"], "w") as f:
        f.write(json.dumps(len(candidates)))


if __name__ == "__main__":
    main()
