import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  type ImportStreamLine,
  importKinds,
  ZImportCommit,
  ZImportJob,
  ZImportList,
  ZImportPreviewInput,
  ZImportRows,
  ZImportRowsQuery,
  ZImportUpload,
  ZSpreadsheetExportQuery,
} from '../../../contracts/imports';
import { z } from '../../../contracts/zod-vi';
import { todayIso } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { actorOf } from '../../platform/http/context';
import { exportApplicantsXlsx, exportEventsXlsx } from './imports.export';
import {
  commitImport,
  getImport,
  getImportRows,
  listImports,
  type Progress,
  previewImport,
  uploadImport,
} from './imports.service';
import { importTemplateXlsx } from './imports.template';

/**
 * Long steps answer as NDJSON: progress lines while reading, checking and writing, then the result
 * (or the error, with its Vietnamese message). The web draws its progress bar from these lines.
 */
const streamed = (reply: FastifyReply, work: (progress: Progress) => Promise<unknown>) => {
  const out = new PassThrough();
  const write = (line: ImportStreamLine) => out.write(`${JSON.stringify(line)}\n`);
  let last = 0;
  const progress: Progress = async (phase, done, total) => {
    const now = Date.now();
    if (now - last < 150 && done > 0 && done < total) return;
    last = now;
    write({ type: 'progress', phase, done, total });
    await new Promise((resolve) => setImmediate(resolve));
  };
  void work(progress).then(
    (result) => out.end(`${JSON.stringify({ type: 'result', result })}\n`),
    (error: unknown) => {
      if (error instanceof AppError)
        out.end(`${JSON.stringify({ type: 'error', code: error.code, message: error.message })}\n`);
      else {
        reply.log.error({ err: error }, 'import failed');
        if (process.env.VITEST) console.error(error);
        out.end(
          `${JSON.stringify({
            type: 'error',
            code: 'INTERNAL',
            message:
              'Hệ thống gặp lỗi ngoài dự kiến khi nhập dữ liệu. Chưa ghi gì; vui lòng thử lại.',
          })}\n`,
        );
      }
    },
  );
  reply.header('Content-Type', 'application/x-ndjson; charset=utf-8');
  return reply.send(out);
};

const xlsx = (reply: FastifyReply, name: string, buffer: Buffer) => {
  // The day in Vietnam: at 02:26 there the UTC date is still yesterday.
  const date = todayIso();
  return reply
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename="${name}-${date}.xlsx"`)
    .send(buffer);
};

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/',
    {
      schema: {
        tags: ['imports'],
        summary: 'Tải lên tệp XLSX/CSV (base64): tìm dòng tiêu đề, đề xuất ghép cột (NDJSON)',
        body: ZImportUpload,
      },
      config: { permission: 'import.run' },
      bodyLimit: 40 * 1024 * 1024,
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return streamed(reply, (progress) =>
        uploadImport({ db, actor, input: request.body, progress }),
      );
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags: ['imports'],
        summary: 'Các lần nhập gần đây trong phạm vi',
        response: { 200: ZImportList },
      },
      config: { permission: 'import.run' },
    },
    async (request) => listImports({ db, actor: actorOf(request) }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'Một lần nhập: cột, ghép cột, tóm tắt xem trước, kết quả',
        params: ZIdParams,
        response: { 200: ZImportJob },
      },
      config: { permission: 'import.run' },
    },
    async (request) => getImport({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/:id/preview',
    {
      schema: {
        tags: ['imports'],
        summary: 'Ghép cột và kiểm tra từng dòng (NDJSON)',
        params: ZIdParams,
        body: ZImportPreviewInput,
      },
      config: { permission: 'import.run' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await getImport({ db, actor, id: request.params.id }); // not found before streaming
      return streamed(reply, (progress) =>
        previewImport({
          db,
          actor,
          id: request.params.id,
          mapping: request.body.mapping,
          skippedColumns: request.body.skippedColumns,
          progress,
        }),
      );
    },
  );

  app.get(
    '/:id/rows',
    {
      schema: {
        tags: ['imports'],
        summary: 'Các dòng xem trước với lỗi, cảnh báo, chuyển mã, trùng lặp',
        params: ZIdParams,
        querystring: ZImportRowsQuery,
        response: { 200: ZImportRows },
      },
      config: { permission: 'import.run' },
    },
    async (request) =>
      getImportRows({ db, actor: actorOf(request), id: request.params.id, query: request.query }),
  );

  app.post(
    '/:id/commit',
    {
      schema: {
        tags: ['imports'],
        summary: 'Ghi dữ liệu trong một giao dịch: tất cả hoặc không gì cả (NDJSON)',
        params: ZIdParams,
        body: ZImportCommit,
      },
      config: { permission: 'import.run' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await getImport({ db, actor, id: request.params.id });
      return streamed(reply, (progress) =>
        commitImport({ db, actor, id: request.params.id, input: request.body, progress }),
      );
    },
  );

  app.get(
    '/export/applicants.xlsx',
    {
      schema: {
        tags: ['imports'],
        summary: 'Xuất danh sách quần chúng ưu tú ra XLSX (nhập lại được)',
        querystring: ZSpreadsheetExportQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) =>
      xlsx(
        reply,
        'quan-chung-uu-tu',
        await exportApplicantsXlsx({ db, actor: actorOf(request), ...request.query }),
      ),
  );

  app.get(
    '/export/events.xlsx',
    {
      schema: {
        tags: ['imports'],
        summary: 'Xuất các sự kiện (biến động) của đảng viên ra XLSX (nhập lại được)',
        querystring: ZSpreadsheetExportQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) =>
      xlsx(
        reply,
        'bien-dong-dang-vien',
        await exportEventsXlsx({ db, actor: actorOf(request), ...request.query }),
      ),
  );

  app.get(
    '/templates/:kind',
    {
      schema: {
        tags: ['imports'],
        summary:
          'Tải tệp mẫu nhập (XLSX): dòng tiêu đề hệ thống tự nhận ra, trang hướng dẫn cách ghi',
        params: z.object({ kind: z.enum(importKinds) }),
      },
      config: { permission: 'import.run' },
    },
    async (request, reply) =>
      xlsx(reply, `mau-nhap-${request.params.kind}`, await importTemplateXlsx(request.params.kind)),
  );
};
