import { dag, template, workflow } from '../../dsl/argo/index.ts';

/** Upstream examples/key-only-artifact.yaml. Artifacts given only by key, resolved against the default artifact repository. */
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
