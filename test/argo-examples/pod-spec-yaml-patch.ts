import { template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const argsTpl = workflowArguments({ parameters: { 'mem-limit': '100Mi' } });

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'pod-spec-patch-' },
  spec: {
    entrypoint: helloWorld,
    arguments: argsTpl,
    podSpecPatch: `containers:
  - name: main
    resources:
      limits:
        memory: "${argsTpl.parameters['mem-limit']}"
`,
  },
});
