import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ClientError } from '../client/errors.ts';
import { UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { readSources, type SourceSet } from '../validate/documents.ts';
import { type DocumentReport, errorCount } from '../validate/finding.ts';
import { kfpIdentities } from '../validate/kfp/kfp-layer.ts';
import { KFP_PROTO_FILES, kfpProtoDir } from '../validate/kfp/proto-location.ts';
import { COLORS, PLAIN, renderValidation } from '../validate/render.ts';
import { schemaLocation } from '../validate/schema-cache.ts';
import { SchemaRegistry } from '../validate/schema-registry.ts';
import { SKIPPABLE, validateSourcesAsync, YAML_RULES } from '../validate/validate.ts';
import type { KfpProtoChecker } from '../validate/kfp/proto-check.ts';

export interface ValidateCommandOptions {
  readonly schemaLocation?: string;
  readonly skip?: readonly string[];
  readonly policyLevel?: 'error' | 'warning';
  readonly format?: 'text' | 'json';
  readonly externalRefs?: 'error' | 'warn';
  /** Stub modules (or directories of them) whose templates are checked for drift. */
  readonly stubs?: readonly string[];
  /** Also compare the stubs with the kubeconfig's cluster. */
  readonly cluster?: boolean;
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
}

/**
 * `argosy validate [paths...]`: checks YAML of the kinds Argosy targets, hand-written or
 * generated, and prints findings grouped by file and object. Exit 1 on any error; exit 2
 * for usage errors: a path that does not exist, an input without any object, an unknown --skip.
 */
export async function runValidate(
  paths: readonly string[],
  opts: ValidateCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  stdin: () => string | Buffer = () => readFileSync(0),
): Promise<number> {
  try {
    const inputs = paths.length > 0 ? paths : ['dist'];
    const location = resolveSchemaLocation(opts.schemaLocation);
    const parse = (opts.skip ?? []).filter((x) => x === 'yaml' || x === YAML_RULES.parse);
    if (parse.length > 0)
      throw new UsageError(
        `--skip ${parse.join(',')}: parse errors cannot be skipped (got ${parse.join(', ')}). A file that does not parse was not checked at all: fix it, or leave it out of the paths`,
      );
    const unknown = (opts.skip ?? []).filter((x) => !SKIPPABLE.includes(x));
    if (unknown.length > 0)
      throw new UsageError(
        `--skip ${unknown.join(',')}: no such layer or rule (got ${unknown.join(', ')}). Pass any of ${SKIPPABLE.join(', ')}`,
      );
    for (const p of inputs) {
      if (p !== '-' && !existsSync(resolve(cwd, p)))
        throw new UsageError(
          `${p}: no such file or directory (got ${resolve(cwd, p)}). Pass existing files or directories, - for stdin, or run \`argosy synth\` first to write dist/`,
        );
    }
    const sources = readSources(inputs, cwd, stdin);
    // An empty input passing would let CI go green on a dist/ that was never written.
    if (sources.documents.length === 0 && sources.problems.length === 0) {
      throw new UsageError(
        `${inputs.join(' ')}: no Kubernetes objects to validate (got ${sources.files} YAML file${sources.files === 1 ? '' : 's'}, 0 documents). Pass the directory holding the manifests, or run \`argosy synth\` first`,
      );
    }
    const drift = await stubDrift(opts, io, cwd);
    const reports = await checkSources(sources, location, opts, io, drift);
    return errorCount(reports) > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    if (e instanceof ClientError) return (await import('./cluster-cli.ts')).reportClusterError(e, io);
    return reportError(e, io);
  }
}

/**
 * `--stubs`: the drift of each stub from the YAML file it records and, with `--cluster`, from the
 * cluster's template; warnings, reported with the other findings under the stub module's name.
 */
async function stubDrift(opts: ValidateCommandOptions, io: CommandIO, cwd: string): Promise<DocumentReport[]> {
  const clusterOnly = (['kubeconfig', 'context', 'namespace'] as const).find((k) => opts[k] !== undefined);
  if (clusterOnly && !opts.cluster)
    throw new UsageError(`--${clusterOnly}: only applies with --cluster (got no --cluster). Add --cluster, or drop it`);
  const stubs = opts.stubs ?? [];
  if (opts.cluster && stubs.length === 0)
    throw new UsageError(
      '--cluster: compares stubs with the cluster, and no --stubs were given (got none). Pass --stubs <module or directory>',
    );
  const skipped = new Set(opts.skip ?? []);
  if (stubs.length === 0 || skipped.has('stubs') || skipped.has('stubs/drift')) return [];
  const { findStubModules, stubRecords, fileDrift } = await import('../import/stub-drift.ts');
  const modules = findStubModules(stubs, cwd);
  const records = modules.flatMap((m) => stubRecords(readFileSync(resolve(cwd, m), 'utf8'), m));
  const reports = fileDrift(records, cwd);
  const fromFiles = records.filter((r) => r.file !== undefined).length;
  let live = '';
  if (opts.cluster) {
    io.err(`comparing ${records.length} stub(s) with the cluster...`);
    const { clusterDrift } = await import('../import/stub-drift-cluster.ts');
    const r = await clusterDrift(records, opts);
    reports.push(...r.reports);
    live = `, ${r.checked} with ${r.server}`;
  }
  io.err(
    `  stubs: ${records.length} in ${modules.length} module(s); ${fromFiles} compared with their YAML files${live}`,
  );
  return reports;
}

/** The schema directory to use: the given one (a usage error when missing), else the pull cache if any. */
export function resolveSchemaLocation(given: string | undefined): string | undefined {
  if (given && !existsSync(given)) {
    throw new UsageError(
      `--schema-location ${given}: directory not found. Pass a directory laid out as <group>/<kind>_<version>.json, or run \`argosy schemas pull\``,
    );
  }
  return schemaLocation(given);
}

/**
 * Runs every layer over parsed documents and prints the result (text, or JSON with
 * `format: 'json'`); shared by `argosy validate` and `argosy synth --validate`, so both report
 * the same findings for the same objects. `location` is the schema directory, if any.
 */
export async function checkSources(
  sources: SourceSet,
  location: string | undefined,
  opts: ValidateCommandOptions,
  io: CommandIO,
  extra: readonly DocumentReport[] = [],
): Promise<DocumentReport[]> {
  const skipped = new Set(opts.skip ?? []);
  const kfpDocuments = kfpIdentities(sources.documents).size;
  const protoDir = kfpProtoDir(location);
  const protoChecks = kfpDocuments > 0 && !skipped.has('kfp') && !skipped.has('kfp/proto');
  const kfpProtos = protoChecks && protoDir ? await compileKfpProtos(protoDir) : undefined;
  const registry = location ? new SchemaRegistry(location) : undefined;
  const reports = await validateSourcesAsync(sources, {
    ...(registry ? { registry } : {}),
    ...(kfpProtos ? { kfpProtos } : {}),
    ...(opts.skip ? { skip: opts.skip } : {}),
    ...(opts.policyLevel ? { policySeverity: opts.policyLevel } : {}),
    ...(opts.externalRefs ? { externalRefs: opts.externalRefs } : {}),
  });
  reports.push(...extra);
  registry?.cache.problems.forEach((p) => io.err(`⚠ ${p}`));
  if (opts.format === 'json') {
    io.out(
      JSON.stringify(
        {
          files: sources.files,
          objects: sources.documents.length,
          errors: errorCount(reports),
          reports: reports.filter((r) => r.findings.length > 0),
        },
        null,
        2,
      ),
    );
  } else {
    if (!location && !skipped.has('schema'))
      io.err(
        '  CRD kinds not schema-checked: no --schema-location and no cache from `argosy schemas pull` (built-in kinds are)',
      );
    if (protoChecks && !kfpProtos)
      io.err(
        `  KFP documents linted but not proto-checked: ${location ? `no kfp/${KFP_PROTO_FILES[0]} under ${location}` : 'no --schema-location'} (pass a directory holding kfp/${KFP_PROTO_FILES.join(' and kfp/')}, the layout of ../shared/schemas)`,
      );
    renderValidation(reports, io.color ? COLORS : PLAIN, sources.documents.length).forEach((l) => io.out(l));
  }
  return reports;
}

/**
 * Compiles the KFP protos of a schema location. The checker (and @bufbuild/protobuf) is loaded
 * only here, so validating without KFP documents or protos never pays for it.
 */
async function compileKfpProtos(dir: string): Promise<KfpProtoChecker> {
  const { KfpProtoChecker } = await import('../validate/kfp/proto-check.ts');
  try {
    return new KfpProtoChecker(dir);
  } catch (e) {
    throw new UsageError(
      `--schema-location ${dirname(dir)}: the KFP protos under kfp/ could not be compiled (got ${(e as Error).message}). Pass a directory whose kfp/ holds ${KFP_PROTO_FILES.join(' and ')} as in ../shared/schemas, or skip the check with --skip kfp/proto`,
    );
  }
}
