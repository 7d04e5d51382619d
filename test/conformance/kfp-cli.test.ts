import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveProject } from '../../dsl/index.ts';
import referenceProject from '../../pipelines/index.ts';
import { main } from '../../synth/cli.ts';
import type { CommandIO } from '../../synth/report.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { KfpStrictChecker } from './kfp/strict-check.ts';

const checker = new KfpStrictChecker(resolve(sharedDir(), 'schemas', 'kfp'));
const dir = mkdtempSync(join(tmpdir(), 'argosy-kfp-cli-'));
const out = join(dir, 'dist');
const stdout: string[] = [];
const stderr: string[] = [];
const io: CommandIO = { out: (l) => stdout.push(l), err: (l) => stderr.push(l), color: false };
// The documented upload path: `argosy synth --target kfp` on the reference project, through the CLI.
const code = await main(
  ['synth', '--app', resolve(ROOT, 'pipelines', 'index.ts'), '--target', 'kfp', '--out', out],
  io,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (suffix: string): string[] => {
  const found: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.startsWith(suffix)) found.push(`${rel}${e.name}`);
    }
  };
  if (existsSync(out)) walk(out, '');
  return found.sort();
};

describe('argosy synth --target kfp on the reference project', () => {
  it('exits 0 and writes PipelineSpecs and recurring runs', () => {
    expect(code, stderr.join('\n')).toBe(0);
    expect(files('pipelinespec.').length).toBeGreaterThan(0);
    expect(files('recurringrun.').length).toBeGreaterThan(0);
  });

  it('puts every pipeline of every environment on exactly one backend, and says why each Argo one stays there', () => {
    const notes = stderr.filter((l) => l.startsWith('ℹ '));
    for (const env of resolveProject(referenceProject).environments) {
      for (const a of env.apps) {
        for (const p of a.pipelines) {
          const at = `${env.name}/${a.name}`;
          const kfp = existsSync(join(out, at, `pipelinespec.${p.name}.yaml`));
          const argo = existsSync(join(out, at, `workflowtemplate.${p.name}.yaml`));
          expect(kfp !== argo, `${at}/${p.name}: written for ${kfp ? 'both backends' : 'no backend'}`).toBe(true);
          if (argo)
            expect(
              notes.some((n) =>
                n.includes(`environment "${env.name}" > app "${a.name}": pipeline "${p.name}" stays on Argo Workflows`),
              ),
              `${at}/${p.name} is Argo without a note`,
            ).toBe(true);
        }
      }
    }
  });

  it.each(files('pipelinespec.').length ? files('pipelinespec.') : ['(none)'])(
    '%s is strict-valid as written',
    (file) => {
      const docs = KfpStrictChecker.readDocuments(readFileSync(join(out, file), 'utf8'));
      expect(checker.check(docs)).toEqual([]);
    },
  );

  it.each(files('recurringrun.').length ? files('recurringrun.') : ['(none)'])(
    "%s carries its pipeline's PipelineSpec, strict-valid",
    (file) => {
      const [body] = KfpStrictChecker.readDocuments(readFileSync(join(out, file), 'utf8')) as {
        pipelineSpec: { pipeline_spec: { pipelineInfo: { name: string } }; platform_spec?: unknown };
      }[];
      const spec = body!.pipelineSpec;
      const docs = [spec.pipeline_spec, ...(spec.platform_spec ? [spec.platform_spec] : [])];
      expect(checker.check(docs)).toEqual([]);
      const written = KfpStrictChecker.readDocuments(
        readFileSync(
          join(out, file.replace(/[^/]+$/, `pipelinespec.${spec.pipeline_spec.pipelineInfo.name}.yaml`)),
          'utf8',
        ),
      );
      expect(docs).toEqual(written);
    },
  );
});

describe('argosy validate on that output, with the KFP protos of ../shared/schemas', () => {
  const schemas = resolve(sharedDir(), 'schemas');
  const validate = async (paths: string[]): Promise<{ code: number; lines: string[]; errs: string[] }> => {
    const lines: string[] = [];
    const errs: string[] = [];
    // The schema layer over the same Kubernetes objects is schemas.test.ts' job; compiling the CRD schemas again would only cost CI time.
    const c = await main(['validate', ...paths, '--schema-location', schemas, '--skip', 'schema'], {
      out: (l) => lines.push(l),
      err: (l) => errs.push(l),
      color: false,
    });
    return { code: c, lines, errs };
  };

  it('exits 0 with every PipelineSpec, PlatformSpec and recurring run proto-checked', async () => {
    const r = await validate([out]);
    expect(r.code, r.lines.join('\n')).toBe(0);
    expect(r.errs.join('\n')).not.toContain('not proto-checked');
  });

  it('reports what only the protos see: an unknown key in a PipelineSpec and in the spec a recurring run carries', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    const [spec] = files('pipelinespec.');
    const [run] = files('recurringrun.');
    writeFileSync(
      join(bad, 'pipelinespec.x.yaml'),
      readFileSync(join(out, spec!), 'utf8').replace(/^schemaVersion:/m, 'extraField: 1\nschemaVersion:'),
    );
    writeFileSync(
      join(bad, 'recurringrun.x.yaml'),
      readFileSync(join(out, run!), 'utf8').replace(/^ {4}schemaVersion:/m, '    extraField: 1\n    schemaVersion:'),
    );
    const r = await validate([bad]);
    expect(r.code).toBe(1);
    const proto = r.lines.filter((l) => l.includes('kfp/proto'));
    expect(proto).toEqual([
      '    error   kfp/proto: cannot decode message ml_pipelines.PipelineSpec from JSON: key "extraField" is unknown',
      '    error   kfp/proto pipelineSpec.pipeline_spec: cannot decode message ml_pipelines.PipelineSpec from JSON: key "extraField" is unknown',
    ]);
  });
});
