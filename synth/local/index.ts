/**
 * `argosy/local`: run a pipeline on this machine (`runLocal`), as `argosy run --local` does.
 *
 * @example
 * ```ts
 * import { runLocal } from 'argosy/local';
 * const { ok, record } = await runLocal(popularProducts, { snapshotDate: '2026-01-31', outputPrefix: 'out' });
 * ```
 */
export { runLocal, runLocalIR } from './run-local.ts';
export { LocalRunError } from './preflight.ts';
export { parseParamFlags, resolveParams } from './params.ts';
export type {
  ContainerRuntimeChoice,
  LocalEvent,
  LocalOutput,
  LocalRunOptions,
  LocalRunRecord,
  LocalRunResult,
  LocalStatus,
  LocalTaskRecord,
} from './types.ts';
