import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli.ts';
import { runValidate } from './validate.ts';
import { captureIO as capture } from '../../test/capture-io.ts';

const GOOD = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: hello
spec:
  entrypoint: main
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  templates:
  - name: main
    container:
      image: alpine:3.20
      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'argosy-validate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('argosy validate', () => {
  it('GIVEN a directory of valid YAML WHEN validated THEN it exits 0 with a summary', async () => {
    const io = capture();
    const dir = tree({ 'staging/app/workflowtemplate.hello.yaml': GOOD });
    expect(await runValidate(['.'], { skip: ['schema'] }, io, dir)).toBe(0);
    expect(io.lines.at(-1)).toBe('✓ 1 object checked: 0 errors, 0 warnings');
  });

  it('GIVEN a broken template WHEN validated THEN findings are grouped by file and object and it exits 1', async () => {
    const io = capture();
    const dir = tree({
      'wt.yaml': GOOD.replace('entrypoint: main', 'entrypoint: mian').replace('alpine:3.20', 'alpine'),
    });
    expect(await runValidate(['wt.yaml'], { skip: ['schema'] }, io, dir)).toBe(1);
    expect(io.lines).toEqual([
      'wt.yaml',
      '  WorkflowTemplate hello',
      "    error   argo/semantics: template name 'mian' undefined",
      '    error   policy/pinned-image spec.templates[0].container.image: image "alpine" has no tag, so it floats to :latest. Pin a version tag or a digest (name@sha256:...)',
      '✗ 1 object checked: 2 errors, 0 warnings',
    ]);
  });

  it('GIVEN YAML on stdin WHEN validated with - THEN it is read from there', async () => {
    const io = capture();
    expect(await runValidate(['-'], { skip: ['schema'], format: 'json' }, io, tmpdir(), () => GOOD)).toBe(0);
    expect(JSON.parse(io.lines.join('\n'))).toMatchObject({ files: 1, objects: 1, errors: 0 });
  });

  it('GIVEN policy findings demoted to warnings WHEN validated THEN it exits 0', async () => {
    const io = capture();
    const dir = tree({ 'wt.yaml': GOOD.replace('alpine:3.20', 'alpine') });
    expect(await runValidate(['wt.yaml'], { skip: ['schema'], policyLevel: 'warning' }, io, dir)).toBe(0);
  });

  it('GIVEN unparsable YAML WHEN validated THEN it is a finding (exit 1), not a crash', async () => {
    const io = capture();
    const dir = tree({ 'bad.yaml': 'a: [1,\n' });
    expect(await runValidate(['bad.yaml'], { skip: ['schema'] }, io, dir)).toBe(1);
    expect(io.lines.join('\n')).toContain('not valid YAML');
  });

  it('GIVEN a path that does not exist WHEN validated THEN it is a usage error (exit 2) naming it', async () => {
    const io = capture();
    const dir = tree({ 'wt.yaml': GOOD });
    expect(await runValidate(['wt.yaml', 'nope'], { skip: ['schema'] }, io, dir)).toBe(2);
    expect(io.errs.join('\n')).toMatch(
      /nope: no such file or directory \(got .*nope\)\. Pass existing files or directories, - for stdin, or run `argosy synth` first to write dist\/\.$/,
    );
    expect(io.lines).toEqual([]);
  });

  it('GIVEN an input without any object (an empty dist) WHEN validated THEN it is a usage error, so CI cannot pass on nothing', async () => {
    const io = capture();
    const dir = tree({ 'dist/README.md': 'not yaml', 'dist/empty.yaml': '# nothing\n' });
    expect(await runValidate(['dist'], { skip: ['schema'] }, io, dir)).toBe(2);
    expect(io.errs.join('\n')).toContain('dist: no Kubernetes objects to validate (got 1 YAML file, 0 documents)');
    expect(await runValidate(['-'], { skip: ['schema'] }, capture(), dir, () => '')).toBe(2);
  });

  it('GIVEN --skip with a name that is no layer or rule WHEN validated THEN it is a usage error listing the valid names', async () => {
    const io = capture();
    const dir = tree({ 'wt.yaml': GOOD });
    expect(await runValidate(['wt.yaml'], { skip: ['schema', 'policy/pinned-images'] }, io, dir)).toBe(2);
    expect(io.errs.join('\n')).toContain('--skip policy/pinned-images: no such layer or rule');
    expect(io.errs.join('\n')).toContain('policy/pinned-image, policy/resources');
    expect(io.errs.join('\n')).toMatch(
      /\(got policy\/pinned-images\)\. Pass any of schema, .*size\/budget, stubs\/drift\.$/,
    );
    expect(
      await runValidate(['wt.yaml'], { skip: ['schema', 'policy/pinned-image', 'argo/external-ref'] }, capture(), dir),
    ).toBe(0);
  });

  it('GIVEN a file that does not parse WHEN --skip names the yaml layer or rule THEN that is a usage error: parse errors cannot be silenced', async () => {
    const dir = tree({ 'bad.yaml': 'a: [unclosed' });
    for (const skip of ['yaml', 'yaml/parse']) {
      const io = capture();
      expect(await runValidate(['bad.yaml'], { skip: ['schema', skip] }, io, dir)).toBe(2);
      expect(io.errs.join('\n')).toContain(
        `--skip ${skip}: parse errors cannot be skipped (got ${skip}). A file that does not parse was not checked at all`,
      );
    }
  });

  const caller = (ownStep: string): string => `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: nightly}
spec:
  schedules: ['0 3 * * *']
  workflowSpec:
    entrypoint: main
    templates:
    - name: main
      steps:
      - - {name: train, templateRef: {name: training, template: main}}
${ownStep}`;

  it('GIVEN one file whose templateRef points at a template in another file WHEN validated alone THEN it is an error by default, and a warning with --external-refs warn', async () => {
    const dir = tree({ 'cron.yaml': caller('') });
    const strict = capture();
    expect(await runValidate(['cron.yaml'], { skip: ['schema', 'policy'] }, strict, dir)).toBe(1);
    expect(strict.lines.join('\n')).toContain('template reference training.main not found');
    const lenient = capture();
    expect(await runValidate(['cron.yaml'], { skip: ['schema', 'policy'], externalRefs: 'warn' }, lenient, dir)).toBe(
      0,
    );
    expect(lenient.lines.join('\n')).toContain(
      'warning argo/external-ref: references WorkflowTemplate training, which is not among the inputs',
    );
  });

  it('GIVEN --external-refs warn WHEN the file has its own defect THEN that is still an error', async () => {
    const dir = tree({ 'cron.yaml': caller('      - - {name: other, template: mian}\n') });
    const io = capture();
    expect(await runValidate(['cron.yaml'], { skip: ['schema', 'policy'], externalRefs: 'warn' }, io, dir)).toBe(1);
    expect(io.lines.join('\n')).toContain("template name 'mian' undefined");
  });

  it('GIVEN a built-in kind WHEN no schema directory is given THEN the built-in registry checks it strictly', async () => {
    const io = capture();
    const dir = tree({
      'svc.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selectr: {app: x}\n  ports: [{port: 80}]\n',
    });
    expect(await runValidate(['svc.yaml'], {}, io, dir)).toBe(1);
    expect(io.lines).toContain('    error   schema/strict spec: unknown field "selectr"');
  });

  it('GIVEN a user schema for a built-in kind WHEN validated THEN it wins over the built-in registry', async () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\nnote: kept by our admission webhook\n';
    const dir = tree({
      'schemas/core/configmap_v1.json': JSON.stringify({
        type: 'object',
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { type: 'object' },
          data: { type: 'object' },
          note: { type: 'string' },
        },
        additionalProperties: false,
      }),
      'cm.yaml': cm,
    });
    expect(await runValidate(['cm.yaml'], {}, capture(), dir)).toBe(1);
    expect(await runValidate(['cm.yaml'], { schemaLocation: join(dir, 'schemas') }, capture(), dir)).toBe(0);
  });

  it('GIVEN a schema directory WHEN an object has an unknown field THEN the schema layer reports its path', async () => {
    const io = capture();
    const dir = tree({
      'schemas/core/configmap_v1.json': JSON.stringify({
        type: 'object',
        additionalProperties: false,
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { type: 'object' },
          data: { type: 'object' },
        },
      }),
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndatas: {a: b}\n',
    });
    expect(await runValidate(['cm.yaml'], { schemaLocation: join(dir, 'schemas') }, io, dir)).toBe(1);
    expect(io.lines).toContain('    error   schema/strict: unknown field "datas"');
  });

  it('GIVEN a schema location that does not exist WHEN validated THEN it is a usage error', async () => {
    const io = capture();
    expect(await runValidate(['.'], { schemaLocation: '/nonexistent/schemas' }, io, tmpdir())).toBe(2);
  });
});

describe('argosy validate on the output of argosy synth --target kfp', () => {
  // Keep a developer's `argosy schemas pull` cache (which might hold protos) out of these runs.
  const saved = process.env.ARGOSY_SCHEMA_CACHE;
  beforeEach(() => void (process.env.ARGOSY_SCHEMA_CACHE = join(tmpdir(), 'argosy-no-such-cache')));
  afterEach(() =>
    saved === undefined ? delete process.env.ARGOSY_SCHEMA_CACHE : (process.env.ARGOSY_SCHEMA_CACHE = saved),
  );

  const NOTE =
    '  KFP documents linted but not proto-checked: no --schema-location (pass a directory holding kfp/pipeline_spec.proto and kfp/kubernetes_executor_config.proto, the layout of ../shared/schemas)';

  it('GIVEN the reference project synthesized for KFP WHEN the documented CI command validates it THEN it exits 0 and says the KFP documents were linted, not proto-checked', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'argosy-validate-kfp-')), 'dist');
    expect(await main(['synth', '--app', 'pipelines/index.ts', '--target', 'kfp', '--out', out], capture())).toBe(0);
    const io = capture();
    expect(await main(['validate', out], io), io.lines.join('\n')).toBe(0);
    expect(io.errs).toContain(NOTE);
    expect(io.lines.at(-1)).toMatch(/^✓ \d+ objects checked: 0 errors, \d+ warnings?$/);
  });

  const PIPELINE = `pipelineInfo: {name: p}
schemaVersion: 2.0.0
root: {dag: {tasks: {t: {componentRef: {name: comp-t}, taskInfo: {name: t}}}}}
components: {comp-t: {executorLabel: exec-t}}
deploymentSpec: {executors: {exec-t: {container: {image: 'alpine:3.20', command: [echo]}}}}
`;

  it('GIVEN a broken pipeline file WHEN validated THEN its findings are grouped under the file and the PipelineSpec, and it exits 1', async () => {
    const io = capture();
    const dir = tree({ 'pipelinespec.p.yaml': PIPELINE });
    expect(await runValidate(['.'], {}, io, dir)).toBe(1);
    expect(io.lines).toEqual([
      'pipelinespec.p.yaml',
      '  PipelineSpec p',
      '    error   kfp/upload schemaVersion: schemaVersion must be 2.1.0, the IR version the KFP API server accepts (got "2.0.0"). Compile the pipeline with a KFP v2 compiler or `argosy synth --target kfp`',
      '✗ 1 object checked: 1 error, 0 warnings',
    ]);
    const skipped = capture();
    expect(await runValidate(['.'], { skip: ['kfp/upload', 'kfp/proto'] }, skipped, dir)).toBe(0);
    expect(skipped.errs).not.toContain(NOTE);
  });

  it('GIVEN a schema location whose kfp/ protos do not compile WHEN KFP documents are validated THEN it is a usage error naming the directory', async () => {
    const dir = tree({
      'pipelinespec.p.yaml': PIPELINE,
      'schemas/kfp/pipeline_spec.proto': 'syntax = "proto3";\nmessage {\n',
      'schemas/kfp/kubernetes_executor_config.proto': 'syntax = "proto3";\n',
    });
    const io = capture();
    expect(await runValidate(['pipelinespec.p.yaml'], { schemaLocation: join(dir, 'schemas') }, io, dir)).toBe(2);
    expect(io.errs.join('\n')).toContain(
      `--schema-location ${join(dir, 'schemas')}: the KFP protos under kfp/ could not be compiled (got buf build`,
    );
    expect(io.lines).toEqual([]);
  });
});
