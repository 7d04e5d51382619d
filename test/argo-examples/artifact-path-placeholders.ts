import { template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/artifact-path-placeholders.yaml. Input and output artifact paths referenced through io handles instead of repeating them. */
const headLines = template(
  'head-lines',
  {
    inputs: { parameters: { 'lines-count': {} }, artifacts: { text: { path: '/inputs/text/data' } } },
  },
  ({ inputs, outputs }) => ({
    outputs: {
      parameters: { 'actual-lines-count': { valueFrom: { path: '/outputs/actual-lines-count/data' } } },
      artifacts: { text: { path: '/outputs/text/data' } },
    },
    container: {
      image: 'busybox',
      command: [
        'sh',
        '-c',
        `mkdir -p "$(dirname "${outputs.artifact('text').path}")" "$(dirname "${outputs.parameter('actual-lines-count').path}")" ; head -n ${inputs.parameters['lines-count']} < "${inputs.artifacts.text.path}" | tee "${outputs.artifact('text').path}" | wc -l > "${outputs.parameter('actual-lines-count').path}"`,
      ],
    },
  }),
);

export default workflow({
  metadata: { generateName: 'artifact-path-placeholders-' },
  spec: {
    entrypoint: headLines,
    arguments: {
      parameters: { 'lines-count': '3' },
      artifacts: {
        text: {
          raw: {
            data: `1
2
3
4
5
`,
          },
        },
      },
    },
  },
});
