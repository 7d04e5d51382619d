import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../report.ts';
import { runValidate } from './validate.ts';

function capture(): CommandIO & { lines: string[]; errs: string[] } {
  const lines: string[] = [];
  const errs: string[] = [];
  return { lines, errs, out: (l) => lines.push(l), err: (l) => errs.push(l), color: false };
}

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
    const dir = tree({ 'wt.yaml': GOOD.replace('entrypoint: main', 'entrypoint: mian').replace('alpine:3.20', 'alpine') });
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

  it('GIVEN unparsable YAML or a missing path WHEN validated THEN it is an error, not a crash', async () => {
    const io = capture();
    const dir = tree({ 'bad.yaml': 'a: [1,\n' });
    expect(await runValidate(['bad.yaml', 'nope'], { skip: ['schema'] }, io, dir)).toBe(1);
    expect(io.lines.join('\n')).toContain('not valid YAML');
    expect(io.lines.join('\n')).toContain('no such file or directory');
  });

  it('GIVEN a schema directory WHEN an object has an unknown field THEN the schema layer reports its path', async () => {
    const io = capture();
    const dir = tree({
      'schemas/core/configmap_v1.json': JSON.stringify({ type: 'object', additionalProperties: false, properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, data: { type: 'object' } } }),
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
