import { param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const image = 'registry.access.redhat.com/ubi9/python-311:1-77';
const producer = pythonFunction('producer', { image, outputs: { Output: param.string() } });
const consumer = pythonFunction('consumer', { image, outputs: { Output: param.string() } });

export default {
  upstream: 'sdk/pipeline_with_volume_no_cache.yaml',
  pipeline: pipeline('pipeline-with-volume-no-cache', {}, (p) => {
    const pvc = p
      .createPvc('createpvc', {
        nameSuffix: '-my-pvc',
        accessModes: ['ReadWriteOnce'],
        size: '5Mi',
        storageClass: 'standard',
      })
      .cache(false);
    const made = p.task('producer', producer).mount(pvc, '/data');
    const read = p.task('consumer', consumer).mount(pvc, '/data').after(made);
    p.deletePvc('deletepvc', pvc).after(read).cache(false);
  }),
} satisfies EquivalenceCase;
