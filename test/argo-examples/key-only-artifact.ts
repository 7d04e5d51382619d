import { dag, template, workflow } from '../../dsl/argo/index.ts';

/**
 * this example shows how to use key-only artifacts - introduced in v3.0
 * https://argo-workflows.readthedocs.io/en/latest/key-only-artifacts/
 */
const main = template('main', {
  dag: dag((d) => {
    const generateTask = d.task('generate', generate);
    d.task('consume', consume, { depends: generateTask });
  }),
});

const generate = template('generate', {
  container: { image: 'argoproj/argosay:v2', args: ['echo', 'hello', '/mnt/file'] },
  outputs: { artifacts: { file: { path: '/mnt/file', s3: { key: 'my-file' } } } },
});

const consume = template('consume', {
  container: { image: 'argoproj/argosay:v2', args: ['cat', '/tmp/file'] },
  inputs: { artifacts: { file: { path: '/tmp/file', s3: { key: 'my-file' } } } },
});

export default workflow({
  metadata: { generateName: 'key-only-artifacts-' },
  spec: { entrypoint: main },
});
