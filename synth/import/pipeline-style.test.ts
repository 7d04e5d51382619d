import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { AnyPipeline } from '../../dsl/index.ts';
import { app, project } from '../../dsl/project/project.ts';
import { captureIO } from '../../test/capture-io.ts';
import { expectGolden } from '../../test/golden.ts';
import { pipelineShape } from '../../test/pipeline-equivalence.ts';
import { synthesize } from '../engine.ts';
import { loadKubernetesYaml } from '../yaml/load.ts';
import { formatSource, importDocuments, mainDsl, runImport } from './import-command.ts';
import { NoFit, pipelineModule } from './pipeline-style.ts';
import churnTraining from '../../test/golden/import/churn-training.ts';

const FIXTURE = 'test/fixtures/import/ml-pipeline.yaml';
/** The parts of the fixture the cases edit. */
interface Fixture {
  kind: string;
  metadata: Record<string, unknown>;
  spec: {
    entrypoint: string;
    arguments: { parameters: { name: string; value?: string }[] };
    templates: {
      name: string;
      container?: { image: string; args?: string[] };
      dag?: { tasks: { name: string; when?: string; depends?: string }[] };
      steps?: unknown;
    }[];
  };
}
const fixture = (): Fixture => load(readFileSync(FIXTURE, 'utf8')) as Fixture;
const synthesized = (p: AnyPipeline): unknown => {
  const { files } = synthesize(project('import-style', { apps: [app('example', { pipelines: [p] })] }));
  const docs = files.flatMap((f) => loadKubernetesYaml(f.content, { fileName: f.path }).documents);
  expect(docs).toHaveLength(1);
  return docs[0];
};
/** The reason an object keeps the Argo-native form, for a fixture changed by `change`. */
const reason = (change: (doc: Fixture) => void): string => {
  const doc = fixture();
  change(doc);
  try {
    pipelineModule(doc, 'argosy');
  } catch (e) {
    if (e instanceof NoFit) return e.message;
    throw e;
  }
  return 'fits';
};

describe('argosy import --style pipeline', () => {
  it('GIVEN a plain DAG of container templates WHEN imported THEN the module is the committed golden (which tsc checks with the project)', async () => {
    const [m] = importDocuments(
      [{ file: FIXTURE, index: 0, object: fixture() }],
      '../../../dsl/argo/index.ts',
      'pipeline',
    ).modules;
    expect(m?.note).toBeUndefined();
    expectGolden('import/churn-training.ts', await formatSource(m!.source, 'test/golden/import/churn-training.ts'));
  });

  it('GIVEN the generated pipeline WHEN synthesized THEN it runs the same tasks, templates, arguments and dependencies as the YAML', () => {
    expect(churnTraining.kind).toBe('pipeline');
    const out = synthesized(churnTraining);
    expect(out).toMatchObject({ kind: 'WorkflowTemplate', metadata: { name: 'churn-training' } });
    expect(pipelineShape(out)).toEqual(pipelineShape(fixture()));
    // The comparison sees a change: it is not vacuous.
    const changed = fixture();
    changed.spec.templates[1]!.container!.image = 'ghcr.io/acme/extract:1.4.3';
    expect(pipelineShape(out)).not.toEqual(pipelineShape(changed));
  });

  it('GIVEN steps and a container entrypoint WHEN imported THEN they become tasks (steps wait for the group before)', () => {
    const steps = fixture();
    const [, extract, train] = steps.spec.templates;
    const main = {
      name: 'main',
      steps: [
        [{ name: 'extract', template: 'extract', arguments: { parameters: [{ name: 'date', value: 'today' }] } }],
        [
          {
            name: 'train',
            template: 'train',
            arguments: { artifacts: [{ name: 'data', from: '{{steps.extract.outputs.artifacts.table}}' }] },
          },
        ],
      ],
    };
    steps.spec.templates = [main, extract!, train!];
    const code = pipelineModule(steps, 'argosy');
    expect(code).toContain("const extractTask = p.task('extract', extract, { date: 'today' });");
    expect(code).toContain("p.task('train', train, { data: extractTask.outputs.table });");
    const single = fixture();
    single.spec.entrypoint = 'extract';
    single.spec.templates = single.spec.templates.slice(1);
    single.spec.arguments.parameters.push({ name: 'date', value: '2024-01-01' });
    expect(pipelineModule(single, 'argosy')).toContain("p.task('extract', extract, { date: params.date });");
  });

  it('GIVEN what the ML form cannot say WHEN imported THEN the object keeps the Argo-native form and the note says why', async () => {
    expect(reason((d) => (d.spec.templates[3]!.container!.image = 'alpine'))).toBe(
      'image "alpine" of template report is not pinned to a version (components require a tag or digest)',
    );
    expect(reason((d) => (d.spec.templates[0]!.dag!.tasks[0]!.name = 'Extract'))).toBe(
      'task Extract: a task name must be a DNS label',
    );
    expect(reason((d) => (d.spec.templates[0]!.dag!.tasks[1]!.when = '{{workflow.parameters.lr}} > 0'))).toBe(
      'task train sets when, which the pipeline form does not take',
    );
    expect(reason((d) => (d.spec.templates[0]!.dag!.tasks[2]!.depends = 'train.Succeeded || extract'))).toMatch(
      /^task report depends on "train\.Succeeded \|\| extract": only plain "a && b" dependencies/,
    );
    expect(reason((d) => (d.metadata.labels = { team: 'data' }))).toBe(
      'metadata sets labels, which the pipeline form does not take',
    );
    expect(reason((d) => (d.spec.templates[2]!.container!.args = ['{{workflow.name}}']))).toBe(
      "template train's args references {{workflow.name}}, which a component has no placeholder for",
    );
    expect(reason((d) => (d.kind = 'CronWorkflow'))).toMatch(/^a CronWorkflow is not a pipeline/);

    const doc = fixture();
    doc.spec.templates[3]!.container!.image = 'alpine';
    const io = captureIO();
    const code = await runImport(['-'], { style: 'pipeline', dsl: 'argosy/argo' }, io, process.cwd(), () =>
      JSON.stringify(doc),
    );
    expect(code).toBe(0);
    expect(io.lines.join('\n')).toContain(
      '// Kept in the Argo-native form: image "alpine" of template report is not pinned to a version (components require a tag or digest).\n',
    );
    expect(io.lines.join('\n')).toContain("from 'argosy/argo'");
    expect(io.errs).toContain(
      '! WorkflowTemplate/churn-training: kept in the Argo-native form: image "alpine" of template report is not pinned to a version (components require a tag or digest)',
    );
    expect(io.errs).toContain('0 of 1 object(s) in the pipeline form');
  });

  it('GIVEN the Argo-native module specifier WHEN the ML form is written THEN it imports the main DSL beside it', () => {
    expect(mainDsl('argosy/argo')).toBe('argosy');
    expect(mainDsl('../dsl/argo/index.ts')).toBe('../dsl/index.ts');
  });
});
