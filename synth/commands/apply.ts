import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../load-app.ts';
import { EXIT_FINDINGS, EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { readSources, type SourceDocument } from '../validate/documents.ts';
import { errorCount, type DocumentReport, type Finding } from '../validate/finding.ts';
import { COLORS, PLAIN, renderValidation } from '../validate/render.ts';
import { contextNamespace, loadKubeConfig, UnreachableError } from './apply-client.ts';
import { syncOrder } from './apply-order.ts';
import { applyObject, Discovery, type KubeObject } from './apply-server.ts';

export interface ApplyCommandOptions {
  /** `server`: the server checks everything and stores nothing. `none`: apply for real. */
  readonly dryRun?: string;
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly forceConflicts?: boolean;
  readonly fieldManager?: string;
}

const DRY_RUN_MODES = ['server', 'none'];

/**
 * `argosy apply [paths...]`: server-side applies the YAML (default dist/) to the current kube
 * context in Argo CD's sync order. With `--dry-run=server` the API server runs every check of a
 * real apply (schemas, CEL rules, defaults, admission, RBAC) and stores nothing. A real apply
 * dry-runs everything first and applies nothing if the server rejects any object. Findings in
 * `argosy validate`'s format; exit 1 on any rejection, 2 on usage errors.
 */
export async function runApply(
  paths: readonly string[],
  opts: ApplyCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
  stdin: () => string | Buffer = () => readFileSync(0),
): Promise<number> {
  try {
    const mode = opts.dryRun ?? 'none';
    if (!DRY_RUN_MODES.includes(mode))
      throw new UsageError(
        `--dry-run=${mode}: not supported (got ${mode}). Pass --dry-run=server, or leave it out to apply; a client-side dry run checks nothing a cluster would, use \`argosy validate\` for offline checks`,
      );
    const inputs = paths.length > 0 ? paths : ['dist'];
    for (const p of inputs)
      if (p !== '-' && !existsSync(resolve(cwd, p)))
        throw new UsageError(
          `${p}: no such file or directory (got ${resolve(cwd, p)}). Pass existing files or directories, - for stdin, or run \`argosy synth\` first to write dist/`,
        );
    const sources = readSources(inputs, cwd, stdin);
    const broken = sources.problems.filter((p) => p.severity === 'error');
    if (broken.length > 0)
      throw new UsageError(
        `${broken[0]?.file}: ${broken[0]?.message} (got ${broken.length} file${broken.length === 1 ? ' that does' : 's that do'} not parse). Fix the YAML; nothing was sent`,
      );
    if (sources.documents.length === 0)
      throw new UsageError(
        `${inputs.join(' ')}: no Kubernetes objects to apply (got ${sources.files} YAML file${sources.files === 1 ? '' : 's'}, 0 documents). Pass the directory holding the manifests, or run \`argosy synth\` first`,
      );
    const kc = loadKubeConfig({
      ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
      ...(opts.context ? { context: opts.context } : {}),
    });
    const server = kc.getCurrentCluster()?.server ?? '';
    const namespace = opts.namespace ?? contextNamespace(kc) ?? 'default';
    const request = {
      fieldManager: opts.fieldManager ?? 'argosy',
      force: Boolean(opts.forceConflicts),
      namespace,
    };
    const discovery = new Discovery(kc);
    const ordered = syncOrder(sources.documents, (d) => d.object as KubeObject);
    const total = ordered.length;
    io.err(`  server-side dry run of ${total} object${total === 1 ? '' : 's'} against ${server}…`);
    const found = new Map<SourceDocument, Finding[]>();
    for (const doc of ordered) {
      const r = await applyObject(kc, discovery, doc.object as KubeObject, { ...request, dryRun: true });
      found.set(doc, [...r.findings]);
    }
    let reports = toReports(sources.documents, found);
    const rejected = reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
    let applied = 0;
    if (mode === 'none' && rejected === 0) {
      io.err(`  applying ${total} object${total === 1 ? '' : 's'} in sync order…`);
      for (const doc of ordered) {
        const r = await applyObject(kc, discovery, doc.object as KubeObject, { ...request, dryRun: false });
        // Warnings were reported by the dry run already; a real apply can still fail (a quota, a race).
        const errors = r.findings.filter((f) => f.severity === 'error');
        found.set(doc, [...(found.get(doc) ?? []), ...errors]);
        if (errors.length > 0) break;
        applied++;
      }
      reports = toReports(sources.documents, found);
    }
    renderValidation(reports, io.color ? COLORS : PLAIN, total).forEach((l) => io.out(l));
    const failed = reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
    io.out(
      mode === 'server'
        ? `${failed === 0 ? '✓' : '✗'} server-side dry run against ${server}: ${total - failed} accepted, ${failed} rejected`
        : failed === 0
          ? `✓ applied ${applied} object${applied === 1 ? '' : 's'} to ${server} (field manager ${request.fieldManager})`
          : `✗ ${failed} object${failed === 1 ? '' : 's'} rejected by ${server}; ${applied === 0 ? 'nothing was applied' : `applied ${applied} of ${total} before the first failure`}`,
    );
    return errorCount(reports) > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (e) {
    if (e instanceof UnreachableError) {
      io.err(
        `✗ ${e.message}. Check that the cluster is up and the kubeconfig's server address (kubectl cluster-info).`,
      );
      return EXIT_FINDINGS;
    }
    return reportError(e, io);
  }
}

function toReports(
  documents: readonly SourceDocument[],
  found: ReadonlyMap<SourceDocument, readonly Finding[]>,
): DocumentReport[] {
  return documents.map((d) => {
    const o = d.object as KubeObject;
    const name = o.metadata?.name ?? o.metadata?.generateName;
    return {
      file: d.file,
      index: d.index,
      kind: typeof o.kind === 'string' ? o.kind : '(no kind)',
      name: typeof name === 'string' ? name : '(no name)',
      findings: found.get(d) ?? [],
    };
  });
}
