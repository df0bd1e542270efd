// Who may do what, as data. Scope (which subtree) is checked separately by `inScope`.
import type { Role } from '../../../domain/enums/roles';
import type { Actor } from './actor';

export const permissions = [
  'org.read',
  'org.restructure',
  'member.list',
  'member.read',
  'member.write',
  'member.readSensitive',
  'member.export',
  'overview.read',
  'accounts.manage',
  'audit.read',
  'recruitment.read',
  'recruitment.write',
  'recruitment.decide',
  'target.write',
  'lifecycle.write',
  'dues.write',
  'dues.amounts',
  'remittance.read',
  'remittance.write',
  'import.run',
  'reconciliation.run',
  'calendar.manage',
  'settings.manage',
  'inspection.read',
  'inspection.programme',
  'inspection.write',
  'inspection.figures',
  'discipline.read',
  'discipline.decide',
  'backup.manage',
  'plans.read',
  'plans.write',
  'plans.result',
  'report.read',
  'report.write',
  'document.read',
  'document.issue',
  'resolution.read',
  'resolution.write',
  'dissemination.record',
  'reflection.submit',
  'meeting.read',
  'meeting.write',
  'evaluation.read',
  'evaluation.manage',
  'evaluation.self',
  'evaluation.review',
  'evaluation.appraise',
  'evaluation.decide',
  'evaluation.complain',
  'evaluation.resolve',
  'evaluation.results',
  'congress.read',
  'congress.round',
  'congress.write',
  'congress.approve',
  'committee.read',
  'committee.write',
  'education.read',
  'education.programme',
  'education.record',
  'education.review',
  'notification.read',
  'notification.run',
  'proposal.read',
  'proposal.write',
  'proposal.answer',
  'residence.read',
  'residence.write',
  'home.read',
  'emulation.read',
  'emulation.write',
  'emulation.register',
  'commendation.read',
  'commendation.propose',
  'commendation.decide',
] as const;
export type Permission = (typeof permissions)[number];

const officeRoles: Role[] = ['admin', 'org_office', 'grassroots_office'];
const allButMember: Role[] = [
  'admin',
  'org_office',
  'inspection',
  'standing',
  'grassroots_office',
  'cell_secretary',
];

export const rolePermissions: Record<Permission, readonly Role[]> = {
  'org.read': [...allButMember, 'member'],
  'org.restructure': ['admin', 'org_office'],
  'member.list': allButMember,
  'member.read': [...allButMember, 'member'],
  'member.write': officeRoles,
  // Ethnicity, religion, family political history, discipline: need-to-know (docs/domain/members.md).
  'member.readSensitive': ['admin', 'org_office', 'inspection', 'standing', 'grassroots_office'],
  'member.export': allButMember,
  'overview.read': allButMember,
  'accounts.manage': ['admin'],
  'audit.read': ['admin'],
  'recruitment.read': allButMember,
  // The cell prepares applicants and records its own steps (docs/domain/recruitment.md).
  'recruitment.write': [...officeRoles, 'cell_secretary'],
  // Admission and recognition are decided by the upper committee's standing committee (§2.3).
  'recruitment.decide': ['admin', 'org_office', 'standing'],
  'target.write': ['admin', 'org_office'],
  // Badges, cards, transfer letters: the organisation office and grassroots committees.
  'lifecycle.write': officeRoles,
  // The cell collects dues monthly (01-QĐ/TW).
  'dues.write': [...officeRoles, 'cell_secretary'],
  // The flat amounts under 01-QĐ/TW are a setting of the whole committee (docs/domain/dues.md).
  'dues.amounts': ['admin'],
  // Dues remitted upward by grassroots organisations (docs/domain/dues.md): recorded by the receiving
  // committee's office; read by the committees and the UBKT, and by a grassroots office for its own.
  'remittance.read': ['admin', 'org_office', 'inspection', 'standing', 'grassroots_office'],
  'remittance.write': ['admin', 'org_office'],
  'import.run': officeRoles,
  'reconciliation.run': officeRoles,
  'calendar.manage': ['admin'],
  // The place and superior printed on documents; the first-start set-up of the top committee.
  'settings.manage': ['admin'],
  // Inspection and discipline (docs/domain/inspection.md). Everyone may list cases: what each role sees of a
  // case is decided per case (need-to-know: the UBKT and the case's team see the file; others at
  // most that it exists and its published outcome, cell secretaries and members only published ones).
  'inspection.read': [...allButMember, 'member'],
  // Programmes: the upper committee's office (for the committee and its standing committee), the
  // UBKT (its own) and each grassroots committee (its own).
  'inspection.programme': ['org_office', 'inspection', 'grassroots_office'],
  // Cases are conducted and recorded by the inspection commission.
  'inspection.write': ['inspection'],
  'inspection.figures': ['admin', 'org_office', 'inspection', 'standing', 'grassroots_office'],
  // The discipline register is sensitive (need-to-know, read-logged), like discipline on the record.
  'discipline.read': ['admin', 'org_office', 'inspection', 'standing', 'grassroots_office'],
  // Decisions are recorded by the UBKT and by the standing committee that decides.
  'discipline.decide': ['inspection', 'standing'],
  // A backup holds every record, sensitive fields included; a restore replaces everything.
  'backup.manage': ['admin'],
  // The annual plan (docs/domain/annual-plan.md): every committee reads its plan, targets and dashboard; the
  // offices set terms, targets and key tasks (and cascade them down); the owner cell records results.
  'plans.read': allButMember,
  'plans.write': officeRoles,
  'plans.result': [...officeRoles, 'cell_secretary'],
  // The annual report and the document register: the offices draft and issue; the standing committee
  // and the UBKT read them. Evidence lists name members: exports are audit-logged.
  'report.read': ['admin', 'org_office', 'inspection', 'standing', 'grassroots_office'],
  'report.write': officeRoles,
  'document.read': ['admin', 'org_office', 'inspection', 'standing', 'grassroots_office'],
  'document.issue': officeRoles,
  // Resolutions and their dissemination (docs/domain/resolutions.md): everyone reads the register of their
  // committees; committees (offices) register documents and plans; each unit records its own
  // sessions and action programme (cells through their secretary); members write their reflection.
  'resolution.read': [...allButMember, 'member'],
  'resolution.write': officeRoles,
  'dissemination.record': [...officeRoles, 'cell_secretary'],
  'reflection.submit': ['member'],
  // Meetings: the cell secretary keeps the cell's meetings; offices their committee's conferences.
  'meeting.read': allButMember,
  'meeting.write': [...officeRoles, 'cell_secretary'],
  // Evaluation and classification (docs/domain/evaluation.md). Everyone sees the records
  // of their subtree; a member only their own record.
  'evaluation.read': [...allButMember, 'member'],
  // Campaigns (period, deadlines, the year's parameters): the upper committee's office and each
  // grassroots committee for its own subtree; the administrator.
  'evaluation.manage': officeRoles,
  // The member fills in their own self-assessment; the cell and the office may enter it for them.
  'evaluation.self': [...officeRoles, 'cell_secretary', 'member'],
  // Review at the cell / committee meeting.
  'evaluation.review': [...officeRoles, 'cell_secretary'],
  // Appraisal by the organisation office of the competent level.
  'evaluation.appraise': officeRoles,
  // Decision and publication: the grassroots committee for its members and cells, the upper
  // committee (its standing committee, its office) for grassroots organisations.
  'evaluation.decide': [...officeRoles, 'standing'],
  'evaluation.complain': [...officeRoles, 'cell_secretary', 'member'],
  // Complaints go to the upper committee, which re-verifies.
  'evaluation.resolve': ['admin', 'org_office', 'standing'],
  'evaluation.results': allButMember,
  // Congresses (docs/domain/congresses.md): every committee reads the round it runs or that its upper
  // committee runs; the offices run rounds and register the units' congresses; each unit records its
  // own congress (a cell through its secretary); the plan and the results are approved by the UPPER
  // level only (role-rules.ts `approvesAsUpperLevel`).
  'congress.read': allButMember,
  'congress.round': officeRoles,
  'congress.write': [...officeRoles, 'cell_secretary'],
  'congress.approve': ['admin', 'org_office', 'standing', 'grassroots_office'],
  // Committees over time (docs/domain/congresses.md): everyone reads the committees of their subtree;
  // a member reads only their own record's cấp ủy list; the offices record positions and changes.
  'committee.read': [...allButMember, 'member'],
  'committee.write': officeRoles,
  // Political education (docs/domain/education.md, Chỉ thị 05-CT/TW): committees read the programmes of
  // their subtree and above; the offices run programmes and their reviews; each unit (a cell through its
  // secretary) records activities, commitments, models and opinion notes; a level above the unit
  // (offices, the standing committee) recognises models.
  'education.read': allButMember,
  'education.programme': officeRoles,
  'education.record': [...officeRoles, 'cell_secretary'],
  'education.review': ['admin', 'org_office', 'standing', 'grassroots_office'],
  // Notifications (server/modules/notifications): everyone reads and sets their own; only the
  // administrator runs the job by hand (it runs on a timer anyway).
  'notification.read': [...allButMember, 'member'],
  'notification.run': ['admin'],
  // Proposals and recommendations (docs/domain/proposals.md): every committee reads the register of its
  // subtree; the office (a cell through its secretary) records what its unit receives; the body
  // assigned to answer records the answer (the standing committee answers for the committee).
  'proposal.read': allButMember,
  'proposal.write': [...officeRoles, 'cell_secretary'],
  'proposal.answer': [...officeRoles, 'standing', 'cell_secretary'],
  // Residence comments (Quy định 213-QĐ/TW): read with the member's record (a member their own);
  // entered by the workplace cell or the office from the residence cell's form.
  'residence.read': [...allButMember, 'member'],
  'residence.write': [...officeRoles, 'cell_secretary'],
  // The home page after login (issue 22): everyone; what it shows follows the role and scope.
  'home.read': [...allButMember, 'member'],
  // Emulation and commendations (docs/domain/emulation.md): committees (offices) launch movements;
  // units register (a cell through its secretary); a unit proposes commendations for its subtree; the
  // competent level (its office, its standing committee) reviews and decides.
  'emulation.read': allButMember,
  'emulation.write': officeRoles,
  'emulation.register': [...officeRoles, 'cell_secretary'],
  'commendation.read': allButMember,
  'commendation.propose': [...officeRoles, 'cell_secretary'],
  'commendation.decide': [...officeRoles, 'standing'],
};

export const can = (actor: Pick<Actor, 'role'>, permission: Permission): boolean =>
  rolePermissions[permission].includes(actor.role);

/** Whether a unit (by its ltree path) lies in the actor's subtree. */
export const isPathInScope = (actor: Pick<Actor, 'scopePath'>, path: string): boolean =>
  path === actor.scopePath || path.startsWith(`${actor.scopePath}.`);

/** Roles that must use a second factor (one-time codes): administrators and the inspection commission. */
export const secondFactorRoles: readonly Role[] = ['admin', 'inspection'];
