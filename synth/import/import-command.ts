import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ClientError } from '../client/errors.ts';
import { UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { readSources, type SourceDocument } from '../validate/documents.ts';
import { importObject, objectName, type ImportedObject, type TemplateLinker } from './generate.ts';
import { NoFit, pipelineModule } from './pipeline-style.ts';
import { ImportProblem } from './scope.ts';
import type { ClusterStubsOptions } from './stubs-cluster.ts';
import type { StubSource } from './stubs.ts';

export interface ImportCommandOptions {
  /** Directory to write one `<name>.ts` per object into; without it the modules go to stdout. */
  readonly out?: string;
  /** Module specifier of the Argo-native API in the generated imports (default: this project's dsl/argo, else argosy/argo). */
  readonly dsl?: string;
  /**
   * `argo` (default): the Argo-native API. `pipeline`: the ML `pipeline()` form where an object
   * is a plain DAG of container templates, the Argo-native form with a note elsewhere.
   */
  readonly style?: 'argo' | 'pipeline';
}

/** One object that could not be imported, located in its input. */
export interface ImportFinding {
  readonly where: string;
  readonly message: string;
}

/** The modules of a set of documents, and a finding per object that could not be converted. */
export interface ImportResult {
  readonly modules: readonly (ImportedObject & { readonly file: string; readonly note?: string })[];
  readonly findings: readonly ImportFinding[];
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

/**
 * Converts parsed documents: a module per object, named after it; a finding per object that is
 * not Argo, has an unknown field or a construct the API cannot express, or repeats a name.
 *
 * @example
 * ```ts
 * const { modules, findings } = importDocuments([{ file: 'wf.yaml', index: 0, object: doc }], '../dsl/argo/index.ts');
 * ```
 */
export function importDocuments(
  docs: readonly SourceDocument[],
  dsl: string,
  style: 'argo' | 'pipeline' = 'argo',
): ImportResult {
  const modules: (ImportedObject & { file: string; note?: string })[] = [];
  const findings: ImportFinding[] = [];
  const taken = new Map<string, string>();
  const linker = templateLinker(docs, dsl, style);
  for (const d of docs) {
    const where = `${d.file}#${d.index}`;
    try {
      const ml = style === 'pipeline' ? pipelineForm(d.object, dsl) : undefined;
      const m = ml && 'source' in ml ? ml : importObject(d.object, dsl, linker);
      const note = ml && 'note' in ml ? ml.note : undefined;
      const file = `${m.name}.ts`;
      const first = taken.get(file);
      if (first !== undefined) {
        findings.push({
          where: `${where} ${m.kind}/${m.name}`,
          message: `/metadata: a second object named "${m.name}" (the first is ${first}) (got ${m.name}). Give each object a unique name; one file is written per name`,
        });
        continue;
      }
      taken.set(file, where);
      modules.push({
        ...m,
        ...(note ? { note, source: `// Kept in the Argo-native form: ${note}.\n${m.source}` } : {}),
        file,
      });
    } catch (e) {
      if (!(e instanceof ImportProblem)) throw e;
      const o = d.object as { kind?: unknown; metadata?: { name?: unknown; generateName?: unknown } } | null;
      const id = `${String(o?.kind ?? '?')}/${String(o?.metadata?.name ?? o?.metadata?.generateName ?? '?')}`;
      findings.push({ where: `${where} ${id}`, message: `${e.at}: ${e.problem} (got ${show(e.got)}). ${e.fix}` });
    }
  }
  // A template another module imports (a linked entrypoint) is exported from its module.
  for (const m of [...modules])
    for (const [file, ids] of m.linked ?? []) {
      const i = modules.findIndex((x) => x.file === file);
      const target = modules[i];
      if (!target) continue;
      let source = target.source;
      for (const id of ids) source = source.replace(new RegExp(`^const ${id}\\b`, 'm'), `export const ${id}`);
      modules[i] = { ...target, source };
    }
  return { modules, findings };
}

/** The WorkflowTemplates and ClusterWorkflowTemplates among the documents (in the Argo-native form), for linked entrypoints. */
function templateLinker(docs: readonly SourceDocument[], dsl: string, style: 'argo' | 'pipeline'): TemplateLinker {
  const found = new Map<string, { file: string; ids: ReadonlyMap<string, string> }>();
  for (const d of docs) {
    const o = d.object as { kind?: unknown } | null;
    if (o?.kind !== 'WorkflowTemplate' && o?.kind !== 'ClusterWorkflowTemplate') continue;
    // Written as a pipeline(), it exports no template objects: the workflow keeps its finding.
    if (style === 'pipeline' && 'source' in pipelineForm(d.object, dsl)) continue;
    try {
      const m = importObject(d.object, dsl);
      const key = `${m.kind}/${m.name}`;
      if (m.templateIds && !found.has(key)) found.set(key, { file: `${m.name}.ts`, ids: m.templateIds });
    } catch (e) {
      if (!(e instanceof ImportProblem)) throw e;
    }
  }
  return (name, cluster) => found.get(`${cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'}/${name}`);
}

/** The ML form of an object, or why it keeps the Argo-native one. */
function pipelineForm(object: unknown, dsl: string): ImportedObject | { note: string } {
  try {
    const o = object as { kind: string };
    return {
      kind: o.kind,
      name: objectName(object as Record<string, unknown>),
      source: pipelineModule(object, mainDsl(dsl)),
    };
  } catch (e) {
    if (e instanceof NoFit) return { note: e.message };
    throw e;
  }
}

/** The main DSL module next to the Argo-native one: `argosy/argo` -> `argosy`, `../dsl/argo/index.ts` -> `../dsl/index.ts`. */
export function mainDsl(argoNative: string): string {
  return argoNative.replace(/\/argo(\/index\.ts)?$/, (_, ts?: string) => (ts ? '/index.ts' : ''));
}

/** Formats generated code with prettier and the project's settings, when prettier is installed. */
export async function formatSource(source: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(source, { ...config, filepath: file, parser: 'typescript' });
  } catch {
    return source;
  }
}

/**
 * `argosy import <files|dirs|-> [--out dir]`: Argo YAML to Argosy TypeScript. Every object that
 * converts is written (all files at once, after everything converted); exit 1 when any did not.
 */
export async function runImport(
  paths: readonly string[],
  opts: ImportCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  stdin: () => string = () => readFileSync(0, 'utf8'),
): Promise<number> {
  try {
    if (paths.length === 0)
      throw new UsageError('argosy import: no input (got none). Pass YAML files, directories or -');
    const sources = readSources(paths, cwd, stdin);
    const missing = sources.problems.filter((p) => p.message === 'no such file or directory');
    if (missing.length)
      throw new UsageError(
        `${missing[0]?.file}: no such file or directory (got ${resolve(cwd, missing[0]?.file ?? '')}). Pass existing files, directories or -`,
      );
    const outDir = opts.out === undefined ? undefined : resolve(cwd, opts.out);
    const dsl = opts.dsl ?? dslSpecifier(outDir ?? cwd, cwd);
    const { modules, findings } = importDocuments(sources.documents, dsl, opts.style ?? 'argo');
    const problems = sources.problems.map((p) => ({ where: p.file, message: p.message, severity: p.severity }));
    const formatted = await Promise.all(
      modules.map(async (m) => ({ ...m, text: await formatSource(m.source, join(outDir ?? cwd, m.file)) })),
    );
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      for (const m of formatted) {
        const target = join(outDir, m.file);
        const tmp = `${target}.argosy-tmp-${process.pid}`;
        writeFileSync(tmp, m.text);
        renameSync(tmp, target);
        io.out(`✓ ${m.kind}/${m.name} -> ${relative(cwd, target) || target}`);
      }
    } else {
      for (const m of formatted) io.out(`// ${m.file} (${m.kind}/${m.name})\n${m.text.trimEnd()}\n`);
    }
    for (const p of problems) io.err(`${p.severity === 'error' ? '✗' : '!'} ${p.where}: ${p.message}`);
    for (const m of modules) if (m.note) io.err(`! ${m.kind}/${m.name}: kept in the Argo-native form: ${m.note}`);
    for (const f of findings) io.err(`✗ ${f.where} ${f.message}`);
    const failed = findings.length + problems.filter((p) => p.severity === 'error').length;
    if (opts.style === 'pipeline')
      io.err(`${modules.filter((m) => !m.note).length} of ${modules.length} object(s) in the pipeline form`);
    io.err(
      `imported ${modules.length} object(s) from ${sources.files} file(s)${failed ? `; ${failed} not imported` : ''}`,
    );
    return failed ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    return reportError(e, io);
  }
}

/** `../dsl/argo/index.ts` from the output directory to this project's Argo-native API. */
function dslSpecifier(outDir: string, cwd: string): string {
  const api = resolve(cwd, 'dsl', 'argo', 'index.ts');
  if (!existsSync(api)) return 'argosy/argo';
  const rel = relative(outDir, api).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Options of `argosy stubs`: where the module goes, and the cluster to read with `--from-cluster`. */
export interface StubsCommandOptions extends ClusterStubsOptions {
  readonly out?: string;
  readonly dsl?: string;
  /** Read the templates from the kubeconfig's cluster instead of files. */
  readonly fromCluster?: boolean;
}

/**
 * `argosy stubs <files|dirs|->` or `argosy stubs --from-cluster`: a module of typed references to
 * WorkflowTemplates / ClusterWorkflowTemplates, the same module whichever way they were read.
 */
export async function runStubs(
  paths: readonly string[],
  opts: StubsCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  stdin: () => string = () => readFileSync(0, 'utf8'),
): Promise<number> {
  try {
    const clusterOnly = (['kubeconfig', 'context', 'namespace', 'allNamespaces', 'selector'] as const).find(
      (k) => opts[k] !== undefined && opts[k] !== false,
    );
    if (opts.fromCluster && paths.length > 0)
      throw new UsageError(
        `argosy stubs --from-cluster: also given files (got ${paths.join(' ')}). Pass either files or --from-cluster`,
      );
    if (!opts.fromCluster && clusterOnly)
      throw new UsageError(
        `--${clusterOnly.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: only applies with --from-cluster (got files). Add --from-cluster, or drop it`,
      );
    if (!opts.fromCluster && paths.length === 0)
      throw new UsageError('argosy stubs: no input (got none). Pass YAML files, directories or -, or --from-cluster');
    const read = opts.fromCluster ? undefined : readSources(paths, cwd, stdin);
    const missing = read?.problems.find((p) => p.message === 'no such file or directory');
    if (missing)
      throw new UsageError(
        `${missing.file}: no such file or directory (got ${resolve(cwd, missing.file)}). Pass existing files, directories or -`,
      );
    const out = opts.out === undefined ? undefined : resolve(cwd, opts.out);
    const dsl = opts.dsl ?? dslSpecifier(out ? resolve(out, '..') : cwd, cwd);
    let stubSources: StubSource[];
    if (read) {
      // Recorded relative to the module, so the stub and its YAML can move together.
      const base = out ? dirname(out) : cwd;
      stubSources = read.documents.map((d) => ({
        object: d.object,
        where: `${d.file}#${d.index}`,
        ...(d.file === '<stdin>' ? {} : { file: relative(base, resolve(cwd, d.file)).split(sep).join('/') }),
      }));
    } else {
      io.err(`reading WorkflowTemplates and ClusterWorkflowTemplates from the cluster...`);
      const { clusterStubSources } = await import('./stubs-cluster.ts');
      const listed = await clusterStubSources(opts);
      stubSources = listed.sources;
      io.err(
        `read ${stubSources.length} template object(s) from ${listed.server} (${listed.namespace ? `namespace ${listed.namespace}` : 'all namespaces'}${opts.selector ? `, selector ${opts.selector}` : ''})`,
      );
    }
    const sources = read ?? { problems: [] };
    const { stubsModule } = await import('./stubs.ts');
    const { source, findings, count } = stubsModule(stubSources, dsl);
    const text = await formatSource(source, out ?? join(cwd, 'stubs.ts'));
    if (out) {
      mkdirSync(resolve(out, '..'), { recursive: true });
      const tmp = `${out}.argosy-tmp-${process.pid}`;
      writeFileSync(tmp, text);
      renameSync(tmp, out);
      io.out(`✓ ${count} template object(s) -> ${relative(cwd, out) || out}`);
    } else io.out(text.trimEnd());
    for (const p of sources.problems) io.err(`${p.severity === 'error' ? '✗' : '!'} ${p.file}: ${p.message}`);
    for (const f of findings) io.err(`✗ ${f.where} ${f.message}`);
    return findings.length || sources.problems.some((p) => p.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    if (e instanceof ClientError) return (await import('../commands/cluster-cli.ts')).reportClusterError(e, io);
    return reportError(e, io);
  }
}
