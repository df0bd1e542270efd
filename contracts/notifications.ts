// In-app notifications and their e-mail channel (docs/user-guide/thong-bao.md).
import { ZId } from './common';
import { z } from './zod-vi';

export const notificationKinds = [
  'deadline',
  'evaluation_published',
  'discipline_decided',
  'transfer_received',
  'key_task_assigned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationKindLabels: Record<NotificationKind, string> = {
  deadline: 'Thời hạn sắp đến, quá hạn',
  evaluation_published: 'Công bố kết quả xếp loại',
  discipline_decided: 'Quyết định kỷ luật',
  transfer_received: 'Đảng viên chuyển đến',
  key_task_assigned: 'Nhiệm vụ trọng tâm cấp trên giao',
};

export const notificationChannels = ['in_app', 'immediate', 'digest'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const notificationChannelLabels: Record<NotificationChannel, string> = {
  in_app: 'Chỉ trong ứng dụng',
  immediate: 'Gửi e-mail ngay',
  digest: 'E-mail tổng hợp hằng ngày',
};

export const ZNotification = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  detail: z.string().nullable(),
  link: z.string().nullable(),
  eventDate: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  kind: z.enum(notificationKinds).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  total: z.number(),
  unread: z.number(),
});

export const ZUnreadCount = z.object({ unread: z.number() });

export const ZMarkRead = z.object({
  /** Omitted: every notification of the user. */
  ids: z.array(ZId).max(500).optional(),
});
export const ZMarkReadResult = z.object({ marked: z.number() });

export const ZNotificationSettings = z.object({
  email: z.string().nullable(),
  /** The linked member's address, used when `email` is empty. */
  memberEmail: z.string().nullable(),
  channels: z.record(z.enum(notificationKinds), z.enum(notificationChannels)),
  /** Whether the server can send e-mail at all (SMTP_URL set). */
  emailAvailable: z.boolean(),
  version: z.number(),
});
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZNotificationSettingsInput = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((v) => (v === '' ? null : v))
    .nullish()
    .refine(
      (v) => v == null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Địa chỉ e-mail không hợp lệ.',
    ),
  channels: z.partialRecord(z.enum(notificationKinds), z.enum(notificationChannels)),
  version: z.number().int().min(0),
});

export const ZRunInput = z.object({
  /** Only these accounts (a test, a check of one user's notifications); every active account otherwise. */
  userIds: z.array(ZId).max(500).optional(),
});

export const ZRunResult = z.object({
  created: z.number(),
  emailed: z.number(),
  digests: z.number(),
  failed: z.number(),
});
export type TRunResult = z.infer<typeof ZRunResult>;
