import { bindParam } from './args.ts';
import type { BuildState, TaskState } from './build-state.ts';
import { DslError, type PathSegment } from '../errors.ts';
import type { TaskMountIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import { isRef, isParamRef } from './refs.ts';
import { assertNoTemplateBraces } from '../common/text.ts';

/** The claim-name value of a created claim, a string parameter or a literal claim name. */
export function claimRef(claim: unknown, path: readonly PathSegment[]): unknown {
  const step = claim as { stepKind?: unknown; outputs?: Record<string, unknown> } | null;
  if (step && typeof step === 'object' && step.stepKind === 'pvc' && isRef(step.outputs?.name))
    return step.outputs.name;
  if (isParamRef(claim)) return claim;
  if (typeof claim === 'string') return assertDnsLabel(claim, path, 'claim name', 253);
  throw new DslError({
    path,
    problem: 'expected a claim: the result of p.createPvc(), a string parameter or a claim name',
    got: isRef(claim) ? 'an artifact' : claim,
    fix: "Pass e.g. scratch (from p.createPvc), params.claim or 'feature-store'",
  });
}

/** Options of `task.mount()`. */
export interface MountOptions {
  /** Mount this directory of the claim instead of its root. */
  readonly subPath?: string;
  readonly readOnly?: boolean;
}

/** Checks a `task.mount()` call and turns it into IR. */
export function bindMount(
  state: BuildState,
  task: TaskState,
  claim: unknown,
  mountPath: unknown,
  opts: MountOptions,
  path: readonly PathSegment[],
): TaskMountIR {
  if (!task.component) {
    throw new DslError({
      path,
      problem: 'only tasks running a container can mount a claim',
      got: task.signature.name,
      fix: 'Mount the claim in the tasks of the called pipeline instead',
    });
  }
  if (typeof mountPath !== 'string' || !mountPath.startsWith('/')) {
    throw new DslError({
      path: [...path, 'mountPath'],
      problem: 'mount path must be an absolute path',
      got: mountPath,
      fix: "Use e.g. '/data'",
    });
  }
  assertNoTemplateBraces(mountPath, [...path, 'mountPath'], 'mount path');
  const taken = [...task.component.pod.volumes.map((v) => v.mountPath), ...(task.mounts ?? []).map((m) => m.mountPath)];
  if (taken.includes(mountPath)) {
    throw new DslError({
      path: [...path, 'mountPath'],
      problem: 'something is already mounted at this path',
      got: mountPath,
      fix: 'Mount the claim at another path',
    });
  }
  if (
    opts.subPath !== undefined &&
    (typeof opts.subPath !== 'string' ||
      opts.subPath === '' ||
      opts.subPath.startsWith('/') ||
      opts.subPath.split('/').includes('..'))
  ) {
    throw new DslError({
      path: [...path, 'subPath'],
      problem: 'subPath must be a relative path inside the claim',
      got: opts.subPath,
      fix: "Use e.g. 'models/v2'",
    });
  }
  const value = bindParam(state, 'string', undefined, claimRef(claim, [...path, 'claim']), {
    groups: task.groups,
    inExitHandler: task.inExitHandler,
    path: [...path, 'claim'],
  });
  return {
    claim: value,
    mountPath,
    ...(opts.subPath !== undefined ? { subPath: opts.subPath } : {}),
    readOnly: opts.readOnly === true,
  };
}
