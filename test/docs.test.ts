import { resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { ROOT } from './shared-dir.ts';

/** Names exported from dsl/index.ts whose declarations lack TSDoc with an @example. */
function exportsWithoutExample(): string[] {
  const entry = resolve(ROOT, 'dsl', 'index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error('dsl/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(source) as ts.Symbol;
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const hasExample = symbol.getJsDocTags(checker).some((t) => t.name === 'example');
    const declarations = symbol.getDeclarations() ?? [];
    // Types and interfaces are documented by the builders that use them; values need examples.
    const isValue = declarations.some(
      (d) => ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d) || ts.isVariableDeclaration(d),
    );
    if (isValue && !hasExample) missing.push(exported.getName());
  }
  return missing.sort();
}

it('GIVEN the public API (dsl/index.ts) THEN every exported function, class and constant has TSDoc with an @example', () => {
  expect(exportsWithoutExample()).toEqual([]);
}, 60_000);
