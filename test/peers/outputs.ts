import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileKfpPipeline } from '../../charts/kfp/index.ts';
import { ArgoObject } from '../../dsl/argo/index.ts';
import { app, project } from '../../dsl/project/project.ts';
import referenceProject from '../../pipelines/index.ts';
import { synthesize } from '../../synth/engine.ts';
import { renderFile } from '../../synth/serialize.ts';
import { loadEquivalenceCases } from '../conformance/kfp/cases.ts';
import { ROOT } from '../shared-dir.ts';

/** Output Argosy writes that is committed: the reference tree and the goldens (read in place). */
export const COMMITTED = {
  /** Argo objects: the synthesized reference project, both environments. */
  dist: join(ROOT, 'dist'),
  goldens: join(ROOT, 'test', 'golden'),
} as const;

export interface PeerInputs {
  /** One directory per Argo example program (each linted on its own: examples reuse names). */
  readonly argoExamples: string;
  /** `argosy synth --target kfp` of the reference project: PipelineSpecs of both environments. */
  readonly kfpReference: string;
  /** The KFP equivalence programs compiled by Argosy (test/kfp-equivalence). */
  readonly kfpEquivalence: string;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Writes what Argosy synthesizes but does not commit, for the peer tools to read: the Argo
 * example programs, the reference project compiled for KFP, and the KFP equivalence programs.
 */
export async function writePeerInputs(dir: string): Promise<PeerInputs> {
  const inputs: PeerInputs = {
    argoExamples: join(dir, 'argo-examples'),
    kfpReference: join(dir, 'kfp-reference'),
    kfpEquivalence: join(dir, 'kfp-equivalence'),
  };
  const programs = join(ROOT, 'test', 'argo-examples');
  for (const f of readdirSync(programs)
    .filter((x) => x.endsWith('.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(programs, f)).href)) as { default?: unknown };
    const objects = (Array.isArray(mod.default) ? mod.default : [mod.default]).filter(
      (o): o is ArgoObject => o instanceof ArgoObject,
    );
    const name = f.replace(/\.ts$/, '');
    const { files } = synthesize(project('argo-examples', { apps: [app('example', { workflows: objects })] }));
    for (const file of files) write(join(inputs.argoExamples, name, file.path), file.content);
  }
  for (const file of synthesize(referenceProject, { pipelineBackend: 'kfp' }).files)
    if (/\/pipelinespec\.[^/]+\.yaml$/.test(file.path)) write(join(inputs.kfpReference, file.path), file.content);
  for (const c of await loadEquivalenceCases()) {
    const ours = compileKfpPipeline(c.pipeline.ir, { toolVersion: '0.0.0-test' });
    write(
      join(inputs.kfpEquivalence, `${c.name}.yaml`),
      renderFile(ours.platformSpec ? [ours.pipelineSpec, ours.platformSpec] : [ours.pipelineSpec]),
    );
  }
  return inputs;
}

/** `node --import tsx test/peers/outputs.ts <dir>`: writes the peer inputs for a manual look. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: outputs.ts <dir>');
  const r = await writePeerInputs(dir);
  console.log(JSON.stringify(r, null, 2));
}
