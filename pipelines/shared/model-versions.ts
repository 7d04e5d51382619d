import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DslError, type Environment, type ModelVersion } from 'argosy';

/**
 * The GitOps record of which model version serves where: pipelines/model-versions.json, written
 * by the `promote` component of every training pipeline (a pull request from a promotion branch:
 * reviewed in production, merged by CI in staging) and read here when the deployments are
 * synthesized. A promotion therefore changes the synthesized storageUri (or model URI) in dist/,
 * regenerated on the promotion branch, and Argo CD rolls it out once merged.
 */
export const VERSIONS_FILE = new URL('../model-versions.json', import.meta.url);

const entry = z.strictObject({
  version: z.string().regex(/^[0-9]+$/, 'an MLflow model version number'),
  storageUri: z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/\S+$/, 'an object-store URI such as s3://bucket/path'),
  registryUri: z.string().startsWith('models:/'),
  run: z.string(),
});
const model = z.strictObject({ serving: entry, candidate: entry.optional() });
const file = z.record(z.string(), z.record(z.string(), model));

/** One recorded model version. */
export type RecordedVersion = z.infer<typeof entry>;

/** A model's versions in one environment: what serves, and what is being rolled out next to it. */
export interface ModelVersions {
  readonly serving: RecordedVersion;
  /** Recorded by a promotion and rolled out by the deployment's strategy; folded into `serving` once it won. */
  readonly candidate?: RecordedVersion;
}

/** Parses the versions file; every problem names its place in the file. */
export function parseVersions(text: string, where = 'pipelines/model-versions.json'): z.infer<typeof file> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DslError({
      path: [where],
      problem: 'not valid JSON',
      got: (err as Error).message,
      fix: 'Restore the file from git or fix the syntax',
    });
  }
  const parsed = file.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    throw new DslError({
      path: [where, ...issue.path.map(String)],
      problem: issue.message,
      got: issue.input ?? undefined,
      fix: 'Entries look like { "serving": { "version", "storageUri", "registryUri", "run" }, "candidate"?: {...} }',
    });
  }
  return parsed.data;
}

let cache: z.infer<typeof file> | undefined;

/**
 * The versions of `model` in `env`, from the committed file. A model without an entry cannot be
 * deployed: its training pipeline has not promoted a version in that environment yet.
 *
 * @example
 * ```ts
 * const v = modelVersions(env, 'search-index');
 * kserve({ format: 'ivf-index', runtime: 'dsrpmart-retriever', storageUri: v.serving.storageUri, version: versionLabel(v.serving) });
 * ```
 */
export function modelVersions(
  env: Environment,
  model: string,
  versions = (cache ??= parseVersions(readFileSync(VERSIONS_FILE, 'utf8'))),
): ModelVersions {
  const found = versions[env.name]?.[model];
  if (!found) {
    throw new DslError({
      path: ['pipelines/model-versions.json', env.name, model],
      problem: 'no version of the model is recorded for this environment',
      got: Object.keys(versions[env.name] ?? {}),
      fix: `Run the model's training pipeline in ${env.name} (its promote step records the version), or add the entry by hand`,
    });
  }
  return found;
}

/**
 * The registered version serving `model` in `env`, or `''` before its first promotion: what the
 * champion gate compares a challenger with and what batch scoring loads.
 *
 * @example
 * ```ts
 * args: { championVersion: servingVersion(env, 'ctr-categories') }
 * ```
 */
export function servingVersion(
  env: Environment,
  model: string,
  versions = (cache ??= parseVersions(readFileSync(VERSIONS_FILE, 'utf8'))),
): string {
  return versions[env.name]?.[model]?.serving.version ?? '';
}

/** The DNS-safe version label of a recorded version (`12` -> `v12`): KServe predictor names and pod labels. */
export function versionLabel(v: RecordedVersion): string {
  return `v${v.version}`;
}

/** A KServe model version: the recorded storage URI under its label. */
export function kserveVersion(v: RecordedVersion): ModelVersion {
  return { version: versionLabel(v), storageUri: v.storageUri };
}

/** The variable through which DSRPMart's own model servers learn which model files to load. */
export const MODEL_URI_ENV = 'MODEL_URI';

/** A plain model-server version: same image, other model files. */
export function serverVersion(v: RecordedVersion): ModelVersion {
  return { version: versionLabel(v), env: { [MODEL_URI_ENV]: v.storageUri } };
}
