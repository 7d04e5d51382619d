import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../shared-dir.ts';
import { runArgoValidateCorpus } from './argo-validate-corpus.ts';

// Measured agreement with Argo's own validator tests. These are floors: raise them when the
// semantic layer improves, never lower them to make a change pass.
const VERDICT_FLOOR = 151;
const MESSAGE_FLOOR = 151;

describe('Argo semantic layer agrees with Argo on its own validator tests (../shared/corpus/argo-validate)', () => {
  const results = runArgoValidateCorpus(resolve(sharedDir(), 'corpus', 'argo-validate'));
  const verdicts = results.filter((r) => r.verdictAgrees).length;
  const messages = results.filter((r) => r.messageAgrees).length;
  const pct = (n: number): string => `${((100 * n) / results.length).toFixed(1)}%`;
  console.log(
    `argo-validate corpus: ${results.length} cases; valid/invalid agreement ${verdicts}/${results.length} (${pct(verdicts)}); error text agreement ${messages}/${results.length} (${pct(messages)})`,
  );
  for (const r of results.filter((x) => !x.messageAgrees)) {
    console.log(
      `  disagreement: ${r.file} [${r.opts}] Argo: ${r.expected}${r.expectedText ? ` "${r.expectedText}"` : ''}; Argosy: ${r.got ?? 'valid'}`,
    );
  }

  it('covers every subject of the corpus', () => {
    expect(results.length).toBeGreaterThanOrEqual(142);
  });

  it('agrees on valid/invalid for at least 95% of the cases and never fewer than measured', () => {
    expect(verdicts / results.length).toBeGreaterThanOrEqual(0.95);
    expect(verdicts).toBeGreaterThanOrEqual(VERDICT_FLOOR);
  });

  it('reproduces the expected error text for at least as many cases as measured', () => {
    expect(messages).toBeGreaterThanOrEqual(MESSAGE_FLOOR);
  });
});
