"""Vector index build: an IVF-flat index over product embeddings, checked for recall before use.

Vectors are L2-normalised (inner product = cosine similarity), clustered with k-means into
`nlist` inverted lists; a query scans the `nprobe` lists whose centroids are closest. The build
measures recall@k of that approximate search against exact search on a sample of the vectors,
so the pipeline can refuse an index that would return noticeably worse results.
"""
import json
import os

import numpy as np


def normalize(x):
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1, norms)


def kmeans(x, k, iterations=20, seed=0):
    """Spherical k-means (cosine); empty clusters are re-seeded with the point farthest from its centroid."""
    rng = np.random.default_rng(seed)
    centroids = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        sims = x @ centroids.T
        assign = np.argmax(sims, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members) == 0:
                worst = int(np.argmin(sims[np.arange(len(x)), assign]))
                centroids[c] = x[worst]
                assign[worst] = c
            else:
                centroids[c] = members.mean(axis=0)
        centroids = normalize(centroids)
    return centroids, assign


def build(vectors, nlist, seed=0):
    """The index as arrays: centroids, and per list the row ids of its vectors (CSR-style offsets)."""
    x = normalize(vectors)
    centroids, assign = kmeans(x, nlist, seed=seed)
    order = np.argsort(assign, kind="stable")
    offsets = np.r_[0, np.cumsum(np.bincount(assign, minlength=nlist))]
    return {"centroids": centroids, "vectors": x[order], "ids": order.astype(np.int64), "offsets": offsets.astype(np.int64)}


def search(index, queries, k, nprobe):
    """Top-k row ids per query, scanning the `nprobe` closest lists."""
    q = normalize(queries)
    probes = np.argsort(-(q @ index["centroids"].T), axis=1)[:, :nprobe]
    results = []
    for qi, lists in enumerate(probes):
        spans = [np.arange(index["offsets"][l], index["offsets"][l + 1]) for l in lists]
        rows = np.concatenate(spans) if spans else np.array([], dtype=np.int64)
        sims = index["vectors"][rows] @ q[qi]
        best = rows[np.argsort(-sims, kind="stable")[:k]]
        results.append(index["ids"][best])
    return results


def exact_search(vectors, queries, k):
    sims = normalize(queries) @ normalize(vectors).T
    return [np.argsort(-row, kind="stable")[:k] for row in sims]


def recall_at_k(approximate, exact):
    """Share of the exact top-k found by the approximate search, averaged over queries."""
    hits = [len(set(a.tolist()) & set(e.tolist())) / len(e) for a, e in zip(approximate, exact)]
    return float(np.mean(hits))


def main():
    import pandas as pd

    frame = pd.read_parquet(os.environ["INPUT_EMBEDDINGS"])
    vectors = np.stack(frame["embedding"].to_numpy())
    nlist = min(int(os.environ["INPUT_NLIST"]), len(vectors))
    nprobe, k = int(os.environ["INPUT_NPROBE"]), int(os.environ["INPUT_EVAL_K"])
    index = build(vectors, nlist)
    sample = np.random.default_rng(1).choice(len(vectors), size=min(1000, len(vectors)), replace=False)
    recall = recall_at_k(search(index, vectors[sample], k, nprobe), exact_search(vectors, vectors[sample], k))
    print(f"{len(vectors)} vectors, {nlist} lists, recall@{k} with nprobe={nprobe}: {recall:.4f}")
    out = os.environ["OUTPUT_INDEX"]
    os.makedirs(out, exist_ok=True)
    np.savez(os.path.join(out, "ivf.npz"), **index)
    frame[["product_id"]].to_parquet(os.path.join(out, "ids.parquet"), index=False)
    manifest = {"kind": "ivf-flat", "metric": "cosine", "dimension": int(vectors.shape[1]), "count": len(vectors), "nlist": nlist, "nprobe": nprobe, f"recall_at_{k}": recall}
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
    for key, text in (("OUTPUT_RECALL", repr(recall)), ("OUTPUT_VECTOR_COUNT", str(len(vectors)))):
        os.makedirs(os.path.dirname(os.environ[key]), exist_ok=True)
        with open(os.environ[key], "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
