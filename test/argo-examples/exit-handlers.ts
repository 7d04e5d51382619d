import { steps, template, vars, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/exit-handlers.yaml. A workflow-level exit handler branching on vars.workflow.status. */
const intentionalFail = template('intentional-fail', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo intentional failure; exit 1'] },
});

const exitHandler = template('exit-handler', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('notify', sendEmail);
      g.step('celebrate', celebrate, { when: `${vars.workflow.status} == Succeeded` });
      g.step('cry', cry, { when: `${vars.workflow.status} != Succeeded` });
    });
  }),
});

const sendEmail = template('send-email', {
  container: {
    image: 'alpine:3.23',
    command: ['sh', '-c'],
    args: [
      `echo send e-mail: ${vars.workflow.name} ${vars.workflow.status} ${vars.workflow.duration}. Failed steps ${vars.workflow.failures}`,
    ],
  },
});

const celebrate = template('celebrate', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo hooray!'] },
});

const cry = template('cry', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo boohoo!'] },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'expected-failure' }, generateName: 'exit-handlers-' },
  spec: { entrypoint: intentionalFail, onExit: exitHandler },
});
