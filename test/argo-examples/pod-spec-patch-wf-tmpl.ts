import { template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { 'cpu-limit': '100m', 'mem-limit': '100Mi' } });

const helloWorld = template('hello-world', {
  podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits":{"cpu": "${args.parameters['cpu-limit']}" }}}]}`,
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
