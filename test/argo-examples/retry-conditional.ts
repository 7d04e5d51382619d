import { exprText, steps, template, vars, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/retry-conditional.yaml. retryStrategy with an expression over vars.lastRetry. */
const main = template('main', {
  steps: steps((s) => {
    const safeToRetryStep = s.step('safe-to-retry', safeToRetry);
    s.step('retry', retryScript, {
      arguments: { parameters: { 'safe-to-retry': safeToRetryStep.outputs.result } },
    });
  }),
});

const safeToRetry = template('safe-to-retry', {
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `print("true")
`,
  },
});

const retryScript = template('retry-script', { inputs: { parameters: { 'safe-to-retry': {} } } }, ({ inputs }) => ({
  retryStrategy: {
    limit: '10',
    // The input stays a {{...}} tag inside the expression (Argo substitutes it first), so it is
    // spliced between two expression parts rather than turned into an expression path.
    expression: `${exprText`asInt(${vars.lastRetry.exitCode}) > 1 && ${vars.lastRetry.status} != "Error" && asInt(${vars.lastRetry.duration}) < 120 && (`}${inputs.parameters['safe-to-retry']}${exprText` == true || ${vars.lastRetry.message} matches 'imminent node shutdown|pod deleted')`}`,
  },
  script: {
    image: 'python:alpine3.23',
    command: ['python'],
    source: `import random;
import sys;
exit_code = random.choice([1, 2]);
sys.exit(exit_code)
`,
  },
}));

export default workflow({
  metadata: { generateName: 'retry-script-', labels: { 'workflows.argoproj.io/no-test': 'environment' } },
  spec: { entrypoint: main },
});
