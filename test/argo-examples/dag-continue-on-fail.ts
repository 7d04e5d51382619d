import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

const workflowTpl = template('workflow', {
  dag: dag((d) => {
    const A = d.task('A', helloWorld);
    const B = d.task('B', intentionalFail, { depends: A });
    const C = d.task('C', helloWorld, { depends: A });
    d.task('D', helloWorld, { depends: and(B.failed, C) });
    const E = d.task('E', intentionalFail, { depends: A });
    const F = d.task('F', helloWorld, { depends: A });
    d.task('G', helloWorld, { depends: and(E, F) });
  }),
});

const helloWorld = template('hello-world', {
  container: { image: 'busybox', command: ['echo'], args: ['hello world'] },
});

const intentionalFail = template('intentional-fail', {
  container: { image: 'busybox', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'expected-failure' },
    generateName: 'dag-contiue-on-fail-',
  },
  spec: { entrypoint: workflowTpl },
});
