import { App, Chart } from 'cdk8s';
import { targets as allTargets, type OutputFile, type PipelineBackend, type Target } from '../charts/index.ts';
import { resolveProject, type Project } from '../dsl/index.ts';
import type { ProjectIR } from '../dsl/ir/index.ts';
import { renderFile } from './serialize.ts';

/** One file of the output tree, relative to the output directory. */
export interface SynthFile {
  readonly path: string;
  readonly content: string;
  /** Parsed documents, for validation and tests. */
  readonly documents: readonly unknown[];
}

export interface SynthOptions {
  readonly pipelineBackend?: PipelineBackend;
  readonly targets?: readonly Target[];
  /** Called after each app is rendered (for progress output). */
  readonly onProgress?: (event: { env: string; app: string; files: number }) => void;
}

export interface SynthResult {
  readonly ir: ProjectIR;
  readonly files: readonly SynthFile[];
}

/** Labels every object carries, so a cluster view shows what Argosy manages and from where. */
export function standardLabels(project: string, app: string, extra: Readonly<Record<string, string>>): Record<string, string> {
  return { 'app.kubernetes.io/managed-by': 'argosy', 'app.kubernetes.io/part-of': project, 'argosy.dev/app': app, ...extra };
}

/**
 * Builds the whole output tree in memory: IR for every environment and app, every target's
 * objects, one file per object at `<environment>/<app>/<kind>.<name>.yaml`. Nothing is written.
 */
export function synthesize(project: Project, opts: SynthOptions = {}): SynthResult {
  const ir = resolveProject(project);
  return { ir, files: synthesizeIR(ir, opts) };
}

export function synthesizeIR(ir: ProjectIR, opts: SynthOptions = {}): SynthFile[] {
  const backend = opts.pipelineBackend ?? 'argo';
  const targets = (opts.targets ?? allTargets).filter((t) => t.pipelineBackend === undefined || t.pipelineBackend === backend);
  const files: SynthFile[] = [];
  const seen = new Set<string>();
  for (const env of ir.environments) {
    const cdk8sApp = new App();
    for (const app of env.apps) {
      const chart = new Chart(cdk8sApp, `${env.name}.${app.name}`, { disableResourceNameHashes: true, labels: standardLabels(ir.name, app.name, env.labels) });
      const extra: OutputFile[] = [];
      for (const target of targets) target.render({ chart, project: ir, env, app, pipelineBackend: backend, emitFile: (f) => extra.push(f) });
      const before = files.length;
      const add = (name: string, documents: readonly unknown[]): void => {
        const path = `${env.name}/${app.name}/${name}`;
        if (seen.has(path)) throw new Error(`${path}: two objects would be written to the same file. Give them distinct names.`);
        seen.add(path);
        files.push({ path, content: renderFile(documents), documents });
      };
      // A Workflow named by the cluster has only a generateName ("hello-world-"): file it under that stem.
      for (const obj of chart.toJson() as { kind: string; metadata: { name?: string; generateName?: string } }[]) add(`${obj.kind.toLowerCase()}.${obj.metadata.name ?? obj.metadata.generateName?.replace(/-$/, '')}.yaml`, [obj]);
      for (const f of extra) add(f.fileName, f.documents);
      opts.onProgress?.({ env: env.name, app: app.name, files: files.length - before });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
