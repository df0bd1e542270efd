import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZDocumentCreated,
  ZDocumentInput,
  ZDocumentList,
  ZDocumentListQuery,
  ZDocumentTypes,
  ZDocumentTypesQuery,
} from '../../../contracts/documents';
import { actorOf } from '../../platform/http/context';
import { createDocument, listDocuments, listDocumentTypes } from './documents.service';

const tags = ['documents'];

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Sổ đăng ký văn bản đi (số theo loại văn bản trong nhiệm kỳ)',
        querystring: ZDocumentListQuery,
        response: { 200: ZDocumentList },
      },
      config: { permission: 'document.read' },
    },
    async (request) => listDocuments({ db, actor: actorOf(request), ...request.query }),
  );
  app.get(
    '/types',
    {
      schema: {
        tags,
        summary: 'Loại văn bản tổ chức được ban hành (Quy định 399-QĐ/TW) và ký hiệu',
        querystring: ZDocumentTypesQuery,
        response: { 200: ZDocumentTypes },
      },
      config: { permission: 'document.read' },
    },
    async (request) => listDocumentTypes({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Vào sổ một văn bản đi: lấy số tiếp theo của loại văn bản',
        body: ZDocumentInput,
        response: { 200: ZDocumentCreated },
      },
      config: { permission: 'document.issue' },
    },
    async (request) => createDocument({ db, actor: actorOf(request), input: request.body }),
  );
};
