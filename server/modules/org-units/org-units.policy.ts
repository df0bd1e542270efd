import {
  allowedChildKinds,
  memberHoldingKinds,
  type OrgUnitKind,
  orgUnitKindLabels,
} from '../../../domain/enums/org-units';

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

export const todayIso = (): string => {
  // The working day in Vietnam, whatever the server's time zone.
  const d = new Date(Date.now() + 7 * 3600_000);
  return d.toISOString().slice(0, 10);
};
