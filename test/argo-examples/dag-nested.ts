import { and, dag, template, workflow } from '../../dsl/argo/index.ts';

const echo = template('echo', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  container: { image: 'busybox', command: ['echo', inputs.parameters.message] },
}));

const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', nestedDiamond, { arguments: { parameters: { message: 'A' } } });
    const B = d.task('B', nestedDiamond, { depends: A, arguments: { parameters: { message: 'B' } } });
    const C = d.task('C', nestedDiamond, { depends: A, arguments: { parameters: { message: 'C' } } });
    d.task('D', nestedDiamond, { depends: and(B, C), arguments: { parameters: { message: 'D' } } });
  }),
});

const nestedDiamond = template('nested-diamond', { inputs: { parameters: { message: {} } } }, ({ inputs }) => ({
  dag: dag((d) => {
    const A = d.task('A', echo, { arguments: { parameters: { message: `${inputs.parameters.message}A` } } });
    const B = d.task('B', echo, {
      depends: A,
      arguments: { parameters: { message: `${inputs.parameters.message}B` } },
    });
    const C = d.task('C', echo, {
      depends: A,
      arguments: { parameters: { message: `${inputs.parameters.message}C` } },
    });
    d.task('D', echo, {
      depends: and(B, C),
      arguments: { parameters: { message: `${inputs.parameters.message}D` } },
    });
  }),
}));

export default workflow({
  metadata: { generateName: 'dag-nested-', labels: { 'workflows.argoproj.io/no-test': 'flaky' } },
  spec: { entrypoint: diamond },
});
