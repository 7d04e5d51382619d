import { template, workflow, workflowArguments } from '../../dsl/argo/index.ts';

const args = workflowArguments({ parameters: { 'cpu-limit': '100m' } });

const helloWorld = template('hello-world', {
  podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits":{"cpu": "${args.parameters['cpu-limit']}" }}}]}`,
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'pod-spec-patch-' },
  spec: { entrypoint: helloWorld, arguments: args },
});
