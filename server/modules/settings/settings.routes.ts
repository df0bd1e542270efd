import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/common';
import { ZDocumentSettings, ZFirstStartSetup, ZSettingsView } from '../../../contracts/settings';
import { actorOf } from '../../platform/http/context';
import { firstStartSetup, readSettings, saveDocumentSettings } from './settings.service';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Cài đặt: nơi ban hành, cấp trên trực tiếp, tổ chức cấp cao nhất và thiết lập ban đầu',
        response: { 200: ZSettingsView },
      },
      config: { permission: 'settings.manage' },
    },
    async (request) => readSettings(db, actorOf(request)),
  );

  app.put(
    '/document',
    {
      schema: {
        tags,
        summary:
          'Ghi nơi ban hành (địa danh trước ngày tháng) và tên cấp trên trực tiếp trên văn bản',
        body: ZDocumentSettings,
        response: { 200: ZOk },
      },
      config: { permission: 'settings.manage' },
    },
    async (request) => {
      await saveDocumentSettings(db, actorOf(request), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/first-start',
    {
      schema: {
        tags,
        summary:
          'Thiết lập ban đầu: tên, loại, ngày thành lập, tên trước đây và cấp trên của tổ chức cấp cao nhất',
        body: ZFirstStartSetup,
        response: { 200: ZOk },
      },
      config: { permission: 'settings.manage' },
    },
    async (request) => {
      await firstStartSetup(db, actorOf(request), request.body);
      return { ok: true as const };
    },
  );
};
