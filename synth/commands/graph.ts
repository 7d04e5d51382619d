import { resolveProject } from '../../dsl/index.ts';
import { renderDot } from '../graph/render-dot.ts';
import { renderMermaid } from '../graph/render-mermaid.ts';
import { GRAPH_SOURCES, type GraphSource } from '../graph/sources.ts';
import { DEFAULT_APP_ENTRY, loadProject, UsageError } from '../load-app.ts';
import { EXIT_OK, reportError, type CommandIO } from '../report.ts';

export interface GraphCommandOptions {
  readonly app?: string;
  readonly env?: string;
  readonly format?: 'mermaid' | 'dot';
  readonly sources?: readonly GraphSource[];
}

/** `argosy graph <name>`: draws a pipeline (or any registered kind) as Mermaid or DOT on stdout. */
export async function runGraph(name: string, opts: GraphCommandOptions, io: CommandIO, cwd = process.cwd()): Promise<number> {
  try {
    const ir = resolveProject(await loadProject(opts.app ?? DEFAULT_APP_ENTRY, cwd));
    const envs = opts.env ? ir.environments.filter((e) => e.name === opts.env) : ir.environments;
    if (opts.env && envs.length === 0) throw new UsageError(`--env ${opts.env}: no such environment (got ${ir.environments.map((e) => e.name).join(', ')}). Pass one of them`);
    const sources = opts.sources ?? GRAPH_SOURCES;
    for (const env of envs) {
      for (const source of sources) {
        const graph = source.graph(env, name);
        if (!graph) continue;
        io.out((opts.format === 'dot' ? renderDot(graph) : renderMermaid(graph)).trimEnd());
        return EXIT_OK;
      }
    }
    const known = [...new Set(envs.flatMap((e) => sources.flatMap((s) => s.names(e).map((n) => `${s.kind} ${n}`))))].sort();
    throw new UsageError(`"${name}": nothing to draw by that name (got ${known.length ? known.join(', ') : 'no pipelines'}). Pass one of these names`);
  } catch (e) {
    return reportError(e, io);
  }
}
