import { describe, expect, it } from 'vitest';
import { eq, gt, param, pipeline, type Task } from '../../dsl/index.ts';
import { echo, extract, score, train } from '../../test/fixtures/components.ts';
import { expectGolden } from '../../test/golden.ts';
import { templateNamed, workflowTemplateOf, yamlOf } from '../../test/render.ts';

type DagTask = {
  name: string;
  template: string;
  depends?: string;
  when?: string;
  arguments?: { parameters?: { name: string; value: string }[]; artifacts?: Record<string, string>[] };
};
const tasksOf = (t: Record<string, unknown>) => (t.dag as { tasks: DagTask[] }).tasks;
const taskNamed = (t: Record<string, unknown>, name: string) => tasksOf(t).find((x) => x.name === name) as DagTask;

/** A called pipeline with a defaulted parameter, a loop reading it, a per-task override and two outputs. */
const features = pipeline(
  'features',
  { params: { date: param.string(), lr: param.float().default(0.1) } },
  (p, params) => {
    const e = p.task('extract', extract, { date: params.date });
    p.forEach('shards', ['a', 'b'], (p, shard) => {
      p.task('echo-shard', echo, { text: `${shard} ${params.date}` });
    });
    const t = p.task('train', train, { dataset: e.outputs.table, learningRate: params.lr }).retry({ limit: 1 });
    return { table: e.outputs.table, auc: t.outputs.auc };
  },
);

/** Branches producing one value each, gathered with p.oneOf() and read in a task and the outputs. */
const gathered = pipeline('gathered', {}, (p) => {
  const e = p.task('e', extract, { date: 'd' });
  let big!: Task<typeof echo.outputs>;
  let small!: Task<typeof echo.outputs>;
  let bigModel!: Task<typeof train.outputs>;
  let smallModel!: Task<typeof train.outputs>;
  p.when(gt(e.outputs.rows, 100), (p) => {
    big = p.task('big', echo, { text: 'big' });
    bigModel = p.task('big-model', train, { dataset: e.outputs.table, learningRate: 0.1 });
  }).otherwise((p) => {
    small = p.task('small', echo, { text: 'small' });
    smallModel = p.task('small-model', train, { dataset: e.outputs.table, learningRate: 0.2 });
  });
  const size = p.oneOf(big.outputs.out, small.outputs.out);
  const model = p.oneOf(bigModel.outputs.model, smallModel.outputs.model);
  p.task('print', echo, { text: `size ${size}` });
  return { size, model };
});

describe('Argo: pipelines as tasks', () => {
  const outer = pipeline('outer', { params: { day: param.string() } }, (p, params) => {
    const f = p.subPipeline('features', features, { date: params.day });
    p.subPipeline('features-again', features, { date: 'fixed', lr: 0.5 });
    p.task('report', echo, { text: `auc ${f.outputs.auc}` });
  });
  const wt = workflowTemplateOf(outer);

  it('GIVEN a called pipeline THEN it is one DAG template taking its params as inputs, called once per task', () => {
    expect(tasksOf(templateNamed(wt, 'outer'))).toEqual([
      {
        name: 'features',
        template: 'features',
        arguments: { parameters: [{ name: 'date', value: '{{workflow.parameters.day}}' }] },
      },
      {
        name: 'features-again',
        template: 'features',
        arguments: {
          parameters: [
            { name: 'date', value: 'fixed' },
            { name: 'lr', value: '0.5' },
          ],
        },
      },
      {
        name: 'report',
        template: 'echo',
        depends: 'features',
        arguments: { parameters: [{ name: 'text', value: 'auc {{tasks.features.outputs.parameters.auc}}' }] },
      },
    ]);
    const callee = templateNamed(wt, 'features');
    expect(callee.inputs).toEqual({ parameters: [{ name: 'date' }, { name: 'lr', value: '0.1' }] });
    expect(callee.outputs).toEqual({
      parameters: [{ name: 'auc', valueFrom: { parameter: '{{tasks.train.outputs.parameters.auc}}' } }],
      artifacts: [{ name: 'table', from: '{{tasks.extract.outputs.artifacts.table}}' }],
    });
    expect(taskNamed(callee, 'extract').arguments?.parameters).toEqual([
      { name: 'date', value: '{{inputs.parameters.date}}' },
    ]);
  });

  it('GIVEN a called pipeline with a loop and an override THEN its own templates are prefixed and components shared', () => {
    expect(wt.spec.templates.map((t) => t.name)).toEqual([
      'outer',
      'features',
      'extract',
      'features-shards',
      'echo',
      'features-train-train',
    ]);
    expect(taskNamed(templateNamed(wt, 'features'), 'shards')).toMatchObject({
      template: 'features-shards',
      arguments: {
        parameters: [
          { name: 'shards-item', value: '{{item}}' },
          { name: 'params-date', value: '{{inputs.parameters.date}}' },
        ],
      },
    });
    expect(taskNamed(templateNamed(wt, 'features-shards'), 'echo-shard').arguments?.parameters).toEqual([
      { name: 'text', value: '{{inputs.parameters.shards-item}} {{inputs.parameters.params-date}}' },
    ]);
  });

  it('GIVEN template names that collide across the call tree THEN the synth fails naming both', () => {
    const clash = pipeline('clash', {}, (p) => {
      p.subPipeline('features', features, { date: 'x' });
      p.forEach('features-shards', ['a'], (p) => {
        p.task('x', echo, { text: 'x' });
      });
    });
    expect(() => workflowTemplateOf(clash)).toThrow(
      /two Argo templates would be named "features-shards" \(loop "shards" and loop "features-shards"\)/,
    );
  });
});

describe('Argo: p.oneOf()', () => {
  const wt = workflowTemplateOf(gathered);
  const main = templateNamed(wt, 'gathered');

  it('GIVEN a parameter oneOf THEN readers get an expression over the branch tasks and depend on all of them', () => {
    expect(taskNamed(main, 'print')).toMatchObject({
      depends: 'big && small',
      arguments: {
        parameters: [
          {
            name: 'text',
            value:
              "size {{=tasks['big'].status == 'Succeeded' ? tasks['big'].outputs.parameters['out'] : tasks['small'].outputs.parameters['out']}}",
          },
        ],
      },
    });
  });

  it('GIVEN an artifact oneOf handed to a loop of the same pipeline THEN Argo refuses it, naming the loop', () => {
    // Argo's validator requires `from` (or a location) on every artifact argument: it chooses
    // between branch artifacts only in a DAG's outputs (fromExpression).
    const local = pipeline('local', {}, (p) => {
      const e = p.task('e', extract, { date: 'd' });
      let a!: Task<typeof train.outputs>;
      let b!: Task<typeof train.outputs>;
      p.when(gt(e.outputs.rows, 100), (p) => {
        a = p.task('a', train, { dataset: e.outputs.table, learningRate: 0.1 });
      }).otherwise((p) => {
        b = p.task('b', train, { dataset: e.outputs.table, learningRate: 0.2 });
      });
      const model = p.oneOf(a.outputs.model, b.outputs.model);
      p.forEach('per-shard', ['x', 'y'], (p, shard) => {
        p.task('score', score, { shard, model });
      });
    });
    expect(() => workflowTemplateOf(local)).toThrow(
      'pipeline "local" > loop "per-shard": Argo cannot hand a p.oneOf() artifact to a task: it chooses between branch artifacts only in a pipeline\'s outputs, and its validator rejects fromExpression in task arguments (got "condition-1.oneof-1"). Return the p.oneOf() from a sub-pipeline (p.subPipeline) and pass that output on, or compile this pipeline for KFP.',
    );
  });

  it('GIVEN the oneOf returned by a sub-pipeline THEN a loop of the caller reads it with from', () => {
    const caller = pipeline('caller', {}, (p) => {
      const g = p.subPipeline('gathered', gathered);
      p.forEach('per-shard', ['x', 'y'], (p, shard) => {
        p.task('score', score, { shard, model: g.outputs.model });
      });
    });
    const t = workflowTemplateOf(caller);
    expect(taskNamed(templateNamed(t, 'caller'), 'per-shard').arguments?.artifacts).toEqual([
      { name: 'gathered-model', from: '{{tasks.gathered.outputs.artifacts.model}}' },
    ]);
  });

  it('GIVEN oneOf pipeline outputs THEN they use valueFrom.expression and fromExpression', () => {
    expect(main.outputs).toEqual({
      parameters: [
        {
          name: 'size',
          valueFrom: {
            expression:
              "tasks['big'].status == 'Succeeded' ? tasks['big'].outputs.parameters['out'] : tasks['small'].outputs.parameters['out']",
          },
        },
      ],
      artifacts: [
        {
          name: 'model',
          fromExpression:
            "tasks['big-model'].status == 'Succeeded' ? tasks['big-model'].outputs.artifacts['model'] : tasks['small-model'].outputs.artifacts['model']",
        },
      ],
    });
  });

  it('GIVEN a condition on a oneOf THEN Argo refuses it with the task named', () => {
    const tested = pipeline('tested', {}, (p) => {
      const e = p.task('e', extract, { date: 'd' });
      let a!: Task<typeof echo.outputs>;
      let b!: Task<typeof echo.outputs>;
      p.when(gt(e.outputs.rows, 1), (p) => {
        a = p.task('a', echo, { text: 'a' });
      }).otherwise((p) => {
        b = p.task('b', echo, { text: 'b' });
      });
      p.task('c', echo, { text: 'c' }).when(eq(p.oneOf(a.outputs.out, b.outputs.out), 'a'));
    });
    expect(() => workflowTemplateOf(tested)).toThrow(
      'pipeline "tested" > task "c" > when: Argo cannot test a p.oneOf() value in a condition (its `when` does not evaluate expressions over branch outputs) (got "condition-1.oneof-1"). Pass the value to a task and test that task\'s output, or compile this pipeline for KFP.',
    );
  });
});

describe('Argo: claims created by the pipeline', () => {
  const claims = pipeline(
    'claims',
    { params: { size: param.string().default('5Gi'), existing: param.string() } },
    (p, params) => {
      const scratch = p.createPvc('scratch', {
        nameSuffix: '-scratch',
        size: params.size,
        accessModes: ['ReadWriteOnce'],
        storageClass: 'standard',
        annotations: { team: 'ml' },
      });
      const fixed = p.createPvc('fixed', {
        name: 'shared-cache',
        size: '1Gi',
        accessModes: ['ReadWriteMany'],
        volumeName: 'pv-1',
      });
      const w = p
        .task('write', echo, { text: 'w' })
        .mount(scratch, '/data')
        .mount(fixed, '/cache', { subPath: 'models', readOnly: true });
      p.forEach('readers', ['a', 'b'], (p) => {
        p.task('read', echo, { text: 'r' })
          .mount(scratch, '/data')
          .mount(params.existing, '/existing')
          .mount('feature-store', '/fs');
      }).after(w);
      p.deletePvc('drop', scratch).after(w);
    },
  );
  const wt = workflowTemplateOf(claims);

  it('GIVEN createPvc THEN an owner-referenced resource template outputs the claim name; parameters become inputs', () => {
    expect(templateNamed(wt, 'createpvc-scratch')).toEqual({
      name: 'createpvc-scratch',
      inputs: { parameters: [{ name: 'size' }] },
      outputs: { parameters: [{ name: 'name', valueFrom: { jsonPath: '{.metadata.name}' } }] },
      resource: {
        action: 'create',
        setOwnerReference: true,
        manifest:
          "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  annotations:\n    team: ml\n  name: '{{workflow.name}}-scratch'\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: '{{inputs.parameters.size}}'\n  storageClassName: standard\n",
      },
    });
    expect(taskNamed(templateNamed(wt, 'claims'), 'scratch').arguments?.parameters).toEqual([
      { name: 'size', value: '{{workflow.parameters.size}}' },
    ]);
    expect((templateNamed(wt, 'createpvc-fixed').resource as { manifest: string }).manifest).toContain(
      'name: shared-cache\nspec:\n  accessModes:\n    - ReadWriteMany\n  resources:\n    requests:\n      storage: 1Gi\n  volumeName: pv-1\n',
    );
  });

  it('GIVEN mounts THEN the task gets its own template with claim-name inputs, volumes and mounts', () => {
    const write = templateNamed(wt, 'echo-write');
    expect(write.inputs).toEqual({ parameters: [{ name: 'text' }, { name: 'pvc-mount-1' }, { name: 'pvc-mount-2' }] });
    expect(write.volumes).toEqual([
      { name: 'pvc-mount-1', persistentVolumeClaim: { claimName: '{{inputs.parameters.pvc-mount-1}}' } },
      {
        name: 'pvc-mount-2',
        persistentVolumeClaim: { claimName: '{{inputs.parameters.pvc-mount-2}}', readOnly: true },
      },
    ]);
    expect((write.container as { volumeMounts: unknown }).volumeMounts).toEqual([
      { name: 'pvc-mount-1', mountPath: '/data' },
      { name: 'pvc-mount-2', mountPath: '/cache', readOnly: true, subPath: 'models' },
    ]);
    expect(taskNamed(templateNamed(wt, 'claims'), 'write')).toMatchObject({ depends: 'scratch && fixed' });
  });

  it('GIVEN a mount in a loop THEN the claim name travels in as a loop input; literal claims stay literal', () => {
    expect(taskNamed(templateNamed(wt, 'readers'), 'read').arguments?.parameters).toEqual([
      { name: 'text', value: 'r' },
      { name: 'pvc-mount-1', value: '{{inputs.parameters.scratch-name}}' },
      { name: 'pvc-mount-2', value: '{{workflow.parameters.existing}}' },
    ]);
    expect(templateNamed(wt, 'echo-read').volumes).toContainEqual({
      name: 'pvc-mount-3',
      persistentVolumeClaim: { claimName: 'feature-store' },
    });
    expect(taskNamed(templateNamed(wt, 'claims'), 'readers')).toMatchObject({ depends: 'scratch && write' });
  });

  it('GIVEN deletePvc THEN a delete of the named claim runs after its readers', () => {
    expect(templateNamed(wt, 'deletepvc-drop')).toEqual({
      name: 'deletepvc-drop',
      inputs: { parameters: [{ name: 'pvc_name' }] },
      resource: {
        action: 'delete',
        manifest: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: '{{inputs.parameters.pvc_name}}'\n",
      },
    });
    expect(taskNamed(templateNamed(wt, 'claims'), 'drop')).toMatchObject({
      depends: 'scratch && write',
      arguments: { parameters: [{ name: 'pvc_name', value: '{{tasks.scratch.outputs.parameters.name}}' }] },
    });
  });
});

describe('Argo golden: nested pipeline, p.oneOf() and a created claim', () => {
  it('GIVEN the combined pipeline THEN the WorkflowTemplate matches the reviewed YAML', () => {
    const combined = pipeline('combined', { params: { day: param.string() } }, (p, params) => {
      const claim = p.createPvc('scratch', { nameSuffix: '-scratch', size: '1Gi', accessModes: ['ReadWriteOnce'] });
      const f = p.subPipeline('features', features, { date: params.day });
      const g = p.subPipeline('gathered', gathered);
      p.forEach('per-shard', ['x', 'y'], (p, shard) => {
        p.task('score', score, { shard, model: g.outputs.model });
      });
      const report = p.task('report', echo, { text: `${g.outputs.size} ${f.outputs.auc}` }).mount(claim, '/scratch');
      p.deletePvc('drop-scratch', claim).after(report);
    });
    expectGolden('argo/combined.yaml', yamlOf({ pipelines: [combined] }));
  });
});
