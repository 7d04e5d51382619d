import { artifact, component, param } from 'argosy';
import { images } from './images.ts';

/**
 * Embeds catalog text (title, brand, category path, ...) with a sentence-transformers model on a
 * GPU. Writes one row per product with an `embedding` column; queries are embedded with the same
 * model at serving time, which is why the model name is a parameter and recorded in the output.
 *
 * @example
 * ```ts
 * const embed = p.task('embed', computeEmbeddings, { catalog: catalog.outputs.table, textColumns: ['title', 'brand'] });
 * ```
 */
export const computeEmbeddings = component('compute-embeddings', {
  description: 'Embed product text with a sentence-transformers model.',
  image: images.embeddings,
  inputs: {
    catalog: artifact('Dataset').describe('One row per product with product_id and the text columns.'),
    textColumns: param.json<string[]>(),
    model: param.string().default('intfloat/multilingual-e5-base'),
    batchSize: param.int().default(256),
  },
  outputs: { embeddings: artifact('Dataset'), dimension: param.int() },
  command: (io) => [
    'python',
    '-m',
    'embed_catalog',
    '--catalog',
    io.inputs.catalog.path,
    '--text-columns',
    io.inputs.textColumns,
    '--model',
    io.inputs.model,
    '--batch-size',
    io.inputs.batchSize,
    '--out',
    io.outputs.embeddings.path,
    '--dimension-out',
    io.outputs.dimension.path,
  ],
  resources: { cpu: '4', memory: '24Gi', gpu: 1 },
  nodeSelector: { 'dsrpmart.io/pool': 'gpu' },
  tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  retry: { limit: 2, policy: 'OnError' },
  timeout: '3h',
});
