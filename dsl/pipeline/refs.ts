import type { ArgoOnlyRuntime, KfpOnly } from './backend-bound.ts';
import { brand, guard } from '../common/brand.ts';
import { DESCRIBE, DslError, showValue, type PathSegment } from '../errors.ts';
import type { ArtifactListOnly } from './ports.ts';
import type { ParamTypeIR, ValueIR } from '../ir/index.ts';

/**
 * Identifies the pipeline build a reference belongs to, so a reference carried into another
 * pipeline is caught. Runtime values (workflow name, status) belong to no pipeline.
 */
export type ScopeId = string;

const TOKEN_START = '\u0000argosy:';
const TOKEN_END = '\u0000';

/**
 * A typed reference to a parameter value produced elsewhere: a pipeline parameter, an upstream
 * task's output, a loop item or a runtime value. `T` is the value's TypeScript type.
 * Inside a template literal it becomes a placeholder, so `` `s3://bucket/${params.date}` `` works.
 *
 * @example
 * ```ts
 * const train = p.task('train', trainXgb, { dataset: features.outputs.table, learningRate: params.lr });
 * train.outputs.auc; // ParamRef<number>
 * ```
 */
export class ParamRef<T> {
  /** Phantom: the value type. */
  declare readonly __value: T;
  readonly refKind = 'param' as const;
  constructor(
    readonly value: ValueIR,
    readonly scope: ScopeId,
    /** The declared type when known (pipeline params, outputs); undefined for loop items. */
    readonly type: ParamTypeIR | undefined,
  ) {}
  toString(): string {
    return encodeToken({ s: this.scope, v: this.value, t: this.type ?? null, a: false });
  }
  toJSON(): string {
    return this.toString();
  }
  /** How an error message shows it: where the value comes from, e.g. `extract.outputs.rows`. */
  [DESCRIBE](): string {
    return describeValue(this.value);
  }
}

/**
 * What artifact references have in common: where the value comes from, the scope it belongs to
 * and its kind at run time; in template strings they embed as a token like any reference.
 */
abstract class ArtifactHandle {
  constructor(
    readonly value: ValueIR,
    readonly scope: ScopeId,
    readonly artifactType: string,
  ) {}
  toString(): string {
    return encodeToken({ s: this.scope, v: this.value, t: null, a: true });
  }
  /** How an error message shows it: where the artifact comes from, e.g. `extract.outputs.table`. */
  [DESCRIBE](): string {
    return describeValue(this.value);
  }
}

/**
 * A typed reference to an artifact produced by a task. `K` is the artifact kind.
 *
 * @example
 * ```ts
 * p.task('train', trainXgb, { dataset: features.outputs.table }); // table: ArtifactRef<'Dataset'>
 * ```
 */
export class ArtifactRef<K extends string> extends ArtifactHandle {
  /** Phantom: the artifact kind. */
  declare readonly __kind: K;
  readonly refKind = 'artifact' as const;
}

/**
 * A typed reference to a list of artifacts of kind `K`: a loop's collected artifact outputs, or a
 * called pipeline's output that returns them. Loop over it with `p.forEach`, or pass it to an
 * `artifact(K).list()` input.
 *
 * @example
 * ```ts
 * const parts = p.forEach('shards', ['a', 'b'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part }));
 * p.task('merge', merge, { parts: parts.outputs.part }); // ArtifactListRef<'Dataset'>
 * ```
 */
export class ArtifactListRef<K extends string> extends ArtifactHandle implements KfpOnly<ArtifactListOnly> {
  /** Phantom: the kind of the artifacts in the list. */
  declare readonly __kind: K;
  /** Phantom: an Argo-bound pipeline cannot loop over or pass it. */
  declare readonly kfpOnly: ArtifactListOnly;
  readonly refKind = 'artifactList' as const;
}

brand(ParamRef, 'ParamRef');
brand(ArtifactRef, 'ArtifactRef');
brand(ArtifactListRef, 'ArtifactListRef');

/** Whether a value is a parameter reference, made by this copy of argosy or another. */
export const isParamRef = guard<ParamRef<unknown>>('ParamRef');
/** Whether a value is a reference to one artifact. */
export const isArtifactRef = guard<ArtifactRef<string>>('ArtifactRef');
/** Whether a value is a reference to a list of artifacts. */
export const isArtifactListRef = guard<ArtifactListRef<string>>('ArtifactListRef');

/** Any reference. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRef = ParamRef<any> | ArtifactRef<string> | ArtifactListRef<string>;

export function isRef(value: unknown): value is AnyRef {
  return isParamRef(value) || isArtifactRef(value) || isArtifactListRef(value);
}

interface TokenPayload {
  readonly s: ScopeId;
  readonly v: ValueIR;
  readonly t: ParamTypeIR | null;
  readonly a: boolean;
}

function encodeToken(payload: TokenPayload): string {
  // JSON never contains a raw NUL, so NUL delimiters cannot collide with the payload.
  return `${TOKEN_START}${JSON.stringify(payload)}${TOKEN_END}`;
}

/** True when a string carries at least one embedded reference (from a template literal). */
export function hasTokens(text: string): boolean {
  return text.includes(TOKEN_START);
}

/**
 * Splits a string built from a template literal back into literal text and references.
 * Throws when an artifact was interpolated, because an artifact has no string value.
 */
export function splitTokens(text: string, path: readonly PathSegment[]): (string | TokenPayload)[] {
  const out: (string | TokenPayload)[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(TOKEN_START);
    if (start < 0) {
      out.push(rest);
      break;
    }
    if (start > 0) out.push(rest.slice(0, start));
    const end = rest.indexOf(TOKEN_END, start + TOKEN_START.length);
    const payload = JSON.parse(rest.slice(start + TOKEN_START.length, end)) as TokenPayload;
    if (payload.a) {
      throw new DslError({
        path,
        problem: 'an artifact reference was used inside a string',
        got: text.replace(/\u0000[^\u0000]*\u0000/g, '<ref>'),
        fix: 'Pass the artifact itself to an artifact input; only parameters can be embedded in strings',
      });
    }
    out.push(payload);
    rest = rest.slice(end + TOKEN_END.length);
  }
  return out;
}

export type { TokenPayload };

function runtimeRef(name: Extract<ValueIR, { kind: 'runtime' }>['name']): ParamRef<string> {
  return new ParamRef<string>({ kind: 'runtime', name }, 'global', 'string');
}

/**
 * Values known only when a run executes. `workflowStatus` and `workflowFailures` are meant for
 * exit handlers; `scheduledTime` for pipelines started by a schedule. `workflowStatus`,
 * `workflowFailures` and `workflowNamespace` are Argo-only: passing one to a task of a pipeline
 * pinned `target: 'kfp'` is a type error.
 *
 * @example
 * ```ts
 * p.onExit('notify', notifySlack, { text: `run ${runtime.workflowName} ended: ${runtime.workflowStatus}` });
 * schedule(ctrTraining, { cron: cron.weekly({ day: 'mon', hour: 3 }), args: { runDate: runtime.scheduledTime } });
 * ```
 */
export const runtime = {
  workflowName: runtimeRef('workflowName'),
  workflowUid: runtimeRef('workflowUid'),
  workflowNamespace: runtimeRef('workflowNamespace') as ArgoOnlyRuntime,
  workflowStatus: runtimeRef('workflowStatus') as ArgoOnlyRuntime,
  workflowFailures: runtimeRef('workflowFailures') as ArgoOnlyRuntime,
  scheduledTime: runtimeRef('scheduledTime'),
  creationTimestamp: runtimeRef('creationTimestamp'),
} as const;

/** Where a value comes from, as error messages name it (`extract.outputs.table`, `params.date`). */
export function describeValue(value: ValueIR): string {
  switch (value.kind) {
    case 'taskOutput':
      return `${value.task}.outputs.${value.output}`;
    case 'loopOutput':
      return `${value.loop}.outputs.${value.output}`;
    case 'conditionOutput':
      return `p.oneOf() "${value.output}" of ${value.condition}`;
    case 'loopItem':
      return `item of loop "${value.loop}"${value.path.length ? `.${value.path.join('.')}` : ''}`;
    case 'pipelineParam':
      return `params.${value.name}`;
    case 'runtime':
      return `runtime.${value.name}`;
    case 'literal':
      return showValue(value.value);
    case 'concat':
      return 'a template string';
  }
}
