import { steps, template, workflow } from '../../dsl/argo/index.ts';

const main = template('main', {
  steps: steps((s) => {
    s.parallel((g) => {
      g.step('http-status-is-201-succeeds', httpStatusIs201, {
        arguments: { parameters: { url: 'https://httpbin.org/status/201' } },
      });
      g.step('http-body-contains-google-succeeds', httpBodyContainsGoogle, {
        arguments: { parameters: { url: 'https://google.com' } },
      });
    });
  }),
});

const httpStatusIs201 = template('http-status-is-201', { inputs: { parameters: { url: {} } } }, ({ inputs }) => ({
  http: { successCondition: 'response.statusCode == 201', url: inputs.parameters.url },
}));

const httpBodyContainsGoogle = template(
  'http-body-contains-google',
  { inputs: { parameters: { url: {} } } },
  ({ inputs }) => ({
    http: { successCondition: 'response.body contains "google"', url: inputs.parameters.url },
  }),
);

const httpHeadersContainsCloudflare = template(
  'http-headers-contains-cloudflare',
  { inputs: { parameters: { url: {} } } },
  ({ inputs }) => ({
    http: { successCondition: 'response.headers["Server"][0] == "cloudflare"', url: inputs.parameters.url },
  }),
);

export default workflow({
  metadata: {
    generateName: 'http-template-condition-',
    labels: { 'workflows.argoproj.io/no-test': 'flaky' },
    annotations: {
      'workflows.argoproj.io/description': `Exemplifies usage of successCondition in HTTP template (available since v3.3)
`,
    },
  },
  spec: { entrypoint: main, templates: [httpHeadersContainsCloudflare] },
});
