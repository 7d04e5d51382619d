import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly text: string;
}

const BUILTINS = new Set(builtinModules);
const FORBIDDEN_IN_DSL = ['cdk8s', 'cdk8s-plus-27', 'constructs', 'js-yaml', 'yaml'];

/** Every module specifier a file imports or re-exports (static and dynamic). */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1] as string);
  return specs;
}

const isTest = (p: string) => /\.test(-d)?\.ts$/.test(p);
const layerOf = (p: string) => p.split('/')[0] as string;

/**
 * The chart folders that hold targets: those charts/index.ts registers. Every other folder under
 * charts/ (k8s/, analysis/, ...) is shared code the targets may import.
 */
export function targetFolders(files: readonly SourceFile[]): Set<string> {
  const index = files.find((f) => f.path === 'charts/index.ts');
  const folders = (index ? importsOf(index.text) : []).flatMap((spec) => {
    const m = /^\.\/([^/]+)\//.exec(spec);
    return m ? [m[1] as string] : [];
  });
  return new Set(folders);
}

/** Checks the layer rules of docs/architecture.md; returns one message per violation. */
export function checkLayers(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const targets = targetFolders(files);
  for (const f of files) {
    if (isTest(f.path)) continue;
    const layer = layerOf(f.path);
    for (const spec of importsOf(f.text)) {
      const target = spec.startsWith('.')
        ? relative('.', join(dirname(f.path), spec))
            .split('\\')
            .join('/')
        : undefined;
      const bare = spec.replace(/^node:/, '').split('/')[0] as string;
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
      if (layer === 'dsl') {
        if (target && !target.startsWith('dsl/'))
          problems.push(
            `${f.path}: dsl/ must not import outside dsl/ (got ${spec}). Move the dependency into dsl/ or invert it.`,
          );
        if (!target && (spec.startsWith('node:') || BUILTINS.has(bare) || FORBIDDEN_IN_DSL.includes(pkg)))
          problems.push(
            `${f.path}: dsl/ must stay pure (got import of ${spec}). Keep cdk8s, YAML, node built-ins and I/O in charts/ or synth/.`,
          );
      }
      if (layer === 'charts' && target) {
        const allowed = target.startsWith('charts/') || target.startsWith('dsl/ir/') || target === 'dsl/errors.ts';
        if (!allowed)
          problems.push(
            `${f.path}: charts/ may only import dsl/ir/** and dsl/errors.ts, never builders or other layers (got ${spec}). Read the IR instead.`,
          );
        const [, own] = f.path.split('/');
        const [, other, rest] = target.split('/');
        if (f.path.split('/').length > 2 && rest !== undefined && other !== own && targets.has(other as string))
          problems.push(
            `${f.path}: a chart folder must not import another target's folder (got ${spec}). Move what both need to a shared folder such as charts/k8s/.`,
          );
      }
      if (
        (layer === 'components' || layer === 'pipelines') &&
        target &&
        (target.startsWith('charts/') || target.startsWith('synth/'))
      ) {
        problems.push(
          `${f.path}: ${layer}/ is user code built on dsl/ and must not import ${layerOf(target)}/ (got ${spec}).`,
        );
      }
    }
    if (layer === 'dsl') problems.push(...impureGlobals(f));
  }
  return problems;
}

/** Globals through which dsl/ code could reach the environment, the file system or code loading. */
const IMPURE_GLOBALS = new Set(['process', 'require', 'globalThis', 'global', 'eval']);

/** Whether an identifier names a property, member or import binding rather than reading a variable. */
function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p)) return p.name === id;
  if (ts.isQualifiedName(p)) return p.right === id;
  if (ts.isShorthandPropertyAssignment(p)) return false;
  return (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p) ||
      ts.isEnumMember(p) ||
      ts.isBindingElement(p) ||
      ts.isImportSpecifier(p) ||
      ts.isExportSpecifier(p) ||
      ts.isParameter(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isFunctionDeclaration(p) ||
      ts.isClassDeclaration(p) ||
      ts.isInterfaceDeclaration(p) ||
      ts.isTypeAliasDeclaration(p) ||
      ts.isLabeledStatement(p) ||
      ts.isJsxAttribute(p)) &&
    (p as { name?: ts.Node }).name === id
  );
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

/** Names a scope node declares itself (its parameters, its statements' declarations). */
function declaredIn(scope: ts.Node): string[] {
  const out: string[] = [];
  if (ts.isFunctionLike(scope)) {
    for (const p of scope.parameters) out.push(...bindingNames(p.name));
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name) out.push(scope.name.text);
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) out.push(...bindingNames(scope.variableDeclaration.name));
  if (
    (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) &&
    scope.initializer &&
    ts.isVariableDeclarationList(scope.initializer)
  ) {
    for (const d of scope.initializer.declarations) out.push(...bindingNames(d.name));
  }
  if (
    ts.isSourceFile(scope) ||
    ts.isBlock(scope) ||
    ts.isModuleBlock(scope) ||
    ts.isCaseClause(scope) ||
    ts.isDefaultClause(scope)
  ) {
    for (const st of scope.statements) {
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) out.push(...bindingNames(d.name));
      else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name)
        out.push(st.name.text);
      else if (ts.isImportDeclaration(st) && st.importClause) {
        const c = st.importClause;
        if (c.name) out.push(c.name.text);
        if (c.namedBindings)
          out.push(
            ...(ts.isNamespaceImport(c.namedBindings)
              ? [c.namedBindings.name.text]
              : c.namedBindings.elements.map((e) => e.name.text)),
          );
      }
    }
  }
  return out;
}

/** Whether an identifier reads a variable declared in the file rather than a global. */
function isLocal(id: ts.Identifier): boolean {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) if (declaredIn(n).includes(id.text)) return true;
  return false;
}

/**
 * References in dsl/ code that the import rules cannot see: `process` however it is reached
 * (`process.env`, `const { env } = process`, `globalThis.process`, `globalThis['process']`),
 * `require`, `eval`, `new Function(...)`, `import.meta` and `import()` of a computed module name.
 */
export function impureGlobals(f: SourceFile): string[] {
  const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(
      `${f.path}:${line + 1}: dsl/ must stay pure (got ${what}). Pass configuration and file contents in from components/, pipelines/ or synth/.`,
    );
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      IMPURE_GLOBALS.has(node.text) &&
      !isDeclarationName(node) &&
      !ts.isTypeReferenceNode(node.parent) &&
      !isLocal(node)
    )
      report(node, `a reference to ${node.text}`);
    else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Function'
    )
      report(node, 'the Function constructor');
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) report(node, 'import.meta');
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      !(node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]))
    )
      report(node, 'import() of a computed module name');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Reads every .ts file of the given top-level folders. */
export function readSources(root: string, folders: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts'))
        out.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  for (const f of folders) walk(resolve(root, f));
  return out;
}

/**
 * The relative modules a file loads when it runs: static imports and re-exports, except
 * `import type` / `export type` (erased). An import whose specifiers are all inline `type` still
 * loads the module under `verbatimModuleSyntax` (it becomes `import {} from ...`), so it counts.
 * Dynamic `import()` is left out: it loads lazily, after both modules have finished evaluating.
 */
export function runtimeImportsOf(f: SourceFile): string[] {
  const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of source.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly) spec = st.moduleSpecifier;
    else if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) spec = st.moduleSpecifier;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.'))
      out.push(join(dirname(f.path), spec.text).split('\\').join('/'));
  }
  return out;
}

/**
 * Every runtime import cycle among the files, one message per strongly connected group of
 * modules, naming one cycle through it. A cycle makes evaluation order matter: a module reads an
 * export of one that has not finished evaluating and sees `undefined` (or a TDZ error).
 */
export function runtimeImportCycles(files: readonly SourceFile[]): string[] {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map(files.map((f) => [f.path, [...new Set(runtimeImportsOf(f))].filter((t) => known.has(t))]));
  // Tarjan's strongly connected components, iteratively over sorted paths so the output is stable.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (edges.get(v) ?? []).includes(v)) groups.push(group);
    }
  };
  for (const v of [...known].sort()) if (!index.has(v)) connect(v);
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0] as string;
    // A shortest path back to the start, through the group only.
    const previous = new Map<string, string>();
    const queue = [start];
    let end: string | undefined;
    while (queue.length > 0 && end === undefined) {
      const v = queue.shift() as string;
      for (const w of edges.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = end as string; v !== start; v = previous.get(v) as string) path.splice(1, 0, v);
    return `runtime import cycle: ${[...path, start].join(' -> ')} (${group.length} modules involved). Move what both sides need into a module neither imports, or import types with \`import type\`.`;
  });
}
