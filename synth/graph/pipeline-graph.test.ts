import { describe, expect, it } from 'vitest';
import { artifact, component, eq, failed, param, pipeline, runtime, type Task } from '../../dsl/index.ts';
import { ctrTraining } from '../../pipelines/recommended-categories/ctr-training.ts';
import { expectGolden } from '../../test/golden.ts';
import { pipelineGraph } from './pipeline-graph.ts';
import { renderDot } from './render-dot.ts';
import { renderMermaid } from './render-mermaid.ts';

const res = { cpu: '1', memory: '1Gi' } as const;
const listRegions = component('list-regions', {
  image: 'ghcr.io/acme/tools:1.0',
  inputs: {},
  outputs: { regions: param.json<string[]>() },
  command: ['list'],
  resources: res,
});
const trainRegion = component('train-region', {
  image: 'ghcr.io/acme/train:1.0',
  inputs: { region: param.string() },
  outputs: { model: artifact('Model'), auc: param.float() },
  command: ['train'],
  resources: res,
});
const pick = component('pick-best', {
  image: 'ghcr.io/acme/tools:1.0',
  inputs: { aucs: param.json<number[]>() },
  outputs: { deploy: param.bool() },
  command: ['pick'],
  resources: res,
});
const step = component('step', {
  image: 'ghcr.io/acme/tools:1.0',
  inputs: {},
  outputs: {},
  command: ['run'],
  resources: res,
});
const notify = component('notify', {
  image: 'ghcr.io/acme/tools:1.0',
  inputs: { text: param.string() },
  outputs: {},
  command: ['notify'],
  resources: res,
});

/** Every construct the graph draws: fan-out over a runtime list, collected outputs, branches, ordering, failure handling, exit handler. */
const regional = pipeline('regional-training', { params: { minAuc: param.float().default(0.7) } }, (p) => {
  const regions = p.task('regions', listRegions, {});
  const perRegion = p.forEach(
    'per-region',
    regions.outputs.regions,
    (p, region) => {
      const t = p.task('train', trainRegion, { region });
      return { auc: t.outputs.auc };
    },
    { parallelism: 4 },
  );
  const best = p.task('pick', pick, { aucs: perRegion.outputs.auc });
  p.when(eq(best.outputs.deploy, true), (p) => {
    p.task('publish', step, {});
  }).otherwise((p) => {
    p.task('archive', step, {});
  });
  p.task('cleanup', step, {}).after(best);
  p.task('page-oncall', notify, { text: 'regional training failed' }).when(failed(best));
  p.onExit('report', notify, { text: `run ended: ${runtime.workflowStatus}` });
});

describe('argosy graph (pipelines)', () => {
  it('GIVEN the reference CTR pipeline WHEN drawn THEN the Mermaid and DOT snapshots match', () => {
    const g = pipelineGraph(ctrTraining.ir);
    expectGolden('graph/ctr-training.mmd', renderMermaid(g));
    expectGolden('graph/ctr-training.dot', renderDot(g));
  });

  it('GIVEN a pipeline with loops, branches, ordering, failure handling and an exit handler WHEN drawn THEN each is marked', () => {
    const g = pipelineGraph(regional.ir);
    expectGolden('graph/regional-training.mmd', renderMermaid(g));
    expectGolden('graph/regional-training.dot', renderDot(g));
    expect(g.nodes.filter((n) => n.shape === 'loop').map((n) => n.label[0])).toEqual(['for each per-region']);
    expect(g.nodes.filter((n) => n.shape === 'decision').map((n) => n.label[0])).toEqual([
      'when pick.deploy == true',
      'otherwise',
    ]);
    expect(g.groups.map((x) => x.label)).toEqual([
      'for each per-region (parallelism 4)',
      'on exit (runs whatever happened)',
    ]);
    expect(g.edges.filter((e) => e.style === 'order').map((e) => `${e.from}->${e.to}`)).toEqual([
      'task_pick->task_cleanup',
    ]);
    expect(g.edges.filter((e) => e.style === 'failure').map((e) => `${e.from}->${e.to}:${e.label}`)).toEqual([
      'task_pick->task_page_oncall:Failed',
    ]);
  });

  it('GIVEN a called pipeline, a p.oneOf() and a mounted claim WHEN drawn THEN the step names its pipeline and edges come from every branch and the claim', () => {
    const inner = pipeline('inner', {}, (p) => ({
      model: p.task('train', trainRegion, { region: 'eu' }).outputs.model,
    }));
    const composed = pipeline('composed', {}, (p) => {
      const called = p.subPipeline('called', inner);
      const best = p.task('pick', pick, { aucs: [0.5] });
      let a!: Task<typeof trainRegion.outputs>;
      let b!: Task<typeof trainRegion.outputs>;
      p.when(eq(best.outputs.deploy, true), (p) => {
        a = p.task('eu', trainRegion, { region: 'eu' });
      }).otherwise((p) => {
        b = p.task('us', trainRegion, { region: 'us' });
      });
      const claim = p.createPvc('scratch', { nameSuffix: '-s', size: '1Gi', accessModes: ['ReadWriteOnce'] });
      p.task('report', notify, { text: `${p.oneOf(a.outputs.auc, b.outputs.auc)}` })
        .after(called)
        .mount(claim, '/data');
    });
    const g = pipelineGraph(composed.ir);
    expect(g.nodes.find((n) => n.id === 'task_called')?.label).toEqual(['called', 'runs pipeline inner']);
    expect(g.edges.filter((e) => e.to === 'task_report').map((e) => `${e.from}:${e.label}`)).toEqual([
      'task_eu:auc',
      'task_us:auc',
      'task_scratch:mounts /data',
      'task_called:after',
    ]);
  });
});
