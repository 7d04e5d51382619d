import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { collectErrorsSync } from '../../dsl/common/collect.ts';
import { resolveProject, type Project } from '../../dsl/index.ts';
import { synthesizeProject } from '../build-project.ts';

/** A Kubernetes object (or KFP document) as `argosy synth` writes it, with where it was written. */
export interface SynthObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** Which environment and app to look in (both optional). */
export interface Where {
  readonly env?: string;
  readonly app?: string;
}

/** One synthesized object and the file it is in (`<environment>/<app>/<kind>.<name>.yaml`). */
export interface Located {
  readonly env: string;
  readonly app: string;
  readonly path: string;
  readonly object: SynthObject;
}

/** What {@link synth} returns: the files `argosy synth` would write, and look-ups into them. */
export interface Synthesized {
  /** Output files by path relative to the output directory, with their YAML text. */
  readonly files: ReadonlyMap<string, string>;
  /** Every object of every file, in file order. */
  readonly objects: readonly Located[];
  /** Every object of this kind (e.g. 'CronWorkflow'), optionally in one environment/app. */
  findAll(kind: string, where?: Where): SynthObject[];
  /** The one object of this kind and name; throws, listing what there is, when none or several match. */
  find(kind: string, name: string, where?: Where): SynthObject;
}

/**
 * Synthesizes a project in memory, as `argosy synth` would (the same engine, no files written).
 * A mistake in the project throws the same error `argosy synth` prints, every mistake at once.
 *
 * @example
 * ```ts
 * import project from '../pipelines/index.ts';
 * const out = synth(project);
 * const cron = out.find('CronWorkflow', 'weekly-training', { env: 'production' });
 * expect(cron.spec).toMatchObject({ schedule: '0 3 * * 1' });
 * ```
 */
export function synth(project: Project, opts: { readonly target?: 'argo' | 'kfp' } = {}): Synthesized {
  const ir = collectErrorsSync(() => resolveProject(project));
  const written = synthesizeProject(ir, opts.target ? { pipelineBackend: opts.target } : {});
  const files = new Map(written.map((f) => [f.path, f.content]));
  const objects = written.flatMap((f) => {
    const [env = '', app = ''] = f.path.split('/');
    return f.documents.map((object) => ({ env, app, path: f.path, object: object as SynthObject }));
  });
  const matching = (kind: string, where: Where): Located[] =>
    objects.filter(
      (o) =>
        o.object.kind === kind &&
        (where.env === undefined || o.env === where.env) &&
        (where.app === undefined || o.app === where.app),
    );
  return {
    files,
    objects,
    findAll: (kind, where = {}) => matching(kind, where).map((o) => o.object),
    find(kind, name, where = {}) {
      const of = matching(kind, where);
      const hits = of.filter((o) => o.object.metadata?.name === name);
      if (hits.length === 1) return (hits[0] as Located).object;
      const scope = [where.env && `env ${where.env}`, where.app && `app ${where.app}`].filter(Boolean).join(', ');
      if (hits.length === 0) {
        const names = [...new Set(of.map((o) => o.object.metadata?.name))].sort();
        throw new Error(
          `${kind} "${name}": not found${scope ? ` in ${scope}` : ''} (got ${names.length ? names.join(', ') : `no ${kind}`}). Check the name and kind.`,
        );
      }
      throw new Error(
        `${kind} "${name}": ${hits.length} objects match (got ${hits.map((o) => o.path).join(', ')}). Pass { env, app } to pick one.`,
      );
    },
  };
}

/** Set to 1 to (re)write golden files instead of comparing with them; review the diff before committing. */
export const GOLDEN_ENV = 'ARGOSY_UPDATE_GOLDEN';

/**
 * Compares `actual` with a committed golden file; with ARGOSY_UPDATE_GOLDEN=1 in the environment
 * it writes the file instead. A missing golden file is a failure, never silently created. Throws
 * a plain Error, so it works in any test runner.
 *
 * @example
 * ```ts
 * const out = synth(project);
 * expectGolden('test/golden/training.yaml', out.files.get('production/ml/CronWorkflow.training.yaml') ?? '');
 * ```
 */
export function expectGolden(file: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  const path = resolve(file);
  if (env[GOLDEN_ENV] === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`${file}: golden file missing. Run the tests with ${GOLDEN_ENV}=1 and review the new file.`);
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let at = 0;
  while (a[at] === e[at]) at++;
  throw new Error(
    `${file}:${at + 1}: differs from the golden file (got ${JSON.stringify(a[at] ?? '<end of output>')}, expected ${JSON.stringify(e[at] ?? '<end of file>')}). If intended, run the tests with ${GOLDEN_ENV}=1 and review the diff.`,
  );
}
