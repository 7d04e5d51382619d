import { describe, expect, it } from 'vitest';
import { containerArgs, detectRuntime } from './container.ts';

describe('container steps', () => {
  it('GIVEN a container step THEN docker run gets its env, read-only inputs, one staged folder per output folder and its command', () => {
    expect(
      containerArgs({
        image: 'ghcr.io/dsrpmart/warehouse-tools:2.5.0',
        command: ['warehouse-extract', '--out', '/tmp/outputs/table'],
        args: ['--rows', '/tmp/outputs/rowCount'],
        env: { WAREHOUSE_URL: 'http://w', A: '1' },
        mounts: [{ host: '/runs/r/prev/outputs/raw', container: '/tmp/inputs/raw', readOnly: true }],
        outputs: ['/tmp/outputs/table', '/tmp/outputs/rowCount'],
        stage: '/runs/r/extract/.container',
      }),
    ).toEqual([
      'run',
      '--rm',
      '-e',
      'A=1',
      '-e',
      'WAREHOUSE_URL=http://w',
      '-v',
      '/runs/r/prev/outputs/raw:/tmp/inputs/raw:ro',
      '-v',
      '/runs/r/extract/.container/_tmp_outputs:/tmp/outputs',
      '--entrypoint',
      'warehouse-extract',
      'ghcr.io/dsrpmart/warehouse-tools:2.5.0',
      '--out',
      '/tmp/outputs/table',
      '--rows',
      '/tmp/outputs/rowCount',
    ]);
  });

  it('GIVEN --no-containers THEN no runtime is looked for', () => {
    expect(detectRuntime('none')).toBeUndefined();
  });
});
