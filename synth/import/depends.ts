/**
 * Argo's `depends` expressions (`A && (B.Succeeded || B.Failed)`) parsed into the DSL's
 * `and`/`or`/`not` calls over task handles, so imported DAGs state dependencies with handles.
 */

/** A parsed `depends` expression. */
export type DependsNode =
  | { readonly op: 'task'; readonly name: string; readonly status?: string }
  | { readonly op: 'and' | 'or'; readonly parts: readonly DependsNode[] }
  | { readonly op: 'not'; readonly part: DependsNode };

const STATUS: Readonly<Record<string, string>> = {
  Succeeded: 'succeeded',
  Failed: 'failed',
  Errored: 'errored',
  Skipped: 'skipped',
  Omitted: 'omitted',
  Daemoned: 'daemoned',
  AnySucceeded: 'anySucceeded',
  AllFailed: 'allFailed',
};

/** Parses a `depends` text; throws an Error with the reason when it is not one. */
export function parseDepends(text: string): DependsNode {
  const tokens = text.match(/&&|\|\||!|\(|\)|[A-Za-z0-9_.-]+|\S/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const orExpr = (): DependsNode => {
    const parts = [andExpr()];
    while (peek() === '||') {
      i++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? (parts[0] as DependsNode) : { op: 'or', parts };
  };
  const andExpr = (): DependsNode => {
    const parts = [unary()];
    while (peek() === '&&') {
      i++;
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as DependsNode) : { op: 'and', parts };
  };
  const unary = (): DependsNode => {
    const t = tokens[i++];
    if (t === '!') return { op: 'not', part: unary() };
    if (t === '(') {
      const inner = orExpr();
      if (tokens[i++] !== ')') throw new Error(`unbalanced parentheses in depends "${text}"`);
      return inner;
    }
    if (t === undefined || !/^[A-Za-z0-9_.-]+$/.test(t))
      throw new Error(`unexpected "${t ?? 'end'}" in depends "${text}"`);
    const dot = t.lastIndexOf('.');
    const suffix = dot > 0 ? t.slice(dot + 1) : '';
    if (suffix && STATUS[suffix] !== undefined) return { op: 'task', name: t.slice(0, dot), status: suffix };
    return { op: 'task', name: t };
  };
  const node = orExpr();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" in depends "${text}"`);
  return node;
}

/** Every task name a depends expression mentions. */
export function dependsTasks(n: DependsNode): string[] {
  if (n.op === 'task') return [n.name];
  if (n.op === 'not') return dependsTasks(n.part);
  return n.parts.flatMap(dependsTasks);
}

/** The DSL expression for a parsed depends; `handle` names each task's handle variable. */
export function dependsCode(n: DependsNode, handle: (task: string) => string, used: Set<string>): string {
  if (n.op === 'task') return n.status ? `${handle(n.name)}.${STATUS[n.status]}` : handle(n.name);
  used.add(n.op);
  if (n.op === 'not') return `not(${dependsCode(n.part, handle, used)})`;
  return `${n.op}(${n.parts.map((p) => dependsCode(p, handle, used)).join(', ')})`;
}
