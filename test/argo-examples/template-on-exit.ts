import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/template-on-exit.yaml. Exit hooks on two steps, running a container template. */
const stepTemplate = template('step-template', {
  steps: steps((s) => {
    s.step('stepA', helloWorld, { hooks: { exit: { template: exitContainer } } });
    s.step('stepB', helloWorld, { hooks: { exit: { template: exitContainer } } });
  }),
});

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

const exitContainer = template('exit-container', {
  container: { image: 'busybox', command: ['echo'], args: ['goodbye world'] },
});

export default workflow({
  metadata: { generateName: 'container-on-exit-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: stepTemplate },
});
