import { DslError } from '../errors.ts';
import { report } from '../common/collect.ts';
import {
  ARGO_WORKFLOWS_VERSIONS as ARGO_WORKFLOWS,
  NEWEST_PLATFORM,
  type ArgoWorkflowsVersionIR,
  type IstioVersionIR,
  type PlatformIR,
} from '../ir/platform.ts';

/** Argo Workflows minor releases Argosy can target. */
export type ArgoWorkflowsVersion = ArgoWorkflowsVersionIR;
/** Istio releases Argosy can target (`1.22+`: 1.22 and every later release). */
export type IstioVersion = IstioVersionIR;

/**
 * The platform versions a project's clusters run. Each field left out means the newest release,
 * which is what Argosy emits by default; an older one changes the output to forms that release
 * understands, and a feature it cannot express is an error naming the minimum version.
 *
 * @example
 * ```ts
 * project('dsrpmart', { apps: [recommendedCategories], platform: { argoWorkflows: '3.5', istio: '1.21' } });
 * ```
 */
export interface Platform {
  readonly argoWorkflows?: ArgoWorkflowsVersion;
  readonly istio?: IstioVersion;
}

const ISTIO: readonly IstioVersion[] = ['1.21', '1.22+'];

/**
 * The platform with defaults filled in; an unknown version (from JavaScript or a cast) is reported
 * and replaced by the newest, so the rest of the project still builds.
 *
 * @example
 * ```ts
 * resolvePlatform({ istio: '1.21' }, ['project "demo"', 'platform']); // { argoWorkflows: '4.1', istio: '1.21' }
 * ```
 */
export function resolvePlatform(p: Platform | undefined, path: readonly string[]): PlatformIR {
  const pick = <T extends string>(field: keyof Platform, known: readonly T[], fallback: T): T => {
    const value = p?.[field] as unknown;
    if (value === undefined) return fallback;
    if (known.includes(value as T)) return value as T;
    report(
      new DslError({
        path: [...path, field],
        problem: 'unknown version',
        got: value,
        fix: `Use one of ${known.map((v) => `"${v}"`).join(', ')}`,
      }),
    );
    return fallback;
  };
  return {
    argoWorkflows: pick('argoWorkflows', ARGO_WORKFLOWS, NEWEST_PLATFORM.argoWorkflows),
    istio: pick('istio', ISTIO, NEWEST_PLATFORM.istio),
  };
}
