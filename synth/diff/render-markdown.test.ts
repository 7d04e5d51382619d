import { describe, expect, it } from 'vitest';
import { objectSet } from './object-set.ts';
import { COMMENT_MARKER, renderMarkdown } from './render-markdown.ts';
import { diffTrees } from './tree-diff.ts';

const wft = (i: number, tag: string, script: string): { file: string; object: unknown } => ({
  file: `staging/app/workflowtemplate.t${i}.yaml`,
  object: {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTemplate',
    metadata: { name: `t${i}`, namespace: 'ml' },
    spec: { templates: [{ name: 'main', script: { image: `ghcr.io/acme/t:${tag}`, source: script } }] },
  },
});

/** 200 templates whose image and 30-line script all change: far more than one comment holds. */
function largeDiff() {
  const lines = (v: string): string =>
    Array.from({ length: 30 }, (_, j) => `print("${v} line ${j} ${'x'.repeat(40)}")`).join('\n');
  const n = 200;
  return diffTrees(
    objectSet(Array.from({ length: n }, (_, i) => wft(i, '1.0', lines('old')))),
    objectSet([
      ...Array.from({ length: n }, (_, i) => wft(i, '1.1', lines('new'))),
      {
        file: 'staging/app/configmap.extra.yaml',
        object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra' } },
      },
    ]),
  );
}

describe('markdown PR comment', () => {
  it('GIVEN any diff WHEN rendered THEN it starts with the hidden marker CI looks for', () => {
    const d = diffTrees(objectSet([wft(0, '1', 'a')]), objectSet([wft(0, '2', 'a')]));
    expect(renderMarkdown(d).split('\n')[0]).toBe(COMMENT_MARKER);
    expect(renderMarkdown(diffTrees(new Map(), new Map())).split('\n')[0]).toBe(COMMENT_MARKER);
  });

  it('GIVEN a diff larger than a GitHub comment WHEN rendered THEN it stays under the cap, keeps summary and risks first and says how many objects it left out', () => {
    const d = largeDiff();
    const full = renderMarkdown(d, 'Argosy diff', { maxChars: 0 });
    expect(full.length).toBeGreaterThan(65_536);
    const md = renderMarkdown(d);
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md.split('\n').slice(0, 4)).toEqual([
      COMMENT_MARKER,
      '### Argosy diff: 1 added, 0 removed, 200 changed',
      '',
      '#### ⚠️ Review carefully',
    ]);
    const shown = (md.match(/<details>/g) ?? []).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(200);
    // 200 changed objects + 1 added, minus the ones shown.
    expect(md).toContain(`*… ${201 - shown} more objects not shown; full diff in the job artifact.*`);
    expect(md.trimEnd().endsWith('full diff in the job artifact.*')).toBe(true);
  });

  it('GIVEN a cap WHEN the diff fits THEN nothing is dropped', () => {
    const d = diffTrees(objectSet([wft(0, '1', 'a')]), objectSet([wft(0, '2', 'a')]));
    expect(renderMarkdown(d, 'Argosy diff', { maxChars: 60_000 })).toBe(
      renderMarkdown(d, 'Argosy diff', { maxChars: 0 }),
    );
    expect(renderMarkdown(d)).not.toContain('not shown');
  });

  it('GIVEN a risk table larger than the cap itself WHEN rendered THEN the table is cut too, with a count', () => {
    const md = renderMarkdown(largeDiff(), 'Argosy diff', { maxChars: 3_000 });
    expect(md.length).toBeLessThanOrEqual(3_000);
    expect(md).toMatch(/\*… \d+ more risky changes not shown\.\*/);
    expect(md).toContain('*… 201 more objects not shown; full diff in the job artifact.*');
  });
});
