import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/step-level-timeout.yaml. A timeout on a template run as a step. */
const sleepSleep = template('sleep-sleep', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('sleep1', sleep, { continueOn: { error: true }, arguments: { parameters: { timeout: '10s' } } });
      g.step('sleep2', sleep, {
        continueOn: { failed: true },
        arguments: { parameters: { timeout: '10s' } },
      });
    });
  }),
});

const sleep = template('sleep', { inputs: { parameters: { timeout: {} } } }, ({ inputs }) => ({
  timeout: inputs.parameters.timeout,
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['sleep 30s'] },
}));

export default workflow({
  metadata: { generateName: 'steps-tmpl-timeout-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: sleepSleep },
});
