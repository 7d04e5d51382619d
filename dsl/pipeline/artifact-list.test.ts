import { describe, expect, it } from 'vitest';
import { extract } from '../../test/fixtures/components.ts';
import { artifact, component, eq, param, pipeline, type ArtifactListRef } from '../index.ts';

const cut = component('cut', {
  image: 'alpine:3.20',
  inputs: { shard: param.string() },
  outputs: { part: artifact('Dataset') },
  command: (io) => ['cut', io.inputs.shard, io.outputs.part.path],
});
const merge = component('merge', {
  image: 'alpine:3.20',
  inputs: { parts: artifact('Dataset').list() },
  outputs: { merged: artifact('Dataset') },
  command: (io) => ['merge', io.inputs.parts, io.outputs.merged.path],
});
const inspect = component('inspect', {
  image: 'alpine:3.20',
  inputs: { part: artifact('Dataset') },
  outputs: { n: param.int() },
  command: (io) => ['wc', io.inputs.part.path, io.outputs.n.path],
});

describe('artifact lists', () => {
  it('GIVEN artifact(kind).list() WHEN a component declares it THEN the port IR is a list and the command gets the whole list', () => {
    expect(merge.ir.inputs).toEqual([
      { kind: 'artifact', name: 'parts', artifactType: 'Dataset', optional: false, list: true },
    ]);
    expect(merge.ir.implementation).toMatchObject({
      command: [
        [{ kind: 'text', text: 'merge' }],
        [{ kind: 'inputArtifactList', input: 'parts' }],
        [{ kind: 'outputPath', output: 'merged' }],
      ],
    });
    const script = component('s', {
      image: 'python:3.12-slim',
      inputs: { parts: artifact('Model').list() },
      script: { source: 'print(1)\n' },
    });
    expect(script.ir.pod.env).toContainEqual({
      name: 'INPUT_PARTS',
      value: [{ kind: 'inputArtifactList', input: 'parts' }],
    });
  });

  it('GIVEN a loop body returning an artifact THEN the loop collects it into a list that feeds a list input and the pipeline outputs', () => {
    const pl = pipeline('fan-in', {}, (p) => {
      const parts = p.forEach('shards', ['a', 'b'], (p, shard) => ({
        part: p.task('cut', cut, { shard }).outputs.part,
      }));
      p.task('merge', merge, { parts: parts.outputs.part });
      return { parts: parts.outputs.part };
    });
    expect(pl.ir.body[0]).toMatchObject({
      kind: 'loop',
      collect: [{ name: 'part', task: 'cut', output: 'part', artifact: true }],
    });
    expect(pl.ir.body[1]).toMatchObject({ args: { parts: { kind: 'loopOutput', loop: 'shards', output: 'part' } } });
    expect(pl.ir.outputs).toEqual([
      {
        name: 'parts',
        kind: 'artifact',
        value: { kind: 'loopOutput', loop: 'shards', output: 'part' },
        port: { kind: 'artifact', name: 'parts', artifactType: 'Dataset', optional: false, list: true },
      },
    ]);
  });

  it('GIVEN a list of artifacts WHEN looped over THEN each iteration gets one artifact of that kind', () => {
    const pl = pipeline('fan-out', {}, (p) => {
      const parts = p.forEach('shards', ['a', 'b'], (p, shard) => ({
        part: p.task('cut', cut, { shard }).outputs.part,
      }));
      p.forEach('each', parts.outputs.part, (p, part) => {
        expect(part.artifactType).toBe('Dataset');
        p.task('inspect', inspect, { part });
      });
    });
    expect(pl.ir.body[1]).toMatchObject({
      kind: 'loop',
      id: 'each',
      items: {
        kind: 'artifacts',
        value: { kind: 'loopOutput', loop: 'shards', output: 'part' },
        artifactType: 'Dataset',
      },
    });
    expect((pl.ir.body[1] as unknown as { body: { args: unknown }[] }).body[0]?.args).toEqual({
      part: { kind: 'loopItem', loop: 'each', path: [] },
    });
  });

  it('GIVEN a called pipeline returning collected artifacts THEN its task exposes them as a list', () => {
    const inner = pipeline('inner', {}, (p) => ({
      parts: p.forEach('shards', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part })).outputs
        .part,
    }));
    pipeline('outer', {}, (p) => {
      const made = p.subPipeline('inner', inner);
      expect(made.outputs.parts).toBeInstanceOf(Object);
      expect((made.outputs.parts as ArtifactListRef<'Dataset'>).refKind).toBe('artifactList');
      p.task('merge', merge, { parts: made.outputs.parts });
    });
  });

  it.each([
    [
      'one artifact for a list input',
      (p: Parameters<Parameters<typeof pipeline>[2]>[0]) =>
        p.task('merge', merge, { parts: p.task('cut', cut, { shard: 'a' }).outputs.part as never }),
      'expected a list of Dataset artifacts (got "one Dataset artifact")',
    ],
    [
      'a list for a single input',
      (p: Parameters<Parameters<typeof pipeline>[2]>[0]) => {
        const parts = p.forEach('l', ['a'], (p, shard) => ({ part: p.task('cut', cut, { shard }).outputs.part }));
        p.task('inspect', inspect, { part: parts.outputs.part as never });
      },
      "Declare the input as artifact('Dataset').list(), or loop over the list with p.forEach()",
    ],
    [
      'a list of another kind',
      (p: Parameters<Parameters<typeof pipeline>[2]>[0]) => {
        const tables = p.forEach('l', ['a'], (p, date) => ({ t: p.task('e', extract, { date }).outputs.table }));
        p.task(
          'm',
          component('models', {
            image: 'alpine:3.20',
            inputs: { ms: artifact('Model').list() },
            command: (io) => ['x', io.inputs.ms],
          }),
          { ms: tables.outputs.t as never },
        );
      },
      'expected artifact Model (got "Dataset")',
    ],
    [
      'one artifact as loop items',
      (p: Parameters<Parameters<typeof pipeline>[2]>[0]) =>
        p.forEach('l', p.task('cut', cut, { shard: 'a' }).outputs.part as never, () => undefined),
      'loop items must be a list, a JSON-list reference or a list of artifacts (got "one artifact")',
    ],
  ])('GIVEN %s THEN a DslError says what fits', (_what, body, message) => {
    expect(() => pipeline('p', {}, (p) => void body(p))).toThrow(message);
  });

  it('GIVEN a component output declared as a list, or p.oneOf over lists THEN it is rejected', () => {
    expect(() =>
      component('bad', {
        image: 'alpine:3.20',
        outputs: { parts: artifact('Dataset').list() as never },
        command: ['true'],
      }),
    ).toThrow('component "bad" > output "parts": a component output is one artifact, not a list');
    expect(() =>
      pipeline('p', {}, (p) => {
        const f = p.task('f', extract, { date: 'd' });
        let a!: ArtifactListRef<'Dataset'>;
        let b!: ArtifactListRef<'Dataset'>;
        p.when(eq(f.outputs.rows, 1), (p) => {
          a = p.forEach('l1', ['x'], (p, shard) => ({ part: p.task('c1', cut, { shard }).outputs.part })).outputs.part;
        }).otherwise((p) => {
          b = p.forEach('l2', ['x'], (p, shard) => ({ part: p.task('c2', cut, { shard }).outputs.part })).outputs.part;
        });
        p.oneOf(a as never, b as never);
      }),
    ).toThrow('p.oneOf() gathers single values, not lists of artifacts');
  });
});
