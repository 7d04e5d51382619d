import { and, dag, or, template, workflow } from '../../dsl/argo/index.ts';

const diamond = template('diamond', {
  dag: dag((d) => {
    const A = d.task('A', pass);
    const B = d.task('B', pass, { depends: A });
    const C = d.task('C', fail, { depends: A });
    d.task('should-execute-1', pass, { depends: and(A, or(C.succeeded, C.failed)) });
    const shouldExecute2 = d.task('should-execute-2', pass, { depends: or(B, C) });
    const shouldNotExecute = d.task('should-not-execute', pass, { depends: and(B, C) });
    d.task('should-execute-3', pass, { depends: or(shouldExecute2.succeeded, shouldNotExecute) });
  }),
});

const pass = template('pass', { container: { image: 'busybox', command: ['sh', '-c', 'exit 0'] } });

const fail = template('fail', { container: { image: 'busybox', command: ['sh', '-c', 'exit 1'] } });

export default workflow({
  metadata: { generateName: 'dag-diamond-' },
  spec: { entrypoint: diamond },
});
