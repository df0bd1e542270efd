// Every API route × every role × a record inside and one outside the caller's subtree. Expected
// outcomes are data; a route missing from the table fails the test. "allowed" means the request got
// past authorisation (any answer but 401/403/404); business rules may still refuse it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/enums/roles';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import { committeePositionIn } from '../../test/builders/committees';
import { congressElectionsIn } from '../../test/builders/congress-elections';
import { congressDocumentIn, congressIn, congressRoundIn } from '../../test/builders/congresses';
import { disciplineWithComplaint } from '../../test/builders/discipline';
import { educationIn } from '../../test/builders/education';
import { commendationIn, movementIn, registrationIn } from '../../test/builders/emulation';
import {
  campaignIn,
  evaluationComplaintIn,
  evaluationRecordOf,
} from '../../test/builders/evaluations';
import { importJobIn, sampleImportCsv } from '../../test/builders/imports';
import { programmeIn, publishedCaseAbout } from '../../test/builders/inspection';
import { meetingDecisionIn, meetingIn } from '../../test/builders/meetings';
import { cellOfMember, transferLetterIn } from '../../test/builders/members';
import { keyTaskIn, planTargetIn, planTermIn } from '../../test/builders/plans';
import { proposalIn, residenceCommentOf } from '../../test/builders/proposals';
import { reconciliationRunIn } from '../../test/builders/reconciliation';
import { applicantIn, recruitmentDocumentIn } from '../../test/builders/recruitment';
import { reportDraftIn } from '../../test/builders/reports';
import { resolutionIn } from '../../test/builders/resolutions';
import { TEST_PASSWORD } from '../../test/constants';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

type Outcome = 'allowed' | 'forbidden' | 'notFound';
type Target = 'inside' | 'outside';
type Fixtures = Awaited<ReturnType<typeof demoFixtures>> & {
  memberElsewhereCellId: number;
  bithuUserId: number;
  remittance: Record<Target, number>;
  applicant: Record<Target, number>;
  document: Record<Target, number>;
  letter: Record<Target, { memberId: number; eventId: number }>;
  importJob: Record<Target, number>;
  reconciliation: Record<Target, { run: number; item: number }>;
  evaluation: Record<Target, EvaluationFixture>;
  resolution: Record<Target, number>;
  education: Record<Target, Awaited<ReturnType<typeof educationIn>>>;
  emulation: Record<
    Target,
    { movement: number; commendation: number; spareRegistration: Record<string, number> }
  >;
  meeting: Record<Target, number>;
  proposal: Record<Target, number>;
  residenceComment: Record<Target, number>;
  congress: Record<Target, { round: number; congress: number; documentOf: Record<string, number> }>;
  committeePosition: Record<Target, number>;
  plans: PlanFixtures;
  reportDraft: Record<Target, number>;
  congressElections: Record<Target, Awaited<ReturnType<typeof congressElectionsIn>>>;
  inspection: Record<
    Target,
    {
      committeeProgramme: number;
      inspectionProgramme: number;
      item: number;
      caseId: number;
      recommendation: number;
      decision: number;
      complaint: number;
    }
  >;
};
type PlanFixtures = Record<
  Target,
  {
    target: number;
    task: number;
    term: number;
    decision: number;
    /** One per user, so that each allowed delete removes its own row. */
    spareTarget: Record<string, number>;
    spareTask: Record<string, number>;
  }
>;
type Call = { url: string; body?: unknown };
type EvaluationFixture = {
  campaign: number;
  record: number;
  ownRecord: number;
  complaint: number;
};

const users: Record<string, Role> = {
  admin: 'admin',
  vanphong: 'org_office',
  ubkt: 'inspection',
  btv: 'standing',
  coso: 'grassroots_office',
  bithu: 'cell_secretary',
  dangvien: 'member',
};
const narrow = ['coso', 'bithu', 'dangvien'];

/** Helper to state: who may, and what the narrow scopes get for a record outside their subtree. */
const rule =
  (allowed: string[], options: { outsideForNarrow?: Outcome; insideForMember?: Outcome } = {}) =>
  (user: string, target: Target): Outcome => {
    if (!allowed.includes(user)) return 'forbidden';
    if (user === 'dangvien' && target === 'inside' && options.insideForMember)
      return options.insideForMember;
    if (target === 'outside' && narrow.includes(user))
      return options.outsideForNarrow ?? 'notFound';
    return 'allowed';
  };

const everyone = Object.keys(users);
const allButMember = everyone.filter((u) => u !== 'dangvien');
const offices = ['admin', 'vanphong', 'coso'];

type Entry = {
  call: (f: Fixtures, target: Target, user: string) => Call;
  expect: (user: string, target: Target) => Outcome;
};

const memberOf = (f: Fixtures, target: Target, user: string) =>
  target === 'outside'
    ? f.memberElsewhere.id
    : user === 'dangvien'
      ? f.selfMemberId
      : f.memberInCell.id;
const cellOf = (f: Fixtures, target: Target) =>
  target === 'outside' ? f.otherCommitteeId : f.cellId;
const recruiters = [...offices, 'bithu'];
const reportReaders = ['admin', 'vanphong', 'ubkt', 'btv', 'coso'];
/** A unit's committee: committee.read is everyone's, but a member reaches no unit ("not found"). */
const committeeUnitReaders = (user: string, target: Target): Outcome =>
  user === 'dangvien' ? 'notFound' : rule(allButMember)(user, target);

const table: Record<string, Entry> = {
  'GET /api/health': { call: () => ({ url: '/api/health' }), expect: () => 'allowed' },
  'GET /api/auth/session': { call: () => ({ url: '/api/auth/session' }), expect: () => 'allowed' },
  'POST /api/auth/login': {
    call: () => ({ url: '/api/auth/login', body: { username: 'x', password: 'y' } }),
    expect: () => 'allowed',
  },
  'POST /api/auth/logout': { call: () => ({ url: '/__skip__' }), expect: () => 'allowed' },
  'POST /api/auth/logout-everywhere': {
    call: () => ({ url: '/__skip__' }),
    expect: () => 'allowed',
  },
  'POST /api/auth/change-password': {
    call: () => ({
      url: '/api/auth/change-password',
      body: { currentPassword: 'sai-mat-khau', newPassword: 'MatKhauMoi2027' },
    }),
    expect: () => 'allowed',
  },
  // Setting up one's own second factor: every signed-in user (admin and ubkt already have it: 409).
  'POST /api/auth/totp/setup': {
    call: () => ({ url: '/api/auth/totp/setup' }),
    expect: () => 'allowed',
  },
  'POST /api/auth/totp/enable': {
    call: () => ({ url: '/api/auth/totp/enable', body: { code: '000000' } }),
    expect: () => 'allowed',
  },
  'GET /api/org-units/tree': {
    call: (f, t) => ({ url: `/api/org-units/tree?parentId=${cellOf(f, t)}` }),
    expect: rule(everyone),
  },
  // Search takes no record: what it returns is scoped (scope.db.test.ts), so everyone is let through.
  'GET /api/org-units/search': {
    call: () => ({ url: '/api/org-units/search?q=chi%20bo' }),
    expect: () => 'allowed',
  },
  'GET /api/org-units/operations': {
    call: (f, t) => ({ url: `/api/org-units/operations?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(everyone),
  },
  'POST /api/org-units/operations': {
    call: (f, t) => ({
      url: '/api/org-units/operations',
      body: {
        kind: 'rename',
        orgUnitId: cellOf(f, t),
        name: 'Tên thử nghiệm quyền',
        effectiveDate: '2026-11-01',
        decisionNumber: '1-QĐ/TEST',
      },
    }),
    expect: rule(['admin', 'vanphong']),
  },
  'GET /api/org-units/{id}': {
    call: (f, t) => ({ url: `/api/org-units/${cellOf(f, t)}` }),
    expect: rule(everyone),
  },
  'GET /api/members/': {
    call: (f, t) => ({ url: `/api/members?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/members/export.xlsx': {
    call: (f, t) => ({
      url: `/api/members/export.xlsx?orgUnitId=${cellOf(f, t)}&purpose=ki%E1%BB%83m%20tra`,
    }),
    expect: rule(allButMember),
  },
  // Printed forms (server/modules/forms): each reads its record through the caller's scope.
  'GET /api/forms/members/trich-ngang': {
    call: (f, t) => ({
      url: `/api/forms/members/trich-ngang?orgUnitId=${cellOf(f, t)}&purpose=ki%E1%BB%83m%20tra`,
    }),
    expect: rule(allButMember),
  },
  'GET /api/forms/members/{id}/{form}': {
    call: (f, t, u) => ({ url: `/api/forms/members/${memberOf(f, t, u)}/phieu` }),
    expect: rule(allButMember),
  },
  'GET /api/forms/members/{id}/phieu-bo-sung': {
    call: (f, t, u) => ({ url: `/api/forms/members/${memberOf(f, t, u)}/phieu-bo-sung` }),
    expect: rule(allButMember),
  },
  // The sheets of a whole cell: whoever prints a member's sheet prints their cell's.
  'GET /api/forms/cells/{id}/phieu-bo-sung': {
    call: (f, t) => ({
      url: `/api/forms/cells/${t === 'outside' ? f.memberElsewhereCellId : f.cellId}/phieu-bo-sung`,
    }),
    expect: rule(allButMember),
  },
  // A letter is printed from a transfer event: a member's admission event inside answers 400 (not
  // a transfer) after authorisation; outside, "not found".
  'GET /api/forms/members/{id}/events/{eventId}/giay-gioi-thieu': {
    call: (f, t) => ({
      url: `/api/forms/members/${f.letter[t].memberId}/events/${f.letter[t].eventId}/giay-gioi-thieu`,
    }),
    expect: rule(offices),
  },
  'GET /api/forms/applicants/{id}/{form}': {
    call: (f, t) => ({ url: `/api/forms/applicants/${f.applicant[t]}/ket-nap` }),
    expect: rule(allButMember),
  },
  // The minutes of a recorded meeting: whoever reads the meeting prints its minutes.
  'GET /api/forms/meetings/{id}/bien-ban': {
    call: (f, t) => ({ url: `/api/forms/meetings/${f.meeting[t]}/bien-ban` }),
    expect: rule(allButMember),
  },
  // The cell's dues book for a year: who reads the dues sheet prints it (a committee answers 400).
  'GET /api/forms/dues/so-thu': {
    call: (f, t) => ({ url: `/api/forms/dues/so-thu?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(allButMember),
  },
  // The summary of the cell's grassroots organisation: a cell secretary does not reach it.
  'GET /api/forms/dues/tong-hop': {
    call: (f, t) => ({
      url: `/api/forms/dues/tong-hop?orgUnitId=${cellOf(f, t)}&year=2026&fromMonth=1&toMonth=1`,
    }),
    expect: (user, target) => (user === 'bithu' ? 'notFound' : rule(allButMember)(user, target)),
  },
  'GET /api/members/{id}': {
    call: (f, t, u) => ({ url: `/api/members/${memberOf(f, t, u)}` }),
    expect: rule(everyone),
  },
  'POST /api/members/': {
    call: (f, t) => ({
      url: '/api/members',
      body: {
        fullName: 'Lò Văn Thử',
        sex: 'male',
        birthDate: '1990-01-01',
        entry: {
          kind: 'admitted',
          eventDate: '2026-01-05',
          orgUnitId: t === 'outside' ? f.memberElsewhereCellId : f.cellId,
        },
      },
    }),
    expect: rule(offices),
  },
  'PUT /api/members/{id}': {
    call: (f, t, u) => ({
      url: `/api/members/${memberOf(f, t, u)}`,
      body: { fullName: 'Lò Văn Thử', sex: 'male', birthDate: '1990-01-01', version: 999 },
    }),
    expect: rule(offices),
  },
  'POST /api/members/{id}/events': {
    call: (f, t, u) => ({
      url: `/api/members/${memberOf(f, t, u)}/events`,
      body: { kind: 'exemption_ended', eventDate: '2026-01-05', version: 999 },
    }),
    expect: rule(offices),
  },
  // Member photos (issue 21): read with the record, changed by who edits it. The upload sends no
  // image, so an allowed caller is refused by the check (400); DELETE of no photo is a 400 too.
  'GET /api/members/{id}/photo': {
    call: (f, t, u) => ({ url: `/api/members/${memberOf(f, t, u)}/photo` }),
    expect: rule(everyone),
  },
  'PUT /api/members/{id}/photo': {
    call: (f, t, u) => ({
      url: `/api/members/${memberOf(f, t, u)}/photo`,
      body: { contentBase64: 'R0lGODlhAQABAAAAACw=' },
    }),
    expect: rule(offices),
  },
  'DELETE /api/members/{id}/photo': {
    call: (f, t, u) => ({ url: `/api/members/${memberOf(f, t, u)}/photo` }),
    expect: rule(offices),
  },
  'GET /api/members/card-photos': {
    call: (f, t) => ({ url: `/api/members/card-photos?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/members/card-photos/export.zip': {
    call: (f, t) => ({ url: `/api/members/card-photos/export.zip?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/overview/': {
    call: (f, t) => ({ url: `/api/overview?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/accounts/': { call: () => ({ url: '/api/accounts' }), expect: rule(['admin']) },
  // The home page takes no record: it answers from the caller's own scope (issue 22).
  // The home answers the caller's own scope only: there is no unit to ask for, inside or outside.
  'GET /api/home/': { call: () => ({ url: '/api/home' }), expect: () => 'allowed' },
  'POST /api/accounts/': {
    call: (f, t) => ({
      url: '/api/accounts',
      body: {
        username: `thu.${t}`,
        displayName: 'Tài khoản thử',
        role: 'standing',
        scopeOrgUnitId: cellOf(f, t),
      },
    }),
    expect: rule(['admin']),
  },
  'PUT /api/accounts/{id}': {
    call: (f) => ({
      url: `/api/accounts/${f.bithuUserId}`,
      body: {
        displayName: 'Bí thư',
        role: 'cell_secretary',
        scopeOrgUnitId: f.cellId,
        isActive: true,
        version: 999,
      },
    }),
    expect: rule(['admin']),
  },
  'POST /api/accounts/{id}/reset-password': {
    call: () => ({ url: '/__skip__' }),
    expect: rule(['admin']),
  },
  // Skipped like reset-password: it ends the target's sessions (tested in accounts tests).
  'POST /api/accounts/{id}/reset-totp': {
    call: () => ({ url: '/__skip__' }),
    expect: rule(['admin']),
  },
  'GET /api/audit/': { call: () => ({ url: '/api/audit' }), expect: rule(['admin']) },
  'GET /api/audit/verify': { call: () => ({ url: '/api/audit/verify' }), expect: rule(['admin']) },
  'GET /api/audit/users': {
    call: () => ({ url: '/api/audit/users?q=a' }),
    expect: rule(['admin']),
  },
  // Backups: administrators only. The restore call sends no file, so an administrator is refused
  // by the route (400) after authorisation and nothing is replaced (backup.db.test.ts restores).
  'GET /api/backup/download': {
    call: () => ({ url: '/api/backup/download' }),
    expect: rule(['admin']),
  },
  'POST /api/backup/restore': {
    call: () => ({
      url: `/api/backup/restore?confirm=${encodeURIComponent('PHỤC HỒI')}`,
      body: {},
    }),
    expect: rule(['admin']),
  },
  'POST /api/members/{id}/events/{eventId}/presented': {
    call: (f, t) => ({
      url: `/api/members/${f.letter[t].memberId}/events/${f.letter[t].eventId}/presented`,
      body: { presentedOn: '2026-01-05' },
    }),
    expect: rule(offices),
  },
  // Notifications (server/modules/notifications): each user reads and marks only their own rows, so
  // every role is allowed and nothing is scoped; running the job by hand is the administrator's.
  'GET /api/notifications/': {
    call: () => ({ url: '/api/notifications' }),
    expect: () => 'allowed',
  },
  'GET /api/notifications/unread-count': {
    call: () => ({ url: '/api/notifications/unread-count' }),
    expect: () => 'allowed',
  },
  'POST /api/notifications/read': {
    call: () => ({ url: '/api/notifications/read', body: { ids: [2_000_000_000] } }),
    expect: () => 'allowed',
  },
  'GET /api/notifications/settings': {
    call: () => ({ url: '/api/notifications/settings' }),
    expect: () => 'allowed',
  },
  'PUT /api/notifications/settings': {
    call: () => ({ url: '/api/notifications/settings', body: { channels: {}, version: -1 } }),
    expect: () => 'allowed',
  },
  'POST /api/notifications/run': {
    call: () => ({ url: '/api/notifications/run', body: { userIds: [2_000_000_000] } }),
    expect: (u) => (u === 'admin' ? 'allowed' : 'forbidden'),
  },
  // The calendar of working days is the same for everyone: no record, no scope.
  'GET /api/calendar/{year}': {
    call: () => ({ url: '/api/calendar/2026' }),
    expect: () => 'allowed',
  },
  'PUT /api/calendar/{year}/adjustments': {
    call: () => ({ url: '/api/calendar/2031/adjustments', body: { adjustments: [] } }),
    expect: rule(['admin']),
  },
  // The dated holiday switch (Ngày Văn hóa Việt Nam): the whole installation's calendar.
  'PUT /api/calendar/rules': {
    call: () => ({ url: '/api/calendar/rules', body: { cultureDay: 'khong' } }),
    expect: rule(['admin']),
  },
  // Installation settings (document place and superior, first-start set-up): administrators only.
  'GET /api/settings/': {
    call: () => ({ url: '/api/settings' }),
    expect: rule(['admin']),
  },
  'PUT /api/settings/document': {
    call: () => ({ url: '/api/settings/document', body: {} }),
    expect: rule(['admin']),
  },
  'POST /api/settings/first-start': {
    call: () => ({ url: '/api/settings/first-start', body: {} }),
    expect: rule(['admin']),
  },
  'GET /api/recruitment/board': {
    call: (f, t) => ({ url: `/api/recruitment/board?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'POST /api/recruitment/applicants': {
    call: (f, t) => ({
      url: '/api/recruitment/applicants',
      body: {
        orgUnitId: t === 'outside' ? f.memberElsewhereCellId : f.cellId,
        fullName: 'Hoàng Thị Thử',
        sex: 'female',
        birthDate: '1998-03-04',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/recruitment/applicants/{id}': {
    call: (f, t) => ({ url: `/api/recruitment/applicants/${f.applicant[t]}` }),
    expect: rule(allButMember),
  },
  'PUT /api/recruitment/applicants/{id}': {
    call: (f, t) => ({
      url: `/api/recruitment/applicants/${f.applicant[t]}`,
      body: { fullName: 'Hoàng Thị Thử', sex: 'female', birthDate: '1998-03-04', version: 999 },
    }),
    expect: rule(recruiters),
  },
  'POST /api/recruitment/applicants/{id}/steps': {
    call: (f, t) => ({
      url: `/api/recruitment/applicants/${f.applicant[t]}/steps`,
      body: { step: 'candidate', stepDate: '2026-01-05', version: 999 },
    }),
    expect: rule(recruiters),
  },
  'POST /api/recruitment/applicants/{id}/stop': {
    call: (f, t) => ({
      url: `/api/recruitment/applicants/${f.applicant[t]}/stop`,
      body: { stopDate: '2026-01-05', reason: 'Thử quyền', version: 999 },
    }),
    expect: rule(recruiters),
  },
  'POST /api/recruitment/documents': {
    call: (f, t) => ({
      url: '/api/recruitment/documents',
      body: {
        orgUnitId: cellOf(f, t),
        fileName: 'don.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0xLjQK',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/recruitment/documents/{id}': {
    call: (f, t) => ({ url: `/api/recruitment/documents/${f.document[t]}` }),
    expect: rule(allButMember),
  },
  'GET /api/recruitment/targets': {
    call: (f, t) => ({ url: `/api/recruitment/targets?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(allButMember),
  },
  'PUT /api/recruitment/targets': {
    call: (f, t) => ({
      url: '/api/recruitment/targets',
      body: { orgUnitId: cellOf(f, t), year: 2027, target: 3 },
    }),
    expect: rule(['admin', 'vanphong']),
  },
  'GET /api/lifecycle/reminders': {
    call: (f, t) => ({ url: `/api/lifecycle/reminders?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/lifecycle/reminders/export.xlsx': {
    call: (f, t) => ({ url: `/api/lifecycle/reminders/export.xlsx?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/lifecycle/badges': {
    call: (f, t) => ({ url: `/api/lifecycle/badges?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'POST /api/lifecycle/badges': {
    call: (f, t, u) => ({
      url: '/api/lifecycle/badges',
      body: { memberId: memberOf(f, t, u), milestone: 90, awardDate: '2026-09-02' },
    }),
    expect: rule(offices),
  },
  'GET /api/lifecycle/members/{id}': {
    call: (f, t, u) => ({ url: `/api/lifecycle/members/${memberOf(f, t, u)}` }),
    expect: rule(everyone),
  },
  'POST /api/lifecycle/members/{id}/card-events': {
    call: (f, t, u) => ({
      url: `/api/lifecycle/members/${memberOf(f, t, u)}/card-events`,
      body: { action: 'recalled', actionDate: '2026-01-05', version: 999 },
    }),
    expect: rule(offices),
  },
  'PUT /api/lifecycle/members/{id}/dues-profile': {
    call: (f, t, u) => ({
      url: `/api/lifecycle/members/${memberOf(f, t, u)}/dues-profile`,
      body: { category: 'student', version: 999 },
    }),
    expect: rule(recruiters),
  },
  'GET /api/lifecycle/dues': {
    call: (f, t) => ({ url: `/api/lifecycle/dues?orgUnitId=${cellOf(f, t)}&month=2026-10` }),
    expect: rule(allButMember),
  },
  // The flat dues amounts of 01-QĐ/TW (no record, no scope): read by whoever reads a dues sheet, set
  // by administrators.
  'GET /api/lifecycle/dues/amounts': {
    call: () => ({ url: '/api/lifecycle/dues/amounts' }),
    expect: (u) => (allButMember.includes(u) ? 'allowed' : 'forbidden'),
  },
  'PUT /api/lifecycle/dues/amounts': {
    call: () => ({ url: '/api/lifecycle/dues/amounts', body: {} }),
    expect: rule(['admin']),
  },
  'POST /api/lifecycle/dues/payments': {
    call: (f, t) => ({
      url: '/api/lifecycle/dues/payments',
      body: {
        orgUnitId: cellOf(f, t),
        month: '2026-10',
        paidOn: '2026-10-05',
        payments: [{ memberId: 999999, amount: 1000 }],
      },
    }),
    expect: rule(recruiters),
  },
  // Dues remitted upward (docs/domain/dues.md): the committees, the UBKT and a grassroots office
  // (its own organisation) read the comparison; the receiving committee's office records.
  'GET /api/lifecycle/dues/remittances': {
    call: (f, t) => ({
      url: `/api/lifecycle/dues/remittances?year=2026&orgUnitId=${t === 'inside' ? f.committeeId : f.otherCommitteeId}`,
    }),
    expect: rule(reportReaders),
  },
  'GET /api/lifecycle/dues/remittances/export.xlsx': {
    call: (f, t) => ({
      url: `/api/lifecycle/dues/remittances/export.xlsx?year=2026&orgUnitId=${t === 'inside' ? f.committeeId : f.otherCommitteeId}`,
    }),
    expect: rule(reportReaders),
  },
  // A period not yet come: refused (400) once past authorisation, so nothing is recorded here.
  'POST /api/lifecycle/dues/remittances': {
    call: (f, t) => ({
      url: '/api/lifecycle/dues/remittances',
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        year: 2099,
        periodKind: 'quarter',
        period: 1,
        amount: 1000,
        receivedOn: '2026-01-10',
      },
    }),
    expect: rule(['admin', 'vanphong']),
  },
  // A stale version: refused (409) once the record is reached, so every allowed caller finds it.
  'PUT /api/lifecycle/dues/remittances/{id}': {
    call: (f, t) => ({
      url: `/api/lifecycle/dues/remittances/${f.remittance[t]}`,
      body: {
        year: 2025,
        periodKind: 'quarter',
        period: 4,
        amount: 1000,
        receivedOn: '2026-01-10',
        version: 999,
      },
    }),
    expect: rule(['admin', 'vanphong']),
  },
  'DELETE /api/lifecycle/dues/remittances/{id}': {
    call: (f, t) => ({ url: `/api/lifecycle/dues/remittances/${f.remittance[t]}?version=999` }),
    expect: rule(['admin', 'vanphong']),
  },
  'GET /api/lifecycle/dues/remittance-share': {
    call: () => ({ url: '/api/lifecycle/dues/remittance-share' }),
    expect: (u) => (reportReaders.includes(u) ? 'allowed' : 'forbidden'),
  },
  'PUT /api/lifecycle/dues/remittance-share': {
    call: () => ({ url: '/api/lifecycle/dues/remittance-share', body: {} }),
    expect: rule(['admin']),
  },
  // Imports: no record to upload into or list (rows are scoped inside); jobs belong to a unit.
  'POST /api/imports/': {
    call: () => ({
      url: '/api/imports',
      body: { kind: 'members', fileName: 'a.csv', contentBase64: importCsv },
    }),
    expect: (u) => (offices.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/imports/templates/{kind}': {
    call: () => ({ url: '/api/imports/templates/members' }),
    expect: (u) => (offices.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/imports/': {
    call: () => ({ url: '/api/imports' }),
    expect: (u) => (offices.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/imports/{id}': {
    call: (f, t) => ({ url: `/api/imports/${f.importJob[t]}` }),
    expect: rule(offices),
  },
  'POST /api/imports/{id}/preview': {
    call: (f, t) => ({ url: `/api/imports/${f.importJob[t]}/preview`, body: { mapping: {} } }),
    expect: rule(offices),
  },
  'GET /api/imports/{id}/rows': {
    call: (f, t) => ({ url: `/api/imports/${f.importJob[t]}/rows` }),
    expect: rule(offices),
  },
  'POST /api/imports/{id}/commit': {
    call: (f, t) => ({ url: `/api/imports/${f.importJob[t]}/commit`, body: {} }),
    expect: rule(offices),
  },
  'GET /api/imports/export/applicants.xlsx': {
    call: (f, t) => ({
      url: `/api/imports/export/applicants.xlsx?orgUnitId=${cellOf(f, t)}&purpose=ki%E1%BB%83m%20tra`,
    }),
    expect: rule(allButMember),
  },
  'GET /api/imports/export/events.xlsx': {
    call: (f, t) => ({
      url: `/api/imports/export/events.xlsx?orgUnitId=${cellOf(f, t)}&purpose=ki%E1%BB%83m%20tra`,
    }),
    expect: rule(allButMember),
  },

  // Reconciliation with the national member database: reading and reconciling a file has no
  // record to ask for (it reads the caller's subtree); a run belongs to the unit whose subtree it read.
  'POST /api/reconciliation/read': {
    call: () => ({
      url: '/api/reconciliation/read',
      body: { fileName: 'a.csv', contentBase64: importCsv },
    }),
    expect: (u) => (offices.includes(u) ? 'allowed' : 'forbidden'),
  },
  'POST /api/reconciliation/runs': {
    call: () => ({
      url: '/api/reconciliation/runs',
      body: {
        fileName: 'a.csv',
        contentBase64: importCsv,
        mapping: {
          fullName: 0,
          birthDate: 1,
          citizenId: null,
          cardNumber: null,
          admittedOn: null,
          recognisedOn: null,
          cell: 2,
          parentUnit: null,
          status: null,
        },
      },
    }),
    expect: (u) => (offices.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/reconciliation/runs': {
    call: () => ({ url: '/api/reconciliation/runs' }),
    expect: (u) => (offices.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/reconciliation/runs/{id}': {
    call: (f, t) => ({ url: `/api/reconciliation/runs/${f.reconciliation[t].run}` }),
    expect: rule(offices),
  },
  'GET /api/reconciliation/runs/{id}/items': {
    call: (f, t) => ({
      url: `/api/reconciliation/runs/${f.reconciliation[t].run}/items?group=onlyThere`,
    }),
    expect: rule(offices),
  },
  'GET /api/reconciliation/runs/{id}/summary.xlsx': {
    call: (f, t) => ({ url: `/api/reconciliation/runs/${f.reconciliation[t].run}/summary.xlsx` }),
    expect: rule(offices),
  },
  'POST /api/reconciliation/items/{id}/decision': {
    call: (f, t) => ({
      url: `/api/reconciliation/items/${f.reconciliation[t].item}/decision`,
      body: { decision: 'note', note: 'Thử quyền' },
    }),
    expect: rule(offices),
  },

  // The annual report and the document register (issue 7). "Inside" is the demo grassroots
  // committee (the coso office's scope), "outside" another committee. Report drafts are read by the
  // offices, the standing committee and the UBKT; written by the offices.
  'GET /api/reports/annual': {
    call: (f, t) => ({
      url: `/api/reports/annual?orgUnitId=${t === 'inside' ? f.committeeId : f.otherCommitteeId}&year=2025`,
    }),
    expect: rule(reportReaders),
  },
  'POST /api/reports/annual/generate': {
    call: (f, t) => ({
      url: '/api/reports/annual/generate',
      // A year without data: the background generation this starts stays light.
      body: { orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId, year: 2001 },
    }),
    expect: rule(offices),
  },
  'GET /api/reports/jobs/{id}': {
    // A job is visible only to whoever started it: an unknown job is "not found" for any writer.
    call: () => ({ url: '/api/reports/jobs/00000000-0000-4000-8000-000000000000' }),
    expect: (u) => (offices.includes(u) ? 'notFound' : 'forbidden'),
  },
  'GET /api/reports/annual/{id}': {
    call: (f, t) => ({ url: `/api/reports/annual/${f.reportDraft[t]}` }),
    expect: rule(reportReaders),
  },
  'PUT /api/reports/annual/{id}/texts': {
    call: (f, t) => ({
      url: `/api/reports/annual/${f.reportDraft[t]}/texts`,
      body: { version: 1, texts: {} },
    }),
    expect: rule(offices),
  },
  'GET /api/reports/annual/{id}/evidence': {
    call: (f, t) => ({ url: `/api/reports/annual/${f.reportDraft[t]}/evidence` }),
    expect: rule(reportReaders),
  },
  'GET /api/reports/annual/{id}/export': {
    call: (f, t) => ({ url: `/api/reports/annual/${f.reportDraft[t]}/export?format=docx` }),
    expect: rule(reportReaders),
  },
  'POST /api/reports/annual/{id}/issue': {
    call: (f, t) => ({ url: `/api/reports/annual/${f.reportDraft[t]}/issue`, body: {} }),
    expect: rule(offices),
  },
  'GET /api/documents/': {
    call: (f, t) => ({
      url: `/api/documents?orgUnitId=${t === 'inside' ? f.committeeId : f.otherCommitteeId}`,
    }),
    expect: rule(reportReaders),
  },
  'GET /api/documents/types': {
    call: (f, t) => ({
      url: `/api/documents/types?orgUnitId=${t === 'inside' ? f.committeeId : f.otherCommitteeId}`,
    }),
    expect: rule(reportReaders),
  },
  'POST /api/documents/': {
    call: (f, t) => ({
      url: '/api/documents',
      body: {
        issuerOrgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        type: 'notice',
        title: 'Thông báo kiểm tra quyền',
        issuedOn: '2026-01-05',
      },
    }),
    expect: rule(offices),
  },

  // Inspection and discipline. Case lists take no record (each role sees its own cases); a case
  // "inside" is a published one about the demo member, so each role may at least know it exists.
  'GET /api/inspection/programmes': {
    call: (f, t) => ({ url: `/api/inspection/programmes?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(everyone),
  },
  'POST /api/inspection/programmes': {
    call: (f, t, u) => ({
      url: '/api/inspection/programmes',
      body: {
        orgUnitId: t === 'outside' ? f.otherCommitteeId : f.committeeId,
        body: u === 'ubkt' ? 'grassroots_inspection' : 'grassroots_committee',
        period: 'year',
        year: 2027,
        title: 'Chương trình thử quyền',
      },
    }),
    expect: rule(['vanphong', 'ubkt', 'coso']),
  },
  'POST /api/inspection/programmes/{id}/items': {
    call: (f, t, u) => ({
      url: `/api/inspection/programmes/${u === 'ubkt' ? f.inspection[t].inspectionProgramme : f.inspection[t].committeeProgramme}/items`,
      body: { kind: 'supervision_thematic', subjectText: 'Chi bộ thử', theme: 'Thử quyền' },
    }),
    expect: rule(['vanphong', 'ubkt', 'coso']),
  },
  'POST /api/inspection/programme-items/{id}/case': {
    call: (f, t) => ({
      url: `/api/inspection/programme-items/${f.inspection[t].item}/case`,
      body: { decisionNumber: '1-QĐ/THU', decisionDate: '2030-01-01', subjects: [] },
    }),
    expect: rule(['ubkt']),
  },
  'GET /api/inspection/cases': {
    call: () => ({ url: '/api/inspection/cases' }),
    expect: () => 'allowed',
  },
  'POST /api/inspection/cases': {
    call: (f, t) => ({
      url: '/api/inspection/cases',
      body: {
        orgUnitId: f.upperId,
        body: 'upper_inspection',
        kind: 'inspection_programme',
        title: 'Thử quyền',
        decisionNumber: '2-QĐ/THU',
        decisionDate: '2030-01-01',
        subjects: [{ kind: 'organisation', orgUnitId: cellOf(f, t) }],
      },
    }),
    expect: rule(['ubkt']),
  },
  'GET /api/inspection/team-candidates': {
    call: () => ({ url: '/api/inspection/team-candidates?q=a' }),
    expect: rule(['ubkt']),
  },
  'GET /api/inspection/cases/{id}': {
    call: (f, t) => ({ url: `/api/inspection/cases/${f.inspection[t].caseId}` }),
    expect: rule(everyone),
  },
  'POST /api/inspection/cases/{id}/steps': {
    call: (f, t) => ({
      url: `/api/inspection/cases/${f.inspection[t].caseId}/steps`,
      body: { step: 'verification', stepDate: '2026-01-05', version: 999 },
    }),
    expect: rule(['ubkt']),
  },
  'POST /api/inspection/cases/{id}/conclusion': {
    call: (f, t) => ({
      url: `/api/inspection/cases/${f.inspection[t].caseId}/conclusion`,
      body: {
        conclusionNumber: '1-TB/THU',
        conclusionDate: '2026-01-05',
        conclusionText: 'Thử',
        outcomeSummary: 'Thử',
        violationFound: false,
        publish: false,
        version: 999,
      },
    }),
    expect: rule(['ubkt']),
  },
  'POST /api/inspection/cases/{id}/publish': {
    call: (f, t) => ({
      url: `/api/inspection/cases/${f.inspection[t].caseId}/publish`,
      body: { publishedOn: '2026-01-05', version: 999 },
    }),
    expect: rule(['ubkt']),
  },
  'PUT /api/inspection/recommendations/{id}': {
    call: (f, t) => ({
      url: `/api/inspection/recommendations/${f.inspection[t].recommendation}`,
      body: { status: 'open', version: 999 },
    }),
    expect: rule(['ubkt']),
  },
  'GET /api/inspection/discipline': {
    call: (f, t) => ({ url: `/api/inspection/discipline?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(['admin', 'vanphong', 'ubkt', 'btv', 'coso']),
  },
  'POST /api/inspection/discipline/check': {
    call: (f, t, u) => ({
      url: '/api/inspection/discipline/check',
      body: {
        subjectKind: 'member',
        memberId: memberOf(f, t, u),
        form: 'khien_trach',
        body: 'upper_inspection',
        bodyOrgUnitId: f.upperId,
        violation: 'Thử quyền',
        violationFrom: '2026-01-05',
      },
    }),
    expect: rule(['ubkt', 'btv']),
  },
  // Without a decision date: refused by the service after authorisation, so nothing is recorded.
  'POST /api/inspection/discipline': {
    call: (f, t, u) => ({
      url: '/api/inspection/discipline',
      body: {
        subjectKind: 'member',
        memberId: memberOf(f, t, u),
        form: 'khien_trach',
        body: 'upper_inspection',
        bodyOrgUnitId: f.upperId,
        violation: 'Thử quyền',
        violationFrom: '2026-01-05',
      },
    }),
    expect: rule(['ubkt', 'btv']),
  },
  'POST /api/inspection/discipline/{id}/complaints': {
    call: (f, t) => ({
      url: `/api/inspection/discipline/${f.inspection[t].decision}/complaints`,
      body: { filedOn: '2030-01-01', handledBy: 'Thử' },
    }),
    expect: rule(['ubkt', 'btv']),
  },
  'PUT /api/inspection/complaints/{id}': {
    call: (f, t) => ({
      url: `/api/inspection/complaints/${f.inspection[t].complaint}`,
      body: { outcome: 'upheld', outcomeOn: '2026-01-05', version: 999 },
    }),
    expect: rule(['ubkt', 'btv']),
  },
  'GET /api/inspection/figures': {
    call: (f, t) => ({ url: `/api/inspection/figures?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(['admin', 'vanphong', 'ubkt', 'btv', 'coso']),
  },
  'GET /api/inspection/figures/records': {
    call: (f, t) => ({
      url: `/api/inspection/figures/records?orgUnitId=${cellOf(f, t)}&year=2026&figure=cases`,
    }),
    expect: rule(['admin', 'vanphong', 'ubkt', 'btv', 'coso']),
  },
  'GET /api/plans/metrics': {
    call: () => ({ url: '/api/plans/metrics' }),
    expect: (u) => (allButMember.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/plans/metric-records': {
    call: (f, t) => ({
      url: `/api/plans/metric-records?code=recruitment.admitted&orgUnitId=${cellOf(f, t)}&year=2026`,
    }),
    expect: rule(allButMember),
  },
  'GET /api/plans/metric-records/export.xlsx': {
    call: (f, t) => ({
      url: `/api/plans/metric-records/export.xlsx?code=recruitment.admitted&orgUnitId=${cellOf(f, t)}&year=2026`,
    }),
    expect: rule(allButMember),
  },
  'GET /api/plans/terms': {
    call: (f, t) => ({ url: `/api/plans/terms?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'POST /api/plans/terms': {
    call: (f, t) => ({
      url: '/api/plans/terms',
      body: { orgUnitId: cellOf(f, t), name: 'Nhiệm kỳ thử', fromYear: 2031, toYear: 2036 },
    }),
    expect: rule(offices),
  },
  'GET /api/plans/year': {
    call: (f, t) => ({ url: `/api/plans/year?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(allButMember),
  },
  'GET /api/plans/assigned-tasks': {
    call: (f, t) => ({ url: `/api/plans/assigned-tasks?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(allButMember),
  },
  'GET /api/plans/assigned-tasks/export.xlsx': {
    call: (f, t) => ({
      url: `/api/plans/assigned-tasks/export.xlsx?orgUnitId=${cellOf(f, t)}&year=2026`,
    }),
    expect: rule(allButMember),
  },
  'POST /api/plans/targets': {
    call: (f, t) => ({
      url: '/api/plans/targets',
      body: {
        orgUnitId: cellOf(f, t),
        year: 2026,
        title: 'Kết nạp đảng viên',
        metricCode: 'recruitment.admitted',
        comparator: 'gte',
        threshold: 2,
      },
    }),
    expect: rule(offices),
  },
  'GET /api/plans/targets/{id}': {
    call: (f, t) => ({ url: `/api/plans/targets/${f.plans[t].target}` }),
    expect: rule(allButMember),
  },
  'PUT /api/plans/terms/{id}': {
    call: (f, t) => ({
      url: `/api/plans/terms/${f.plans[t].term}`,
      body: { name: 'Nhiệm kỳ thử', fromYear: 2040, toYear: 2045, version: 999 },
    }),
    expect: rule(offices),
  },
  'DELETE /api/plans/targets/{id}': {
    call: (f, t, u) => ({ url: `/api/plans/targets/${f.plans[t].spareTarget[u]}` }),
    expect: rule(offices),
  },
  'PUT /api/plans/tasks/{id}': {
    call: (f, t) => ({
      url: `/api/plans/tasks/${f.plans[t].task}`,
      body: { title: 'Thử', ownerKind: 'unit', deadline: '2026-12-31', version: 999 },
    }),
    expect: rule(offices),
  },
  'DELETE /api/plans/tasks/{id}': {
    call: (f, t, u) => ({ url: `/api/plans/tasks/${f.plans[t].spareTask[u]}` }),
    expect: rule(offices),
  },
  // A decision of the cell's meeting (inside) or of a cell of another committee (outside): the same
  // authorisation as entering a key task in that unit's plan.
  'POST /api/plans/tasks/from-decision': {
    call: (f, t) => ({
      url: '/api/plans/tasks/from-decision',
      body: {
        decisionId: f.plans[t].decision,
        title: 'Nhiệm vụ từ nghị quyết',
        ownerKind: 'unit',
        deadline: '2026-12-31',
      },
    }),
    expect: rule(offices),
  },
  'PUT /api/plans/targets/{id}': {
    call: (f, t) => ({
      url: `/api/plans/targets/${f.plans[t].target}`,
      body: { title: 'Thử', comparator: 'gte', threshold: 3, version: 999 },
    }),
    expect: rule(offices),
  },
  'POST /api/plans/targets/{id}/cascade': {
    call: (f, t) => ({
      url: `/api/plans/targets/${f.plans[t].target}/cascade`,
      body: { shares: [{ orgUnitId: cellOf(f, t), threshold: 1 }] },
    }),
    expect: rule(offices),
  },
  'POST /api/plans/tasks': {
    call: (f, t) => ({
      url: '/api/plans/tasks',
      body: {
        orgUnitId: cellOf(f, t),
        year: 2026,
        title: 'Nhiệm vụ thử',
        origin: 'own',
        ownerKind: 'unit',
        deadline: '2026-12-31',
      },
    }),
    expect: rule(offices),
  },
  'PUT /api/plans/tasks/{id}/result': {
    call: (f, t) => ({
      url: `/api/plans/tasks/${f.plans[t].task}/result`,
      body: { status: 'in_progress', version: 999 },
    }),
    expect: rule([...offices, 'bithu']),
  },
  'GET /api/dashboard/': {
    call: (f, t) => ({ url: `/api/dashboard?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(allButMember),
  },
  // Political education (docs/domain/education.md): committees read the programmes of their subtree and
  // above; offices run programmes and reviews; units (cells too) record; a level above recognises models.
  'GET /api/education/programmes': {
    call: () => ({ url: '/api/education/programmes' }),
    expect: (u) => (u === 'dangvien' ? 'forbidden' : 'allowed'),
  },
  'POST /api/education/programmes': {
    call: (f, t) => ({
      url: '/api/education/programmes',
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        kind: 'other',
        title: 'Chương trình thử quyền',
        fromDate: '2026-01-01',
      },
    }),
    expect: rule(offices),
  },
  'GET /api/education/programmes/{id}': {
    call: (f, t) => ({ url: `/api/education/programmes/${f.education[t].programme}` }),
    expect: rule(allButMember),
  },
  'PUT /api/education/programmes/{id}': {
    call: (f, t) => ({
      url: `/api/education/programmes/${f.education[t].programme}`,
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        kind: 'other',
        title: 'Chương trình thử quyền',
        fromDate: '2026-01-01',
        version: 999,
      },
    }),
    expect: rule(offices),
  },
  'POST /api/education/programmes/{id}/activities': {
    call: (f, t) => ({
      url: `/api/education/programmes/${f.education[t].programme}/activities`,
      body: { orgUnitId: cellOf(f, t), kind: 'study', title: 'Học tập thử', heldOn: '2026-01-05' },
    }),
    expect: rule(recruiters),
  },
  'POST /api/education/programmes/{id}/commitments': {
    call: (f, t) => ({
      url: `/api/education/programmes/${f.education[t].programme}/commitments`,
      body: {
        memberId: t === 'inside' ? f.memberInCell.id : f.memberElsewhere.id,
        year: 2026,
        signedOn: '2026-01-05',
        content: 'Cam kết thử quyền',
      },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/education/commitments/{id}/outcome': {
    call: (f, t) => ({
      url: `/api/education/commitments/${f.education[t].commitment}/outcome`,
      body: { outcome: 'kept', version: 999 },
    }),
    expect: rule(recruiters),
  },
  'POST /api/education/programmes/{id}/reviews': {
    call: (f, t) => ({
      url: `/api/education/programmes/${f.education[t].programme}/reviews`,
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        kind: 'interim',
        title: 'Sơ kết thử quyền',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        heldOn: '2026-07-05',
      },
    }),
    expect: rule(offices),
  },
  'GET /api/education/models': {
    call: () => ({ url: '/api/education/models' }),
    expect: (u) => (u === 'dangvien' ? 'forbidden' : 'allowed'),
  },
  'POST /api/education/models': {
    call: (f, t) => ({
      url: '/api/education/models',
      body: {
        orgUnitId: cellOf(f, t),
        programmeId: f.education[t].programme,
        title: 'Mô hình thử quyền',
        registeredOn: '2026-01-05',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/education/models/{id}': {
    call: (f, t) => ({ url: `/api/education/models/${f.education[t].model}` }),
    expect: rule(allButMember),
  },
  'POST /api/education/models/{id}/review': {
    call: (f, t) => ({
      url: `/api/education/models/${f.education[t].model}/review`,
      body: { decision: 'not_recognised', reviewedOn: '2026-03-01', version: 999 },
    }),
    expect: rule(['admin', 'vanphong', 'btv', 'coso']),
  },
  'POST /api/education/models/{id}/evidence': {
    call: (f, t) => ({
      url: `/api/education/models/${f.education[t].model}/evidence`,
      body: { title: 'Minh chứng thử', documentId: f.document[t] },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/education/activities/{id}': {
    call: (f, t) => ({
      url: `/api/education/activities/${f.education[t].activity}`,
      body: {
        orgUnitId: cellOf(f, t),
        kind: 'study',
        title: 'Học tập thử',
        heldOn: '2026-01-05',
        version: 999,
      },
    }),
    expect: rule(recruiters),
  },
  'DELETE /api/education/activities/{id}': {
    call: (f, t, u) => ({ url: `/api/education/activities/${f.education[t].spare.activity[u]}` }),
    expect: rule(recruiters),
  },
  'PUT /api/education/reviews/{id}': {
    call: (f, t) => ({
      url: `/api/education/reviews/${f.education[t].review}`,
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        kind: 'interim',
        title: 'Sơ kết thử quyền',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        heldOn: '2026-07-05',
        version: 999,
      },
    }),
    expect: rule(offices),
  },
  'DELETE /api/education/reviews/{id}': {
    call: (f, t, u) => ({ url: `/api/education/reviews/${f.education[t].spare.review[u]}` }),
    expect: rule(offices),
  },
  'DELETE /api/education/models/{id}/evidence/{evidenceId}': {
    call: (f, t, u) => ({
      url: `/api/education/models/${f.education[t].model}/evidence/${f.education[t].spare.evidence[u]}`,
    }),
    expect: rule(recruiters),
  },
  'POST /api/education/documents': {
    call: (f, t) => ({
      url: '/api/education/documents',
      body: {
        orgUnitId: cellOf(f, t),
        fileName: 'minh-chung.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0xLjQK',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/education/documents/{id}': {
    call: (f, t) => ({ url: `/api/education/documents/${f.document[t]}` }),
    expect: rule(allButMember),
  },
  'GET /api/education/opinion-notes': {
    call: () => ({ url: '/api/education/opinion-notes' }),
    expect: (u) => (u === 'dangvien' ? 'forbidden' : 'allowed'),
  },
  'POST /api/education/opinion-notes': {
    call: (f, t) => ({
      url: '/api/education/opinion-notes',
      body: {
        orgUnitId: cellOf(f, t),
        notedOn: '2026-01-05',
        topic: 'Dư luận thử quyền',
        content: 'Nội dung thử',
      },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/education/opinion-notes/{id}': {
    call: (f, t) => ({
      url: `/api/education/opinion-notes/${f.education[t].note}`,
      body: {
        orgUnitId: cellOf(f, t),
        notedOn: '2026-01-05',
        topic: 'Dư luận thử quyền',
        content: 'Nội dung thử',
        version: 999,
      },
    }),
    expect: rule(recruiters),
  },
  // Resolutions (docs/domain/resolutions.md): the register is read by everyone in the owner's subtree and above.
  'GET /api/resolutions/': {
    call: () => ({ url: '/api/resolutions' }),
    expect: () => 'allowed',
  },
  'POST /api/resolutions/': {
    call: (f, t) => ({
      url: '/api/resolutions',
      body: {
        ownerUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        issuerLevel: 'own',
        issuerName: 'Đảng ủy',
        kind: 'conclusion',
        number: '9-KL/ĐU',
        issuedOn: '2026-01-05',
        title: 'Kết luận thử quyền',
      },
    }),
    expect: rule(offices),
  },
  // Emulation and commendations (docs/domain/emulation.md): everyone but members reads the movements of
  // their committees and the commendations proposed in their subtree; offices launch movements; units
  // register and propose (a cell through its secretary); offices and the standing committee decide.
  'GET /api/emulation/movements': {
    call: () => ({ url: '/api/emulation/movements' }),
    expect: (u) => (allButMember.includes(u) ? 'allowed' : 'forbidden'),
  },
  'POST /api/emulation/movements': {
    call: (f, t) => ({
      url: '/api/emulation/movements',
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        name: 'Dân vận khéo',
        criteria: 'Có mô hình',
        fromDate: '2026-01-10',
        toDate: '2026-12-31',
      },
    }),
    expect: rule(offices),
  },
  'GET /api/emulation/movements/{id}': {
    call: (f, t) => ({ url: `/api/emulation/movements/${f.emulation[t].movement}` }),
    expect: rule(allButMember),
  },
  'PUT /api/emulation/movements/{id}': {
    call: (f, t) => ({
      url: `/api/emulation/movements/${f.emulation[t].movement}`,
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        name: 'Dân vận khéo',
        criteria: 'Có mô hình',
        fromDate: '2026-01-10',
        toDate: '2026-12-31',
        version: 999,
      },
    }),
    expect: rule(offices),
  },
  // The registrations as a paged list and its export (issues 20, 22): readers of the movement, in
  // their own subtree (a unit filter outside it is refused).
  'GET /api/emulation/movements/{id}/registrations': {
    call: (f, t) => ({
      url: `/api/emulation/movements/${f.emulation[t].movement}/registrations?unit=${cellOf(f, t)}`,
    }),
    expect: rule(allButMember),
  },
  'GET /api/emulation/movements/{id}/registrations.xlsx': {
    call: (f, t) => ({
      url: `/api/emulation/movements/${f.emulation[t].movement}/registrations.xlsx?unit=${cellOf(f, t)}`,
    }),
    expect: rule(allButMember),
  },
  'POST /api/emulation/movements/{id}/registrations': {
    call: (f, t) => ({
      url: `/api/emulation/movements/${f.emulation[t].movement}/registrations`,
      body: { orgUnitId: cellOf(f, t), registeredOn: '2026-02-01' },
    }),
    expect: rule(recruiters),
  },
  'DELETE /api/emulation/registrations/{id}': {
    call: (f, t, u) => ({
      url: `/api/emulation/registrations/${f.emulation[t].spareRegistration[u]}`,
    }),
    expect: rule(recruiters),
  },
  'GET /api/emulation/commendations': {
    call: () => ({ url: '/api/emulation/commendations' }),
    expect: (u) => (allButMember.includes(u) ? 'allowed' : 'forbidden'),
  },
  'GET /api/emulation/commendations/eligibility': {
    call: (f, t, u) => ({
      url: `/api/emulation/commendations/eligibility?subjectKind=member&subjectMemberId=${memberOf(f, t, u)}&form=exemplary_certificate&year=2025`,
    }),
    expect: rule(allButMember),
  },
  'POST /api/emulation/commendations': {
    call: (f, t) => ({
      url: '/api/emulation/commendations',
      body: {
        proposingOrgUnitId: cellOf(f, t),
        subjectKind: 'organisation',
        subjectOrgUnitId: cellOf(f, t),
        form: 'certificate',
        year: 2025,
        achievements: 'Thử quyền',
        proposedOn: '2026-01-12',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/emulation/commendations/{id}': {
    call: (f, t) => ({ url: `/api/emulation/commendations/${f.emulation[t].commendation}` }),
    expect: rule(allButMember),
  },
  'POST /api/emulation/commendations/{id}/review': {
    call: (f, t) => ({
      url: `/api/emulation/commendations/${f.emulation[t].commendation}/review`,
      body: { version: 999, reviewedOn: '2026-01-15' },
    }),
    expect: rule([...offices, 'btv']),
  },
  'POST /api/emulation/commendations/{id}/decision': {
    call: (f, t) => ({
      url: `/api/emulation/commendations/${f.emulation[t].commendation}/decision`,
      body: {
        version: 999,
        outcome: 'refused',
        grantingOrgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        grantingAuthority: 'Ban Thường vụ',
        decidedOn: '2026-01-20',
      },
    }),
    expect: rule([...offices, 'btv']),
  },
  'GET /api/resolutions/reflections/mine': {
    call: () => ({ url: '/api/resolutions/reflections/mine' }),
    expect: (u) => (u === 'dangvien' ? 'allowed' : 'forbidden'),
  },
  'POST /api/resolutions/documents': {
    call: (f, t) => ({
      url: '/api/resolutions/documents',
      body: {
        orgUnitId: cellOf(f, t),
        fileName: 'chuong-trinh.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0xLjQK',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/resolutions/documents/{id}': {
    call: (f, t) => ({ url: `/api/resolutions/documents/${f.document[t]}` }),
    expect: rule(everyone),
  },
  'GET /api/resolutions/{id}': {
    call: (f, t) => ({ url: `/api/resolutions/${f.resolution[t]}` }),
    expect: rule(everyone),
  },
  'PUT /api/resolutions/{id}': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}`,
      body: {
        ownerUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        issuerLevel: 'own',
        issuerName: 'Đảng ủy',
        kind: 'resolution',
        number: `1-NQ/ĐU-${t}`,
        issuedOn: '2026-01-05',
        title: 'Nghị quyết thử quyền',
        version: 999,
      },
    }),
    expect: rule(offices),
  },
  'GET /api/resolutions/{id}/coverage': {
    call: (f, t) => ({ url: `/api/resolutions/${f.resolution[t]}/coverage` }),
    expect: rule(everyone),
  },
  'GET /api/resolutions/{id}/unit-record': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}/unit-record?orgUnitId=${cellOf(f, t)}`,
    }),
    expect: rule(everyone),
  },
  'POST /api/resolutions/{id}/sessions': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}/sessions`,
      body: {
        orgUnitId: cellOf(f, t),
        heldOn: '2026-02-10',
        form: 'online',
        invited: 9,
        attended: 9,
      },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/resolutions/{id}/action-programme': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}/action-programme`,
      body: { orgUnitId: cellOf(f, t), number: '1-CTr/CB', issuedOn: '2026-02-20' },
    }),
    expect: rule(recruiters),
  },
  'POST /api/resolutions/{id}/progress-reports': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}/progress-reports`,
      body: { orgUnitId: cellOf(f, t), reportedOn: '2026-06-30', content: 'Sơ kết 6 tháng.' },
    }),
    expect: rule(recruiters),
  },
  'GET /api/resolutions/{id}/reflections': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}/reflections?orgUnitId=${cellOf(f, t)}`,
    }),
    expect: rule(allButMember),
  },
  'PUT /api/resolutions/{id}/reflection': {
    call: (f, t) => ({
      url: `/api/resolutions/${f.resolution[t]}/reflection`,
      body: {
        content:
          'Bài thu hoạch thử quyền: học tập nghị quyết giúp bản thân nâng cao nhận thức và trách nhiệm.',
      },
    }),
    expect: rule(['dangvien']),
  },
  // Congresses (docs/domain/congresses.md): read by all but members (a round from below and above);
  // rounds run by the offices; a congress recorded by the offices and the cell secretary; its plan and
  // results approved by the upper level only (role-rules.ts approvesAsUpperLevel).
  'GET /api/congresses/rounds': {
    call: () => ({ url: '/api/congresses/rounds' }),
    expect: rule(allButMember, { outsideForNarrow: 'allowed' }),
  },
  'POST /api/congresses/rounds': {
    call: (f, t) => ({
      url: '/api/congresses/rounds',
      body: {
        orgUnitId: t === 'inside' ? f.committeeId : f.otherCommitteeId,
        name: 'Đợt đại hội thử quyền',
        fromYear: 2025,
        toYear: 2030,
      },
    }),
    expect: rule(offices),
  },
  'GET /api/congresses/rounds/{id}': {
    call: (f, t) => ({ url: `/api/congresses/rounds/${f.congress[t].round}` }),
    expect: rule(allButMember),
  },
  'PUT /api/congresses/rounds/{id}': {
    call: (f, t) => ({
      url: `/api/congresses/rounds/${f.congress[t].round}`,
      body: { name: 'Đợt đại hội thử quyền', fromYear: 2025, toYear: 2030, version: 999 },
    }),
    expect: rule(offices),
  },
  'POST /api/congresses/rounds/{id}/congresses': {
    call: (f, t) => ({
      url: `/api/congresses/rounds/${f.congress[t].round}/congresses`,
      body: { orgUnitId: t === 'inside' ? f.cellId : f.memberElsewhereCellId },
    }),
    expect: rule(offices),
  },
  'GET /api/congresses/board': {
    call: (f, t) => ({ url: `/api/congresses/board?roundId=${f.congress[t].round}` }),
    expect: rule(allButMember),
  },
  'POST /api/congresses/documents': {
    call: (f, t) => ({
      url: '/api/congresses/documents',
      body: {
        orgUnitId: cellOf(f, t),
        fileName: 'nghi-quyet-dai-hoi.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0xLjQK',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/congresses/documents/{id}': {
    call: (f, t) => ({ url: `/api/congresses/documents/${f.document[t]}` }),
    expect: rule(allButMember),
  },
  'GET /api/congresses/': {
    call: (f, t) => ({ url: `/api/congresses?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/congresses/{id}': {
    call: (f, t) => ({ url: `/api/congresses/${f.congress[t].congress}` }),
    expect: rule(allButMember),
  },
  'PUT /api/congresses/{id}': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congress[t].congress}`,
      body: { kind: 'members', isPilot: false, version: 999 },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/congresses/{id}/personnel-plan': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congress[t].congress}/personnel-plan`,
      body: { plannedCommitteeSize: 9, version: 999 },
    }),
    expect: rule(recruiters),
  },
  // Approving the plan of a cell's congress: the levels above the cell with congress.approve (coso
  // is its grassroots committee); the cell itself and the UBKT are refused, after the scope check.
  'POST /api/congresses/{id}/status': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congress[t].congress}/status`,
      body: {
        to: 'approved',
        planApprovedOn: '2025-03-01',
        planApprovalRef: '01-CV/ĐU',
        version: 999,
      },
    }),
    expect: (user, target) => {
      if (user === 'dangvien') return 'forbidden';
      if (target === 'outside' && narrow.includes(user)) return 'notFound';
      return ['admin', 'vanphong', 'btv', 'coso'].includes(user) ? 'allowed' : 'forbidden';
    },
  },
  'POST /api/congresses/{id}/documents': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congress[t].congress}/documents`,
      body: { kind: 'other', title: 'Tài liệu thử quyền' },
    }),
    expect: rule(recruiters),
  },
  'DELETE /api/congresses/{id}/documents/{documentId}': {
    call: (f, t, user) => ({
      url: `/api/congresses/${f.congress[t].congress}/documents/${f.congress[t].documentOf[user]}`,
    }),
    expect: rule(recruiters),
  },
  // Meetings: read by all but members; recorded by offices and, for their cell, cell secretaries.
  'GET /api/meetings/': {
    call: (f, t) => ({ url: `/api/meetings?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/meetings/export.xlsx': {
    call: (f, t) => ({ url: `/api/meetings/export.xlsx?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'POST /api/meetings/': {
    call: (f, t) => ({
      url: '/api/meetings',
      body: {
        orgUnitId: cellOf(f, t),
        kind: 'cell_regular',
        heldOn: '2026-02-05',
        title: 'Sinh hoạt chi bộ thử quyền',
        attendance: [],
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/meetings/roster': {
    call: (f, t) => ({ url: `/api/meetings/roster?orgUnitId=${cellOf(f, t)}&date=2026-02-05` }),
    expect: rule(allButMember),
  },
  'GET /api/meetings/attendance': {
    call: (f, t) => ({
      url: `/api/meetings/attendance?unitId=${cellOf(f, t)}&from=2026-01-01&to=2026-03-31`,
    }),
    expect: rule(allButMember),
  },
  'GET /api/meetings/{id}': {
    call: (f, t) => ({ url: `/api/meetings/${f.meeting[t]}` }),
    expect: rule(allButMember),
  },
  'PUT /api/meetings/{id}': {
    call: (f, t) => ({
      url: `/api/meetings/${f.meeting[t]}`,
      body: {
        orgUnitId: t === 'inside' ? f.cellId : f.memberElsewhereCellId,
        kind: 'cell_regular',
        heldOn: '2026-02-05',
        title: 'Sinh hoạt chi bộ thử quyền',
        attendance: [],
        version: 999,
      },
    }),
    expect: rule(recruiters),
  },
  // Proposals (docs/domain/proposals.md): the register of a cell (inside) or of a cell of another
  // committee (outside). Writes with a stale version are refused after authorisation (409).
  'GET /api/proposals/': {
    call: (f, t) => ({ url: `/api/proposals?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'POST /api/proposals/': {
    call: (f, t) => ({
      url: '/api/proposals',
      body: {
        orgUnitId: t === 'inside' ? f.cellId : f.memberElsewhereCellId,
        sourceKind: 'other',
        sourceText: 'Đại biểu thử quyền',
        raisedOn: '2026-01-05',
        content: 'Kiến nghị thử quyền',
      },
    }),
    expect: rule(recruiters),
  },
  'GET /api/proposals/{id}': {
    call: (f, t) => ({ url: `/api/proposals/${f.proposal[t]}` }),
    expect: rule(allButMember),
  },
  'PUT /api/proposals/{id}': {
    call: (f, t) => ({
      url: `/api/proposals/${f.proposal[t]}`,
      body: {
        orgUnitId: t === 'inside' ? f.cellId : f.memberElsewhereCellId,
        sourceKind: 'other',
        sourceText: 'Đại biểu thử quyền',
        raisedOn: '2026-01-05',
        content: 'Kiến nghị thử quyền',
        version: 999,
      },
    }),
    expect: rule(recruiters),
  },
  'POST /api/proposals/{id}/answer': {
    call: (f, t) => ({
      url: `/api/proposals/${f.proposal[t]}/answer`,
      body: { answeredOn: '2026-01-20', answer: 'Trả lời thử quyền', version: 999 },
    }),
    expect: rule([...recruiters, 'btv']),
  },
  'POST /api/proposals/{id}/withdraw': {
    call: (f, t) => ({
      url: `/api/proposals/${f.proposal[t]}/withdraw`,
      body: { version: 999 },
    }),
    expect: rule(recruiters),
  },
  'POST /api/proposals/documents': {
    call: (f, t) => ({
      url: '/api/proposals/documents',
      body: {
        orgUnitId: cellOf(f, t),
        fileName: 'tra-loi.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0xLjQK',
      },
    }),
    expect: rule([...recruiters, 'btv']),
  },
  'GET /api/proposals/documents/{id}': {
    call: (f, t) => ({ url: `/api/proposals/documents/${f.document[t]}` }),
    expect: rule(allButMember),
  },
  // Residence comments (Quy định 213-QĐ/TW): reached through the member; a member reads their own.
  'GET /api/proposals/residence/roster': {
    call: (f, t) => ({
      url: `/api/proposals/residence/roster?orgUnitId=${cellOf(f, t)}&year=2025`,
    }),
    expect: committeeUnitReaders,
  },
  'GET /api/proposals/residence/member': {
    call: (f, t, u) => ({ url: `/api/proposals/residence/member?memberId=${memberOf(f, t, u)}` }),
    expect: rule(everyone),
  },
  'POST /api/proposals/residence': {
    call: (f, t, u) => ({
      url: '/api/proposals/residence',
      body: {
        memberId: memberOf(f, t, u),
        year: 2024,
        residenceCell: 'Chi bộ khu phố thử',
        commentedOn: '2025-01-10',
        comment: 'Nhận xét thử quyền',
        recordedAs: 'transcribed',
      },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/proposals/residence/{id}': {
    call: (f, t, u) => ({
      url: `/api/proposals/residence/${f.residenceComment[t]}`,
      body: {
        memberId: memberOf(f, t, u),
        year: 2025,
        residenceCell: 'Chi bộ khu phố thử',
        commentedOn: '2025-12-15',
        comment: 'Nhận xét thử quyền',
        recordedAs: 'transcribed',
        version: 999,
      },
    }),
    expect: rule(recruiters),
  },
  // Committees over time: read by all but members (a member reads only their own record's cấp ủy
  // list: committee.read, then "not found" for a unit); recorded by the offices.
  'GET /api/committees/': {
    call: (f, t) => ({ url: `/api/committees?orgUnitId=${cellOf(f, t)}&date=2025-07-01` }),
    expect: committeeUnitReaders,
  },
  'GET /api/committees/history': {
    call: (f, t) => ({ url: `/api/committees/history?orgUnitId=${cellOf(f, t)}` }),
    expect: committeeUnitReaders,
  },
  'GET /api/committees/holders': {
    call: (f, t) => ({
      url: `/api/committees/holders?orgUnitId=${cellOf(f, t)}&position=secretary&date=2025-07-01`,
    }),
    expect: committeeUnitReaders,
  },
  'GET /api/committees/structure': {
    call: (f, t) => ({ url: `/api/committees/structure?orgUnitId=${cellOf(f, t)}` }),
    expect: committeeUnitReaders,
  },
  'GET /api/committees/members/{memberId}': {
    call: (f, t, user) => ({ url: `/api/committees/members/${memberOf(f, t, user)}` }),
    expect: rule(everyone),
  },
  'POST /api/committees/terms': {
    call: (f, t) => ({
      url: '/api/committees/terms',
      body: {
        orgUnitId: cellOf(f, t),
        termFromYear: 2025,
        termToYear: 2030,
        fromDate: '2025-06-01',
        decisionRef: 'Quyết định thử quyền',
        entries: [
          {
            memberId: t === 'inside' ? f.memberInCell.id : f.memberElsewhere.id,
            position: 'member',
          },
        ],
      },
    }),
    expect: rule(offices),
  },
  'POST /api/committees/positions': {
    call: (f, t) => ({
      url: '/api/committees/positions',
      body: {
        orgUnitId: cellOf(f, t),
        memberId: t === 'inside' ? f.memberInCell.id : f.memberElsewhere.id,
        position: 'deputy_secretary',
        fromDate: '2025-06-01',
        decisionRef: 'Quyết định thử quyền',
        termFromYear: 2025,
        termToYear: 2030,
      },
    }),
    expect: rule(offices),
  },
  'POST /api/committees/positions/{id}/end': {
    call: (f, t) => ({
      url: `/api/committees/positions/${f.committeePosition[t]}/end`,
      body: { version: 999, toDate: '2025-12-31', endReason: 'resigned', decisionRef: 'QĐ' },
    }),
    expect: rule(offices),
  },
  'POST /api/committees/positions/{id}/change': {
    call: (f, t) => ({
      url: `/api/committees/positions/${f.committeePosition[t]}/change`,
      body: { version: 999, date: '2025-12-31', position: 'secretary', decisionRef: 'QĐ' },
    }),
    expect: rule(offices),
  },
  // Evaluation and classification: a campaign per grassroots committee (inside: the demo cell's).
  'GET /api/evaluations/campaigns': {
    call: () => ({ url: '/api/evaluations/campaigns' }),
    expect: () => 'allowed',
  },
  // A cell cannot hold a campaign: refused by the service after the scope check.
  'POST /api/evaluations/campaigns': {
    call: (f, t) => ({
      url: '/api/evaluations/campaigns',
      body: {
        orgUnitId: t === 'outside' ? f.memberElsewhereCellId : f.cellId,
        year: 2026,
        openedOn: '2026-11-20',
      },
    }),
    expect: rule(offices),
  },
  'GET /api/evaluations/campaigns/{id}': {
    call: (f, t) => ({ url: `/api/evaluations/campaigns/${f.evaluation[t].campaign}` }),
    expect: rule(everyone),
  },
  'PUT /api/evaluations/campaigns/{id}': {
    call: (f, t) => ({
      url: `/api/evaluations/campaigns/${f.evaluation[t].campaign}`,
      body: { version: 999 },
    }),
    expect: rule(offices),
  },
  'POST /api/evaluations/campaigns/{id}/decision-check': {
    call: (f, t) => ({
      url: `/api/evaluations/campaigns/${f.evaluation[t].campaign}/decision-check`,
      body: {
        decidedOn: '2026-12-20',
        decisionNumber: '1-QĐ/THU',
        items: [{ recordId: f.evaluation[t].record, version: 999, level: 'HTTNV' }],
      },
    }),
    expect: rule([...offices, 'btv']),
  },
  'POST /api/evaluations/campaigns/{id}/decisions': {
    call: (f, t) => ({
      url: `/api/evaluations/campaigns/${f.evaluation[t].campaign}/decisions`,
      body: {
        decidedOn: '2026-12-20',
        decisionNumber: '1-QĐ/THU',
        items: [{ recordId: f.evaluation[t].record, version: 999, level: 'HTTNV' }],
      },
    }),
    expect: rule([...offices, 'btv']),
  },
  'POST /api/evaluations/campaigns/{id}/publication': {
    call: (f, t) => ({
      url: `/api/evaluations/campaigns/${f.evaluation[t].campaign}/publication`,
      body: {
        publishedOn: '2026-12-28',
        items: [{ recordId: f.evaluation[t].record, version: 999 }],
      },
    }),
    expect: rule([...offices, 'btv']),
  },
  'GET /api/evaluations/records': {
    call: (f, t) => ({ url: `/api/evaluations/records?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(everyone),
  },
  'GET /api/evaluations/records/{id}': {
    call: (f, t, u) => ({
      url: `/api/evaluations/records/${u === 'dangvien' && t === 'inside' ? f.evaluation[t].ownRecord : f.evaluation[t].record}`,
    }),
    expect: rule(everyone),
  },
  'POST /api/evaluations/records/{id}/self-assessment': {
    call: (f, t, u) => ({
      url: `/api/evaluations/records/${u === 'dangvien' && t === 'inside' ? f.evaluation[t].ownRecord : f.evaluation[t].record}/self-assessment`,
      body: { version: 999, assessedOn: '2026-12-05', proposedLevel: 'HTTNV' },
    }),
    expect: rule([...offices, 'bithu', 'dangvien']),
  },
  'POST /api/evaluations/records/{id}/review': {
    call: (f, t) => ({
      url: `/api/evaluations/records/${f.evaluation[t].record}/review`,
      body: { version: 999, reviewedOn: '2026-12-10', level: 'HTTNV', votes: { present: 5 } },
    }),
    expect: rule([...offices, 'bithu']),
  },
  'POST /api/evaluations/records/{id}/appraisal': {
    call: (f, t) => ({
      url: `/api/evaluations/records/${f.evaluation[t].record}/appraisal`,
      body: { version: 999, appraisedOn: '2026-12-12', level: 'HTTNV' },
    }),
    expect: rule(offices),
  },
  'POST /api/evaluations/records/{id}/complaints': {
    call: (f, t, u) => ({
      url: `/api/evaluations/records/${u === 'dangvien' && t === 'inside' ? f.evaluation[t].ownRecord : f.evaluation[t].record}/complaints`,
      body: { version: 999, filedOn: '2027-01-05', content: 'Thử quyền' },
    }),
    expect: rule([...offices, 'bithu', 'dangvien']),
  },
  'POST /api/evaluations/complaints/{id}/resolution': {
    call: (f, t) => ({
      url: `/api/evaluations/complaints/${f.evaluation[t].complaint}/resolution`,
      body: { version: 999, resolvedOn: '2027-01-20', outcome: 'upheld', answer: 'Thử' },
    }),
    expect: rule(['admin', 'vanphong', 'btv']),
  },
  'GET /api/evaluations/results': {
    call: (f, t) => ({ url: `/api/evaluations/results?orgUnitId=${cellOf(f, t)}&year=2026` }),
    expect: rule(allButMember),
  },
  // Elections and delegates of congresses (a cell's congress: inside the demo cell, outside a cell
  // of another committee). Its election is approved, so edits are refused after authorisation;
  // approval (chuẩn y) needs congress.approve and a scope strictly above the cell.
  'GET /api/congresses/{id}/elections': {
    call: (f, t) => ({ url: `/api/congresses/${f.congressElections[t].congress}/elections` }),
    expect: rule(allButMember),
  },
  'POST /api/congresses/{id}/elections': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/elections`,
      body: {
        body: 'committee',
        heldOn: '2025-05-10',
        seats: 1,
        majorityBase: 10,
        ballotsIssued: 10,
        ballotsReturned: 10,
        ballotsValid: 10,
        ballotsInvalid: 0,
        candidates: [{ memberId: f.memberElsewhere.id, votes: 9 }],
      },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/congresses/{id}/elections/{electionId}': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/elections/${f.congressElections[t].election}`,
      body: {
        heldOn: '2025-05-10',
        seats: 1,
        majorityBase: 10,
        ballotsIssued: 10,
        ballotsReturned: 10,
        ballotsValid: 10,
        ballotsInvalid: 0,
        candidates: [{ memberId: f.memberElsewhere.id, votes: 9 }],
        version: 999,
      },
    }),
    expect: rule(recruiters),
  },
  'DELETE /api/congresses/{id}/elections/{electionId}': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/elections/${f.congressElections[t].election}`,
    }),
    expect: rule(recruiters),
  },
  'POST /api/congresses/{id}/elections/{electionId}/approve': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/elections/${f.congressElections[t].election}/approve`,
      body: { approvedOn: '2025-05-20', approvalRef: '1-QĐ/TEST', version: 999 },
    }),
    expect: rule(['admin', 'vanphong', 'btv', 'coso']),
  },
  'GET /api/congresses/{id}/delegates': {
    call: (f, t) => ({ url: `/api/congresses/${f.congressElections[t].congress}/delegates` }),
    expect: rule(allButMember),
  },
  'PUT /api/congresses/{id}/delegates/allocations': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/delegates/allocations`,
      body: { allocations: [] },
    }),
    expect: rule(recruiters),
  },
  'POST /api/congresses/{id}/delegates/elected': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/delegates/elected`,
      body: { fromOrgUnitId: cellOf(f, t) },
    }),
    expect: rule(recruiters),
  },
  'POST /api/congresses/{id}/delegates': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/delegates`,
      body: { memberId: f.memberElsewhere.id, fromOrgUnitId: cellOf(f, t), kind: 'appointed' },
    }),
    expect: rule(recruiters),
  },
  'PUT /api/congresses/{id}/delegates/{delegateId}/credentials': {
    call: (f, t) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/delegates/${f.congressElections[t].delegate}/credentials`,
      body: { status: 'accepted', version: 999 },
    }),
    expect: rule(recruiters),
  },
  'DELETE /api/congresses/{id}/delegates/{delegateId}': {
    call: (f, t, u) => ({
      url: `/api/congresses/${f.congressElections[t].congress}/delegates/${f.congressElections[t].spareDelegate[u]}`,
    }),
    expect: rule(recruiters),
  },
};

const importCsv = sampleImportCsv.toString('base64');

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Fixtures;
const sessions: Record<string, Session> = {};

// Records inside the caller's subtree (the demo cell and its grassroots committee) and outside it
// (another grassroots committee), made through the builders of server/test/builders.

/** One per user, so that each allowed delete removes its own row. */
const spares = async (make: () => Promise<number>) => {
  const out: Record<string, number> = {};
  for (const u of Object.keys(users)) out[u] = await make();
  return out;
};

// A movement of the committee, a commendation proposed by the unit, spare registrations to delete.
const emulationIn = async (db: DbOrTx, committeeId: number, unitId: number) => {
  const movement = await movementIn(db, committeeId);
  return {
    movement,
    commendation: await commendationIn(db, unitId),
    spareRegistration: await spares(() => registrationIn(db, movement, unitId)),
  };
};

// A target, a key task and a term in the unit's plan, spare targets and tasks to delete, and a
// decision of a meeting to turn into a task.
const planIn = async (db: DbOrTx, unitId: number, meetingId: number) => ({
  target: await planTargetIn(db, unitId),
  task: await keyTaskIn(db, unitId),
  term: await planTermIn(db, unitId),
  decision: await meetingDecisionIn(db, meetingId),
  spareTarget: await spares(() => planTargetIn(db, unitId)),
  spareTask: await spares(() => keyTaskIn(db, unitId)),
});

// Programmes of both kinds, a published case about a member with a recommendation, and a decided
// discipline with a pending complaint, in the given grassroots committee.
const inspectionIn = async (db: DbOrTx, committeeId: number, memberId: number) => {
  const inspection = await programmeIn(
    await loginAs(t.app, 'ubkt'),
    db,
    committeeId,
    'grassroots_inspection',
  );
  const committee = await programmeIn(
    await loginAs(t.app, 'vanphong'),
    db,
    committeeId,
    'grassroots_committee',
  );
  const member = { id: memberId, cellId: await cellOfMember(db, memberId) };
  const { caseId, recommendation } = await publishedCaseAbout(db, committeeId, member);
  const { decision, complaint } = await disciplineWithComplaint(db, member);
  return {
    committeeProgramme: committee.programme,
    inspectionProgramme: inspection.programme,
    item: inspection.item,
    caseId,
    recommendation,
    decision,
    complaint,
  };
};

// A campaign over the committee, the record of a member of it, the record of the caller's own
// member (dangvien's, inside; none outside: the member's record again) and a complaint.
const evaluationIn = async (
  office: Session,
  db: DbOrTx,
  committeeId: number,
  memberId: number,
  ownId: number,
) => {
  const campaign = await campaignIn(office, committeeId);
  const record = await evaluationRecordOf(db, campaign, memberId);
  const complaint = await evaluationComplaintIn(db, record);
  return {
    campaign,
    record,
    ownRecord: ownId ? await evaluationRecordOf(db, campaign, ownId) : record,
    complaint,
  };
};

beforeAll(async () => {
  t = await openTestApp('demo');
  const db = t.db;
  const base = await demoFixtures(db);
  const detail = (
    await (await loginAs(t.app, 'vanphong')).get(`/api/members/${base.memberElsewhere.id}`)
  ).json();
  const accounts = (await (await loginAs(t.app, 'admin')).get('/api/accounts?q=bithu')).json();
  const office = await loginAs(t.app, 'vanphong');
  const meeting = {
    inside: await meetingIn(db, base.cellId),
    outside: await meetingIn(db, detail.orgUnitId),
  };
  const congressFixture = async (unitId: number, cellId: number) => {
    const round = await congressRoundIn(db, unitId);
    const congress = await congressIn(db, round, cellId);
    const documentOf: Record<string, number> = {};
    for (const u of Object.keys(users)) documentOf[u] = await congressDocumentIn(db, congress);
    return { round, congress, documentOf };
  };
  /** A remittance of a grassroots organisation to the bloc, recorded for a past year. */
  const remittanceOf = async (orgUnitId: number) =>
    (await queryOne<{ id: number }>(
      db,
      sql`insert into dues_remittances (org_unit_id, receiving_org_unit_id, year, period_kind, period, amount, received_on)
          values (${orgUnitId}, ${base.upperId}, 2025, 'quarter', 4, 100000, '2026-01-10') returning id`,
    ))!.id;
  f = {
    ...base,
    remittance: {
      inside: await remittanceOf(base.committeeId),
      outside: await remittanceOf(base.otherCommitteeId),
    },
    meeting,
    congress: {
      inside: await congressFixture(base.committeeId, base.cellId),
      outside: await congressFixture(base.otherCommitteeId, detail.orgUnitId),
    },
    committeePosition: {
      inside: await committeePositionIn(db, base.cellId, base.memberInCell.id),
      outside: await committeePositionIn(db, detail.orgUnitId, base.memberElsewhere.id),
    },
    proposal: {
      inside: await proposalIn(db, base.cellId),
      outside: await proposalIn(db, detail.orgUnitId),
    },
    residenceComment: {
      inside: await residenceCommentOf(db, base.memberInCell.id),
      outside: await residenceCommentOf(db, base.memberElsewhere.id),
    },
    resolution: {
      inside: await resolutionIn(db, base.committeeId),
      outside: await resolutionIn(db, base.otherCommitteeId),
    },
    education: {
      inside: await educationIn(
        db,
        base.committeeId,
        base.cellId,
        base.memberInCell.id,
        Object.keys(users),
      ),
      outside: await educationIn(
        db,
        base.otherCommitteeId,
        base.otherCommitteeId,
        base.memberElsewhere.id,
        Object.keys(users),
      ),
    },
    emulation: {
      inside: await emulationIn(db, base.committeeId, base.cellId),
      outside: await emulationIn(db, base.otherCommitteeId, base.otherCommitteeId),
    },
    plans: {
      inside: await planIn(db, base.cellId, meeting.inside),
      outside: await planIn(db, base.otherCommitteeId, meeting.outside),
    },
    memberElsewhereCellId: detail.orgUnitId,
    bithuUserId: accounts.items.find((a: { username: string }) => a.username === 'bithu').id,
    applicant: {
      inside: await applicantIn(office, base.cellId),
      outside: await applicantIn(office, detail.orgUnitId),
    },
    document: {
      inside: await recruitmentDocumentIn(office, base.cellId),
      outside: await recruitmentDocumentIn(office, base.otherCommitteeId),
    },
    letter: {
      inside: await transferLetterIn(db, base.cellId),
      outside: await transferLetterIn(db, base.otherCommitteeId),
    },
    importJob: {
      inside: await importJobIn(db, base.cellId),
      outside: await importJobIn(db, base.otherCommitteeId),
    },
    reconciliation: {
      inside: await reconciliationRunIn(db, base.committeeId),
      outside: await reconciliationRunIn(db, base.otherCommitteeId),
    },
    reportDraft: {
      inside: await reportDraftIn(db, base.committeeId),
      outside: await reportDraftIn(db, base.otherCommitteeId),
    },
    congressElections: {
      inside: await congressElectionsIn(db, base.cellId, Object.keys(users)),
      outside: await congressElectionsIn(db, detail.orgUnitId, Object.keys(users)),
    },
    inspection: {
      inside: await inspectionIn(db, base.committeeId, base.selfMemberId),
      outside: await inspectionIn(db, base.otherCommitteeId, base.memberElsewhere.id),
    },
    evaluation: {
      inside: await evaluationIn(
        office,
        db,
        base.committeeId,
        base.memberInCell.id,
        base.selfMemberId,
      ),
      outside: await evaluationIn(office, db, base.otherCommitteeId, base.memberElsewhere.id, 0),
    },
  };
  for (const u of Object.keys(users)) sessions[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const outcomeOf = (status: number): Outcome =>
  status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'allowed';

describe('authorisation matrix', () => {
  it('covers every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const missing = routes.filter((r) => !(r in table));
    expect(missing).toEqual([]);
  });

  it('gives each role exactly the declared outcome inside and outside its subtree', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [route, entry] of Object.entries(table)) {
      const [method] = route.split(' ');
      for (const user of Object.keys(users)) {
        for (const target of ['inside', 'outside'] as const) {
          const call = entry.call(f, target, user);
          if (call.url === '/__skip__') continue; // ends the session or the password: tested in auth tests
          const s = sessions[user];
          const res =
            method === 'GET'
              ? await s.get(call.url)
              : method === 'PUT'
                ? await s.put(call.url, call.body)
                : method === 'DELETE'
                  ? await s.delete(call.url)
                  : await s.post(call.url, call.body);
          expect(res.statusCode, `${route} ${user} ${target}`).not.toBe(500);
          const got = outcomeOf(res.statusCode);
          const want = entry.expect(user, target);
          checked += 1;
          if (got !== want)
            mismatches.push(`${route} as ${user} (${target}): got ${res.statusCode}, want ${want}`);
          if (got === 'notFound') expect(res.body).not.toContain(f.memberElsewhere.full_name);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  }, 300_000); // about 1,000 requests: 30 s alone, longer on a busy machine

  // Found by probing every route as each role (issue 23): a body nested 20,000 deep and a NUL in a
  // search were 500s. Bad input is a Vietnamese 400 — never a 500 — whoever sends it and wherever
  // its ids point.
  it('answers bad bodies and a NUL in the query with a Vietnamese 400 on every route, as every role', async () => {
    const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const deepObject = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const withNul = (body: unknown) => {
      const copy: Record<string, unknown> =
        body && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
      const strings = Object.keys(copy).filter((k) => typeof copy[k] === 'string');
      for (const k of strings) copy[k] = `${copy[k]}\u0000`;
      if (strings.length === 0) copy.note = 'ghi\u0000chú';
      return copy;
    };
    const wrong: string[] = [];
    let checked = 0;
    for (const [route, entry] of Object.entries(table)) {
      const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
      for (const user of Object.keys(users)) {
        const s = sessions[user];
        const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
        for (const target of ['inside', 'outside'] as const) {
          const call = entry.call(f, target, user);
          if (call.url === '/__skip__') continue;
          const answers =
            method === 'GET' || method === 'DELETE'
              ? [
                  await t.app.inject({
                    method,
                    url: `${call.url}${call.url.includes('?') ? '&' : '?'}q=%00`,
                    headers,
                  }),
                ]
              : [
                  ...(await Promise.all(
                    [deepArray, deepObject].map((payload) =>
                      t.app.inject({
                        method,
                        url: call.url,
                        headers: { ...headers, 'content-type': 'application/json' },
                        payload,
                      }),
                    ),
                  )),
                  await t.app.inject({
                    method,
                    url: call.url,
                    headers,
                    payload: withNul(call.body),
                  }),
                ];
          for (const res of answers) {
            checked += 1;
            const answer = res.statusCode === 400 ? res.json() : null;
            if (answer?.code !== 'VALIDATION' || !/[ạ-ỹđ]/i.test(String(answer?.message)))
              wrong.push(
                `${route} as ${user} (${target}): ${res.statusCode} ${res.body.slice(0, 120)}`,
              );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1500);
  }, 600_000);

  it('does not tell which usernames exist: the same answers for an unknown username and an account', async () => {
    const attempt = (username: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { username, password: 'khong-dung-dau' },
      });
    const answers: Record<string, { status: number; body: string }[]> = {};
    for (const [i, username] of ['btv', 'khong-co-tai-khoan-nay'].entries()) {
      answers[username] = [];
      // Wrong passwords, then the lock of this username from this address.
      for (let n = 0; n < 7; n++) {
        const res = await attempt(username, `10.99.${i}.1`);
        answers[username].push({ status: res.statusCode, body: res.body });
      }
    }
    expect(answers.btv.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(answers['khong-co-tai-khoan-nay']).toEqual(answers.btv);
    // The user's own address is not locked by that.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.99.9.1',
      payload: { username: 'btv', password: TEST_PASSWORD },
    });
    expect(own.statusCode).toBe(200);
  });

  it('answers anonymous callers 401 on every private route, before looking at the input', async () => {
    for (const route of Object.keys(table)) {
      const [method, path] = route.split(' ');
      if (['/api/health', '/api/auth/login'].includes(path)) continue;
      const res = await t.app.inject({
        method: method as 'GET',
        url: path.replace('{id}', '1').replace('{eventId}', '1').replace('{year}', '2026'),
        payload: ['GET', 'DELETE'].includes(method) ? undefined : {},
      });
      expect(res.statusCode, route).toBe(401);
    }
  });
});
