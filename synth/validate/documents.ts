import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MAX_FILE_BYTES, YamlLimitError } from '../yaml/limits.ts';
import { decodeUtf8, readInputFile, tooLarge } from '../yaml/read-input.ts';
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

/**
 * The YAML files under a directory, sorted, skipping dot-directories and node_modules. Symlinked
 * directories are not followed (no loops); a directory that cannot be listed is passed to
 * `unreadable` (default: thrown) and the walk goes on.
 */
export function yamlFilesUnder(
  dir: string,
  unreadable: (dir: string, e: NodeJS.ErrnoException) => void = (_, e) => {
    throw e;
  },
): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      unreadable(d, e as NodeJS.ErrnoException);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
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
    const message = e instanceof YamlLimitError ? e.message : `not valid YAML: ${(e as Error).message.split('\n')[0]}`;
    return { documents: [], problems: [{ file, severity: 'error', message }] };
  }
}

function strictOrLenient(text: string, file: string): ReturnType<typeof loadKubernetesYaml> {
  try {
    return loadKubernetesYaml(text, { fileName: file });
  } catch (e) {
    // Over a limit is over it however leniently read: parsing again would only cost the time twice.
    if (e instanceof YamlLimitError) throw e;
    return loadKubernetesYaml(text, { lenient: true, fileName: file });
  }
}

/**
 * Reads the inputs of `argosy validate`: directories (every *.yaml / *.yml below), files, or `-`
 * for standard input. File names are reported relative to `cwd`.
 */
export function readSources(paths: readonly string[], cwd: string, stdin: () => string | Buffer): SourceSet {
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [];
  let files = 0;
  const add = (file: string, input: string | Buffer | SourceProblem): void => {
    files += 1;
    if (typeof input === 'object' && !Buffer.isBuffer(input)) {
      problems.push(input);
      return;
    }
    const decoded = typeof input === 'string' ? { text: input } : decodeUtf8(input);
    if ('message' in decoded) {
      problems.push({ file, severity: 'error', message: decoded.message });
      return;
    }
    const r = parseSource(file, decoded.text);
    documents.push(...r.documents);
    problems.push(...r.problems);
  };
  for (const p of paths) {
    if (p === '-') {
      const input = stdin();
      add(
        '<stdin>',
        input.length > MAX_FILE_BYTES ? { file: '<stdin>', severity: 'error', message: tooLarge(input.length) } : input,
      );
      continue;
    }
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      problems.push({ file: p, severity: 'error', message: 'no such file or directory' });
      continue;
    }
    const list = statSync(abs).isDirectory()
      ? yamlFilesUnder(abs, (d, e) =>
          problems.push({
            file: relative(cwd, d) || d,
            severity: 'error',
            message: `directory cannot be listed (got ${e.code ?? e.message}). Make it readable, or leave it out of the paths`,
          }),
        )
      : [abs];
    for (const f of list) {
      const name = relative(cwd, f) || f;
      const read = readInputFile(f);
      if (read.kind === 'skipped') problems.push({ file: name, severity: 'warning', message: read.message });
      else add(name, read.kind === 'bytes' ? read.bytes : { file: name, severity: 'error', message: read.message });
    }
  }
  return { documents, problems, files };
}
