import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHome } from '../../../contracts/home';
import { actorOf } from '../../platform/http/context';
import { getHome } from './home.service';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/',
    {
      schema: {
        tags: ['home'],
        summary: 'Trang chủ theo vai trò: việc cần làm, thời hạn, số liệu của người đang đăng nhập',
        response: { 200: ZHome },
      },
      config: { permission: 'home.read' },
    },
    async (request) => getHome({ db, actor: actorOf(request) }),
  );
};
