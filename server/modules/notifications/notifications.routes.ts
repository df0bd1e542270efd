import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZMarkRead,
  ZMarkReadResult,
  ZNotificationList,
  ZNotificationQuery,
  ZNotificationSettings,
  ZNotificationSettingsInput,
  ZRunInput,
  ZRunResult,
  ZUnreadCount,
} from '../../../contracts/notifications';
import { actorOf } from '../../platform/http/context';
import type { MailConfig } from './notifications.mail';
import { runNotificationJobAudited } from './notifications.scheduler';
import {
  countUnread,
  getSettings,
  listNotifications,
  markRead,
  updateSettings,
} from './notifications.service';

const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod<{ mail?: MailConfig | null }> = async (
  app,
  options,
) => {
  const db = app.database.db;
  const mail = options.mail ?? null;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Thông báo của tôi',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationList },
      },
      config: { permission: 'notification.read' },
    },
    async (request) => listNotifications({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/unread-count',
    {
      schema: {
        tags,
        summary: 'Số thông báo chưa đọc (chuông trên thanh đầu trang)',
        response: { 200: ZUnreadCount },
      },
      config: { permission: 'notification.read' },
    },
    async (request) => ({ unread: await countUnread(db, actorOf(request)) }),
  );

  app.post(
    '/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc một số hoặc tất cả thông báo của tôi',
        body: ZMarkRead,
        response: { 200: ZMarkReadResult },
      },
      config: { permission: 'notification.read' },
    },
    async (request) => ({ marked: await markRead(db, actorOf(request), request.body.ids) }),
  );

  app.get(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Cách nhận thông báo theo từng loại và địa chỉ e-mail',
        response: { 200: ZNotificationSettings },
      },
      config: { permission: 'notification.read' },
    },
    async (request) => getSettings(db, actorOf(request), mail !== null),
  );

  app.put(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Đổi cách nhận thông báo (ghi nhật ký)',
        body: ZNotificationSettingsInput,
        response: { 200: ZNotificationSettings },
      },
      config: { permission: 'notification.read' },
    },
    async (request) => updateSettings(db, actorOf(request), request.body, mail !== null),
  );

  app.post(
    '/run',
    {
      schema: {
        tags,
        summary: 'Chạy ngay việc tạo và gửi thông báo (quản trị viên)',
        body: ZRunInput,
        response: { 200: ZRunResult },
      },
      config: { permission: 'notification.run' },
    },
    async (request) =>
      runNotificationJobAudited({
        db,
        mail,
        actor: actorOf(request),
        userIds: request.body.userIds,
      }),
  );
};
