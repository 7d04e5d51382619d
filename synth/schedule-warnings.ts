import { cronDates } from '../dsl/schedule/cron.ts';
import type { ProjectIR } from '../dsl/ir/index.ts';

/**
 * The warning for a cron that fires only on February 29: valid, and probably not meant.
 *
 * @example
 * ```ts
 * leapYearWarning('0 3 29 2 *'); // 'cron "0 3 29 2 *" fires only on February 29, once in four years. ...'
 * ```
 */
export function leapYearWarning(expr: string): string | undefined {
  return cronDates(expr.replace(/^(CRON_TZ|TZ)=\S+\s+/, '')) === 'leap'
    ? `cron "${expr}" fires only on February 29, once in four years. Pick a day every year has (e.g. 28), unless that is the point`
    : undefined;
}

/**
 * Schedules of a project whose crons fire only in leap years, one warning per cron, for
 * `argosy synth` to print (the DSL refuses crons that never fire; these are legal).
 *
 * @example
 * ```ts
 * scheduleWarnings(ir); // ['schedule "yearly" (staging/app): cron "0 3 29 2 *" fires only on February 29, ...']
 * ```
 */
export function scheduleWarnings(ir: ProjectIR): string[] {
  const out = new Set<string>();
  for (const env of ir.environments)
    for (const app of env.apps)
      for (const s of app.schedules)
        for (const c of s.crons) {
          const w = leapYearWarning(c);
          if (w) out.add(`schedule "${s.name}" (${env.name}/${app.name}): ${w}`);
        }
  return [...out];
}
