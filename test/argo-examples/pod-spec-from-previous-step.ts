import { dag, template, workflow } from '../../dsl/argo/index.ts';

const workflowTpl = template('workflow', {
  dag: dag((d) => {
    const parseResources = d.task('parse-resources', parseResourcesTmpl);
    d.task('setup-resources', setupResourcesTmpl, {
      depends: parseResources,
      arguments: { parameters: { resources: parseResources.outputs.parameters.resources } },
    });
  }),
});

const parseResourcesTmpl = template('parse-resources-tmpl', {
  outputs: { parameters: { resources: { valueFrom: { path: '/tmp/resources.json' } } } },
  script: {
    image: 'alpine:3.23',
    command: ['sh'],
    source: `echo '{"memory": "10Gi", "cpu": "2000m"}' > /tmp/resources.json && cat /tmp/resources.json
`,
  },
});

const setupResourcesTmpl = template(
  'setup-resources-tmpl',
  { inputs: { parameters: { resources: {} } } },
  ({ inputs }) => ({
    podSpecPatch: `{"containers":[{"name":"main", "resources":{"limits": ${inputs.parameters.resources}, "requests": ${inputs.parameters.resources} }}]}`,
    script: {
      image: 'alpine:3.23',
      command: ['sh'],
      source: `echo ${inputs.parameters.resources}
`,
    },
  }),
);

export default workflow({
  metadata: { generateName: 'pod-spec-from-previous-step-' },
  spec: { entrypoint: workflowTpl },
});
