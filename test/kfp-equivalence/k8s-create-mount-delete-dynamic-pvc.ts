import { param, pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const producer = pythonFunction('producer', { outputs: { Output: param.string() } });
const consumer = pythonFunction('consumer', { outputs: { Output: param.string() } });

export default {
  upstream: 'kubernetes/create_mount_delete_dynamic_pvc.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    const pvc = p.createPvc('createpvc', {
      nameSuffix: '-my-pvc',
      accessModes: ['ReadWriteOnce'],
      size: '5Mi',
      storageClass: 'standard',
      dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'my-snap' },
    });
    const made = p.task('producer', producer).mount(pvc, '/data');
    const read = p.task('consumer', consumer).mount(pvc, '/data').after(made);
    p.deletePvc('deletepvc', pvc).after(read);
  }),
} satisfies EquivalenceCase;
