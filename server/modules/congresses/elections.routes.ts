// Routes of a congress's elections (prefix /api/congresses): list, record a round (or a re-vote),
// correct or remove the last round, the upper level's approval (chuẩn y).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/common';
import {
  ZCongressParams,
  ZElectionApproval,
  ZElectionInput,
  ZElectionList,
  ZElectionParams,
  ZElectionUpdate,
  ZSavedElection,
} from '../../../contracts/congress-elections';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import {
  approveElection,
  deleteElection,
  listElections,
  recordElection,
  updateElection,
} from './elections.service';

const tags = ['congresses'];

export const congressElectionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/:id/elections',
    {
      schema: {
        tags,
        summary: 'Các lần bầu cử của đại hội (và hội nghị lần thứ nhất của cấp ủy khóa mới)',
        params: ZCongressParams,
        response: { 200: ZElectionList },
      },
      config: { permission: 'congress.read' },
    },
    async (request) =>
      listElections({ db, actor: actorOf(request), congressId: request.params.id }),
  );

  app.post(
    '/:id/elections',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả một lần bầu (hoặc bầu lại) theo nguyên tắc quá một nửa',
        params: ZCongressParams,
        body: ZElectionInput,
        response: { 200: ZSavedElection },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      recordElection({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/:id/elections/:electionId',
    {
      schema: {
        tags,
        summary: 'Sửa kết quả lần bầu cuối cùng chưa chuẩn y',
        params: ZElectionParams,
        body: ZElectionUpdate,
        response: { 200: ZSavedElection },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      updateElection({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        electionId: request.params.electionId,
        input: request.body,
      }),
  );

  app.delete(
    '/:id/elections/:electionId',
    {
      schema: {
        tags,
        summary: 'Xóa lần bầu cuối cùng chưa chuẩn y (ghi nhầm)',
        params: ZElectionParams,
        response: { 200: ZOk },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      deleteElection({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        electionId: request.params.electionId,
      }),
  );

  app.post(
    '/:id/elections/:electionId/approve',
    {
      schema: {
        tags,
        summary: 'Cấp ủy cấp trên chuẩn y kết quả bầu cử; mở chức danh cấp ủy của người trúng cử',
        params: ZElectionParams,
        body: ZElectionApproval,
        response: {
          200: ZSavedElection.extend({ openedPositions: z.number() }),
        },
      },
      config: { permission: 'congress.approve' },
    },
    async (request) =>
      approveElection({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        electionId: request.params.electionId,
        input: request.body,
      }),
  );
};
