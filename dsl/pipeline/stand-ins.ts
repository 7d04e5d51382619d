import { brand, guard } from '../common/brand.ts';
import { markBroken } from '../common/collect.ts';
import { didYouMean } from '../common/did-you-mean.ts';
import { DESCRIBE, DslError, type PathSegment } from '../errors.ts';
import type { ScopeId } from './refs.ts';

/**
 * Stand-ins for what failed to build while a project build collects its errors (see
 * common/collect.ts), and the marker a misspelt output name gives.
 */

/**
 * A reference to an output of a step that failed to build. It is accepted wherever it is used
 * and binds to nothing: the step's own mistake is already recorded, and its consequences further
 * on are not mistakes of their own.
 */
export class BrokenRef {
  toString(): string {
    return '';
  }
  toJSON(): null {
    return null;
  }
}
markBroken(BrokenRef.prototype);

/**
 * What `task.outputs.<name>` (or `params.<name>`) gives for a name the task (pipeline) does not
 * have, e.g. a misspelling from JavaScript or through a cast. Where it is used, it is reported as
 * the misspelt name it is, with the name that was probably meant.
 */
export class MissingRef {
  constructor(
    /** Who lacks the name, e.g. `task "extract"`. */
    readonly owner: string,
    /** How it was read, e.g. `extract.outputs.tabel`. */
    readonly expression: string,
    readonly name: string,
    readonly noun: 'output' | 'parameter',
    readonly known: readonly string[],
  ) {}

  /** The mistake, located where the name is used. */
  error(path: readonly PathSegment[]): DslError {
    return new DslError({
      path,
      problem: `${this.owner} has no ${this.noun} "${this.name}"`,
      got: this,
      fix: didYouMean(this.name, this.known, `${this.noun}s`),
    });
  }

  /** Inside a template string there is no use site yet: the mistake is reported where it is read. */
  toString(): string {
    throw this.error([this.owner, this.expression]);
  }

  toJSON(): string {
    return this.expression;
  }

  [DESCRIBE](): string {
    return this.expression;
  }
}
brand(MissingRef, 'MissingRef');

/** Whether a value is the marker of a misspelt output or parameter name. */
export const isMissingRef = guard<MissingRef>('MissingRef');

/** Throws the misspelt-name error when `value` is a {@link MissingRef}. */
export function assertNotMissing(value: unknown, path: readonly PathSegment[]): void {
  if (isMissingRef(value)) throw value.error(path);
}

const PORT_LIKE = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;
// Names that tools probe on any object (promise checks, test matchers, serializers): never ports.
const PROBED = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', 'constructor']);

/** Whether reading `prop` from a map of references should give a stand-in instead of undefined. */
function isUnknownPort(target: object, prop: string | symbol): prop is string {
  return typeof prop === 'string' && !(prop in target) && !PROBED.has(prop) && PORT_LIKE.test(prop);
}

/**
 * A step's `outputs` (or a pipeline's `params`): the references themselves, and for any other
 * port-like name a {@link MissingRef} that reports the misspelling where it is used.
 */
export function withMissingNames<T extends object>(
  refs: T,
  owner: string,
  prefix: string,
  noun: 'output' | 'parameter',
): T {
  return new Proxy(refs, {
    get(target, prop, receiver) {
      if (!isUnknownPort(target, prop)) return Reflect.get(target, prop, receiver);
      return new MissingRef(owner, `${prefix}.${prop}`, prop, noun, Object.keys(target));
    },
  });
}

/** The outputs of a step that failed to build: a {@link BrokenRef} by any name. */
export function brokenRefs<T extends object>(): T {
  return new Proxy({} as T, {
    get(target, prop, receiver) {
      return isUnknownPort(target, prop) ? new BrokenRef() : Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * A step that failed to build (`p.task()` with a broken component, a misspelt id, ...): its
 * outputs are broken references and its methods accept anything, so the rest of the pipeline
 * still builds and reports its own mistakes.
 */
export class BrokenStep {
  readonly outputs: Record<string, BrokenRef> = brokenRefs();
  constructor(
    readonly id: string,
    readonly scope: ScopeId,
  ) {}
  after(): this {
    return this;
  }
  when(): this {
    return this;
  }
  retry(): this {
    return this;
  }
  timeout(): this {
    return this;
  }
  cache(): this {
    return this;
  }
  resources(): this {
    return this;
  }
  displayName(): this {
    return this;
  }
  mount(): this {
    return this;
  }
}
markBroken(BrokenStep.prototype);
