import { describe, expect, it } from 'vitest';
import { component, eq, failed, gt, param, pipeline, runtime, succeeded } from '../../dsl/index.ts';
import { echo, extract, score, train } from '../../test/fixtures/components.ts';
import { templateNamed, workflowTemplateOf } from '../../test/render.ts';

type Task = {
  name: string;
  depends?: string;
  when?: string;
  arguments?: { parameters?: { name: string; value: string }[]; artifacts?: { name: string; from: string }[] };
  template: string;
  withItems?: unknown[];
  withParam?: string;
};
const tasksOf = (t: Record<string, unknown>) => (t.dag as { tasks: Task[] }).tasks;

describe('pipeline -> WorkflowTemplate', () => {
  const ctr = pipeline('ctr', { params: { date: param.string(), lr: param.float().default(0.05) } }, (p, params) => {
    const e = p.task('extract', extract, { date: params.date });
    const t = p.task('train', train, { dataset: e.outputs.table, learningRate: params.lr });
    p.task('report', echo, { text: `auc=${t.outputs.auc}` }).after(e);
  });
  const wt = workflowTemplateOf(ctr);

  it('GIVEN typed references THEN tasks are wired with depends and {{tasks...}} expressions', () => {
    expect(wt.spec.entrypoint).toBe('ctr');
    expect(tasksOf(templateNamed(wt, 'ctr'))).toEqual([
      {
        name: 'extract',
        template: 'extract',
        arguments: { parameters: [{ name: 'date', value: '{{workflow.parameters.date}}' }] },
      },
      {
        name: 'train',
        template: 'train',
        depends: 'extract',
        arguments: {
          parameters: [{ name: 'learningRate', value: '{{workflow.parameters.lr}}' }],
          artifacts: [{ name: 'dataset', from: '{{tasks.extract.outputs.artifacts.table}}' }],
        },
      },
      {
        name: 'report',
        template: 'echo',
        depends: 'train && extract',
        arguments: { parameters: [{ name: 'text', value: 'auc={{tasks.train.outputs.parameters.auc}}' }] },
      },
    ]);
    expect(wt.spec.arguments).toEqual({ parameters: [{ name: 'date' }, { name: 'lr', value: '0.05' }] });
  });

  it('GIVEN a component THEN its template has a main container, file paths and a restricted security context', () => {
    const t = templateNamed(wt, 'train');
    expect(t.inputs).toEqual({
      parameters: [{ name: 'learningRate' }, { name: 'maxDepth', default: '6' }],
      artifacts: [{ name: 'dataset', path: '/tmp/inputs/dataset' }],
    });
    expect(t.outputs).toEqual({
      parameters: [{ name: 'auc', valueFrom: { path: '/tmp/outputs/auc' } }],
      artifacts: [{ name: 'model', path: '/tmp/outputs/model' }],
    });
    expect(t.container).toMatchObject({
      name: 'main',
      command: [
        'train',
        '/tmp/inputs/dataset',
        '--lr={{inputs.parameters.learningRate}}',
        '--depth={{inputs.parameters.maxDepth}}',
        '/tmp/outputs/model',
        '/tmp/outputs/auc',
      ],
      resources: {
        requests: { cpu: '500m', memory: '2Gi', 'nvidia.com/gpu': '1' },
        limits: { cpu: '500m', memory: '2Gi', 'nvidia.com/gpu': '1' },
      },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true },
    });
    expect(wt.spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('GIVEN a component that relaxes security THEN only its template overrides the pod security context', () => {
    const root = component('needs-root', { image: 'busybox:1.36', command: ['id'], security: { runAsUser: 0 } });
    const t = templateNamed(
      workflowTemplateOf(
        pipeline('r', {}, (p) => {
          p.task('x', root);
        }),
      ),
      'needs-root',
    );
    expect(t.securityContext).toEqual({
      runAsNonRoot: false,
      runAsUser: 0,
      runAsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect((t.container as { securityContext: unknown }).securityContext).toMatchObject({ runAsNonRoot: false });
  });

  it('GIVEN when/elseWhen/otherwise THEN each branch gets its condition and the negation of the earlier ones', () => {
    const w = workflowTemplateOf(
      pipeline('c', {}, (p) => {
        const e = p.task('e', extract, { date: 'd' });
        p.when(gt(e.outputs.rows, 100), (p) => {
          p.task('big', echo, { text: 'big' });
        })
          .elseWhen(eq(e.outputs.rows, 0), (p) => {
            p.task('none', echo, { text: 'none' });
          })
          .otherwise((p) => {
            p.task('some', echo, { text: 'some' });
          });
      }),
    );
    const [, big, none, some] = tasksOf(templateNamed(w, 'c'));
    expect(big).toMatchObject({ depends: 'e', when: '{{tasks.e.outputs.parameters.rows}} > 100' });
    expect(none).toMatchObject({
      depends: 'e',
      when: '!({{tasks.e.outputs.parameters.rows}} > 100) && {{tasks.e.outputs.parameters.rows}} == 0',
    });
    expect(some?.when).toBe(
      '!({{tasks.e.outputs.parameters.rows}} > 100) && !({{tasks.e.outputs.parameters.rows}} == 0)',
    );
  });

  it('GIVEN status and string conditions THEN status goes to depends and values to a quoted when', () => {
    const w = workflowTemplateOf(
      pipeline('s', {}, (p) => {
        const t = p.task('t', echo, { text: "it's" });
        p.task('alert', echo, { text: 'x' }).when(failed(t));
        p.task('ok', echo, { text: 'x' }).when(succeeded(t)).when(eq(t.outputs.out, "it's"));
      }),
    );
    const [, alert, ok] = tasksOf(templateNamed(w, 's'));
    expect(alert).toMatchObject({ depends: 't.Failed' });
    expect(alert?.when).toBeUndefined();
    expect(ok).toMatchObject({ depends: 't.Succeeded', when: "'{{tasks.t.outputs.parameters.out}}' == 'it\\'s'" });
  });

  it('GIVEN a loop reading an outer artifact and its item THEN the body is a nested template fed through inputs', () => {
    const w = workflowTemplateOf(
      pipeline('l', {}, (p) => {
        const t = p.task('train', train, {
          dataset: p.task('e', extract, { date: 'd' }).outputs.table,
          learningRate: 0.1,
        });
        const loop = p.forEach('shards', [{ id: 'a' }, { id: 'b' }], (p, shard) => ({
          rows: p.task('score', score, { shard: shard.id, model: t.outputs.model }).outputs.rows,
        }));
        p.task('sum', echo, { text: `${loop.outputs.rows}` });
      }),
    );
    const main = tasksOf(templateNamed(w, 'l'));
    expect(main[2]).toEqual({
      name: 'shards',
      template: 'shards',
      depends: 'train',
      withItems: [{ id: 'a' }, { id: 'b' }],
      arguments: {
        parameters: [{ name: 'shards-item-id', value: '{{item.id}}' }],
        artifacts: [{ name: 'train-model', from: '{{tasks.train.outputs.artifacts.model}}' }],
      },
    });
    expect(main[3]).toMatchObject({
      depends: 'shards',
      arguments: { parameters: [{ name: 'text', value: '{{tasks.shards.outputs.parameters.rows}}' }] },
    });
    const body = templateNamed(w, 'shards');
    expect(body.inputs).toEqual({ parameters: [{ name: 'shards-item-id' }], artifacts: [{ name: 'train-model' }] });
    expect(body.outputs).toEqual({
      parameters: [{ name: 'rows', valueFrom: { parameter: '{{tasks.score.outputs.parameters.rows}}' } }],
    });
    expect(tasksOf(body)[0]?.arguments).toEqual({
      parameters: [{ name: 'shard', value: '{{inputs.parameters.shards-item-id}}' }],
      artifacts: [{ name: 'model', from: '{{inputs.artifacts.train-model}}' }],
    });
  });

  it('GIVEN a dynamic loop with parallelism THEN a wrapper template bounds the iterations', () => {
    const w = workflowTemplateOf(
      pipeline('d', {}, (p) => {
        const list = component('list', {
          image: 'busybox:1.36',
          outputs: { dates: param.json<string[]>() },
          command: (io) => ['list', io.outputs.dates.path],
        });
        const l = p.task('list', list);
        p.forEach(
          'each',
          l.outputs.dates,
          (p, date) => {
            p.task('x', extract, { date });
          },
          { parallelism: 3 },
        );
      }),
    );
    expect(tasksOf(templateNamed(w, 'd'))[1]).toEqual({
      name: 'each',
      template: 'each',
      depends: 'list',
      arguments: { parameters: [{ name: 'list-dates', value: '{{tasks.list.outputs.parameters.dates}}' }] },
    });
    const wrapper = templateNamed(w, 'each');
    expect(wrapper.parallelism).toBe(3);
    expect(tasksOf(wrapper)).toEqual([
      {
        name: 'each',
        template: 'each-iteration',
        withParam: '{{inputs.parameters.list-dates}}',
        arguments: { parameters: [{ name: 'each-item', value: '{{item}}' }] },
      },
    ]);
  });

  it('GIVEN an exit handler THEN onExit names a DAG running it with the workflow status', () => {
    const w = workflowTemplateOf(
      pipeline('x', {}, (p) => {
        p.task('t', echo, { text: 'x' });
        p.onExit('notify', echo, { text: `status ${runtime.workflowStatus}` });
      }),
    );
    expect(w.spec.onExit).toBe('exit-handler');
    expect(tasksOf(templateNamed(w, 'exit-handler'))).toEqual([
      {
        name: 'notify',
        template: 'echo',
        arguments: { parameters: [{ name: 'text', value: 'status {{workflow.status}}' }] },
      },
    ]);
  });

  it('GIVEN per-task overrides THEN the task gets its own template with retry, timeout and cache', () => {
    const w = workflowTemplateOf(
      pipeline('o', {}, (p) => {
        p.task('plain', echo, { text: 'a' });
        p.task('careful', echo, { text: 'b' })
          .retry({ limit: 2, backoff: { duration: '10s', factor: 2, max: '1m' } })
          .timeout('5m')
          .cache(true, { maxAge: '1h' });
      }),
    );
    expect(tasksOf(templateNamed(w, 'o')).map((t) => t.template)).toEqual(['echo', 'echo-careful']);
    expect(templateNamed(w, 'echo-careful')).toMatchObject({
      retryStrategy: { limit: 2, retryPolicy: 'OnFailure', backoff: { duration: '10s', factor: 2, cap: '1m' } },
      activeDeadlineSeconds: 300,
      memoize: { maxAge: '1h', cache: { configMap: { name: 'memo-echo' } } },
    });
    expect((templateNamed(w, 'echo-careful').memoize as { key: string }).key).toMatch(
      /^echo-[0-9a-f]{12}-\{\{=sprig\.sha256sum\(inputs\.parameters\['text'\]\)\}\}$/,
    );
  });

  it('GIVEN a loop id that equals a component name THEN the loop template steps aside as "<id>-loop"', () => {
    const w = workflowTemplateOf(
      pipeline('k', {}, (p) => {
        p.task('e', echo, { text: 'x' });
        p.forEach('echo', ['a'], (p, t) => {
          p.task('inner', extract, { date: t });
        });
      }),
    );
    expect(tasksOf(templateNamed(w, 'k')).map((t) => [t.name, t.template])).toEqual([
      ['e', 'echo'],
      ['echo', 'echo-loop'],
    ]);
    expect(templateNamed(w, 'echo').container).toBeDefined();
  });
});
