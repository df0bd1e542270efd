import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAccount,
  ZAccountCreate,
  ZAccountList,
  ZAccountListQuery,
  ZAccountUpdate,
  ZAccountWithPassword,
} from '../../../contracts/accounts';
import { ZIdParams } from '../../../contracts/common';
import { actorOf } from '../../platform/http/context';
import {
  createAccount,
  listAccounts,
  resetAccountPassword,
  resetAccountTotp,
  updateAccount,
} from './accounts.service';

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const config = { permission: 'accounts.manage' as const };

  app.get(
    '/',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Danh sách tài khoản',
        querystring: ZAccountListQuery,
        response: { 200: ZAccountList },
      },
      config,
    },
    async (request) => listAccounts({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Tạo tài khoản (mật khẩu tạm hiển thị một lần)',
        body: ZAccountCreate,
        response: { 200: ZAccountWithPassword },
      },
      config,
    },
    async (request) => createAccount({ db, actor: actorOf(request), input: request.body }),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sửa tài khoản',
        params: ZIdParams,
        body: ZAccountUpdate,
        response: { 200: ZAccount },
      },
      config,
    },
    async (request) =>
      updateAccount({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Đặt lại mật khẩu',
        params: ZIdParams,
        response: { 200: ZAccountWithPassword },
      },
      config,
    },
    async (request) => resetAccountPassword({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.post(
    '/:id/reset-totp',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Đặt lại xác thực hai lớp (mất điện thoại)',
        params: ZIdParams,
        response: { 200: ZAccount },
      },
      config,
    },
    async (request) => resetAccountTotp({ db, actor: actorOf(request), id: request.params.id }),
  );
};
