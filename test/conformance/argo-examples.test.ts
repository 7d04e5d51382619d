import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ArgoObject } from '../../dsl/argo/index.ts';
import { app, project } from '../../dsl/project.ts';
import { synthesize } from '../../synth/engine.ts';
import { SchemaRegistry } from '../../synth/validate/schema-registry.ts';
import { loadKubernetesYaml } from '../../synth/yaml/load.ts';
import { ROOT, sharedDir } from '../shared-dir.ts';
import { diff, sortTemplates, stripArgosyLabels } from './argo-compare.ts';
import { NOT_REPRODUCED } from './argo-examples-gaps.ts';

/** Raise this when more examples are reproduced; it must never go down. */
const FLOOR = 212;

const corpus = resolve(sharedDir(), 'corpus', 'argo-examples');
const programs = resolve(ROOT, 'test', 'argo-examples');
const registry = new SchemaRegistry(resolve(sharedDir(), 'schemas'));

/** `cluster-workflow-template/clustertemplates.yaml` -> `cluster-workflow-template--clustertemplates`. */
const exampleName = (file: string): string => relative(corpus, file).replace(/\.ya?ml$/, '').split(/[\\/]/).join('--');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

const upstream = new Map(yamlFiles(corpus).map((f) => [exampleName(f), f]));
const written = new Set(readdirSync(programs).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')));

interface Outcome {
  readonly reproduced: boolean;
  readonly reason?: string;
}
const outcomes = new Map<string, Outcome>();
const validated = { objects: 0, withoutSchema: new Map<string, number>() };

/** Synthesizes a program's objects through the real engine and parses the files it writes. */
async function synthesizeProgram(name: string): Promise<{ objects: ArgoObject[]; documents: unknown[] }> {
  const mod = (await import(pathToFileURL(join(programs, `${name}.ts`)).href)) as { default?: unknown };
  const exported = Array.isArray(mod.default) ? mod.default : [mod.default];
  const objects = exported.filter((o): o is ArgoObject => o instanceof ArgoObject);
  if (objects.length !== exported.length || objects.length === 0) throw new Error(`${name}.ts must default-export an Argo object or a list of them (upstream document order)`);
  const { files } = synthesize(project('argo-examples', { apps: [app('example', { workflows: objects })] }));
  const byKey = new Map<string, unknown>();
  for (const f of files) {
    for (const doc of loadKubernetesYaml(f.content, { fileName: f.path }).documents) {
      const d = doc as { kind: string; metadata: { name?: string; generateName?: string } };
      byKey.set(`${d.kind}/${d.metadata.name ?? d.metadata.generateName}`, doc);
    }
  }
  const documents = objects.map((o) => byKey.get(`${o.kind}/${o.name}`));
  if (documents.some((d) => d === undefined) || byKey.size !== objects.length) throw new Error(`${name}: synthesized files do not match the exported objects one to one`);
  return { objects, documents };
}

describe('Argo upstream examples reproduced with the typed API', () => {
  it('has a program or a documented reason for every upstream example, not both', () => {
    const missing = [...upstream.keys()].filter((n) => !written.has(n) && NOT_REPRODUCED[n] === undefined);
    const both = [...upstream.keys()].filter((n) => written.has(n) && NOT_REPRODUCED[n] !== undefined);
    const stray = [...written].filter((n) => !upstream.has(n));
    expect({ missing, both, stray }).toEqual({ missing: [], both: [], stray: [] });
  });

  it.each([...written].filter((n) => upstream.has(n)).sort())('%s', async (name) => {
    const file = upstream.get(name) as string;
    const expected = loadKubernetesYaml(readFileSync(file, 'utf8'), { lenient: true, fileName: file }).documents.map(sortTemplates);
    let outcome: Outcome;
    try {
      const { documents } = await synthesizeProgram(name);
      const actual = documents.map((d) => sortTemplates(stripArgosyLabels(d)));
      const problems = diff(expected, actual);
      for (const [i, doc] of documents.entries()) {
        const findings = registry.validate(doc as { apiVersion: string; kind: string });
        const kind = (doc as { kind: string }).kind;
        if (findings === undefined) validated.withoutSchema.set(kind, (validated.withoutSchema.get(kind) ?? 0) + 1);
        else validated.objects++;
        if (findings?.length) problems.push(`document ${i} fails the ${(doc as { kind: string }).kind} schema: ${JSON.stringify(findings.slice(0, 3))}`);
      }
      outcome = problems.length ? { reproduced: false, reason: problems.join('; ') } : { reproduced: true };
    } catch (e) {
      outcome = { reproduced: false, reason: e instanceof Error ? e.message : String(e) };
    }
    outcomes.set(name, outcome);
    expect(outcome.reason ?? '').toBe('');
  });

  afterAll(() => {
    const reproduced = [...outcomes.values()].filter((o) => o.reproduced).length;
    const noSchema = [...validated.withoutSchema].map(([k, n]) => `${k} (${n})`).join(', ');
    const lines = [
      `reproduced ${reproduced}/${upstream.size} upstream Argo examples (floor ${FLOOR})`,
      `  ${validated.objects} synthesized objects validated strictly against ../shared/schemas${noSchema ? `; no schema for ${noSchema}` : ''}`,
    ];
    for (const name of [...upstream.keys()].sort()) {
      const o = outcomes.get(name);
      if (o?.reproduced) continue;
      lines.push(`  not reproduced: ${name}: ${o?.reason ?? NOT_REPRODUCED[name] ?? 'no program'}`);
    }
    console.log(lines.join('\n'));
    expect(reproduced, 'the number of reproduced examples went below the floor').toBeGreaterThanOrEqual(FLOOR);
  });
});
