import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProject } from '../dsl/index.ts';
import referenceProject from '../pipelines/index.ts';
import { deploymentGraph } from '../synth/graph/deployment-graph.ts';
import { pipelineGraph } from '../synth/graph/pipeline-graph.ts';
import { renderMermaid } from '../synth/graph/render-mermaid.ts';
import { deploymentFixtures, fixtureProject } from './fixtures/deployments.ts';
import { UPDATING } from './golden.ts';
import { ROOT } from './shared-dir.ts';

const DOC = resolve(ROOT, 'docs', 'deployments.md');
const DOCS = [DOC, resolve(ROOT, 'docs', 'review-tooling.md'), resolve(ROOT, 'README.md')];
// A diagram is a ```mermaid block right after a `<!-- graph: <deployment fixture> -->` or
// `<!-- graph: pipeline/<reference pipeline> -->` marker.
const BLOCK = /<!-- graph: ((?:pipeline\/)?[a-z0-9-]+) -->\n```mermaid\n([\s\S]*?)```/g;

function draw(key: string): string {
  if (key.startsWith('pipeline/')) {
    // Production's pipelines: where an environment changes a pipeline (ranking shards), the docs show production.
    const production = resolveProject(referenceProject).environments.find((e) => e.name === 'production');
    const p = production?.apps.flatMap((a) => a.pipelines).find((x) => x.name === key.slice('pipeline/'.length));
    if (!p) throw new Error(`docs: graph of unknown reference pipeline "${key}"`);
    return renderMermaid(pipelineGraph(p));
  }
  if (!deploymentFixtures[key]) throw new Error(`docs/deployments.md: graph of unknown deployment fixture "${key}"`);
  const env = resolveProject(fixtureProject(key)).environments[0];
  const d = env?.apps[0]?.deployments[0];
  if (!env || !d) throw new Error(`fixture ${key} has no deployment`);
  return renderMermaid(deploymentGraph(d, env.namespace));
}

describe('argosy graph diagrams in docs/deployments.md and docs/review-tooling.md', () => {
  it('GIVEN the diagrams in the docs WHEN compared with argosy graph THEN they match (ARGOSY_UPDATE_GOLDEN=1 rewrites them)', () => {
    const stale: string[] = [];
    for (const file of DOCS) {
      const doc = readFileSync(file, 'utf8').replace(BLOCK, (_all, key: string, body: string) => {
        const fresh = draw(key);
        if (fresh !== body) stale.push(`${file.slice(ROOT.length + 1)}: ${key}`);
        return `<!-- graph: ${key} -->\n\`\`\`mermaid\n${fresh}\`\`\``;
      });
      if (UPDATING) writeFileSync(file, doc);
    }
    if (!UPDATING)
      expect(stale, 'diagrams out of date: run ARGOSY_UPDATE_GOLDEN=1 npm test and review the docs').toEqual([]);
  });

  it('GIVEN every strategy section THEN it shows diagrams of that strategy only', () => {
    const sections = readFileSync(DOC, 'utf8')
      .split(/^### /m)
      .slice(1)
      .map((s) => ({
        slug: (s.split('\n')[0] ?? '').toLowerCase().replace(/[^a-z]+/g, '-'),
        keys: [...s.matchAll(BLOCK)].map((m) => m[1] ?? ''),
      }));
    expect(sections.map((s) => s.slug)).toEqual(['canary', 'shadow', 'a-b-test', 'blue-green', 'champion-challenger']);
    for (const s of sections) {
      expect(s.keys.length, s.slug).toBeGreaterThan(0);
      for (const key of s.keys) expect(key.replace('ab-test', 'a-b-test'), s.slug).toContain(s.slug);
    }
  });
});
