import { template, workflow } from '../../dsl/argo/index.ts';

const pdbcreate = template('pdbcreate', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['sleep 10'] },
});

export default workflow({
  metadata: { generateName: 'default-pdb-support-' },
  spec: {
    entrypoint: pdbcreate,
    serviceAccountName: 'default',
    podDisruptionBudget: { minAvailable: 9999 },
  },
});
