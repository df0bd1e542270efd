import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZDocumentUpload,
  ZMemberResidenceComments,
  ZMemberResidenceQuery,
  ZProposal,
  ZProposalAnswer,
  ZProposalFields,
  ZProposalList,
  ZProposalQuery,
  ZProposalUpdate,
  ZProposalWithdraw,
  ZResidenceCommentFields,
  ZResidenceCommentUpdate,
  ZResidenceRoster,
  ZResidenceRosterQuery,
} from '../../../contracts/proposals';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { readDocument, sendAttachment, uploadDocument } from '../attachments';
import {
  answerProposal,
  createProposal,
  getProposal,
  listProposals,
  updateProposal,
  withdrawProposal,
} from './proposals.service';
import {
  createResidenceComment,
  getResidenceRoster,
  listMemberResidenceComments,
  updateResidenceComment,
} from './residence.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const tags = ['proposals'];

export const proposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi đề xuất, kiến nghị của đơn vị và cấp dưới (lọc theo năm, tình trạng)',
        querystring: ZProposalQuery,
        response: { 200: ZProposalList },
      },
      config: { permission: 'proposal.read' },
    },
    async (request) => listProposals({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận đề xuất, kiến nghị (giao đơn vị trả lời, hạn trả lời)',
        body: ZProposalFields,
        response: { 200: ZSaved },
      },
      config: { permission: 'proposal.write' },
    },
    async (request) => createProposal({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/residence/roster',
    {
      schema: {
        tags,
        summary:
          'Nhận xét của chi bộ nơi cư trú trong năm (Quy định 213-QĐ/TW): đảng viên đã có, chưa có',
        querystring: ZResidenceRosterQuery,
        response: { 200: ZResidenceRoster },
      },
      config: { permission: 'residence.read' },
    },
    async (request) => getResidenceRoster({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/residence/member',
    {
      schema: {
        tags,
        summary: 'Nhận xét của chi bộ nơi cư trú về một đảng viên qua các năm',
        querystring: ZMemberResidenceQuery,
        response: { 200: ZMemberResidenceComments },
      },
      config: { permission: 'residence.read' },
    },
    async (request) =>
      listMemberResidenceComments({
        db,
        actor: actorOf(request),
        memberId: request.query.memberId,
      }),
  );

  app.post(
    '/residence',
    {
      schema: {
        tags,
        summary: 'Ghi nhận xét của chi bộ nơi cư trú về đảng viên trong năm',
        body: ZResidenceCommentFields,
        response: { 200: ZSaved },
      },
      config: { permission: 'residence.write' },
    },
    async (request) => createResidenceComment({ db, actor: actorOf(request), input: request.body }),
  );

  app.put(
    '/residence/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhận xét của chi bộ nơi cư trú',
        params: ZIdParams,
        body: ZResidenceCommentUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'residence.write' },
    },
    async (request) =>
      updateResidenceComment({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết đề xuất, kiến nghị',
        params: ZIdParams,
        response: { 200: ZProposal },
      },
      config: { permission: 'proposal.read' },
    },
    async (request) => getProposal({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đề xuất, kiến nghị',
        params: ZIdParams,
        body: ZProposalUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'proposal.write' },
    },
    async (request) =>
      updateProposal({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/:id/answer',
    {
      schema: {
        tags,
        summary: 'Ghi nội dung trả lời kiến nghị',
        params: ZIdParams,
        body: ZProposalAnswer,
        response: { 200: ZSaved },
      },
      config: { permission: 'proposal.answer' },
    },
    async (request) =>
      answerProposal({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Ghi việc rút kiến nghị',
        params: ZIdParams,
        body: ZProposalWithdraw,
        response: { 200: ZSaved },
      },
      config: { permission: 'proposal.write' },
    },
    async (request) =>
      withdrawProposal({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  // The answering document's scan (văn bản trả lời), or the residence cell's comment form: uploaded
  // first, then named by the answer or the comment.
  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Tải lên văn bản trả lời, phiếu nhận xét (PDF, ảnh, Word; tối đa 10 MB)',
        body: ZDocumentUpload,
        response: { 200: z.object({ id: z.number(), fileName: z.string(), size: z.number() }) },
      },
      config: { permission: 'proposal.answer' },
      bodyLimit: 15 * 1024 * 1024,
    },
    async (request) => uploadDocument({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/documents/:id',
    {
      schema: { tags, summary: 'Tải về văn bản trả lời, phiếu nhận xét', params: ZIdParams },
      // Not a member's: the check is the file's unit in scope, and a cell's files are not theirs.
      config: { permission: 'proposal.read' },
    },
    async (request, reply) =>
      sendAttachment(reply, await readDocument(db, actorOf(request), request.params.id)),
  );
};
