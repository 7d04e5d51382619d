import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../synth/engine.ts';
import { toYaml } from '../synth/serialize.ts';
import { expectGolden } from './golden.ts';
import { COMBINATIONS, deploymentFixtures, fixtureProject } from './fixtures/deployments.ts';

describe('deployment goldens (serving x strategy)', () => {
  it('GIVEN the fixtures THEN all ten serving x strategy combinations are covered', () => {
    const combos = COMBINATIONS.map((k) => k.replace(/^(server|kserve)-/, '')).sort();
    expect(new Set(combos)).toEqual(new Set(['canary', 'shadow', 'ab-test', 'blue-green', 'champion-challenger']));
    expect(COMBINATIONS).toHaveLength(10);
  });

  it.each(Object.keys(deploymentFixtures))(
    'GIVEN fixture %s WHEN synthesized THEN it emits exactly the planned objects and matches its golden',
    (key) => {
      const { files, ir } = synthesize(fixtureProject(key));
      const app = ir.environments[0]?.apps[0];
      const d = app?.deployments[0];
      if (!app || !d) throw new Error('fixture has no deployment');
      const planned = d.objects.map((o) => `${o.kind.toLowerCase()}.${o.name}.yaml`).sort();
      const pipelineFiles = app.pipelines.map((p) => `workflowtemplate.${p.name}.yaml`);
      const ours = files.filter((f) => !pipelineFiles.includes(basename(f.path)));
      expect(ours.map((f) => basename(f.path)).sort()).toEqual(planned);
      expectGolden(`deployments/${key}.yaml`, ours.map((f) => `# ${f.path}\n${toYaml(f.documents)}`).join('---\n'));
    },
  );

  it('GIVEN a fixture WHEN synthesized twice THEN the output is byte-identical', () => {
    const once = synthesize(fixtureProject('kserve-champion-challenger')).files.map((f) => f.content);
    const twice = synthesize(fixtureProject('kserve-champion-challenger')).files.map((f) => f.content);
    expect(twice).toEqual(once);
  });
});
