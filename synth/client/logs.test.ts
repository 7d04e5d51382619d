import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lines } from './kube.ts';
import { formatLogLines, merge } from './logs.ts';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('log streams (recorded chunks, as a kubelet sends them through the API server)', () => {
  it('GIVEN chunks that split lines and a CRLF THEN each line comes out whole, the last one without a newline too', async () => {
    const chunks = ['epoch 1 loss=0.', '41\nepoch 2 loss=0.38\r\nepo', 'ch 3 ', 'loss=0.35'].map((c) => Buffer.from(c));
    expect(await collect(lines(Readable.from(chunks)))).toEqual([
      'epoch 1 loss=0.41',
      'epoch 2 loss=0.38',
      'epoch 3 loss=0.35',
    ]);
  });

  it('GIVEN a multi-byte character split across chunks THEN it is decoded whole', async () => {
    const bytes = Buffer.from('auc ≥ 0.8\n');
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5)];
    expect(await collect(lines(Readable.from(chunks)))).toEqual(['auc ≥ 0.8']);
  });

  it('GIVEN lines of several tasks THEN they are prefixed with the task, padded to one width', () => {
    expect(
      formatLogLines([
        { task: 'ingest', pod: 'p1', text: 'rows=1200' },
        { task: 'train-model', pod: 'p2', text: 'auc=0.81' },
      ]),
    ).toEqual(['ingest      | rows=1200', 'train-model | auc=0.81']);
  });

  it('GIVEN two streams THEN merge keeps each stream in order and yields everything', async () => {
    async function* stream(name: string, n: number): AsyncGenerator<string> {
      for (let i = 0; i < n; i++) {
        await Promise.resolve();
        yield `${name}${i}`;
      }
    }
    const out = await collect(merge([stream('a', 3), stream('b', 2)]));
    expect(out.filter((x) => x.startsWith('a'))).toEqual(['a0', 'a1', 'a2']);
    expect(out.filter((x) => x.startsWith('b'))).toEqual(['b0', 'b1']);
  });
});
