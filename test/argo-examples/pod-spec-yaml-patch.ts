import { template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { 'mem-limit': '100Mi' } });

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'pod-spec-patch-' },
  spec: {
    entrypoint: helloWorld,
    arguments: args,
    podSpecPatch: `containers:
  - name: main
    resources:
      limits:
        memory: "${args.parameters['mem-limit']}"
`,
  },
});
