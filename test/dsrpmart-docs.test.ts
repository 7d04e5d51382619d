import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProject } from '../dsl/index.ts';
import referenceProject from '../pipelines/index.ts';
import { pipelineGraph } from '../synth/graph/pipeline-graph.ts';
import { renderMermaid } from '../synth/graph/render-mermaid.ts';
import { UPDATING } from './golden.ts';
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
    else expect(stale, 'diagrams out of date: run ARGOSY_UPDATE_GOLDEN=1 npm test and review docs/dsrpmart.md').toEqual([]);
  });

  it('GIVEN every training and batch pipeline THEN the docs show its DAG (drift pipelines share one diagram)', () => {
    const shown = new Set([...doc.matchAll(BLOCK)].map((m) => m[1]));
    const missing = [...pipelines.keys()].filter((name) => !name.endsWith('-drift') && !shown.has(name));
    expect(missing).toEqual([]);
  });
});
