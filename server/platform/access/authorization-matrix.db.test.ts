// Every API route × every role × a record inside and one outside the caller's subtree. Expected
// outcomes are data; a route missing from the table fails the test. "allowed" means the request got
// past authorisation (any answer but 401/403/404); business rules may still refuse it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/enums/roles';
import { queryOne, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

type Outcome = 'allowed' | 'forbidden' | 'notFound';
type Target = 'inside' | 'outside';
type Fixtures = Awaited<ReturnType<typeof demoFixtures>> & {
  memberElsewhereCellId: number;
  bithuUserId: number;
  applicant: Record<Target, number>;
  document: Record<Target, number>;
  letter: Record<Target, { memberId: number; eventId: number }>;
  importJob: Record<Target, number>;
  evaluation: Record<Target, EvaluationFixture>;
  resolution: Record<Target, number>;
  meeting: Record<Target, number>;
  plans: PlanFixtures;
  reportDraft: Record<Target, number>;
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
  'GET /api/overview/': {
    call: (f, t) => ({ url: `/api/overview?orgUnitId=${cellOf(f, t)}` }),
    expect: rule(allButMember),
  },
  'GET /api/accounts/': { call: () => ({ url: '/api/accounts' }), expect: rule(['admin']) },
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
  // Imports: no record to upload into or list (rows are scoped inside); jobs belong to a unit.
  'POST /api/imports/': {
    call: () => ({
      url: '/api/imports',
      body: { kind: 'members', fileName: 'a.csv', contentBase64: importCsv },
    }),
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
  // Resolutions (DOMAIN.md §7): the register is read by everyone in the owner's subtree and above.
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
  // Meetings: read by all but members; recorded by offices and, for their cell, cell secretaries.
  'GET /api/meetings/': {
    call: (f, t) => ({ url: `/api/meetings?orgUnitId=${cellOf(f, t)}` }),
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
};

const importCsv = Buffer.from('Họ và tên;Ngày sinh;Chi bộ\nA B;1/1/1990;x\n').toString('base64');

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Fixtures;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  const base = await demoFixtures(t.db);
  const detail = (
    await (await loginAs(t.app, 'vanphong')).get(`/api/members/${base.memberElsewhere.id}`)
  ).json();
  const accounts = (await (await loginAs(t.app, 'admin')).get('/api/accounts?q=bithu')).json();
  const office = await loginAs(t.app, 'vanphong');
  const applicantIn = async (orgUnitId: number) =>
    (
      await office.post('/api/recruitment/applicants', {
        orgUnitId,
        fullName: 'Nông Văn Quyền',
        sex: 'male',
        birthDate: '1999-05-06',
      })
    ).json().id as number;
  const documentIn = async (orgUnitId: number) =>
    (
      await office.post('/api/recruitment/documents', {
        orgUnitId,
        fileName: 'giay-chung-nhan.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0xLjQK',
      })
    ).json().id as number;
  // A member of the subtree whose history has a transfer letter (moves and transfers in).
  const letterIn = async (unitId: number) => {
    const row = await queryOne<{ member_id: number; id: number }>(
      t.db,
      sql`select e.member_id, e.id from member_events e join members m on m.id = e.member_id
          join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${unitId})
            and e.kind in ('transferred_in', 'moved') and m.status in ('full', 'probationary')
          order by e.id limit 1`,
    );
    return { memberId: row!.member_id, eventId: row!.id };
  };
  const reportDraftIn = async (orgUnitId: number) =>
    (await queryOne<{ id: number }>(
      t.db,
      sql`insert into report_drafts (org_unit_id, year) values (${orgUnitId}, 2025) returning id`,
    ))!.id;
  const importJobIn = async (orgUnitId: number) => {
    const job = await queryOne<{ id: number }>(
      t.db,
      sql`insert into import_jobs (kind, org_unit_id, file_name, file_sha256, layout_fingerprint, mapping, status)
          values ('members', ${orgUnitId}, 'a.csv', 'x', 'x', '{}'::jsonb, 'uploaded') returning id`,
    );
    await t.db.execute(sql`insert into import_files (job_id, size, content, header_row, headers)
      values (${job!.id}, 1, ${Buffer.from(importCsv, 'base64')}, 1, '[]'::jsonb)`);
    return job!.id;
  };
  // Programmes of both kinds, a published case about a member with a recommendation, and a
  // decided discipline with a pending complaint, in the given grassroots committee.
  const inspectionIn = async (committeeId: number, memberId: number) => {
    const programme = async (user: string, body: string) =>
      (
        await (
          await loginAs(t.app, user)
        ).post('/api/inspection/programmes', {
          orgUnitId: committeeId,
          body,
          period: 'year',
          year: 2026,
          title: 'Chương trình kiểm tra, giám sát năm 2026',
          items: [
            { kind: 'supervision_thematic', subjectText: 'Chi bộ', theme: 'Sinh hoạt chi bộ' },
          ],
        })
      ).json().id as number;
    const inspectionProgramme = await programme('ubkt', 'grassroots_inspection');
    const committeeProgramme = await programme('vanphong', 'grassroots_committee');
    const item = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from inspection_programme_items where programme_id = ${inspectionProgramme}`,
    ))!.id;
    const one = async (query: ReturnType<typeof sql>) =>
      (await queryOne<{ id: number }>(t.db, query))!.id;
    const cell = (await queryOne<{ org_unit_id: number }>(
      t.db,
      sql`select org_unit_id from members where id = ${memberId}`,
    ))!.org_unit_id;
    const caseId = await one(
      sql`insert into inspection_cases (org_unit_id, body, kind, title, decision_number, decision_date,
            year, status, conclusion_number, conclusion_date, conclusion_text, outcome_summary, published_on)
          values (${committeeId}, 'grassroots_inspection', 'inspection_programme', 'Kiểm tra thử quyền',
            '7-QĐ/UBKT', '2026-03-02', 2026, 'concluded', '7-TB/UBKT', '2026-04-01', 'Mật', 'Tốt', '2026-04-02')
          returning id`,
    );
    await t.db.execute(sql`insert into inspection_case_subjects (case_id, subject_kind, org_unit_id, member_id)
      values (${caseId}, 'member', ${cell}, ${memberId})`);
    const recommendation = await one(
      sql`insert into inspection_recommendations (case_id, text) values (${caseId}, 'Thử') returning id`,
    );
    const decision = await one(
      sql`insert into discipline_decisions (subject_kind, member_id, org_unit_id, standing, status, form, body,
            body_org_unit_id, decision_number, violation, violation_from, decided_on)
          values ('member', ${memberId}, ${cell}, 'full', 'decided', 'khien_trach', 'cell', ${cell}, '1-QĐ/CB',
            'Thử', '2025-12-01', '2026-01-10') returning id`,
    );
    const complaint = await one(
      sql`insert into discipline_complaints (decision_id, filed_on, deadline_on, handled_by)
          values (${decision}, '2026-01-20', '2026-02-10', 'Đảng ủy') returning id`,
    );
    return {
      committeeProgramme,
      inspectionProgramme,
      item,
      caseId,
      recommendation,
      decision,
      complaint,
    };
  };
  // A target, a key task and a term in the cell's plan (inside) and in another committee's (outside),
  // spare targets and tasks to delete, and a decision of a meeting to turn into a task.
  const insertId = async (query: ReturnType<typeof sql>) =>
    (await queryOne<{ id: number }>(t.db, query))!.id;
  const targetIn = (unitId: number) =>
    insertId(sql`insert into plan_targets (org_unit_id, year, title, metric_code, comparator, threshold)
          values (${unitId}, 2026, 'Kết nạp', 'recruitment.admitted', 'gte', 2) returning id`);
  const taskIn = (unitId: number) =>
    insertId(sql`insert into key_tasks (org_unit_id, year, title, origin, owner_kind, owner_org_unit_id, deadline)
          values (${unitId}, 2026, 'Nhiệm vụ', 'own', 'unit', ${unitId}, '2026-12-31') returning id`);
  const spares = async (make: () => Promise<number>) => {
    const out: Record<string, number> = {};
    for (const u of Object.keys(users)) out[u] = await make();
    return out;
  };
  const planIn = async (unitId: number, meetingId: number) => ({
    target: await targetIn(unitId),
    task: await taskIn(unitId),
    term: await insertId(sql`insert into plan_terms (org_unit_id, name, from_year, to_year)
          values (${unitId}, 'Nhiệm kỳ thử quyền', 2040, 2045) returning id`),
    decision: await insertId(sql`insert into meeting_decisions (meeting_id, text, deadline)
          values (${meetingId}, 'Nội dung thử quyền', '2026-12-31') returning id`),
    spareTarget: await spares(() => targetIn(unitId)),
    spareTask: await spares(() => taskIn(unitId)),
  });
  // A resolution registered by a grassroots committee with a plan for its own subtree.
  const resolutionIn = async (committeeId: number) => {
    const row = await queryOne<{ id: number }>(
      t.db,
      sql`insert into resolutions (owner_unit_id, issuer_level, issuer_name, kind, number, issued_on, title)
          values (${committeeId}, 'own', 'Đảng ủy', 'resolution', ${`1-NQ/ĐU-${committeeId}`}, '2026-01-05',
            'Nghị quyết thử quyền') returning id`,
    );
    await t.db.execute(sql`insert into resolution_plans (resolution_id, target_unit_id, unit_kinds,
        study_deadline, action_programme_required, action_programme_deadline)
      values (${row!.id}, ${committeeId}, array['grassroots_committee','cell'], '2026-03-31', true, '2026-04-30')`);
    return row!.id;
  };
  const meetingIn = async (cellId: number) =>
    (await queryOne<{ id: number }>(
      t.db,
      sql`insert into meetings (org_unit_id, kind, held_on, title, invited_count, present_count)
          values (${cellId}, 'cell_regular', '2026-01-06', 'Sinh hoạt chi bộ tháng 1', 10, 9) returning id`,
    ))!.id;
  const evaluationIn = async (committeeId: number, memberId: number, ownId: number) => {
    const opened = await office.post('/api/evaluations/campaigns', {
      orgUnitId: committeeId,
      year: 2026,
      openedOn: '2026-11-20',
    });
    const campaign = opened.json().id as number;
    const recordOf = async (id: number) =>
      (await queryOne<{ id: number }>(
        t.db,
        sql`select id from evaluation_records where campaign_id = ${campaign} and member_id = ${id}`,
      ))!.id;
    const record = await recordOf(memberId);
    const complaint = (await queryOne<{ id: number }>(
      t.db,
      sql`insert into evaluation_complaints (record_id, filed_on, content)
          values (${record}, '2027-01-05', 'Thử') returning id`,
    ))!.id;
    return { campaign, record, ownRecord: ownId ? await recordOf(ownId) : record, complaint };
  };
  const meeting = {
    inside: await meetingIn(base.cellId),
    outside: await meetingIn(detail.orgUnitId),
  };
  f = {
    ...base,
    meeting,
    resolution: {
      inside: await resolutionIn(base.committeeId),
      outside: await resolutionIn(base.otherCommitteeId),
    },
    plans: {
      inside: await planIn(base.cellId, meeting.inside),
      outside: await planIn(base.otherCommitteeId, meeting.outside),
    },
    memberElsewhereCellId: detail.orgUnitId,
    bithuUserId: accounts.items.find((a: { username: string }) => a.username === 'bithu').id,
    applicant: {
      inside: await applicantIn(base.cellId),
      outside: await applicantIn(detail.orgUnitId),
    },
    document: {
      inside: await documentIn(base.cellId),
      outside: await documentIn(base.otherCommitteeId),
    },
    letter: { inside: await letterIn(base.cellId), outside: await letterIn(base.otherCommitteeId) },
    importJob: {
      inside: await importJobIn(base.cellId),
      outside: await importJobIn(base.otherCommitteeId),
    },
    reportDraft: {
      inside: await reportDraftIn(base.committeeId),
      outside: await reportDraftIn(base.otherCommitteeId),
    },
    inspection: {
      inside: await inspectionIn(base.committeeId, base.selfMemberId),
      outside: await inspectionIn(base.otherCommitteeId, base.memberElsewhere.id),
    },
    evaluation: {
      inside: await evaluationIn(base.committeeId, base.memberInCell.id, base.selfMemberId),
      outside: await evaluationIn(base.otherCommitteeId, base.memberElsewhere.id, 0),
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
