import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgoObject } from '../../dsl/argo/index.ts';
import { app, project } from '../../dsl/project/project.ts';
import { synthesize } from '../../synth/engine.ts';
import { argoLayer } from '../../synth/validate/argo-layer.ts';
import { ARGO_KINDS, type ArgoKind } from '../../synth/validate/argo/workflow.ts';
import { yamlFilesUnder } from '../../synth/validate/documents.ts';
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
const exampleName = (file: string): string =>
  relative(corpus, file)
    .replace(/\.ya?ml$/, '')
    .split(/[\\/]/)
    .join('--');

const upstream = new Map(yamlFilesUnder(corpus).map((f) => [exampleName(f), f]));
const written = new Set(
  readdirSync(programs)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, '')),
);

/**
 * The upstream files js-yaml rejects in strict mode and what the lenient (Go-like) reading had
 * to accept. Pinned, so a new need for leniency shows up as a change to this list.
 */
const INDENTATION = 'multi-line quoted scalar indented less than YAML 1.2 requires';
const EXPECTED_LENIENCIES: Readonly<Record<string, readonly string[]>> = {
  'ci-output-artifact.yaml': [INDENTATION],
  'ci.yaml': [INDENTATION],
  'exit-handler-slack.yaml': [INDENTATION],
  'influxdb-ci.yaml': [INDENTATION],
  'k8s-orchestration.yaml': [INDENTATION],
  'k8s-patch-json-workflow.yaml': ['duplicate mapping key (last value wins, as in Go)'],
  'nested-workflow.yaml': [INDENTATION],
  'resource-delete-with-flags.yaml': [INDENTATION],
  'resource-flags.yaml': [INDENTATION],
  'secrets.yaml': [INDENTATION],
  'sidecar.yaml': [INDENTATION],
  'volumes-emptydir.yaml': [INDENTATION],
};

/** Every upstream file parsed once, leniently, with what the lenient reading accepted. */
const parsed = new Map(
  [...upstream].map(([name, file]) => {
    const { documents, leniencies } = loadKubernetesYaml(readFileSync(file, 'utf8'), { lenient: true, fileName: file });
    return [name, { file: relative(corpus, file), documents, leniencies }];
  }),
);

interface Outcome {
  readonly reproduced: boolean;
  readonly reason?: string;
}
const outcomes = new Map<string, Outcome>();
const validated = { objects: 0, semantic: 0, withoutSchema: new Map<string, number>() };

/** Synthesizes a program's objects through the real engine and parses the files it writes. */
async function synthesizeProgram(name: string): Promise<{ objects: ArgoObject[]; documents: unknown[] }> {
  const mod = (await import(pathToFileURL(join(programs, `${name}.ts`)).href)) as { default?: unknown };
  const exported = Array.isArray(mod.default) ? mod.default : [mod.default];
  const objects = exported.filter((o): o is ArgoObject => o instanceof ArgoObject);
  if (objects.length !== exported.length || objects.length === 0)
    throw new Error(`${name}.ts must default-export an Argo object or a list of them (upstream document order)`);
  const { files } = synthesize(project('argo-examples', { apps: [app('example', { workflows: objects })] }));
  const byKey = new Map<string, unknown>();
  for (const f of files) {
    for (const doc of loadKubernetesYaml(f.content, { fileName: f.path }).documents) {
      const d = doc as { kind: string; metadata: { name?: string; generateName?: string } };
      byKey.set(`${d.kind}/${d.metadata.name ?? d.metadata.generateName}`, doc);
    }
  }
  const documents = objects.map((o) => byKey.get(`${o.kind}/${o.name}`));
  if (documents.some((d) => d === undefined) || byKey.size !== objects.length)
    throw new Error(`${name}: synthesized files do not match the exported objects one to one`);
  return { objects, documents };
}

/** Each program's synthesized documents (or why it could not be synthesized), and Argo's verdict on them. */
const synthesized = new Map<string, { documents: unknown[] } | { error: string }>();
const semantics = new Map<unknown, string[]>();

describe('Argo upstream examples reproduced with the typed API', () => {
  beforeAll(async () => {
    for (const name of [...written].filter((n) => upstream.has(n)).sort()) {
      try {
        synthesized.set(name, { documents: (await synthesizeProgram(name)).documents });
      } catch (e) {
        synthesized.set(name, { error: e instanceof Error ? e.message : String(e) });
      }
    }
    // Argo's semantic rules over all programs at once: templateRefs between examples resolve
    // against the WorkflowTemplates the other programs synthesize, as they would on a cluster.
    const all = [...synthesized.values()].flatMap((r) => ('documents' in r ? r.documents : []));
    for (const [doc, findings] of argoLayer(all))
      semantics.set(
        doc,
        findings.map((f) => f.message),
      );
  });

  it('has a program or a documented reason for every upstream example, not both', () => {
    const missing = [...upstream.keys()].filter((n) => !written.has(n) && NOT_REPRODUCED[n] === undefined);
    const both = [...upstream.keys()].filter((n) => written.has(n) && NOT_REPRODUCED[n] !== undefined);
    const stray = [...written].filter((n) => !upstream.has(n));
    expect({ missing, both, stray }).toEqual({ missing: [], both: [], stray: [] });
  });

  it("reads upstream files leniently only where Go's parser is more lenient than js-yaml, exactly as pinned", () => {
    const got = Object.fromEntries(
      [...parsed.values()].filter((p) => p.leniencies.length).map((p) => [p.file, p.leniencies]),
    );
    expect(got).toEqual(EXPECTED_LENIENCIES);
  });

  it.each([...written].filter((n) => upstream.has(n)).sort())('%s', (name) => {
    const expected = (parsed.get(name)?.documents ?? []).map(sortTemplates);
    const result = synthesized.get(name);
    let outcome: Outcome;
    if (result === undefined || 'error' in result) {
      outcome = { reproduced: false, reason: result?.error ?? 'not synthesized' };
    } else {
      const { documents } = result;
      const actual = documents.map((d) => sortTemplates(stripArgosyLabels(d)));
      const problems = diff(expected, actual);
      for (const [i, doc] of documents.entries()) {
        const findings = registry.validate(doc as { apiVersion: string; kind: string });
        const kind = (doc as { kind: string }).kind;
        if (findings === undefined) validated.withoutSchema.set(kind, (validated.withoutSchema.get(kind) ?? 0) + 1);
        else validated.objects++;
        if (findings?.length)
          problems.push(`document ${i} fails the ${kind} schema: ${JSON.stringify(findings.slice(0, 3))}`);
        const argo = semantics.get(doc);
        if (argo?.length) problems.push(`document ${i} (${kind}) fails Argo's semantic validation: ${argo.join('; ')}`);
        else if (ARGO_KINDS.includes(kind as ArgoKind)) validated.semantic++;
      }
      outcome = problems.length ? { reproduced: false, reason: problems.join('; ') } : { reproduced: true };
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
      `  ${validated.semantic} synthesized objects passed Argo's semantic validation (synth/validate/argo)`,
    ];
    for (const p of [...parsed.values()].sort((a, b) => (a.file < b.file ? -1 : 1))) {
      for (const l of p.leniencies) lines.push(`  read leniently: ${p.file}: ${l}`);
    }
    for (const name of [...upstream.keys()].sort()) {
      const o = outcomes.get(name);
      if (o?.reproduced) continue;
      lines.push(`  not reproduced: ${name}: ${o?.reason ?? NOT_REPRODUCED[name] ?? 'no program'}`);
    }
    console.log(lines.join('\n'));
    expect(reproduced, 'the number of reproduced examples went below the floor').toBeGreaterThanOrEqual(FLOOR);
  });
});
