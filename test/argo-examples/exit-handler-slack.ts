import { template, vars, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/exit-handler-slack.yaml. A workflow-level onExit that calls a webhook with curl. */
const sayHello = template('say-hello', {
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['echo hello'] },
});

const exitHandler = template('exit-handler', {
  container: {
    image: 'curlimages/curl:latest',
    command: ['sh', '-c'],
    args: [
      `curl -X POST --data-urlencode 'payload={ "text": "${vars.workflow.name} finished", "blocks": [ { "type": "section", "text": { "type": "mrkdwn", "text": "Workflow ${vars.workflow.name} ${vars.workflow.status}", } } ] }' YOUR_WEBHOOK_URL_HERE`,
    ],
  },
});

export default workflow({
  metadata: { labels: { 'workflows.argoproj.io/no-test': 'environment' }, generateName: 'exit-handler-slack-' },
  spec: { entrypoint: sayHello, onExit: exitHandler },
});
