/**
 * `argosy/client`: submit and follow pipeline runs, trigger schedules and look after model
 * deployments from TypeScript, with the arguments of a run typed from the pipeline's params.
 *
 * @example
 * ```ts
 * import { createClient } from 'argosy/client';
 *
 * const client = createClient({ context: 'dev' });
 * const run = await client.submit(discountPredictions, {
 *   environment: staging,
 *   args: { snapshotDate: '2026-12-01', outputPrefix: 's3://bucket/discounts', modelVersion: '11' },
 * });
 * for await (const event of run.watch()) if (event.type !== 'RESUMED') console.log(event.status.phase);
 * ```
 */
export { createClient } from './client.ts';
export type { ArgosyClient, ClientOptions, PipelineRef, SubmitOptions, SubmitPlacement } from './client.ts';
export type { SubmitArgs } from './args.ts';
export { Run, type RunEvent } from './run.ts';
export type { RunQuery, RunsApi } from './runs.ts';
export { FINAL_PHASES, isFinal } from './run-status.ts';
export type { NodePhase, RunNode, RunPhase, RunStatus } from './run-status.ts';
export { formatLogLines, type LogLine, type LogOptions } from './logs.ts';
export type { WatchOptions } from './watch.ts';
export type {
  AnalysisSummary,
  DeploymentSummary,
  DeploymentsApi,
  InferenceServiceSummary,
  PromotionSummary,
  RolloutSummary,
} from './deployments.ts';
export { ClientError } from './errors.ts';
export { KfpError, type KfpConnection, type KfpRequest } from './kfp-api.ts';
export {
  plannedRequests,
  uploadToKfp,
  versionName,
  type KfpPipelineFile,
  type KfpRecurringRunFile,
  type KfpUploadInput,
  type KfpUploadOptions,
  type KfpUploadStep,
} from './kfp-upload.ts';
export { recurringRunRequest } from './kfp-recurring-body.ts';
export { KfpInputError, readKfpInput } from './kfp-input.ts';
