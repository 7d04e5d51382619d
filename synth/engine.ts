import { App, Chart } from 'cdk8s';
import {
  assignPipelineBackends,
  targets as allTargets,
  type EnvironmentRenderContext,
  type OutputFile,
  type PipelineBackend,
  type RenderedObject,
  type Target,
} from '../charts/index.ts';
import { adaptToPlatform } from '../charts/platform/adapt.ts';
import { recover } from '../dsl/common/collect.ts';
import { seg } from '../dsl/errors.ts';
import { NEWEST_PLATFORM } from '../dsl/ir/platform.ts';
import { resolveProject, type Project } from '../dsl/index.ts';
import type { ProjectIR } from '../dsl/ir/index.ts';
import { chartObjects } from './chart-objects.ts';
import { renderFile } from './serialize.ts';
import { ARGOSY_VERSION } from './version.ts';

/** One file of the output tree, relative to the output directory. */
export interface SynthFile {
  readonly path: string;
  readonly content: string;
  /** Parsed documents, for validation and tests. */
  readonly documents: readonly unknown[];
}

export interface SynthOptions {
  /** Default backend for pipelines that neither they nor their environment pin. */
  readonly pipelineBackend?: PipelineBackend;
  /** Recorded in generated files that name their producer (KFP `sdkVersion`); default package.json's. */
  readonly toolVersion?: string;
  readonly targets?: readonly Target[];
  /** Called after each app is rendered (for progress output). */
  readonly onProgress?: (event: { env: string; app: string; files: number }) => void;
  /** Called with each note of the backends (a pipeline kept on Argo, an approximated setting). */
  readonly onNote?: (message: string) => void;
}

export interface SynthResult {
  readonly ir: ProjectIR;
  readonly files: readonly SynthFile[];
}

/** Labels every object carries, so a cluster view shows what Argosy manages and from where. */
export function standardLabels(
  project: string,
  app: string,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'argosy',
    'app.kubernetes.io/part-of': project,
    'argosy.dev/app': app,
    ...extra,
  };
}

/**
 * Builds the whole output tree in memory: IR for every environment and app, every target's
 * objects, one file per object at `<environment>/<app>/<kind>.<name>.yaml`. Nothing is written.
 */
export function synthesize(project: Project, opts: SynthOptions = {}): SynthResult {
  const ir = resolveProject(project);
  return { ir, files: synthesizeIR(ir, opts) };
}

/**
 * `<kind>.<name>.yaml`; a Workflow named by the cluster has only a generateName ("hello-world-"),
 * so it is filed under that stem.
 */
function fileNameOf(obj: { kind: string; metadata: { name?: string; generateName?: string } }): string {
  return `${obj.kind.toLowerCase()}.${obj.metadata.name ?? obj.metadata.generateName?.replace(/-$/, '')}.yaml`;
}

/** A file of the output tree before serialization: its path and the objects it holds. */
export interface RenderedFile {
  readonly path: string;
  readonly documents: readonly unknown[];
}

/** `renderObjects` then `serializeFiles`: the output tree, in memory. */
export function synthesizeIR(ir: ProjectIR, opts: SynthOptions = {}): SynthFile[] {
  return serializeFiles(renderObjects(ir, opts));
}

/** Renders each file's YAML (header, canonical key order, YAML 1.1-safe quoting). */
export function serializeFiles(files: readonly RenderedFile[]): SynthFile[] {
  return files.map((f) => ({ path: f.path, content: renderFile(f.documents), documents: f.documents }));
}

/**
 * Runs every target over the IR: the objects of every environment and app, one file per
 * object (plus the files targets emit), sorted by path; not yet serialized.
 */
export function renderObjects(ir: ProjectIR, opts: SynthOptions = {}): RenderedFile[] {
  const backend = opts.pipelineBackend ?? 'argo';
  // Every target runs: pipeline backends pick their own pipelines (pipelineBackendOf), so one
  // synth can mix Argo and KFP pipelines.
  const targets = opts.targets ?? allTargets;
  const toolVersion = opts.toolVersion ?? ARGOSY_VERSION;
  const files: RenderedFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, documents: readonly unknown[]): void => {
    if (seen.has(path))
      throw new Error(`${path}: two objects would be written to the same file. Give them distinct names.`);
    seen.add(path);
    files.push({ path, documents });
  };
  const platform = ir.platform ?? NEWEST_PLATFORM;
  for (const env of ir.environments) {
    const cdk8sApp = new App();
    const rendered: EnvironmentRenderContext['apps'][number][] = [];
    for (const original of env.apps) {
      // While a project build collects errors, one app's target failing does not hide another's.
      recover(
        () => {
          const note = (message: string): void => opts.onNote?.(message);
          // Settled once per app, so the Argo and KFP targets agree on every pipeline's backend.
          const app = assignPipelineBackends(original, { env, pipelineBackend: backend, toolVersion, note });
          const chart = new Chart(cdk8sApp, `${env.name}.${app.name}`, {
            disableResourceNameHashes: true,
            labels: standardLabels(ir.name, app.name, env.labels),
          });
          const extra: OutputFile[] = [];
          for (const target of targets)
            target.render({
              chart,
              project: ir,
              env,
              app,
              pipelineBackend: backend,
              toolVersion,
              emitFile: (f) => extra.push(f),
              note,
            });
          const before = files.length;
          const where = [seg('environment', env.name), seg('app', app.name)];
          const objects = (chartObjects(chart) as RenderedObject[]).map((o) => adaptToPlatform(o, platform, where));
          for (const obj of objects) add(`${env.name}/${app.name}/${fileNameOf(obj)}`, [obj]);
          for (const f of extra) add(`${env.name}/${app.name}/${f.fileName}`, f.documents);
          rendered.push({ app, objects, otherFiles: extra.map((f) => f.fileName) });
          opts.onProgress?.({ env: env.name, app: app.name, files: files.length - before });
        },
        () => undefined,
      );
    }
    // Environment-level output (e.g. Argo CD Applications) goes beside the apps, in its own directory.
    for (const target of targets) {
      if (!target.renderEnvironment) continue;
      const dir = target.environmentDir ?? target.name;
      // App names are DNS labels (no dots), so this construct id never collides with an app chart.
      const chart = new Chart(cdk8sApp, `${env.name}.environment.${dir}`, {
        disableResourceNameHashes: true,
        labels: { 'app.kubernetes.io/managed-by': 'argosy', 'app.kubernetes.io/part-of': ir.name, ...env.labels },
      });
      target.renderEnvironment({ chart, project: ir, env, apps: rendered, targets });
      const before = files.length;
      for (const obj of chartObjects(chart) as RenderedObject[])
        add(`${env.name}/${dir}/${fileNameOf(obj)}`, [
          adaptToPlatform(obj, platform, [seg('environment', env.name), dir]),
        ]);
      if (files.length > before) opts.onProgress?.({ env: env.name, app: dir, files: files.length - before });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
