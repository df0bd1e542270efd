import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCommitteeAddInput,
  ZCommitteeChangeInput,
  ZCommitteeEndInput,
  ZCommitteeHistory,
  ZCommitteeHistoryQuery,
  ZCommitteeHolders,
  ZCommitteeHoldersQuery,
  ZCommitteeQuery,
  ZCommitteeSaved,
  ZCommitteeStructure,
  ZCommitteeStructureQuery,
  ZCommitteeTermSaved,
  ZCommitteeView,
  ZMemberCommitteeParams,
  ZMemberCommitteePositions,
  ZOpenCommitteeTerm,
} from '../../../contracts/committees';
import { ZIdParams } from '../../../contracts/common';
import { actorOf } from '../../platform/http/context';
import {
  getCommittee,
  getCommitteeHistory,
  getCommitteeStructure,
  getHolders,
  getMemberPositions,
} from './committees.queries';
import {
  addCommitteePosition,
  changeCommitteePosition,
  endCommitteePosition,
  openCommitteeTerm,
} from './committees.service';

const tags = ['committees'];

export const committeesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Cấp ủy của một tổ chức đảng vào một ngày, theo chức vụ',
        querystring: ZCommitteeQuery,
        response: { 200: ZCommitteeView },
      },
      config: { permission: 'committee.read' },
    },
    async (request) => getCommittee({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/history',
    {
      schema: {
        tags,
        summary: 'Cấp ủy qua các nhiệm kỳ và các thay đổi giữa nhiệm kỳ',
        querystring: ZCommitteeHistoryQuery,
        response: { 200: ZCommitteeHistory },
      },
      config: { permission: 'committee.read' },
    },
    async (request) => getCommitteeHistory({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/holders',
    {
      schema: {
        tags,
        summary: 'Ai giữ chức vụ của tổ chức đảng vào một ngày (ví dụ: Bí thư)',
        querystring: ZCommitteeHoldersQuery,
        response: { 200: ZCommitteeHolders },
      },
      config: { permission: 'committee.read' },
    },
    async (request) => getHolders({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/structure',
    {
      schema: {
        tags,
        summary: 'Cơ cấu cấp ủy so với đề án nhân sự của đại hội',
        querystring: ZCommitteeStructureQuery,
        response: { 200: ZCommitteeStructure },
      },
      config: { permission: 'committee.read' },
    },
    async (request) => getCommitteeStructure({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Các chức vụ cấp ủy của một đảng viên',
        params: ZMemberCommitteeParams,
        response: { 200: ZMemberCommitteePositions },
      },
      config: { permission: 'committee.read' },
    },
    async (request) =>
      getMemberPositions({ db, actor: actorOf(request), memberId: request.params.memberId }),
  );

  app.post(
    '/terms',
    {
      schema: {
        tags,
        summary: 'Ghi cấp ủy một nhiệm kỳ (sau bầu cử hoặc chỉ định)',
        body: ZOpenCommitteeTerm,
        response: { 200: ZCommitteeTermSaved },
      },
      config: { permission: 'committee.write' },
    },
    async (request) =>
      db.transaction((tx) => openCommitteeTerm(tx, actorOf(request), request.body)),
  );

  app.post(
    '/positions',
    {
      schema: {
        tags,
        summary: 'Bổ sung một chức vụ giữa nhiệm kỳ (chỉ định, bầu bổ sung)',
        body: ZCommitteeAddInput,
        response: { 200: ZCommitteeSaved },
      },
      config: { permission: 'committee.write' },
    },
    async (request) => addCommitteePosition({ db, actor: actorOf(request), input: request.body }),
  );

  app.post(
    '/positions/:id/end',
    {
      schema: {
        tags,
        summary: 'Thôi giữ chức vụ (xin thôi, chuyển công tác, miễn nhiệm, cách chức…)',
        params: ZIdParams,
        body: ZCommitteeEndInput,
        response: { 200: ZCommitteeSaved },
      },
      config: { permission: 'committee.write' },
    },
    async (request) =>
      endCommitteePosition({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/positions/:id/change',
    {
      schema: {
        tags,
        summary: 'Chuyển sang chức vụ khác trong cấp ủy',
        params: ZIdParams,
        body: ZCommitteeChangeInput,
        response: { 200: ZCommitteeSaved },
      },
      config: { permission: 'committee.write' },
    },
    async (request) =>
      changeCommitteePosition({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );
};
