import { DslError, type PathSegment } from '../errors.ts';
import type { RecorderIR } from '../ir/index.ts';
import { resourcesToIR, type ResourceSpec } from '../pipeline/pod-spec.ts';
import { assertKnownKeys, assertToken, servingEnv, stringList, type ServingEnvValue } from './checks.ts';

/**
 * A container the KServe promotion workflow runs once the candidate serves 100 %: it records the
 * promotion in git (e.g. folds the candidate into `serving` in the versions file), so Argo CD turns
 * the canary into the predictor and autoscaling resumes. It gets `ARGOSY_DEPLOYMENT`,
 * `ARGOSY_CANDIDATE_VERSION`, `ARGOSY_CANDIDATE_STORAGE_URI` and `ARGOSY_NAMESPACE`; a failure
 * is reported on the workflow node but does not roll back a promotion that passed its gates.
 *
 * @example
 * ```ts
 * canary({ candidate, steps, analysis, recordPromotion: { image: 'ghcr.io/acme/gitops-bot:1', command: ['fold-candidate'], env: { GIT_TOKEN: secretKey('gitops', 'token') } } })
 * ```
 */
export interface PromotionRecorder {
  readonly image: string;
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, ServingEnvValue>>;
  readonly resources?: ResourceSpec;
}

/** Validates a recorder; undefined stays undefined. */
export function recorderToIR(r: PromotionRecorder | undefined, path: readonly PathSegment[]): RecorderIR | undefined {
  if (r === undefined) return undefined;
  const at = [...path, 'recordPromotion'];
  assertKnownKeys(r, ['image', 'command', 'args', 'env', 'resources'], at, 'recordPromotion');
  const command = stringList(r.command, at, 'command');
  if (command.length === 0)
    throw new DslError({
      path: [...at, 'command'],
      problem: 'the recorder needs a command',
      got: r.command,
      fix: "Use e.g. command: ['python3', '-c', script]",
    });
  const resources = resourcesToIR(r.resources, at);
  return {
    image: assertToken(r.image, [...at, 'image'], 'image', 'Use e.g. "ghcr.io/acme/gitops-bot:1"'),
    command,
    args: stringList(r.args, at, 'args'),
    env: servingEnv(r.env, at),
    ...(resources ? { resources } : {}),
  };
}
