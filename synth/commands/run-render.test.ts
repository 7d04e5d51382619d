import { describe, expect, it } from 'vitest';
import { runStatusOf, type WorkflowJson } from '../client/run-status.ts';
import { duration, phaseChanges, renderRunTree } from './run-render.ts';

const NOW = new Date('2026-12-07T10:05:00Z');

/** A Workflow as the controller writes it mid-run: a DAG, a retried task and a loop group. */
const running: WorkflowJson = {
  metadata: { name: 'churn-x7k2p', namespace: 'ml', resourceVersion: '10', labels: { 'argosy.dev/pipeline': 'churn' } },
  status: {
    phase: 'Running',
    startedAt: '2026-12-07T10:00:00Z',
    nodes: {
      'churn-x7k2p': {
        id: 'churn-x7k2p',
        name: 'churn-x7k2p',
        displayName: 'churn-x7k2p',
        type: 'DAG',
        phase: 'Running',
        startedAt: '2026-12-07T10:00:00Z',
        children: ['n-ingest', 'n-train-retry'],
      },
      'n-ingest': {
        id: 'n-ingest',
        name: 'churn-x7k2p.ingest',
        displayName: 'ingest',
        type: 'Pod',
        phase: 'Succeeded',
        startedAt: '2026-12-07T10:00:00Z',
        finishedAt: '2026-12-07T10:01:02Z',
        children: ['n-train-retry'],
      },
      'n-train-retry': {
        id: 'n-train-retry',
        name: 'churn-x7k2p.train',
        displayName: 'train',
        type: 'Retry',
        phase: 'Running',
        startedAt: '2026-12-07T10:01:03Z',
        children: ['n-train-0', 'n-train-1'],
      },
      'n-train-0': {
        id: 'n-train-0',
        name: 'churn-x7k2p.train(0)',
        displayName: 'train(0)',
        type: 'Pod',
        phase: 'Failed',
        message: 'OOMKilled',
        startedAt: '2026-12-07T10:01:03Z',
        finishedAt: '2026-12-07T10:02:00Z',
      },
      'n-train-1': {
        id: 'n-train-1',
        name: 'churn-x7k2p.train(1)',
        displayName: 'train(1)',
        type: 'Pod',
        phase: 'Running',
        startedAt: '2026-12-07T10:02:01Z',
      },
    },
  },
};

describe('run rendering', () => {
  it('GIVEN durations THEN they read as s, m..s or h..m', () => {
    expect(duration('2026-12-07T10:00:00Z', '2026-12-07T10:00:42Z', NOW)).toBe('42s');
    expect(duration('2026-12-07T10:00:00Z', '2026-12-07T10:03:05Z', NOW)).toBe('3m05s');
    expect(duration('2026-12-07T08:58:00Z', undefined, NOW)).toBe('1h07m');
    expect(duration(undefined, undefined, NOW)).toBe('');
  });

  it('GIVEN a running workflow THEN the tree shows each task under the DAG once, retries as their attempts, with phase and duration', () => {
    expect(renderRunTree(runStatusOf(running), NOW)).toEqual([
      '● churn-x7k2p  Running  5m00s',
      '  ├─ ✓ ingest    Succeeded  1m02s',
      '  ├─ ✗ train(0)  Failed     57s  OOMKilled',
      '  └─ ● train(1)  Running    2m59s',
    ]);
  });

  it('GIVEN boundary IDs (as the controller writes them) THEN the DAG tasks are siblings, not-yet-started ones last', () => {
    const n = (id: string, phase: string, startedAt?: string) => ({
      id,
      name: `r.${id}`,
      displayName: id,
      type: 'Pod',
      phase,
      boundaryID: 'r',
      ...(startedAt ? { startedAt } : {}),
    });
    const status = runStatusOf({
      metadata: { name: 'r' },
      status: {
        phase: 'Running',
        startedAt: '2026-12-07T10:00:00Z',
        nodes: {
          r: { id: 'r', name: 'r', type: 'DAG', phase: 'Running', children: ['a'], startedAt: '2026-12-07T10:00:00Z' },
          c: { ...n('c', 'Pending'), children: [] },
          a: { ...n('a', 'Succeeded', '2026-12-07T10:00:00Z'), finishedAt: '2026-12-07T10:01:00Z', children: ['b'] },
          b: { ...n('b', 'Running', '2026-12-07T10:01:00Z'), children: ['c'] },
        },
      },
    });
    expect(renderRunTree(status, NOW)).toEqual([
      '● r  Running  5m00s',
      '  ├─ ✓ a  Succeeded  1m00s',
      '  ├─ ● b  Running    4m00s',
      '  └─ ○ c  Pending',
    ]);
  });

  it('GIVEN successive statuses THEN plain mode prints one line per phase change, the run last', () => {
    const first = runStatusOf(running);
    const done = runStatusOf({
      ...running,
      status: {
        ...running.status,
        phase: 'Succeeded',
        finishedAt: '2026-12-07T10:04:00Z',
        nodes: {
          ...running.status?.nodes,
          'n-train-1': {
            ...running.status?.nodes?.['n-train-1'],
            phase: 'Succeeded',
            finishedAt: '2026-12-07T10:04:00Z',
          },
        },
      },
    });
    expect(phaseChanges(undefined, first, NOW)).toEqual([
      'ingest: Succeeded (1m02s)',
      'train(0): Failed (57s) - OOMKilled',
      'train(1): Running',
      'run churn-x7k2p: Running',
    ]);
    expect(phaseChanges(first, done, NOW)).toEqual([
      'train(1): Succeeded (1m59s)',
      'run churn-x7k2p: Succeeded (4m00s)',
    ]);
    expect(phaseChanges(done, done, NOW)).toEqual([]);
  });
});
