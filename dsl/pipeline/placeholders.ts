import { brand, guard } from '../common/brand.ts';
import { DslError, type PathSegment } from '../errors.ts';
import type { CommandArgIR, CommandPartIR } from '../ir/index.ts';
import { hasTokens, splitTokens } from './refs.ts';
import { assertNoTemplateBraces } from '../common/text.ts';

const IO_START = '\u0000argosy-io:';
const IO_END = '\u0000';

type PlaceholderPart = Exclude<CommandPartIR, { kind: 'text' }>;

/**
 * Stands for a value the backend fills in when the container starts: an input's value, or the
 * path of an input or output file. Usable directly in a command array or inside template literals.
 *
 * @example
 * ```ts
 * command: (io) => ['train', `--lr=${io.inputs.learningRate}`, '--out', io.outputs.model.path]
 * ```
 */
export class Placeholder {
  constructor(readonly part: PlaceholderPart) {}
  toString(): string {
    return `${IO_START}${JSON.stringify(this.part)}${IO_END}`;
  }
}
brand(Placeholder, 'Placeholder');

/** Whether a value is an io placeholder, made by this copy of argosy or another. */
export const isPlaceholder = guard<Placeholder>('Placeholder');

/**
 * Parses one command argument (a string possibly carrying placeholders) into IR parts.
 * Pipeline references are not allowed here: a component is reusable and cannot see pipeline state.
 */
export function toCommandArg(value: unknown, path: readonly PathSegment[]): CommandArgIR {
  if (isPlaceholder(value)) return [value.part];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ kind: 'text', text: String(value) }];
  if (typeof value !== 'string') {
    throw new DslError({
      path,
      problem: 'command arguments must be strings or io placeholders',
      got: value,
      fix: 'Use io.inputs.<name> or io.outputs.<name>.path from the command function',
    });
  }
  if (hasTokens(value)) {
    // splitTokens throws for artifacts; for params we still refuse: a component must not close over a pipeline.
    splitTokens(value, path);
    throw new DslError({
      path,
      problem: 'a pipeline reference was used inside a component definition',
      got: value.replace(/\u0000[^\u0000]*\u0000/g, '<ref>'),
      fix: 'Declare an input on the component and pass the reference as an argument of p.task()',
    });
  }
  assertNoTemplateBraces(
    value
      .split(IO_START)
      .map((s) => s.split(IO_END).pop())
      .join(''),
    path,
    'argument',
  );
  const parts: CommandPartIR[] = [];
  let rest = value;
  while (rest.length > 0) {
    const start = rest.indexOf(IO_START);
    if (start < 0) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (start > 0) parts.push({ kind: 'text', text: rest.slice(0, start) });
    const end = rest.indexOf(IO_END, start + IO_START.length);
    parts.push(JSON.parse(rest.slice(start + IO_START.length, end)) as PlaceholderPart);
    rest = rest.slice(end + IO_END.length);
  }
  return parts.length > 0 ? parts : [{ kind: 'text', text: '' }];
}
