import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { component, failed, param, pipeline, resolveProject } from '../../dsl/index.ts';
import { isDslError } from '../../dsl/errors.ts';
import type { PipelineIR } from '../../dsl/ir/index.ts';
import referenceProject from '../../pipelines/index.ts';
import { randomPipeline, stepRecipe } from '../../test/random-pipeline.ts';
import { compileKfpPipeline } from './pipeline-spec.ts';
import { kfpSupports } from './supports.ts';

const flip = component('flip', {
  image: 'python:3.12-slim',
  outputs: { side: param.string() },
  command: (io) => ['flip', io.outputs.side.path],
});
const say = component('say', {
  image: 'alpine:3.20',
  inputs: { text: param.string() },
  command: (io) => ['echo', io.inputs.text],
});
const inDir = component('in-dir', {
  image: 'alpine:3.20',
  workingDir: '/work',
  command: ['true'],
});
const scratch = component('scratch', {
  image: 'alpine:3.20',
  resources: { cpu: '1', ephemeralStorage: '10Gi' },
  command: ['true'],
});

/** What the compiler does with a pipeline: its output, or the message of what it threw. */
function compiled(p: PipelineIR): { ok: true } | { ok: false; message: string } {
  try {
    compileKfpPipeline(p, { toolVersion: '9.9.9' });
    return { ok: true };
  } catch (e) {
    if (!isDslError(e)) throw e;
    return { ok: false, message: e.message };
  }
}

describe('kfpSupports', () => {
  it('GIVEN a pipeline KFP can run THEN it is supported and compiles', () => {
    const p = pipeline('plain', {}, (p) => {
      const f = p.task('flip', flip);
      p.task('say', say, { text: f.outputs.side });
    });
    expect(kfpSupports(p.ir)).toEqual({ supported: true });
    expect(compiled(p.ir)).toEqual({ ok: true });
  });

  it('GIVEN a pipeline with four things KFP cannot express THEN all four reasons are given, each as the compiler words it, without throwing', () => {
    const p = pipeline('many', { parallelism: 2 }, (p) => {
      const f = p.task('flip', flip);
      p.task('scratch', scratch);
      p.task('dir', inDir);
      p.task('after-failure', say, { text: 'x' }).when(failed(f));
    });
    const support = kfpSupports(p.ir);
    expect(support.supported).toBe(false);
    const messages = support.supported ? [] : support.reasons.map((r) => r.message);
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/parallelism: Kubeflow Pipelines cannot express a run-wide parallelism limit/);
    expect(messages.join('\n')).toMatch(
      /component "scratch" > resources: Kubeflow Pipelines cannot express ephemeral-storage/,
    );
    expect(messages.join('\n')).toMatch(
      /component "in-dir": Kubeflow Pipelines cannot express a container working directory/,
    );
    expect(messages.join('\n')).toMatch(/task "after-failure".*this task status condition/);
    for (const m of messages) expect(m).toMatch(/^pipeline "many" > .*: .* \(got .*\)\. .*\.$/);
  });

  it('GIVEN claim operations WHEN a created claim is mounted whole, or at a subPath THEN the first is supported and the second is not, as the compiler says', () => {
    const withClaim = (subPath?: string) =>
      pipeline('claims', {}, (p) => {
        const claim = p.createPvc('make', { nameSuffix: '-scratch', size: '1Gi', accessModes: ['ReadWriteOnce'] });
        const f = p.task('flip', flip).mount(claim, '/data', subPath ? { subPath } : {});
        p.deletePvc('drop', claim).after(f);
      });
    expect(kfpSupports(withClaim().ir)).toEqual({ supported: true });
    expect(compiled(withClaim().ir)).toEqual({ ok: true });
    const sub = kfpSupports(withClaim('part').ir);
    const messages = sub.supported ? [] : sub.reasons.map((r) => r.message);
    expect(messages).toEqual([
      expect.stringMatching(
        /^pipeline "claims" > task "flip" > mount "\/data": Kubeflow Pipelines cannot express a subPath into a claim the run creates/,
      ),
    ]);
    expect(compiled(withClaim('part').ir)).toEqual({ ok: false, message: messages[0] });
  });

  it('GIVEN every pipeline of the reference project THEN kfpSupports and the compiler agree on each', () => {
    const ir = resolveProject(referenceProject);
    const pipelines = ir.environments.flatMap((e) => e.apps.flatMap((a) => a.pipelines));
    expect(pipelines.length).toBeGreaterThan(5);
    for (const p of pipelines) {
      const support = kfpSupports(p);
      const result = compiled(p);
      expect({ pipeline: p.name, ok: result.ok }).toEqual({ pipeline: p.name, ok: support.supported });
      if (!support.supported && !result.ok) expect(result.message).toContain(support.reasons[0]?.message);
    }
  });

  it('GIVEN random pipelines THEN kfpSupports says yes exactly when the compiler succeeds', () => {
    fc.assert(
      fc.property(fc.array(stepRecipe, { minLength: 1, maxLength: 10 }), (steps) => {
        const p = randomPipeline('random', steps).ir;
        expect(compiled(p).ok).toBe(kfpSupports(p).supported);
      }),
      { numRuns: 40 },
    );
  });
});
