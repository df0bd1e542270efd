import {
  allowedChildKinds,
  memberHoldingKinds,
  type OrgUnitKind,
  orgUnitKindLabels,
} from '../../../domain/enums/org-units';
import { formatDate } from '../../../domain/text/vietnamese';

/** Why a unit of `child` kind cannot sit under a `parent` unit, or null when it can. */
export const childKindProblem = (parent: OrgUnitKind, child: OrgUnitKind): string | null =>
  allowedChildKinds[parent].includes(child)
    ? null
    : `${orgUnitKindLabels[child]} không thể trực thuộc ${orgUnitKindLabels[parent].toLowerCase()}.`;

export const holdsMembers = (kind: OrgUnitKind): boolean => memberHoldingKinds.includes(kind);

/** Restructuring cannot be dated before the unit's last recorded change, nor in the future. */
export const effectiveDateProblem = (
  effectiveDate: string,
  lastChange: string | null,
  today: string,
): string | null => {
  if (effectiveDate > today) return 'Ngày hiệu lực không được sau ngày hôm nay.';
  if (lastChange && effectiveDate < lastChange)
    return `Ngày hiệu lực phải từ ${lastChange.split('-').reverse().join('/')} trở đi (sau thay đổi gần nhất của tổ chức).`;
  return null;
};

/**
 * A unit cannot be dated before its parent exists: a unit established, moved, split off or merged
 * under a parent takes effect on or after the parent's establishment (docs/domain/organisation-tree.md).
 */
export const beforeParentProblem = (
  effectiveDate: string,
  parent: { name: string; established_on: string },
): string | null =>
  effectiveDate < parent.established_on
    ? `${parent.name} thành lập ngày ${formatDate(parent.established_on)}: tổ chức trực thuộc không thể có hiệu lực từ ngày ${formatDate(effectiveDate)}, trước khi tổ chức cấp trên được thành lập.`
    : null;
