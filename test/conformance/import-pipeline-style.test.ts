import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, project } from '../../dsl/project/project.ts';
import { synthesize } from '../../synth/engine.ts';
import { importDocuments } from '../../synth/import/import-command.ts';
import { yamlFilesUnder } from '../../synth/validate/documents.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { pipelineShape } from '../pipeline-equivalence.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';

/**
 * `argosy import --style pipeline` over the upstream Argo examples: every Workflow and
 * WorkflowTemplate the importer writes in the ML form is type-checked, synthesized and compared
 * with the upstream object under test/pipeline-equivalence.ts (same workflow parameters, and per
 * task the same template, arguments and dependencies; not byte equality, since the ML form adds
 * its security contexts and names its entrypoint after the pipeline). Components require pinned
 * images and most examples use `busybox` or `:latest`, so the examples are imported with each
 * such image given the tag `:import-test` (in the comparison too); everything else is upstream's.
 */

/** Raise this when more examples qualify and round-trip; it must never go down. */
const FLOOR = 5;

const corpus = resolve(sharedDir(), 'corpus', 'argo-examples');
// Under node_modules (gitignored), so the modules resolve the project's dsl and package type.
const work = resolve(ROOT, 'node_modules', '.cache', 'argosy-import-pipeline-style');

/** The document with every untagged or `:latest` container image tagged `:import-test`. */
function pinImages(doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map(pinImages);
  if (typeof doc !== 'object' || doc === null) return doc;
  return Object.fromEntries(
    Object.entries(doc).map(([k, v]) => {
      if (k !== 'image' || typeof v !== 'string' || v.includes('@sha256:')) return [k, pinImages(v)];
      const last = v.split('/').pop() ?? '';
      if (!last.includes(':')) return [k, `${v}:import-test`];
      return [k, v.endsWith(':latest') ? v.replace(/:latest$/, ':import-test') : v];
    }),
  );
}

interface Qualified {
  readonly name: string;
  readonly expected: unknown;
  readonly path: string;
}

const qualified: Qualified[] = [];
let objects = 0;
const failures = new Map<string, string>();

describe('argosy import --style pipeline over the upstream Argo examples', () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const dsl = relative(work, join(ROOT, 'dsl', 'argo', 'index.ts'))
      .split('\\')
      .join('/');
    for (const file of yamlFilesUnder(corpus)) {
      const name = relative(corpus, file).replace(/\.ya?ml$/, '');
      const { documents } = loadKubernetesYaml(readFileSync(file, 'utf8'), { lenient: true, fileName: file });
      documents.forEach((raw, index) => {
        const object = pinImages(raw);
        const [m] = importDocuments([{ file: name, index, object }], dsl, 'pipeline').modules;
        if (!m) return;
        objects++;
        if (m.note) return;
        const path = join(work, `${name.split('/').join('--')}--${index}.ts`);
        writeFileSync(path, m.source);
        qualified.push({ name: `${name}#${index}`, expected: object, path });
      });
    }
    const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    const program = ts.createProgram(
      qualified.map((q) => q.path),
      { ...options, noEmit: true },
    );
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const q = qualified.find((x) => resolve(x.path) === resolve(d.file?.fileName ?? ''));
      if (q && !failures.has(q.name))
        failures.set(q.name, `tsc: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 200)}`);
    }
  });

  it('type-checks, synthesizes and reproduces the semantics of each qualifying example', async () => {
    for (const q of qualified) {
      if (failures.has(q.name)) continue;
      try {
        const mod = (await import(pathToFileURL(q.path).href)) as { default?: { kind?: string } };
        if (mod.default?.kind !== 'pipeline') throw new Error('the module does not default-export a pipeline');
        const { files } = synthesize(
          project('import-style', { apps: [app('example', { pipelines: [mod.default as never] })] }),
        );
        const docs = files.flatMap((f) => loadKubernetesYaml(f.content, { fileName: f.path }).documents);
        if (docs.length !== 1) throw new Error(`synthesized ${docs.length} documents, expected 1`);
        expect(pipelineShape(docs[0])).toEqual(pipelineShape(q.expected));
      } catch (e) {
        failures.set(q.name, (e as Error).message.split('\n')[0] ?? '');
      }
    }
    expect(qualified.length).toBeGreaterThan(0);
  });

  afterAll(() => {
    const passed = qualified.length - failures.size;
    const lines = [
      `import --style pipeline: ${qualified.length} of ${objects} objects qualify, ${passed} round-trip (floor ${FLOOR})`,
    ];
    for (const [name, reason] of [...failures].sort(([a], [b]) => (a < b ? -1 : 1)))
      lines.push(`  not round-tripped: ${name}: ${reason}`);
    console.log(lines.join('\n'));
    expect(passed, 'the pipeline-style round trip went below its floor').toBeGreaterThanOrEqual(FLOOR);
  });
});
