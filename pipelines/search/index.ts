import { app, cron, monitoring, runtime, schedule } from 'argosy';
import { settings } from '../environments.ts';
import { driftSchedule } from '../shared/drift-check-pipeline.ts';
import { indexBuild, SEARCH_INDEX } from './index-build.ts';
import { queryDrift } from './query-drift.ts';
import { SEARCH_SLO, searchRetriever } from './retriever-deployment.ts';

/**
 * Search: query -> top-K products. The catalog index is rebuilt nightly and served in real time
 * by a KServe retriever; a new index goes out as a canary gated on latency and error rate. A
 * drifting query mix alerts the search team (no automatic response fits it, see query-drift.ts).
 * @example
 * ```ts
 * project('dsrpmart', { apps: [search] });
 * ```
 */
export const search = app('search', (env) => {
  const s = settings(env);
  const nightly = schedule(indexBuild, {
    name: 'search-index-nightly',
    cron: cron.daily({ hour: 1 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '1h',
    history: { successful: 7, failed: 7 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, ...s.promotion },
  });
  const drift = driftSchedule(queryDrift, env, { hour: 6, minute: 40 });
  const retriever = searchRetriever(env);
  return {
    description: 'Semantic product search: embeddings, vector index and a real-time retriever.',
    pipelines: [indexBuild, queryDrift.pipeline],
    schedules: [nightly, drift],
    deployments: [retriever],
    monitoring: [
      monitoring(SEARCH_INDEX, {
        model: SEARCH_INDEX,
        description: 'Search retriever: real-time endpoint, query drift (alert only), nightly index build.',
        deployment: retriever,
        endpoint: { latencyP99: `${SEARCH_SLO.latencyP99}s`, errorRate: SEARCH_SLO.errorRate, for: '5m' },
        // Fills ml_logs.search_requests, the query features the drift check compares.
        payloadLog: s.payloadSink,
        drift: { threshold: queryDrift.scoreThreshold },
        schedules: [nightly, drift],
        labels: { team: 'search' },
        runbook: 'https://wiki.dsrpmart.io/ml/runbooks/search',
        ...s.alerting,
      }),
    ],
  };
});
