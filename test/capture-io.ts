import type { CommandIO } from '../synth/report.ts';

/**
 * A CommandIO that records what a command prints, for CLI tests: stdout lines in `lines`,
 * stderr lines in `errs`, no colour.
 */
export function captureIO(): CommandIO & { readonly lines: string[]; readonly errs: string[] } {
  const lines: string[] = [];
  const errs: string[] = [];
  return { lines, errs, out: (l) => lines.push(l), err: (l) => errs.push(l), color: false };
}
