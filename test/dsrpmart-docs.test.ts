import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveProject } from '../dsl/index.ts';
import referenceProject from '../pipelines/index.ts';
import { pipelineGraph } from '../synth/graph/pipeline-graph.ts';
import { renderMermaid } from '../synth/graph/render-mermaid.ts';
import { UPDATING } from './golden.ts';
import { python } from './python.ts';
import { ROOT } from './shared-dir.ts';

const DOC = resolve(ROOT, 'docs', 'dsrpmart.md');
// A diagram is a ```mermaid block right after a `<!-- graph: <pipeline> -->` marker.
const BLOCK = /<!-- graph: ([a-z0-9-]+) -->\n```mermaid\n([\s\S]*?)```/g;

describe('docs/dsrpmart.md', () => {
  const production = resolveProject(referenceProject).environments.find((e) => e.name === 'production');
  const pipelines = new Map((production?.apps ?? []).flatMap((a) => a.pipelines.map((p) => [p.name, p] as const)));
  let doc = readFileSync(DOC, 'utf8');

  it('GIVEN the diagrams in the docs WHEN compared with the pipelines THEN they match (ARGOSY_UPDATE_GOLDEN=1 rewrites them)', () => {
    const stale: string[] = [];
    doc = doc.replace(BLOCK, (_all, name: string, body: string) => {
      const p = pipelines.get(name);
      if (!p) throw new Error(`docs/dsrpmart.md: graph of unknown pipeline "${name}"`);
      // The same drawing `argosy graph <pipeline>` prints, laid out left to right for the page.
      const fresh = renderMermaid(pipelineGraph(p), { direction: 'LR' });
      if (fresh !== body) stale.push(name);
      return `<!-- graph: ${name} -->\n\`\`\`mermaid\n${fresh}\`\`\``;
    });
    if (UPDATING) writeFileSync(DOC, doc);
    else
      expect(stale, 'diagrams out of date: run ARGOSY_UPDATE_GOLDEN=1 npm test and review docs/dsrpmart.md').toEqual(
        [],
      );
  });

  it('GIVEN the promotion-branch CI job in the docs THEN it runs on the branches promote.py opens, pushes regenerated dist/ with a bot token and auto-merges only its label', () => {
    const block = /<!-- ci: promotion-branches -->\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'the workflow block is missing').toBeDefined();
    type Step = { run?: string; if?: string; with?: Record<string, string> };
    const wf = load(block as string) as {
      on: { pull_request: { types: string[] } };
      jobs: Record<string, { if: string; steps: Step[] }>;
    };
    const job = wf.jobs['regenerate-dist'];
    if (!job) throw new Error('no regenerate-dist job');
    const dir = resolve(ROOT, 'components', 'scripts');
    const r = spawnSync(
      python(),
      ['-c', 'import promote; print(promote.branch_name("e", "m", "1")); print(promote.AUTO_MERGE_LABEL)'],
      { cwd: dir, encoding: 'utf8' },
    );
    const [branch, label] = r.stdout.trim().split('\n') as [string, string];
    expect(job.if).toContain(`startsWith(github.head_ref, '${branch.split('/')[0]}/')`);
    expect(wf.on.pull_request.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'labeled']));
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npx argosy synth\n');
    expect(runs).toMatch(/git push origin "HEAD:\$BRANCH"/);
    // Pushes with GITHUB_TOKEN start no workflows: the checkout must use the bot token.
    expect(job.steps.find((s) => s.with?.token)?.with?.token).toBe('${{ secrets.DIST_BOT_TOKEN }}');
    const merge = job.steps.find((s) => s.run?.includes('gh pr merge'));
    expect(merge?.if).toContain(`contains(github.event.pull_request.labels.*.name, '${label}')`);
    expect(merge?.run).toContain('dist/staging/');
  });

  it('GIVEN every training and batch pipeline THEN the docs show its DAG (drift pipelines share one diagram)', () => {
    const shown = new Set([...doc.matchAll(BLOCK)].map((m) => m[1]));
    const missing = [...pipelines.keys()].filter((name) => !name.endsWith('-drift') && !shown.has(name));
    expect(missing).toEqual([]);
  });
});
