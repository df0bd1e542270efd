export const orgUnitKinds = [
  'province_committee',
  'upper_committee',
  'grassroots_committee',
  'grassroots_cell',
  'sub_committee',
  'cell',
] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitKindLabels: Record<OrgUnitKind, string> = {
  province_committee: 'Đảng bộ tỉnh',
  upper_committee: 'Đảng bộ cấp trên cơ sở',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  sub_committee: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
};

/** Which kinds may sit directly under which: the statute's levels (docs/domain/organisation-tree.md). */
export const allowedChildKinds: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  province_committee: ['upper_committee', 'grassroots_committee', 'grassroots_cell'],
  upper_committee: ['grassroots_committee', 'grassroots_cell'],
  grassroots_committee: ['sub_committee', 'cell'],
  sub_committee: ['cell'],
  grassroots_cell: [],
  cell: [],
};

/** Members are registered in cells: a chi bộ trực thuộc or a chi bộ cơ sở. */
export const memberHoldingKinds: readonly OrgUnitKind[] = ['cell', 'grassroots_cell'];

export const orgOperationKinds = [
  'establish',
  'rename',
  'move',
  'merge',
  'split',
  'dissolve',
] as const;
export type OrgOperationKind = (typeof orgOperationKinds)[number];

export const orgOperationLabels: Record<OrgOperationKind, string> = {
  establish: 'Thành lập',
  rename: 'Đổi tên',
  move: 'Điều chuyển trực thuộc',
  merge: 'Hợp nhất / sáp nhập',
  split: 'Chia tách',
  dissolve: 'Giải thể',
};

export const agencyKinds = [
  'party',
  'state',
  'front_mass',
  'public_service',
  'enterprise',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];
export const agencyKindLabels: Record<AgencyKind, string> = {
  party: 'Cơ quan Đảng',
  state: 'Cơ quan nhà nước',
  front_mass: 'Mặt trận, đoàn thể',
  public_service: 'Đơn vị sự nghiệp',
  enterprise: 'Doanh nghiệp',
};

export const massOrganisationKinds = ['trade_union', 'youth_union', 'veterans', 'women'] as const;
export type MassOrganisationKind = (typeof massOrganisationKinds)[number];
export const massOrganisationKindLabels: Record<MassOrganisationKind, string> = {
  trade_union: 'Công đoàn cơ sở',
  youth_union: 'Đoàn Thanh niên',
  veterans: 'Hội Cựu chiến binh',
  women: 'Ban Nữ công',
};
