// Roles of docs/domain/roles.md. Scope is an organisation subtree (or, for a member, their own record).
export const roles = [
  'admin',
  'org_office',
  'inspection',
  'standing',
  'grassroots_office',
  'cell_secretary',
  'member',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  org_office: 'Văn phòng / Ban Tổ chức',
  inspection: 'Ủy ban Kiểm tra',
  standing: 'Ban Thường vụ',
  grassroots_office: 'Cấp ủy / văn phòng cơ sở',
  cell_secretary: 'Bí thư chi bộ',
  member: 'Đảng viên',
};
