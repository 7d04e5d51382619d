import { bindParam, type UseSite } from './args.ts';
import type { BuildState, PvcOperationState, StepSignature, TaskState } from './build-state.ts';
import { DslError, type PathSegment } from '../errors.ts';
import type { AccessModeIR, PvcOperationIR, TaskIR, ValueIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import type { ParamPort, PortMap } from './ports.ts';
import { quantity, type Quantity } from '../common/quantity.ts';
import { assertNoTemplateBraces } from '../common/text.ts';
import { claimRef } from './mount.ts';
import { isParamRef, type ParamRef } from './refs.ts';
import { Step } from './step.ts';

/** Access modes of a PersistentVolumeClaim. */
export type AccessMode = AccessModeIR;

const ACCESS_MODES: readonly AccessMode[] = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

/**
 * A PersistentVolumeClaim created by the run. Give exactly one of `name` (a fixed claim name) and
 * `nameSuffix` (the claim is named after the run: `<run name><suffix>`, so concurrent runs do not
 * collide).
 *
 * @example
 * ```ts
 * { nameSuffix: '-scratch', size: '50Gi', accessModes: ['ReadWriteOnce'], storageClass: 'standard' }
 * ```
 */
export interface PvcSpec {
  readonly name?: string | ParamRef<string>;
  readonly nameSuffix?: string;
  readonly size: Quantity | ParamRef<string>;
  readonly accessModes: readonly AccessMode[];
  /** Storage class to provision from; omitted, the cluster's default class is used. */
  readonly storageClass?: string | ParamRef<string>;
  /** A pre-existing PersistentVolume to bind to (static provisioning). */
  readonly volumeName?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /** Populate the claim from a VolumeSnapshot or clone another claim. */
  readonly dataSource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
}

/**
 * A `p.createPvc()` or `p.deletePvc()` step. A created claim's `outputs.name` is the claim's name;
 * pass the step itself to `task.mount()`.
 *
 * @example
 * ```ts
 * const scratch = p.createPvc('scratch', { nameSuffix: '-scratch', size: '5Gi', accessModes: ['ReadWriteOnce'] });
 * const fill = p.task('fill', fillCache).mount(scratch, '/data');
 * p.deletePvc('drop-scratch', scratch).after(fill);
 * ```
 */
export class PvcTask<O extends PortMap> extends Step<O> {
  /** Marks claim steps, so `task.mount()` can tell a created claim from other steps at run time. */
  readonly stepKind = 'pvc' as const;

  /**
   * KFP caching of this step (KFP's default is on; turn it off so a re-run creates a fresh claim).
   * Argo never memoizes claim operations.
   */
  cache(enabled: boolean): this {
    this.task.cache(enabled);
    return this;
  }
}

/** A claim created by `p.createPvc()`. */
export type PvcClaim = PvcTask<{ readonly name: ParamPort<string> }>;

/** What a claim operation looks like to argument binding and output references. */
const SIGNATURES: Record<PvcOperationState['kind'], StepSignature> = {
  createPvc: {
    name: 'createpvc',
    inputs: [],
    outputs: [{ kind: 'param', name: 'name', type: 'string', optional: false }],
  },
  deletePvc: { name: 'deletepvc', inputs: [], outputs: [] },
};

function addPvcTask(state: BuildState, id: string, pvc: PvcOperationState, site: UseSite): TaskState {
  const task: TaskState = {
    id,
    signature: SIGNATURES[pvc.kind],
    args: {},
    groups: site.groups,
    inExitHandler: site.inExitHandler,
    after: [],
    overrides: {},
    pvc,
  };
  state.tasks.set(id, task);
  return task;
}

/** A claim field as an IR value: a literal or a string parameter visible here. */
function bindString(state: BuildState, value: unknown, site: UseSite, field: string): ValueIR {
  return bindParam(state, 'string', undefined, value, { ...site, path: [...site.path, field] });
}

const stringOrRef = (v: unknown, at: readonly PathSegment[], what: string, check?: (s: string) => void): unknown => {
  if (isParamRef(v)) return v;
  if (typeof v !== 'string' || v === '')
    throw new DslError({
      path: at,
      problem: `${what} must be a non-empty string or a string parameter`,
      got: v,
      fix: `Give the ${what} as text or as params.<name>`,
    });
  check?.(v);
  return v;
};

/** Records `p.createPvc(id, spec)`. */
export function addCreatePvc(state: BuildState, id: string, spec: PvcSpec, site: UseSite): TaskState {
  const at = (field: string) => [...site.path, field];
  if (spec === null || typeof spec !== 'object') {
    throw new DslError({
      path: site.path,
      problem: 'createPvc needs a claim spec',
      got: spec,
      fix: "Pass { nameSuffix: '-data', size: '5Gi', accessModes: ['ReadWriteOnce'] }",
    });
  }
  if ((spec.name === undefined) === (spec.nameSuffix === undefined)) {
    throw new DslError({
      path: site.path,
      problem: 'give exactly one of `name` and `nameSuffix`',
      got: { name: spec.name, nameSuffix: spec.nameSuffix },
      fix: 'Use nameSuffix for a claim per run, or name for a fixed claim',
    });
  }
  const name =
    spec.name !== undefined
      ? stringOrRef(spec.name, at('name'), 'claim name', (s) => assertDnsLabel(s, at('name'), 'claim name', 253))
      : undefined;
  if (spec.nameSuffix !== undefined) {
    if (typeof spec.nameSuffix !== 'string' || !/^[-.a-z0-9]*[a-z0-9]$/.test(spec.nameSuffix)) {
      throw new DslError({
        path: at('nameSuffix'),
        problem: 'the name suffix must hold lowercase letters, digits, "-" and ".", ending in a letter or digit',
        got: spec.nameSuffix,
        fix: 'Use e.g. "-scratch"',
      });
    }
  }
  const size = isParamRef(spec.size) ? spec.size : quantity(spec.size, at('size'));
  if (
    !Array.isArray(spec.accessModes) ||
    spec.accessModes.length === 0 ||
    spec.accessModes.some((m) => !ACCESS_MODES.includes(m))
  ) {
    throw new DslError({
      path: at('accessModes'),
      problem: 'access modes must be a non-empty list of Kubernetes access modes',
      got: spec.accessModes,
      fix: `Use some of: ${ACCESS_MODES.join(', ')}`,
    });
  }
  const storageClass =
    spec.storageClass !== undefined ? stringOrRef(spec.storageClass, at('storageClass'), 'storage class') : undefined;
  const volumeName =
    spec.volumeName !== undefined
      ? stringOrRef(spec.volumeName, at('volumeName'), 'volume name', (s) =>
          assertDnsLabel(s, at('volumeName'), 'volume name', 253),
        )
      : undefined;
  if (spec.annotations !== undefined) {
    if (
      spec.annotations === null ||
      typeof spec.annotations !== 'object' ||
      Object.values(spec.annotations).some((v) => typeof v !== 'string')
    ) {
      throw new DslError({
        path: at('annotations'),
        problem: 'annotations must map names to strings',
        got: spec.annotations,
        fix: "Use e.g. { 'backup.example.com/skip': 'true' }",
      });
    }
    assertNoTemplateBraces(JSON.stringify(spec.annotations), at('annotations'), 'value');
  }
  const d = spec.dataSource;
  if (d !== undefined) {
    if (
      d === null ||
      typeof d !== 'object' ||
      typeof d.kind !== 'string' ||
      typeof d.name !== 'string' ||
      (d.apiGroup !== undefined && typeof d.apiGroup !== 'string')
    ) {
      throw new DslError({
        path: at('dataSource'),
        problem: 'dataSource needs a kind and a name',
        got: d,
        fix: "Use e.g. { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' }",
      });
    }
    assertNoTemplateBraces(JSON.stringify(d), at('dataSource'), 'value');
  }
  const bind = (value: unknown, field: string): ValueIR => bindString(state, value, site, field);
  return addPvcTask(
    state,
    id,
    {
      kind: 'createPvc',
      claimName: name !== undefined ? { value: bind(name, 'name') } : { suffix: spec.nameSuffix as string },
      size: bind(size, 'size'),
      accessModes: [...spec.accessModes],
      ...(storageClass !== undefined ? { storageClass: bind(storageClass, 'storageClass') } : {}),
      ...(volumeName !== undefined ? { volumeName: bind(volumeName, 'volumeName') } : {}),
      ...(spec.annotations !== undefined ? { annotations: { ...spec.annotations } } : {}),
      ...(d !== undefined
        ? { dataSource: { ...(d.apiGroup !== undefined ? { apiGroup: d.apiGroup } : {}), kind: d.kind, name: d.name } }
        : {}),
    },
    site,
  );
}

/** Records `p.deletePvc(id, claim)`. */
export function addDeletePvc(state: BuildState, id: string, claim: unknown, site: UseSite): TaskState {
  const value = bindString(state, claimRef(claim, site.path), site, 'claim');
  return addPvcTask(state, id, { kind: 'deletePvc', claim: value }, site);
}

/** Freezes a claim operation into IR; `base` is the task IR computed for it (after, when). */
export function pvcToIR(pvc: PvcOperationState, t: TaskState, base: TaskIR): PvcOperationIR {
  const cache = t.overrides.cache;
  return {
    ...pvc,
    id: base.id,
    after: base.after,
    ...(base.when ? { when: base.when } : {}),
    ...(base.displayName ? { displayName: base.displayName } : {}),
    ...(cache ? { cache: cache.enabled } : {}),
  };
}
