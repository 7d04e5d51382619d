import { closest } from '../common/did-you-mean.ts';
import { DslError, type PathSegment } from '../errors.ts';
import type { PortIR } from '../ir/index.ts';

/**
 * Environment variable name under which a script component receives a port: the direction, an
 * underscore, and the port name in upper snake case (a lower-case letter or digit followed by an
 * upper-case letter starts a new word; any run of other characters becomes one `_`).
 *
 * @example
 * ```ts
 * portEnvName('INPUT', 'learningRate'); // 'INPUT_LEARNING_RATE'
 * portEnvName('INPUT', 'top-k');        // 'INPUT_TOP_K'
 * portEnvName('OUTPUT', 'model');       // 'OUTPUT_MODEL'
 * ```
 */
export function portEnvName(direction: 'INPUT' | 'OUTPUT', port: string): string {
  return `${direction}_${port
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase()}`;
}

/** One read of an `INPUT_*` / `OUTPUT_*` variable in a script, with its 1-based line. */
export interface ScriptEnvRead {
  readonly name: string;
  readonly line: number;
}

// os.environ["X"], os.environ.get("X" ...), os.getenv("X" ...), and the same after `from os import ...`.
const READ =
  /(?<![\w.])(?:os\s*\.\s*)?(?:environ\s*\[\s*|environ\s*\.\s*get\s*\(\s*|getenv\s*\(\s*)(["'])((?:INPUT|OUTPUT)_[A-Za-z0-9_]*)\1/g;

/**
 * The `INPUT_*` / `OUTPUT_*` variables a Python script reads by a literal name, through
 * `os.environ[...]`, `os.environ.get(...)` or `os.getenv(...)`; comment lines are skipped.
 * Names built at run time cannot be seen and are not reported.
 *
 * @example
 * ```ts
 * pythonEnvReads('lr = float(os.environ["INPUT_LEARNING_RATE"])'); // [{ name: 'INPUT_LEARNING_RATE', line: 1 }]
 * ```
 */
export function pythonEnvReads(source: string): ScriptEnvRead[] {
  const reads: ScriptEnvRead[] = [];
  source.split('\n').forEach((text, i) => {
    if (/^\s*#/.test(text)) return;
    for (const m of text.matchAll(READ)) reads.push({ name: m[2] as string, line: i + 1 });
  });
  return reads;
}

/** Whether a script runs on a Python interpreter (`python`, `python3`, `python3.12`, a path to one). */
export function isPython(command: readonly string[]): boolean {
  const program = command[0]?.split('/').pop() ?? '';
  return /^python[0-9.]*$/.test(program);
}

/**
 * Checks that a Python script reads only the `INPUT_*` / `OUTPUT_*` variables its ports set: a
 * misspelt or undeclared one is unset when the script runs (a `KeyError`, or silently the
 * default of `os.environ.get`). One error per name, at its first read.
 */
export function scriptEnvErrors(
  source: string,
  inputs: readonly PortIR[],
  outputs: readonly PortIR[],
  path: readonly PathSegment[],
): DslError[] {
  const declared = [
    ...inputs.map((p) => portEnvName('INPUT', p.name)),
    ...outputs.map((p) => portEnvName('OUTPUT', p.name)),
  ];
  const seen = new Set<string>();
  return pythonEnvReads(source).flatMap(({ name, line }) => {
    if (declared.includes(name) || seen.has(name)) return [];
    seen.add(name);
    const prefix = name.startsWith('INPUT_') ? 'INPUT_' : 'OUTPUT_';
    const direction = prefix === 'INPUT_' ? 'input' : 'output';
    const same = declared.filter((d) => d.startsWith(prefix));
    const hint = closest(name, same);
    const port = name
      .slice(prefix.length)
      .toLowerCase()
      .replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    return [
      new DslError({
        path: [...path, `line ${line}`],
        problem: `reads ${name}, which no ${direction} port sets`,
        got: name,
        fix:
          hint !== undefined
            ? `Did you mean "${hint}"?`
            : `Declare the ${direction} port "${port}" (it reaches the script as ${name}), or read one that exists${same.length ? `: ${same.join(', ')}` : ''}`,
      }),
    ];
  });
}
