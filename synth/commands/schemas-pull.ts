import { EXIT_OK, reportError, type CommandIO } from '../report.ts';
import { defaultSchemaCache } from '../validate/schema-cache.ts';
import { pullSchemas } from '../validate/schemas-pull.ts';
import { ValidatorCache } from '../validate/validator-cache.ts';

export interface SchemasPullOptions {
  readonly out?: string;
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** `argosy schemas pull`: caches the current cluster's CRD schemas for offline `argosy validate`. */
export async function runSchemasPull(opts: SchemasPullOptions, io: CommandIO): Promise<number> {
  const out = opts.out ?? defaultSchemaCache();
  const validators = new ValidatorCache();
  try {
    const r = await pullSchemas({
      out,
      validators,
      onCompile: (path, i, total) => io.err(`  compiling validator ${i + 1}/${total}: ${path}`),
      ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
      ...(opts.context ? { context: opts.context } : {}),
    });
    validators.problems.forEach((p) => io.err(`⚠ ${p}`));
    for (const u of r.uncompiled)
      io.err(
        `⚠ ${out}/${u.path}: ajv cannot compile this schema (got ${u.message}); \`argosy validate\` reports the same for objects of its kind`,
      );
    io.out(
      `✓ wrote ${r.files.length} schema${r.files.length === 1 ? '' : 's'} for ${r.crds} CRD${r.crds === 1 ? '' : 's'} from ${r.server} to ${out}${r.pruned.length ? `; removed ${r.pruned.length} of CRDs no longer served (${r.pruned.join(', ')})` : ''}; ${r.compiled} validator${r.compiled === 1 ? '' : 's'} compiled into ${validators.dir}`,
    );
    return EXIT_OK;
  } catch (e) {
    const err = e as { message?: string; code?: string };
    return reportError(
      new Error(
        `could not read CRDs from the cluster: ${err.message ?? String(e)}. Check your kubeconfig/context (kubectl get crd must work).`,
      ),
      io,
    );
  }
}
