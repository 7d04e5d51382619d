import { DslError, seg, type PathSegment } from '../errors.ts';
import type { ArgoStepIR } from '../ir/argo-template.ts';
import {
  claimName,
  nodeHandle,
  renderNode,
  type LooseNodeOptions,
  type NodeHandle,
  type OptionsArg,
  type PendingNode,
  type StepOptions,
} from './step-common.ts';
import { assertTemplateName, type Callable, type DeferredBody, type RunRef } from './template.ts';

type PendingStep = PendingNode<LooseNodeOptions>;

/**
 * Adds steps to one parallel group; `s.parallel()` passes one to its build function.
 *
 * @example
 * ```ts
 * s.parallel((g: StepGroup) => { g.step('a', echo); g.step('b', echo); });
 * ```
 */
export class StepGroup {
  /** @internal */
  readonly pending: PendingStep[] = [];
  constructor(private readonly owner: StepsBuilder) {}

  /**
   * Adds a step to this group; all steps of a group run in parallel.
   * @example
   * ```ts
   * s.parallel((g) => { g.step('hello2a', printMessage, args('hello2a')); g.step('hello2b', printMessage, args('hello2b')); });
   * ```
   */
  step<I, O, H = {}>(name: string, run: Callable<I, O>, ...opts: OptionsArg<I, StepOptions<I, O, H>>): NodeHandle<O> {
    this.owner.claim(name);
    this.pending.push({ name, run: run as Callable<unknown, unknown>, opts: opts[0] as LooseNodeOptions | undefined });
    return nodeHandle<O>('steps', name);
  }
}

/**
 * Builds the groups of a steps template; groups run one after another.
 *
 * @example
 * ```ts
 * steps((s: StepsBuilder) => { const flip = s.step('flip-coin', flipCoin); s.step('heads', heads, { when: `${flip.outputs.result} == heads` }); });
 * ```
 */
export class StepsBuilder {
  /** @internal */
  readonly groups: StepGroup[] = [];
  private readonly names = new Set<string>();
  constructor(private readonly path: readonly PathSegment[]) {}

  /** @internal */
  claim(name: string): void {
    const at = [...this.path, seg('step', String(name))];
    assertTemplateName(name, at, 'step name');
    claimName(this.names, name, at, 'step');
  }

  /**
   * Adds a step that runs alone, after the previous group.
   * @example
   * ```ts
   * const flip = s.step('flip-coin', flipCoin);
   * s.step('heads', heads, { when: `${flip.outputs.result} == heads` });
   * ```
   */
  step<I, O, H = {}>(name: string, run: Callable<I, O>, ...opts: OptionsArg<I, StepOptions<I, O, H>>): NodeHandle<O> {
    const g = new StepGroup(this);
    this.groups.push(g);
    return g.step(name, run, ...opts);
  }

  /**
   * Adds a group of steps that run in parallel, after the previous group.
   * @example
   * ```ts
   * const [a, b] = s.parallel((g) => [g.step('a', echo), g.step('b', echo)]);
   * ```
   */
  parallel<R>(build: (g: StepGroup) => R): R {
    const g = new StepGroup(this);
    this.groups.push(g);
    const result = build(g);
    if (g.pending.length === 0)
      throw new DslError({
        path: this.path,
        problem: 'a parallel group has no steps',
        fix: 'Add steps with g.step() inside s.parallel()',
      });
    return result;
  }
}

/**
 * The body of a steps template; built when the workflow is built, so steps can run any template
 * (even one declared further down, or the template itself). `refs` is what the build function returned.
 *
 * @example
 * ```ts
 * const body = steps((s) => ({ add: s.step('add', doMath, { arguments: { parameters: { a: '1', b: '2' } } }) }));
 * template('sum', {}, () => ({ steps: body, outputs: { parameters: { result: { valueFrom: { parameter: body.refs.add.outputs.result } } } } }));
 * ```
 */
export class StepsBody<R = void> implements DeferredBody {
  readonly kind = 'steps' as const;
  private built?: { readonly groups: StepGroup[]; readonly value: R; readonly path: readonly PathSegment[] };
  constructor(private readonly build: (s: StepsBuilder) => R) {}

  /** What the build function returned (e.g. step handles for the template's outputs). */
  get refs(): R {
    return this.evaluate([]).value;
  }

  private evaluate(path: readonly PathSegment[]): { readonly groups: StepGroup[]; readonly value: R } {
    if (!this.built) {
      const b = new StepsBuilder(path);
      const value = this.build(b);
      this.built = { groups: b.groups, value, path };
    }
    return this.built;
  }

  render(path: readonly PathSegment[], use: (c: Callable<unknown, unknown>) => RunRef): ArgoStepIR[][] {
    const { groups } = this.evaluate(path);
    if (groups.length === 0)
      throw new DslError({
        path,
        problem: 'a steps template has no steps',
        fix: 'Add steps with s.step() or s.parallel()',
      });
    return groups.map((g) =>
      g.pending.map((p) => renderNode('steps', p.name, p.run, p.opts, [...path, seg('step', p.name)], use)),
    );
  }
}

/**
 * The body of a steps template. `s.step()` adds a step that runs after the previous ones;
 * `s.parallel()` adds a group whose steps run together. Return handles to use them in outputs.
 *
 * @example
 * ```ts
 * const main = template('hello-hello-hello', {
 *   steps: steps((s) => {
 *     s.step('hello1', printMessage, { arguments: { parameters: { message: 'hello1' } } });
 *     s.parallel((g) => {
 *       g.step('hello2a', printMessage, { arguments: { parameters: { message: 'hello2a' } } });
 *       g.step('hello2b', printMessage, { arguments: { parameters: { message: 'hello2b' } } });
 *     });
 *   }),
 * });
 * ```
 */
export function steps<R = void>(build: (s: StepsBuilder) => R): StepsBody<R> {
  return new StepsBody(build);
}
