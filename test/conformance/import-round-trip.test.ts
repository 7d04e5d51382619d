import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgoObject } from '../../dsl/argo/index.ts';
import { app, project } from '../../dsl/project/project.ts';
import { synthesize } from '../../synth/engine.ts';
import { importDocuments } from '../../synth/import/import-command.ts';
import { yamlFilesUnder } from '../../synth/validate/documents.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { diff, sortTemplates, stripArgosyLabels } from './argo-compare.ts';

/**
 * `argosy import` round trip over the upstream Argo examples: import every object of an example,
 * type-check all generated modules in one tsc program, synthesize them and compare with the
 * upstream documents under the same normalization as the hand-written programs (argo-compare.ts).
 */

/** Raise this when more examples round-trip; it must never go down. */
const FLOOR = 212;

const corpus = resolve(sharedDir(), 'corpus', 'argo-examples');
// Under node_modules (gitignored), so the modules resolve the project's dsl and package type.
const work = resolve(ROOT, 'node_modules', '.cache', 'argosy-import-round-trip');
const exampleName = (file: string): string =>
  relative(corpus, file)
    .replace(/\.ya?ml$/, '')
    .split(/[\\/]/)
    .join('--');

interface Example {
  readonly name: string;
  readonly expected: unknown[];
  /** Generated module per document, or why that document was not imported. */
  readonly modules: ({ readonly path: string } | { readonly error: string })[];
}

const examples: Example[] = [];
const outcomes = new Map<string, string | undefined>();
let typeErrors = new Map<string, string>();

function typeCheck(files: readonly string[]): Map<string, string> {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([...files], { ...options, noEmit: true });
  const errors = new Map<string, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName;
    if (file === undefined || errors.has(resolve(file))) continue;
    const line = d.start !== undefined ? (d.file?.getLineAndCharacterOfPosition(d.start).line ?? 0) + 1 : 0;
    errors.set(
      resolve(file),
      `tsc: line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 200)}`,
    );
  }
  return errors;
}

async function synthesizeModule(path: string): Promise<unknown> {
  const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  if (!(mod.default instanceof ArgoObject)) throw new Error('the module does not default-export an Argo object');
  const { files } = synthesize(project('import-round-trip', { apps: [app('example', { workflows: [mod.default] })] }));
  const docs = files.flatMap((f) => loadKubernetesYaml(f.content, { fileName: f.path }).documents);
  if (docs.length !== 1) throw new Error(`synthesized ${docs.length} documents, expected 1`);
  return docs[0];
}

describe('argosy import round trip over the upstream Argo examples', () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const dsl = relative(work, join(ROOT, 'dsl', 'argo', 'index.ts'))
      .split('\\')
      .join('/');
    const files = yamlFilesUnder(corpus).map((file) => ({
      file,
      documents: loadKubernetesYaml(readFileSync(file, 'utf8'), { lenient: true, fileName: file }).documents,
    }));
    // The corpus's (Cluster)WorkflowTemplates, for workflows whose entrypoint names one of their templates.
    const library = files.flatMap(({ file, documents }) =>
      documents.flatMap((object, index) => {
        const kind = (object as { kind?: unknown } | null)?.kind;
        return kind === 'WorkflowTemplate' || kind === 'ClusterWorkflowTemplate'
          ? [{ file: exampleName(file), index, object }]
          : [];
      }),
    );
    for (const { file, documents } of files) {
      const name = exampleName(file);
      const modules = documents.map((object, index) => {
        const r = importDocuments([{ file: name, index, object }], dsl);
        const [m] = r.modules;
        if (!m && r.findings.some((f) => f.message.startsWith('/spec/entrypoint: names no template'))) {
          // Imported with the templates it references, as `argosy import` of both directories would.
          const dir = join(work, name);
          mkdirSync(dir, { recursive: true });
          const linked = importDocuments([{ file: name, index, object }, ...library], `../${dsl}`);
          const [first] = linked.modules;
          if (first?.linked) {
            for (const target of first.linked.keys()) {
              const t = linked.modules.find((x) => x.file === target);
              if (t) writeFileSync(join(dir, t.file), t.source);
            }
            writeFileSync(join(dir, first.file), first.source);
            return { path: join(dir, first.file) };
          }
        }
        if (!m) return { error: r.findings.map((f) => f.message).join('; ') || 'not imported' };
        const path = join(work, `${name}--${index}.ts`);
        writeFileSync(path, m.source);
        return { path };
      });
      examples.push({ name, expected: documents.map(sortTemplates), modules });
    }
    typeErrors = typeCheck(examples.flatMap((e) => e.modules.flatMap((m) => ('path' in m ? [m.path] : []))));
  });

  it('imports, type-checks, synthesizes and reproduces each example', async () => {
    for (const e of examples) {
      const reasons: string[] = [];
      for (const [i, m] of e.modules.entries()) {
        if ('error' in m) {
          reasons.push(`document ${i}: ${m.error}`);
          continue;
        }
        const typeError = typeErrors.get(resolve(m.path));
        if (typeError) {
          reasons.push(`document ${i}: ${typeError}`);
          continue;
        }
        try {
          const actual = sortTemplates(stripArgosyLabels(await synthesizeModule(m.path)));
          const problems = diff(e.expected[i], actual);
          if (problems.length) reasons.push(`document ${i}: ${problems.join('; ')}`);
        } catch (err) {
          reasons.push(`document ${i}: ${(err as Error).message.split('\n')[0]}`);
        }
      }
      outcomes.set(e.name, reasons.length ? reasons.join('; ') : undefined);
    }
    expect(outcomes.size).toBe(examples.length);
  });

  afterAll(() => {
    const passed = [...outcomes.values()].filter((r) => r === undefined).length;
    const lines = [`import round trip: ${passed}/${examples.length} (floor ${FLOOR})`];
    for (const [name, reason] of [...outcomes].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (reason !== undefined) lines.push(`  not round-tripped: ${name}: ${reason}`);
    console.log(lines.join('\n'));
    expect(passed, 'the import round trip went below its floor').toBeGreaterThanOrEqual(FLOOR);
  });
});
