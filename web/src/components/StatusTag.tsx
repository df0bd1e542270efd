import { Tag } from 'antd';
import { type MemberStatus, memberStatusLabels } from '../../../domain/enums/members';

const colors: Record<MemberStatus, string> = {
  probationary: 'gold',
  full: 'green',
  exempted: 'blue',
  suspended: 'volcano',
  transferred_out: 'default',
  removed: 'red',
  expelled: 'red',
  withdrew: 'default',
  died: 'default',
};

export const StatusTag = ({ status }: { status: MemberStatus }) => (
  <Tag color={colors[status]}>{memberStatusLabels[status]}</Tag>
);
