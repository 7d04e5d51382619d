import { YAML11_SCHEMA, YAMLException, loadAll } from 'js-yaml';
import { checkExpansion } from './limits.ts';

export interface LoadOptions {
  /**
   * Read YAML the way Kubernetes' Go parser does where JavaScript parsers are stricter:
   * duplicate keys keep the last value, and multi-line quoted scalars indented less than YAML 1.2
   * requires are accepted. Neither changes a value that a strict parse would produce.
   */
  readonly lenient?: boolean;
  /** Name used in error messages. */
  readonly fileName?: string;
}

/** What lenient parsing had to accept, so callers can report it honestly. */
export interface LoadResult {
  readonly documents: unknown[];
  readonly leniencies: readonly string[];
}

const MAX_REPAIRS = 1000;

/**
 * Parses a (multi-document) Kubernetes YAML file with YAML 1.1 semantics, as Kubernetes does:
 * `yes`/`on` are booleans and `0755` is octal. Empty documents are dropped. A document that
 * expands past MAX_EXPANDED_BYTES (limits.ts) through aliases, or whose aliases form a cycle, throws
 * a YamlLimitError.
 */
export function loadKubernetesYaml(text: string, opts: LoadOptions = {}): LoadResult {
  const leniencies: string[] = [];
  let source = text;
  for (let attempt = 0; attempt <= MAX_REPAIRS; attempt++) {
    try {
      const documents = loadAll(source, {
        schema: YAML11_SCHEMA,
        json: opts.lenient === true,
        ...(opts.fileName ? { filename: opts.fileName } : {}),
      }).filter((d) => d !== null && d !== undefined);
      documents.forEach((d) => checkExpansion(d));
      if (opts.lenient && hasDuplicateKeys(text)) leniencies.push('duplicate mapping key (last value wins, as in Go)');
      return { documents, leniencies: [...new Set(leniencies)] };
    } catch (e) {
      const err = e as YAMLException & { mark?: { line: number } };
      if (
        !opts.lenient ||
        !(e instanceof YAMLException) ||
        !/deficient indentation/.test(err.message) ||
        err.mark === undefined
      )
        throw e;
      source = indentLine(source, err.mark.line);
      leniencies.push('multi-line quoted scalar indented less than YAML 1.2 requires');
    }
  }
  throw new Error(`${opts.fileName ?? 'input'}: could not repair indentation after ${MAX_REPAIRS} attempts`);
}

/**
 * Indents one continuation line of a quoted scalar by two spaces. Leading whitespace of such
 * lines is folded away by every YAML parser, so the parsed value is unchanged.
 */
function indentLine(source: string, line: number): string {
  const lines = source.split('\n');
  if (line < 0 || line >= lines.length) throw new Error(`cannot repair line ${line + 1}`);
  lines[line] = `  ${lines[line]}`;
  return lines.join('\n');
}

function hasDuplicateKeys(text: string): boolean {
  try {
    loadAll(text, { schema: YAML11_SCHEMA });
    return false;
  } catch (e) {
    return e instanceof YAMLException && /duplicated mapping key/.test(e.message);
  }
}
