import { steps, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/resource-flags.yaml. A resource template with extra kubectl flags, run again without validation when the first one fails. */
const resourceValidateExample = template('resource-validate-example', {
  steps: steps((s) => {
    const submitResource = s.step('submit-resource', createRoute, { continueOn: { failed: true } });
    s.step('submit-resource-without-validation', createRouteWithoutValidation, {
      when: `${submitResource.status} == Failed`,
    });
  }),
});

const createRoute = template('create-route', {
  resource: {
    action: 'create',
    manifest: `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: host-route
spec:
  to:
    kind: Service
    name: service-name
`,
  },
});

const createRouteWithoutValidation = template('create-route-without-validation', {
  resource: {
    action: 'create',
    flags: ['--validate=false'],
    manifest: `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: host-route
spec:
  to:
    kind: Service
    name: service-name
`,
  },
});

export default workflow({
  metadata: {
    labels: { 'workflows.argoproj.io/no-test': 'environment' },
    annotations: {
      'workflows.argoproj.io/no-test-reasons': `route openshift crd not installed
`,
    },
    generateName: 'resource-validate-',
  },
  spec: { entrypoint: resourceValidateExample },
});
