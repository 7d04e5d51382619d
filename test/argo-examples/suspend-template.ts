import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/suspend-template.yaml. Suspend templates: one waiting for a resume, one with a duration. */
const suspend = template('suspend', {
  steps: steps((s) => {
    s.step('build', helloWorld);
    s.step('approve', approve);
    s.step('delay', delay);
    s.step('release', helloWorld);
  }),
});

const approve = template('approve', { suspend: {} });

const delay = template('delay', { suspend: { duration: '20' } });

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

export default workflow({
  metadata: { generateName: 'suspend-template-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: suspend },
});
