import { template, vars, workflow } from '../../dsl/argo/index.ts';

/**
 * This example shows how to hit a slack webhook on an exit handler.
 * In order to configure, create a slack app and get a webhook url for it.
 * The documentation to do so is here: https://api.slack.com/messaging/webhooks
 * Replace YOUR_WEBHOOK_URL_HERE on line 36 with that webhook url
 */
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
