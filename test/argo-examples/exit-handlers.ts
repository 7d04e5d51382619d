import { steps, template, vars, workflow } from '../../dsl/argo/index.ts';

/**
 * An exit handler is a template reference that executes at the end of the workflow
 * irrespective of the success, failure, or error of the primary workflow. To specify
 * an exit handler, reference the name of a template in 'spec.onExit'.
 * Some common use cases of exit handlers are:
 * - sending notifications of workflow status (e.g. e-mail/slack)
 * - posting the pass/fail status to a webhook result (e.g. github build result)
 * - cleaning up workflow artifacts
 * - resubmitting or submitting another workflow
 */
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
