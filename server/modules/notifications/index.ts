// The face of notifications: what the app and the server's entry may use.
export { runNotificationJob } from './notifications.job';
export { type MailConfig, mailConfigOf } from './notifications.mail';
export { notificationsRoutes } from './notifications.routes';
export { startNotificationScheduler } from './notifications.scheduler';
