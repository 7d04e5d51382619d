import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadKubernetesYaml } from '../yaml/load.ts';

/** One parsed YAML document of the input. */
export interface SourceDocument {
  readonly file: string;
  readonly index: number;
  readonly object: unknown;
}

/** An input file that could not be parsed, or what lenient parsing had to accept. */
export interface SourceProblem {
  readonly file: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface SourceSet {
  readonly documents: readonly SourceDocument[];
  readonly problems: readonly SourceProblem[];
  /** Number of files read. */
  readonly files: number;
}

const YAML_FILE = /\.ya?ml$/i;

/** The YAML files under a directory, sorted, skipping dot-directories and node_modules. */
export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (YAML_FILE.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Parses YAML text as Kubernetes does (YAML 1.1), leniently like Go, reporting any leniency. */
export function parseSource(file: string, text: string): { documents: SourceDocument[]; problems: SourceProblem[] } {
  try {
    // A strict parse first: it is all a well-formed file needs, and the lenient one parses twice
    // (to tell whether it had to accept anything). Where the strict one succeeds, the lenient
    // one gives the same documents and nothing to report.
    const { documents, leniencies } = strictOrLenient(text, file);
    return {
      documents: documents.map((object, index) => ({ file, index, object })),
      problems: leniencies.map((l) => ({
        file,
        severity: 'warning' as const,
        message: `YAML accepted only leniently, as Kubernetes' Go parser does: ${l}`,
      })),
    };
  } catch (e) {
    return {
      documents: [],
      problems: [{ file, severity: 'error', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` }],
    };
  }
}

function strictOrLenient(text: string, file: string): ReturnType<typeof loadKubernetesYaml> {
  try {
    return loadKubernetesYaml(text, { fileName: file });
  } catch {
    return loadKubernetesYaml(text, { lenient: true, fileName: file });
  }
}

/**
 * Reads the inputs of `argosy validate`: directories (every *.yaml / *.yml below), files, or `-`
 * for standard input. File names are reported relative to `cwd`.
 */
export function readSources(paths: readonly string[], cwd: string, stdin: () => string): SourceSet {
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [];
  let files = 0;
  const add = (file: string, text: string): void => {
    files += 1;
    const r = parseSource(file, text);
    documents.push(...r.documents);
    problems.push(...r.problems);
  };
  for (const p of paths) {
    if (p === '-') {
      add('<stdin>', stdin());
      continue;
    }
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      problems.push({ file: p, severity: 'error', message: 'no such file or directory' });
      continue;
    }
    const list = statSync(abs).isDirectory() ? yamlFilesUnder(abs) : [abs];
    for (const f of list) add(relative(cwd, f) || f, readFileSync(f, 'utf8'));
  }
  return { documents, problems, files };
}
