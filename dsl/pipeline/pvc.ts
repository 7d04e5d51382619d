import { bindArgs, type UseSite } from './args.ts';
import type { BuildState, TaskState } from './build-state.ts';
import type { AnyComponent } from './component.ts';
import { DslError, seg, type PathSegment } from '../errors.ts';
import { canonicalJson, stableHash } from '../common/hash.ts';
import type { ComponentIR, ImplementationIR, ParamPortIR } from '../ir/index.ts';
import { assertDnsLabel } from '../common/names.ts';
import { podToIR } from './pod-spec.ts';
import { param, type ParamPort, type PortMap } from './ports.ts';
import { quantity, type Quantity } from '../common/quantity.ts';
import { claimRef } from './mount.ts';
import type { ParamRef } from './refs.ts';
import { isParamRef } from './refs.ts';
import { Step } from './step.ts';
import { assertUniqueNames } from './sub-pipeline.ts';

/** Access modes of a PersistentVolumeClaim. */
export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';

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

const str = (name: string, optional: boolean, extra: Partial<ParamPortIR> = {}): ParamPortIR => ({
  kind: 'param',
  name,
  type: 'string',
  optional,
  ...extra,
});
const json = (name: string, optional: boolean, jsonShape: 'list' | 'struct'): ParamPortIR => ({
  kind: 'param',
  name,
  type: 'json',
  optional,
  jsonShape,
});

/**
 * A claim operation as a component. Its ports are the kfp-kubernetes CreatePVC/DeletePVC
 * interface (KFP's driver reads inputs by these names); the implementation kind tells every
 * backend to perform the operation itself instead of starting a container.
 */
function resourceComponent(
  name: string,
  implementation: ImplementationIR,
  inputs: readonly ParamPortIR[],
  outputs: readonly ParamPortIR[],
): AnyComponent {
  const body = { name, image: '', inputs, outputs, implementation, pod: podToIR({}, [seg('component', name)]) };
  const ir: ComponentIR = { ...body, contentHash: stableHash(canonicalJson(body)) };
  return { kind: 'component', name, inputs: {}, outputs: { ...(outputs.length ? { name: param.string() } : {}) }, ir };
}

/** The create-claim step (kfp-kubernetes `CreatePVC`). */
export const CREATE_PVC = resourceComponent(
  'createpvc',
  { kind: 'createPvc' },
  [
    json('access_modes', false, 'list'),
    json('annotations', true, 'struct'),
    json('data_source', true, 'struct'),
    str('pvc_name', true),
    str('pvc_name_suffix', true),
    str('size', false),
    str('storage_class_name', true, { default: '' }),
    str('volume_name', true),
  ],
  [str('name', false)],
);

/** The delete-claim step (kfp-kubernetes `DeletePVC`). */
export const DELETE_PVC = resourceComponent('deletepvc', { kind: 'deletePvc' }, [str('pvc_name', false)], []);

function addResourceTask(
  state: BuildState,
  id: string,
  comp: AnyComponent,
  raw: Record<string, unknown>,
  site: UseSite,
): TaskState {
  assertUniqueNames(state, { components: [comp.ir], pipelines: [] }, site.path);
  if (!state.components.has(comp.name)) state.components.set(comp.name, comp.ir);
  const args = bindArgs(state, comp.ir, raw, site);
  const task: TaskState = {
    id,
    component: comp,
    args,
    groups: site.groups,
    inExitHandler: site.inExitHandler,
    after: [],
    overrides: {},
  };
  state.tasks.set(id, task);
  return task;
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
  const raw: Record<string, unknown> = {};
  if (spec.name !== undefined)
    raw.pvc_name = stringOrRef(spec.name, at('name'), 'claim name', (s) =>
      assertDnsLabel(s, at('name'), 'claim name', 253),
    );
  if (spec.nameSuffix !== undefined) {
    if (typeof spec.nameSuffix !== 'string' || !/^[-.a-z0-9]*[a-z0-9]$/.test(spec.nameSuffix)) {
      throw new DslError({
        path: at('nameSuffix'),
        problem: 'the name suffix must hold lowercase letters, digits, "-" and ".", ending in a letter or digit',
        got: spec.nameSuffix,
        fix: 'Use e.g. "-scratch"',
      });
    }
    raw.pvc_name_suffix = spec.nameSuffix;
  }
  raw.size = isParamRef(spec.size) ? spec.size : quantity(spec.size, at('size'));
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
  raw.access_modes = [...spec.accessModes];
  if (spec.storageClass !== undefined)
    raw.storage_class_name = stringOrRef(spec.storageClass, at('storageClass'), 'storage class');
  if (spec.volumeName !== undefined)
    raw.volume_name = stringOrRef(spec.volumeName, at('volumeName'), 'volume name', (s) =>
      assertDnsLabel(s, at('volumeName'), 'volume name', 253),
    );
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
    raw.annotations = { ...spec.annotations };
  }
  if (spec.dataSource !== undefined) {
    const d = spec.dataSource;
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
    raw.data_source = { ...(d.apiGroup !== undefined ? { apiGroup: d.apiGroup } : {}), kind: d.kind, name: d.name };
  }
  return addResourceTask(state, id, CREATE_PVC, raw, site);
}

/** Records `p.deletePvc(id, claim)`. */
export function addDeletePvc(state: BuildState, id: string, claim: unknown, site: UseSite): TaskState {
  return addResourceTask(state, id, DELETE_PVC, { pvc_name: claimRef(claim, site.path) }, site);
}
