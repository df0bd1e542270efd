import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCalendarAdjustments, ZCalendarRules, ZHolidayYear } from '../../../contracts/calendar';
import { ZOk } from '../../../contracts/common';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { holidayYear, setCalendarAdjustments, setCalendarRules } from './calendar.service';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ lễ, Tết và ngày làm việc bù của một năm (tính hạn theo ngày làm việc)',
        params: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
        response: { 200: ZHolidayYear },
      },
      config: { permission: 'org.read' },
    },
    async (request) => holidayYear(db, request.params.year),
  );

  app.put(
    '/rules',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'Bật/tắt ngày nghỉ đã có chủ trương nhưng chưa vào Bộ luật Lao động (Ngày Văn hóa Việt Nam 24/11)',
        body: ZCalendarRules,
        response: { 200: ZOk },
      },
      config: { permission: 'calendar.manage' },
    },
    async (request) => {
      await setCalendarRules(db, actorOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.put(
    '/:year/adjustments',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ghi các ngày nghỉ hoán đổi, làm bù theo thông báo hằng năm',
        params: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
        body: ZCalendarAdjustments,
        response: { 200: ZOk },
      },
      config: { permission: 'calendar.manage' },
    },
    async (request) => {
      await setCalendarAdjustments(
        db,
        actorOf(request),
        request.params.year,
        request.body.adjustments,
      );
      return { ok: true as const };
    },
  );
};
