// Printed forms (docs/domain/forms.md): each route loads its record through the actor's scope (a
// record outside it is "not found"), builds the DOCX, converts it to PDF when asked and LibreOffice is
// installed (503 otherwise), and audits the download.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAdmissionFormParams,
  ZCellUpdateSheetParams,
  ZDuesBookQuery,
  ZFormQuery,
  ZMeetingFormParams,
  ZMemberEventParams,
  ZMemberListFormQuery,
  ZMemberRecordFormParams,
  ZMemberUpdateSheetParams,
  ZMemberUpdateSheetQuery,
} from '../../../contracts/forms';
import { actorOf } from '../../platform/http/context';
import { readMemberPhoto } from '../members';
import { admissionDecisionForm } from './admission-decision.form';
import { cellUpdateSheetsForm } from './cell-update-sheets.form';
import { duesBookForm, duesSummaryForm } from './dues-book.form';
import type { FormFile } from './forms.service';
import { meetingMinutesForm } from './meeting-minutes.form';
import { memberListForm } from './member-list.form';
import { memberRecordForm } from './member-record.form';
import { memberUpdateSheetForm } from './member-update-sheet.form';
import { transferLetterForm } from './transfer-letter.form';

const tags = ['forms'];

/** The file as an attachment; the name is ASCII, so no encoding is needed. */
const send = (reply: FastifyReply, file: FormFile) =>
  reply
    .header('Content-Type', file.mimeType)
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .send(file.content);

export const formsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/members/trich-ngang',
    {
      schema: {
        tags,
        summary:
          'Danh sách trích ngang đảng viên (DOCX khổ ngang, hoặc PDF) của đúng danh sách đang lọc',
        querystring: ZMemberListFormQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) =>
      send(reply, await memberListForm({ db, actor: actorOf(request), query: request.query })),
  );

  // Registered before '/members/:id/:form'; the router prefers the static segment either way.
  app.get(
    '/members/:id/phieu-bo-sung',
    {
      schema: {
        tags,
        summary:
          'Phiếu bổ sung hồ sơ đảng viên của một năm (mặc định năm vừa qua): tình hình đến 31/12 năm trước và những thay đổi đã ghi trong năm (chuyển sinh hoạt, chức vụ, trình độ, xếp loại, khen thưởng, kỷ luật)',
        params: ZMemberUpdateSheetParams,
        querystring: ZMemberUpdateSheetQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) =>
      send(
        reply,
        await memberUpdateSheetForm({
          db,
          actor: actorOf(request),
          id: request.params.id,
          year: request.query.year,
          format: request.query.format,
        }),
      ),
  );

  app.get(
    '/cells/:id/phieu-bo-sung',
    {
      schema: {
        tags,
        summary:
          'Phiếu bổ sung hồ sơ đảng viên của cả chi bộ trong một năm (mặc định năm vừa qua): mỗi đảng viên sinh hoạt tại chi bộ ngày 31/12 của năm một phiếu, mỗi phiếu sang trang mới, theo thứ tự tên như danh sách đảng viên (tối đa 500 phiếu)',
        params: ZCellUpdateSheetParams,
        querystring: ZMemberUpdateSheetQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) =>
      send(
        reply,
        await cellUpdateSheetsForm({
          db,
          actor: actorOf(request),
          cellId: request.params.id,
          year: request.query.year,
          format: request.query.format,
        }),
      ),
  );

  app.get(
    '/members/:id/:form',
    {
      schema: {
        tags,
        summary:
          'Lý lịch đảng viên (mẫu 1-HSĐV, form=ly-lich) hoặc phiếu đảng viên (mẫu 2-HSĐV, form=phieu) của một đảng viên, có khung ảnh 3x4',
        params: ZMemberRecordFormParams,
        querystring: ZFormQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) =>
      send(
        reply,
        await memberRecordForm({
          db,
          actor: actorOf(request),
          ...request.params,
          format: request.query.format,
          // Read before the scope check inside the form, but only printed when the member is in scope.
          photo: (await readMemberPhoto(db, request.params.id))?.bytes ?? null,
        }),
      ),
  );

  app.get(
    '/members/:id/events/:eventId/giay-gioi-thieu',
    {
      schema: {
        tags,
        summary:
          'Giấy giới thiệu sinh hoạt đảng (chính thức 1-SHĐ hoặc tạm thời 2-SHĐ) kèm cuống, từ sự kiện chuyển sinh hoạt đã ghi, mang số giấy đã ghi',
        params: ZMemberEventParams,
        querystring: ZFormQuery,
      },
      config: { permission: 'lifecycle.write' },
    },
    async (request, reply) =>
      send(
        reply,
        await transferLetterForm({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          eventId: request.params.eventId,
          format: request.query.format,
        }),
      ),
  );

  app.get(
    '/applicants/:id/:form',
    {
      schema: {
        tags,
        summary:
          'Quyết định kết nạp đảng viên (9-KNĐ, form=ket-nap) hoặc công nhận đảng viên chính thức (16-KNĐ, form=cong-nhan) lập từ các bước đã ghi',
        params: ZAdmissionFormParams,
        querystring: ZFormQuery,
      },
      config: { permission: 'recruitment.read' },
    },
    async (request, reply) =>
      send(
        reply,
        await admissionDecisionForm({
          db,
          actor: actorOf(request),
          applicantId: request.params.id,
          kind: request.params.form,
          format: request.query.format,
        }),
      ),
  );

  app.get(
    '/meetings/:id/bien-ban',
    {
      schema: {
        tags,
        summary:
          'Biên bản sinh hoạt chi bộ (thường kỳ, chuyên đề) hoặc biên bản hội nghị lập từ cuộc họp đã ghi: điểm danh, người vắng và lý do, kết luận với người thực hiện, thời hạn',
        params: ZMeetingFormParams,
        querystring: ZFormQuery,
      },
      config: { permission: 'meeting.read' },
    },
    async (request, reply) =>
      send(
        reply,
        await meetingMinutesForm({
          db,
          actor: actorOf(request),
          meetingId: request.params.id,
          format: request.query.format,
        }),
      ),
  );

  app.get(
    '/dues/so-thu',
    {
      schema: {
        tags,
        summary:
          'Sổ thu đảng phí của chi bộ trong năm (hoặc các tháng chọn): mỗi đảng viên mỗi tháng đã đóng bao nhiêu, cộng phải thu, đã thu theo sổ thu tháng (DOCX khổ ngang, hoặc PDF)',
        querystring: ZDuesBookQuery,
      },
      config: { permission: 'member.list' },
    },
    async (request, reply) =>
      send(reply, await duesBookForm({ db, actor: actorOf(request), query: request.query })),
  );

  app.get(
    '/dues/tong-hop',
    {
      schema: {
        tags,
        summary:
          'Tổng hợp thu, nộp đảng phí của tổ chức cơ sở đảng (mỗi chi bộ một dòng: số đảng viên, phải thu, đã thu, trích giữ lại, nộp lên), hoặc của cấp ủy cấp trên cơ sở (mỗi tổ chức cơ sở đảng một dòng, tối đa 600 chi bộ) trong năm hoặc các tháng chọn',
        querystring: ZDuesBookQuery,
      },
      config: { permission: 'member.list' },
    },
    async (request, reply) =>
      send(reply, await duesSummaryForm({ db, actor: actorOf(request), query: request.query })),
  );
};
