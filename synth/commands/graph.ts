import { buildProject } from '../build-project.ts';
import { renderDot } from '../graph/render-dot.ts';
import { renderMermaid } from '../graph/render-mermaid.ts';
import { GRAPH_SOURCES, type GraphSource } from '../graph/sources.ts';
import { appEntry, UsageError } from '../load-app.ts';
import { EXIT_OK, reportError, type CommandIO } from '../report.ts';

export interface GraphCommandOptions {
  readonly app?: string;
  readonly env?: string;
  readonly format?: 'mermaid' | 'dot';
  readonly sources?: readonly GraphSource[];
}

/**
 * `argosy graph <name>`: draws a pipeline, a model deployment (or any registered kind) as
 * Mermaid or DOT on stdout. `<kind>/<name>` (e.g. `deployment/churn`) picks one kind when a
 * pipeline and a deployment share a name.
 */
export async function runGraph(
  name: string,
  opts: GraphCommandOptions,
  io: CommandIO,
  cwd = process.cwd(),
): Promise<number> {
  try {
    const { ir } = await buildProject(appEntry(opts.app, cwd), cwd);
    const envs = opts.env ? ir.environments.filter((e) => e.name === opts.env) : ir.environments;
    if (opts.env && envs.length === 0)
      throw new UsageError(
        `--env ${opts.env}: no such environment (got ${ir.environments.map((e) => e.name).join(', ')}). Pass one of them`,
      );
    const all = opts.sources ?? GRAPH_SOURCES;
    const slash = name.indexOf('/');
    const kind = slash > 0 && all.some((s) => s.kind === name.slice(0, slash)) ? name.slice(0, slash) : undefined;
    const wanted = kind ? name.slice(slash + 1) : name;
    const sources = kind ? all.filter((s) => s.kind === kind) : all;
    for (const env of envs) {
      const drawn = sources.flatMap((source) => {
        const graph = source.graph(env, wanted);
        return graph ? [{ kind: source.kind, graph }] : [];
      });
      if (drawn.length > 1)
        throw new UsageError(
          `"${name}": ${drawn.map((x) => `a ${x.kind}`).join(' and ')} share this name (got ${drawn.map((x) => `${x.kind}/${wanted}`).join(', ')}). Pass one of these`,
        );
      const [first] = drawn;
      if (!first) continue;
      io.out((opts.format === 'dot' ? renderDot(first.graph) : renderMermaid(first.graph)).trimEnd());
      return EXIT_OK;
    }
    const known = [
      ...new Set(envs.flatMap((e) => sources.flatMap((s) => s.names(e).map((n) => `${s.kind} ${n}`)))),
    ].sort();
    throw new UsageError(
      `"${name}": nothing to draw by that name (got ${known.length ? known.join(', ') : 'no pipelines or deployments'}). Pass one of these names`,
    );
  } catch (e) {
    return reportError(e, io);
  }
}
