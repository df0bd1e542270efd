// The job on a timer (DANGVU_NOTIFY_MINUTES), and the administrator's "run now". Each process may
// run its own timer: the job is safe to run side by side (notifications.job.ts).
import type { TRunResult } from '../../../contracts/notifications';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { runNotificationJob } from './notifications.job';
import type { MailConfig } from './notifications.mail';

/** "Run now": the job, then one audit record saying who ran it and what it did. */
export const runNotificationJobAudited = async ({
  db,
  mail,
  actor,
  userIds,
}: {
  db: Db;
  mail: MailConfig | null;
  actor: Actor;
  userIds?: number[];
}): Promise<TRunResult> => {
  const result = await runNotificationJob({ db, mail, userIds });
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'notification.run',
      entityType: 'notifications',
      after: result,
      meta: userIds ? { userIds } : undefined,
    }),
  );
  return result;
};

/**
 * Start the timer; returns the function that stops it. A run still going when the next is due is
 * not doubled; an error is reported and the timer goes on.
 */
export const startNotificationScheduler = ({
  db,
  mail,
  minutes,
  onError,
}: {
  db: Db;
  mail: MailConfig | null;
  minutes: number;
  onError: (error: unknown) => void;
}): (() => Promise<void>) => {
  if (minutes <= 0) return async () => {};
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runNotificationJob({ db, mail })
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  // The first run a little after the start, when the server answers already.
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, minutes * 60_000);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
};
