import { pipeline } from '../../dsl/index.ts';
import { pythonFunction, type EquivalenceCase } from './_lib.ts';

const comp = pythonFunction('comp', {});

export default {
  upstream: 'kubernetes/create_mount_delete_existing_pvc.yaml',
  pipeline: pipeline('my-pipeline', {}, (p) => {
    const pvc = p.createPvc('createpvc', {
      name: 'static-pvc-name-cmdep',
      accessModes: ['ReadWriteOnce'],
      size: '5Gi',
      storageClass: 'standard',
    });
    const used = p.task('comp', comp).mount(pvc, '/data');
    p.deletePvc('deletepvc', pvc).after(used);
  }),
} satisfies EquivalenceCase;
