import { DslError, type PathSegment } from '../errors.ts';

/**
 * Rejects `{{` in literal text. Argo substitutes `{{...}}` everywhere in a template (and KFP uses
 * `{{$...}}` placeholders), so a literal brace pair would be read as an unknown variable and fail
 * validation on the cluster. Values must reach containers through inputs instead.
 */
export function assertNoTemplateBraces(text: string, path: readonly PathSegment[], what = 'text'): string {
  const at = text.indexOf('{{');
  if (at >= 0) {
    const excerpt = text.slice(Math.max(0, at - 20), at + 30).replace(/\s+/g, ' ');
    throw new DslError({
      path,
      problem: `${what} contains "{{", which the workflow engine would read as a template variable`,
      got: `...${excerpt}...`,
      fix: 'Pass the value as an input instead, or use another placeholder syntax such as ":name" or "${name}"',
    });
  }
  return text;
}
