"""Popular products: business picks first, then best sellers of the user's demographic segment.

No model: merchandising pins products per segment (or for everyone, segment `*`) with a priority;
the rest of the list is filled with the segment's best sellers by recent units sold, skipping
out-of-stock and already listed products, up to `size` products per segment.
"""
import json
import os

ALL_SEGMENTS = "*"


def rank(pinned, best_sellers, size):
    """{segment: [product_id, ...]} for every segment that has best sellers or pins."""
    segments = sorted({str(r["segment"]) for r in best_sellers} | {str(p["segment"]) for p in pinned if p["segment"] != ALL_SEGMENTS})
    out = {}
    for segment in segments:
        picks = sorted((p for p in pinned if p["segment"] in (segment, ALL_SEGMENTS)), key=lambda p: (p["priority"], str(p["product_id"])))
        sellers = sorted((r for r in best_sellers if str(r["segment"]) == segment and r.get("in_stock", True)), key=lambda r: (-r["units_sold"], str(r["product_id"])))
        listed = []
        for product in [str(p["product_id"]) for p in picks] + [str(r["product_id"]) for r in sellers]:
            if product not in listed:
                listed.append(product)
            if len(listed) == size:
                break
        out[segment] = listed
    return out


def main():
    import pandas as pd

    ranking = rank(pd.read_parquet(os.environ["INPUT_PINNED"]).to_dict("records"), pd.read_parquet(os.environ["INPUT_BEST_SELLERS"]).to_dict("records"), int(os.environ["INPUT_SIZE"]))
    rows = [{"segment": s, "rank": i + 1, "product_id": p} for s, products in sorted(ranking.items()) for i, p in enumerate(products)]
    frame = pd.DataFrame(rows, columns=["segment", "rank", "product_id"])
    os.makedirs(os.path.dirname(os.environ["OUTPUT_RANKING"]), exist_ok=True)
    frame.to_parquet(os.environ["OUTPUT_RANKING"], index=False)
    destination = os.environ.get("INPUT_DESTINATION", "")
    if destination:
        import pyarrow.fs

        filesystem, path = pyarrow.fs.FileSystem.from_uri(destination)
        filesystem.create_dir(path.rsplit("/", 1)[0], recursive=True)
        with filesystem.open_output_stream(path) as out:
            frame.to_parquet(out, index=False)
    print(f"{len(ranking)} segments, {len(rows)} ranked products")
    with open(os.environ["OUTPUT_SEGMENT_COUNT"], "w") as f:
        f.write(json.dumps(len(ranking)))


if __name__ == "__main__":
    main()
