import { artifact, component, param } from 'argosy';
import { images } from './images.ts';
import { readScript } from './read-script.ts';

/**
 * Builds an IVF-flat vector index (cosine) over product embeddings and measures its recall@k
 * against exact search, so the pipeline can refuse an index that would search worse. The index
 * is a `Model` artifact: it is registered and rolled out like any model version.
 *
 * @example
 * ```ts
 * const index = p.task('index', buildVectorIndex, { embeddings: embed.outputs.embeddings, nlist: 2048 });
 * p.when(ge(index.outputs.recall, 0.95), (p) => { ... });
 * ```
 */
export const buildVectorIndex = component('build-vector-index', {
  description: 'Build an IVF-flat vector index and measure its recall.',
  image: images.mlBase,
  inputs: {
    embeddings: artifact('Dataset').describe('Rows with product_id and an embedding column.'),
    nlist: param.int().default(1024).describe('Number of k-means lists.'),
    nprobe: param.int().default(16).describe('Lists scanned per query at serving time.'),
    evalK: param.int().default(10),
  },
  outputs: { index: artifact('Model'), recall: param.float(), vectorCount: param.int() },
  script: { source: readScript('build_vector_index.py') },
  resources: { cpu: '8', memory: '32Gi' },
  timeout: '2h',
});
