import { template, workflow } from '../../dsl/argo/index.ts';

const rawContents = template('raw-contents', {
  inputs: {
    artifacts: {
      myfile: {
        path: '/tmp/file',
        raw: {
          data: `this is
the raw file
contents
`,
        },
      },
    },
  },
  container: { image: 'alpine:3.23', command: ['sh', '-c'], args: ['cat /tmp/file'] },
});

export default workflow({
  metadata: { generateName: 'input-artifact-raw-' },
  spec: { entrypoint: rawContents },
});
