// The decision (HTXS cap and order checks, previewed by checkDecision) and the publication.
// The module's overview and sources: evaluation-rows.ts.

import type { TDecisionCheck, TDecisionInput, TPublishInput } from '../../../contracts/evaluations';
import { type CapSubject, capRuleText, checkHtxsCap } from '../../../domain/rules/evaluation/cap';
import { headRatingProblems } from '../../../domain/rules/evaluation/head-order';
import {
  type CollectiveKind,
  isCollective,
  type QualityLevel,
  qualityLevels,
} from '../../../domain/rules/evaluation/levels';
import { paramsFor } from '../../../domain/rules/evaluation/rule-sets';
import { type Db, type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { decidesAtGrassrootsLevelOnly } from '../../platform/access/role-rules';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { unitsHeadedOn } from '../committees';
import { withFigures } from '../figures';
import { recordScopeSql } from './evaluation.queries';
import { type CampaignRow, getCampaignRow, getRecordRow } from './evaluation-rows';
import { decidedByUpperLevel, orderProblems, stepFrom, stepRefusal } from './evaluations.policy';
import { orderSubjects } from './records.service';
import { addStep, checkStepDate, saveRecord } from './steps.service';

const ids = (values: number[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const capSubjects = (
  all: Awaited<ReturnType<typeof orderSubjects>>,
  batch: Map<number, QualityLevel>,
  names: Map<number, string>,
): CapSubject[] =>
  all
    .filter((s) => !s.notRated)
    .map((s) => {
      const chosen = batch.get(s.id);
      // Not decided yet: counted in the base; an HTXS proposal is not counted as an HTXS until decided.
      const raw = chosen ?? (s.decided ? s.level : s.level === 'HTXSNV' ? 'HTTNV' : s.level);
      const level = (qualityLevels as readonly string[]).includes(raw)
        ? (raw as QualityLevel)
        : ('incomplete' as const);
      return {
        id: s.id,
        kind: s.subjectKind,
        level,
        grassrootsOrgId: s.grassrootsOrgId ?? undefined,
        groupLabel: isCollective(s.subjectKind)
          ? `Nhóm ${collectiveGroupLabel[s.subjectKind as CollectiveKind]}`
          : s.grassrootsOrgId
            ? names.get(s.grassrootsOrgId)
            : undefined,
      };
    });

const collectiveGroupLabel: Record<CollectiveKind, string> = {
  cell: 'chi bộ trực thuộc',
  grassroots_organisation: 'tổ chức cơ sở đảng',
  committee: 'tập thể cấp ủy',
  mass_organisation: 'đoàn thể',
  agency: 'cơ quan, đơn vị',
};

/** The party organisations (and their committees) a unit's head is rated after. */
const headedKinds: readonly string[] = ['cell', 'grassroots_organisation', 'committee'];

/**
 * Heads after their units (domain/rules/evaluation/head-order.ts): a member who was the secretary of a
 * unit on the period's last day (the committees module) is rated after the unit's record of the same
 * campaign is decided, and, where the year's rule says so, not higher than it.
 */
const headProblems = async (
  db: DbOrTx,
  c: CampaignRow,
  all: Awaited<ReturnType<typeof orderSubjects>>,
  batch: Map<number, QualityLevel>,
  decidedNow: Set<number>,
): Promise<Map<number, string[]>> => {
  const out = new Map<number, string[]>();
  const memberRecordIds = [...batch.keys()].filter(
    (id) => all.find((s) => s.id === id)?.subjectKind === 'member',
  );
  if (memberRecordIds.length === 0) return out;
  const records = await queryRows<{ id: number; member_id: number }>(
    db,
    sql`select id, member_id from evaluation_records
        where id in (${ids(memberRecordIds)}) and member_id is not null`,
  );
  const headed = await unitsHeadedOn(
    db,
    records.map((r) => r.member_id),
    c.period_to,
  );
  for (const r of records) {
    const problems: string[] = [];
    for (const h of headed.filter((x) => x.memberId === r.member_id))
      for (const unit of all.filter(
        (s) => s.orgUnitId === h.orgUnitId && headedKinds.includes(s.subjectKind) && !s.notRated,
      )) {
        const decided = unit.decided || decidedNow.has(unit.id);
        const level = batch.get(unit.id) ?? (unit.decided ? unit.level : null);
        problems.push(
          ...headRatingProblems({
            year: c.year,
            headLevel: batch.get(r.id)!,
            unit: {
              name: unit.subjectName,
              decided,
              level: (qualityLevels as readonly string[]).includes(level ?? '')
                ? (level as QualityLevel)
                : null,
            },
          }),
        );
      }
    if (problems.length) out.set(r.id, problems);
  }
  return out;
};

const evaluateDecision = async (
  db: DbOrTx,
  actor: Actor,
  c: CampaignRow,
  items: TDecisionInput['items'],
  strict: boolean,
): Promise<TDecisionCheck & { all: Awaited<ReturnType<typeof orderSubjects>> }> => {
  const all = await orderSubjects(db, c.id);
  const visible = new Set(
    (
      await queryRows<{ id: number }>(
        db,
        sql`select r.id from evaluation_records r join org_units o on o.id = r.org_unit_id
            where r.campaign_id = ${c.id} and ${recordScopeSql(actor)}
              and r.id in (${ids(items.map((i) => i.recordId))})`,
      )
    ).map((r) => r.id),
  );
  const byId = new Map(all.map((s) => [s.id, s]));
  const batch = new Map<number, QualityLevel>();
  for (const item of items) {
    const s = byId.get(item.recordId);
    if (!s || !visible.has(item.recordId)) throw notFound('hồ sơ đánh giá, xếp loại');
    if (strict) {
      if (s.version !== item.version) throw conflict();
      if (!stepFrom('decision', s.subjectKind).includes(s.status))
        throw new AppError('BAD_REQUEST', {
          message: `${s.subjectName}: ${stepRefusal('decision', s.status)}`,
        });
      if (decidesAtGrassrootsLevelOnly(actor) && decidedByUpperLevel(s.subjectKind))
        throw forbidden(
          `${s.subjectName}: xếp loại tổ chức cơ sở đảng, tập thể cấp ủy cơ sở do Ban Thường vụ cấp trên quyết định.`,
        );
    }
    batch.set(item.recordId, item.level);
  }
  const decidedNow = new Set(batch.keys());
  const heads = await headProblems(db, c, all, batch, decidedNow);
  const order = items
    .map((i) => {
      const s = byId.get(i.recordId)!;
      return {
        recordId: s.id,
        subjectName: s.subjectName,
        problems: [...orderProblems(s, all, decidedNow), ...(heads.get(s.id) ?? [])],
      };
    })
    .filter((o) => o.problems.length > 0);
  const groupIds = [...new Set(all.map((s) => s.grassrootsOrgId).filter((x): x is number => !!x))];
  const names = new Map(
    groupIds.length
      ? (
          await queryRows<{ id: number; name: string }>(
            db,
            sql`select id, name from org_units where id in (${ids(groupIds)})`,
          )
        ).map((u) => [u.id, u.name])
      : [],
  );
  const touched = new Set(
    items.map((i) => {
      const s = byId.get(i.recordId)!;
      return isCollective(s.subjectKind) ? `c:${s.subjectKind}` : `m:${s.grassrootsOrgId}`;
    }),
  );
  const { params } = paramsFor(c.year, c.params_override);
  const subjects = capSubjects(all, batch, names).filter((s) =>
    touched.has(isCollective(s.kind) ? `c:${s.kind}` : `m:${s.grassrootsOrgId}`),
  );
  const cap = checkHtxsCap({ proposed: subjects, params: params.htxsCap });
  return {
    ok: cap.ok && order.length === 0,
    cap: {
      ok: cap.ok,
      allowed: cap.allowed,
      proposedHtxs: cap.proposedHtxs,
      message: cap.message,
      rule: capRuleText(params.htxsCap),
      groups: cap.groups.map((g) => ({
        label: g.label,
        base: g.base,
        allowed: g.allowed,
        proposedHtxs: g.proposedHtxs,
        ok: g.ok,
        message: g.message,
      })),
    },
    order,
    all,
  };
};

const campaignForDecision = async (db: DbOrTx, actor: Actor, id: number) => {
  const c = await getCampaignRow(db, actor, id);
  if (c.status === 'closed')
    throw new AppError('BAD_REQUEST', { message: 'Đợt đánh giá, xếp loại đã kết thúc.' });
  return c;
};

export const checkDecision = async ({
  db,
  actor,
  campaignId,
  input,
}: {
  db: DbOrTx;
  actor: Actor;
  campaignId: number;
  input: TDecisionInput;
}): Promise<TDecisionCheck> => {
  const c = await campaignForDecision(db, actor, campaignId);
  const { all: _all, ...check } = await evaluateDecision(db, actor, c, input.items, false);
  return check;
};

export const decide = async ({
  db,
  actor,
  campaignId,
  input,
}: {
  db: Db;
  actor: Actor;
  campaignId: number;
  input: TDecisionInput;
}): Promise<{ saved: { id: number; version: number }[] }> =>
  withFigures(db, async (tx) => {
    const c = await campaignForDecision(tx, actor, campaignId);
    // One decision at a time per campaign: the cap is checked against a stable picture.
    await tx.execute(sql`select id from evaluation_campaigns where id = ${c.id} for update`);
    checkStepDate(c, input.decidedOn, 'decidedOn');
    const check = await evaluateDecision(tx, actor, c, input.items, true);
    if (check.order.length)
      throw new AppError('BAD_REQUEST', {
        message: `Chưa đúng thứ tự đánh giá, xếp loại (Quy định 124-QĐ/TW Điều 11; 43-HD/BTCTW). ${check.order
          .slice(0, 5)
          .map((o) => `${o.subjectName}: ${o.problems.join(' ')}`)
          .join(' ')}`,
        details: { order: check.order },
      });
    if (!check.cap.ok)
      throw new AppError('BAD_REQUEST', {
        message: `Vượt tỷ lệ xếp loại hoàn thành xuất sắc nhiệm vụ. ${check.cap.message}`,
        details: { cap: check.cap },
      });
    const byId = new Map(check.all.map((s) => [s.id, s]));
    const memberIds = input.items.map((i) => i.recordId);
    const prevKhtnv = new Set(
      c.cycle === 'year'
        ? (
            await queryRows<{ id: number }>(
              tx,
              sql`select r.id from evaluation_records r join evaluation_records p on p.member_id = r.member_id
                  join evaluation_campaigns pc on pc.id = p.campaign_id
                  where r.id in (${ids(memberIds)}) and r.member_id is not null
                    and pc.year = ${c.year - 1} and pc.cycle = 'year' and p.decided_level = 'KHTNV'`,
            )
          ).map((r) => r.id)
        : [],
    );
    const saved: { id: number; version: number }[] = [];
    for (const item of input.items) {
      const s = byId.get(item.recordId)!;
      const removal = item.level === 'KHTNV' && prevKhtnv.has(item.recordId);
      const version = await saveRecord(
        tx,
        { id: item.recordId, version: item.version },
        {
          decidedLevel: item.level,
          decisionNumber: input.decisionNumber,
          decidedOn: input.decidedOn,
          status: 'decided',
          removalFlag: removal,
        },
      );
      await addStep(tx, actor, item.recordId, 'decision', {
        stepDate: input.decidedOn,
        level: item.level,
        documentNumber: input.decisionNumber,
        note: removal
          ? 'Không hoàn thành nhiệm vụ 2 năm liền: xem xét xóa tên (24-QĐ/TW, Điều 8).'
          : null,
      });
      saved.push({ id: s.id, version });
    }
    await writeAudit(tx, {
      actor,
      action: 'evaluation.decide',
      entityType: 'evaluation_campaign',
      entityId: c.id,
      orgUnitId: c.org_unit_id,
      after: { ...input, cap: check.cap.message },
    });
    return { saved };
  });

export const publish = async ({
  db,
  actor,
  campaignId,
  input,
}: {
  db: Db;
  actor: Actor;
  campaignId: number;
  input: TPublishInput;
}): Promise<{ saved: { id: number; version: number }[] }> =>
  withFigures(db, async (tx) => {
    const c = await campaignForDecision(tx, actor, campaignId);
    checkStepDate(c, input.publishedOn, 'publishedOn');
    const saved: { id: number; version: number }[] = [];
    for (const item of input.items) {
      const r = await getRecordRow(tx, actor, item.recordId, true);
      if (r.campaign_id !== c.id) throw notFound('hồ sơ đánh giá, xếp loại');
      if (r.version !== item.version) throw conflict();
      if (r.status !== 'decided')
        throw new AppError('BAD_REQUEST', {
          message: `${r.subject_name}: ${stepRefusal('publication', r.status)}`,
        });
      if (decidesAtGrassrootsLevelOnly(actor) && decidedByUpperLevel(r.subject_kind))
        throw forbidden('Kết quả xếp loại tổ chức cơ sở đảng do cấp trên công bố.');
      if (r.decided_on && input.publishedOn < r.decided_on)
        throw invalidField(
          'publishedOn',
          'Ngày công bố không được trước ngày quyết định xếp loại.',
        );
      const version = await saveRecord(tx, r, {
        status: 'published',
        publishedOn: input.publishedOn,
      });
      await addStep(tx, actor, r.id, 'publication', {
        stepDate: input.publishedOn,
        level: r.decided_level,
      });
      saved.push({ id: r.id, version });
    }
    await writeAudit(tx, {
      actor,
      action: 'evaluation.publish',
      entityType: 'evaluation_campaign',
      entityId: c.id,
      orgUnitId: c.org_unit_id,
      after: input,
    });
    return { saved };
  });
