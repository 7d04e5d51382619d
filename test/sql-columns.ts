/**
 * Just enough SQL reading for the DSRPMart data-contract tests: the output columns of a query,
 * the tables it reads and the columns it reads from one of them. It understands the shape of the
 * project's own BigQuery queries (CTEs, joins with aliases, scalar subqueries), not SQL at large,
 * and throws on what it cannot read (`SELECT *`) rather than guessing.
 */

const KEYWORDS = new Set([
  'select',
  'from',
  'where',
  'and',
  'or',
  'not',
  'as',
  'between',
  'interval',
  'day',
  'hour',
  'join',
  'left',
  'right',
  'inner',
  'cross',
  'using',
  'on',
  'group',
  'by',
  'order',
  'with',
  'unnest',
  'is',
  'null',
  'in',
  'case',
  'when',
  'then',
  'else',
  'end',
  'true',
  'false',
  'distinct',
  'limit',
  'asc',
  'desc',
]);

/** The query with string literals blanked and comments removed, so neither yields identifiers. */
function clean(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/'(?:[^'\\]|\\.)*'/g, "''");
}

/** Calls `onChar` for every character with its parenthesis depth (a `(` already counts). */
function topLevel(text: string, onChar: (ch: string, i: number, depth: number) => void): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    onChar(ch, i, depth);
  }
}

/** Positions of a keyword at depth 0. */
function keywordAt(text: string, keyword: string): number[] {
  const found: number[] = [];
  const re = new RegExp(`\\b${keyword}\\b`, 'gi');
  const depthAt: number[] = [];
  topLevel(text, (_ch, i, depth) => (depthAt[i] = depth));
  for (const m of text.matchAll(re)) if ((depthAt[m.index ?? 0] ?? 0) === 0) found.push(m.index ?? 0);
  return found;
}

/** The output column names of a query's outermost SELECT, in order. */
export function selectedColumns(sql: string): string[] {
  const text = clean(sql);
  const select = keywordAt(text, 'select').at(-1);
  if (select === undefined) throw new Error(`no top-level SELECT in: ${sql}`);
  const from = keywordAt(text, 'from').find((i) => i > select) ?? text.length;
  const list = text.slice(select + 'select'.length, from);
  const items: string[] = [];
  let start = 0;
  topLevel(list, (ch, i, depth) => {
    if (ch === ',' && depth === 0) {
      items.push(list.slice(start, i));
      start = i + 1;
    }
  });
  items.push(list.slice(start));
  return items.map((raw) => {
    const item = raw.trim();
    if (item === '*' || item.endsWith('.*')) throw new Error(`SELECT * cannot be checked: ${sql}`);
    const alias = /\bas\s+([a-z_][a-z0-9_]*)$/i.exec(item);
    if (alias) return alias[1] as string;
    const column = /(?:^|\.)([a-z_][a-z0-9_]*)$/i.exec(item);
    if (!column) throw new Error(`select item without a name (add AS): ${item}`);
    return column[1] as string;
  });
}

/** Warehouse tables (`dataset.table`) a query reads; CTE names have no dataset and are not tables. */
export function tablesRead(sql: string): string[] {
  return [
    ...new Set(
      [...clean(sql).matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)/gi)].map((m) => m[1] as string),
    ),
  ].sort();
}

/**
 * The columns a query reads from `table`: `alias.column` references for an aliased table plus
 * its USING columns; for a query over that table alone, every identifier that is not a keyword,
 * a function, a table or an output alias.
 */
export function columnsRead(sql: string, table: string): string[] {
  const text = clean(sql);
  const escaped = table.replace('.', '\\.');
  const aliases = [
    ...text.matchAll(new RegExp(`\\b(?:from|join)\\s+${escaped}(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?`, 'gi')),
  ]
    .map((m) => m[1])
    .filter((a): a is string => a !== undefined && !KEYWORDS.has(a.toLowerCase()));
  const columns = new Set<string>();
  if (aliases.length > 0) {
    for (const alias of aliases)
      for (const m of text.matchAll(new RegExp(`\\b${alias}\\.([a-z_][a-z0-9_]*)`, 'gi'))) columns.add(m[1] as string);
    const using = new RegExp(`\\bjoin\\s+${escaped}\\s+(?:as\\s+)?[a-z_][a-z0-9_]*\\s+using\\s*\\(([^)]*)\\)`, 'gi');
    for (const m of text.matchAll(using)) for (const c of (m[1] as string).split(',')) columns.add(c.trim());
    return [...columns].sort();
  }
  const others = tablesRead(sql).filter((t) => t !== table);
  if (others.length > 0)
    throw new Error(
      `${table} is read without an alias next to ${others.join(', ')}: alias it so its columns are known`,
    );
  const outputAliases = new Set(
    [...text.matchAll(/\bas\s+([a-z_][a-z0-9_]*)/gi)].map((m) => (m[1] as string).toLowerCase()),
  );
  const tableParts = new Set(table.split('.'));
  for (const m of text.matchAll(/(?<![@.\w])([a-z_][a-z0-9_]*)(?![\w.]*\s*\()/gi)) {
    const word = m[1] as string;
    if (KEYWORDS.has(word.toLowerCase()) || outputAliases.has(word.toLowerCase()) || tableParts.has(word)) continue;
    columns.add(word);
  }
  return [...columns].sort();
}

/** The named query parameters (`@name`) a query uses. */
export function queryParameters(sql: string): string[] {
  return [...new Set([...clean(sql).matchAll(/@([a-z_][a-z0-9_]*)/gi)].map((m) => m[1] as string))].sort();
}
