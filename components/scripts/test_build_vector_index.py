import unittest

import numpy as np

from build_vector_index import build, exact_search, kmeans, normalize, recall_at_k, search


def clustered(seed=0, clusters=4, per_cluster=50, dim=16):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 1, (clusters, dim))
    return np.concatenate([c + rng.normal(0, 0.05, (per_cluster, dim)) for c in centers])


class IndexTest(unittest.TestCase):
    def test_normalised_rows_have_unit_length_and_zero_rows_stay_zero(self):
        x = normalize([[3.0, 4.0], [0.0, 0.0]])
        np.testing.assert_allclose(x, [[0.6, 0.8], [0.0, 0.0]], atol=1e-6)

    def test_kmeans_separates_well_separated_clusters(self):
        x = normalize(clustered())
        _, assign = kmeans(x, 4, seed=3)
        for start in range(0, 200, 50):
            self.assertEqual(len(set(assign[start:start + 50].tolist())), 1)
        self.assertEqual(len(set(assign.tolist())), 4)

    def test_every_vector_is_in_exactly_one_list(self):
        index = build(clustered(), nlist=8)
        self.assertEqual(sorted(index["ids"].tolist()), list(range(200)))
        self.assertEqual(int(index["offsets"][-1]), 200)

    def test_probing_every_list_is_exact_search(self):
        vectors = clustered(seed=2)
        index = build(vectors, nlist=8)
        queries = vectors[::17]
        approximate = search(index, queries, k=5, nprobe=8)
        exact = exact_search(vectors, queries, k=5)
        self.assertEqual(recall_at_k(approximate, exact), 1.0)

    def test_recall_counts_overlap_with_the_exact_top_k(self):
        self.assertAlmostEqual(recall_at_k([np.array([1, 2, 3, 9])], [np.array([1, 2, 3, 4])]), 0.75)


if __name__ == "__main__":
    unittest.main()
