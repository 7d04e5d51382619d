import { app, cron, monitoring, runtime, schedule } from 'argosy';
import { promotionArgs, settings } from '../environments.ts';
import { driftSchedule } from '../shared/drift-check-pipeline.ts';
import { modelVersions } from '../shared/model-versions.ts';
import { notificationDrift } from './notification-drift.ts';
import { notificationSend } from './notification-send.ts';
import { SELECTION_MODEL, selectionTraining } from './selection-training.ts';

/** Send times (Berlin): before the morning commute and after dinner, when users open the app most. */
const SLOTS = { morning: 8, evening: 19 } as const;

/**
 * Notifications: the selection model is retrained every night, and two daily send schedules
 * each compose and select one message per user.
 * @example
 * ```ts
 * project('dsrpmart', { apps: [notifications] });
 * ```
 */
export const notifications = app('notifications', (env) => {
  const s = settings(env);
  const training = schedule(selectionTraining, {
    name: 'notification-selection-daily',
    cron: cron.daily({ hour: 1, minute: 30 }),
    timezone: 'Europe/Berlin',
    startingDeadline: '1h',
    history: { successful: 7, failed: 7 },
    suspend: s.suspendSchedules,
    args: { snapshotDate: runtime.scheduledTime, ...promotionArgs(env, SELECTION_MODEL) },
  });
  const sends = (Object.entries(SLOTS) as ['morning' | 'evening', number][]).map(([slot, hour]) =>
    schedule(notificationSend, {
      name: `notifications-${slot}`,
      description: `The ${slot} notification, sent daily at ${hour}:00 Berlin time.`,
      cron: cron.daily({ hour }),
      timezone: 'Europe/Berlin',
      // A late morning message is worse than none: skip a run that cannot start within 30 minutes.
      startingDeadline: '30m',
      history: { successful: 3, failed: 7 },
      suspend: s.suspendSchedules,
      args: {
        snapshotDate: runtime.scheduledTime,
        slot,
        outbox: `${s.dataBucket}/notifications/outbox`,
        modelVersion: modelVersions(env, SELECTION_MODEL).serving.version,
      },
    }),
  );
  const drift = driftSchedule(notificationDrift, env, { hour: 6, minute: 20 });
  return {
    description: 'Two personalised notifications a day composed from discounts, categories and purchase patterns.',
    pipelines: [selectionTraining, notificationSend, notificationDrift.pipeline],
    schedules: [training, ...sends, drift],
    monitoring: [
      monitoring(SELECTION_MODEL, {
        model: SELECTION_MODEL,
        description: 'Notification selection model: two daily sends, input drift, daily training.',
        drift: { threshold: notificationDrift.scoreThreshold },
        schedules: [training, ...sends, drift],
        scheduleGrace: '30m',
        labels: { team: 'crm' },
        runbook: 'https://wiki.dsrpmart.io/ml/runbooks/notifications',
        ...s.alerting,
      }),
    ],
  };
});
