import type { ValueIR } from './values.ts';

/** A cron trigger for a pipeline (Argo CronWorkflow). */
export interface ScheduleIR {
  readonly name: string;
  readonly pipeline: string;
  readonly crons: readonly string[];
  readonly timezone?: string;
  readonly concurrency: 'Allow' | 'Forbid' | 'Replace';
  readonly startingDeadlineSeconds?: number;
  readonly successfulJobsHistoryLimit?: number;
  readonly failedJobsHistoryLimit?: number;
  readonly suspend: boolean;
  readonly args: Readonly<Record<string, ValueIR>>;
  readonly description?: string;
}
