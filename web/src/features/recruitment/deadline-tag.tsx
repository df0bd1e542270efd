import { Tag, Tooltip } from 'antd';
import type { TDeadline } from '../../../../contracts/recruitment';
import { formatDate } from '../../../../domain/text/vietnamese';

const colors: Record<TDeadline['status'], string> = {
  overdue: 'red',
  due_soon: 'orange',
  pending: 'blue',
  done: 'green',
  done_late: 'volcano',
};

export const deadlineText = (d: TDeadline): string => {
  switch (d.status) {
    case 'overdue':
      return `Quá hạn từ ${formatDate(d.dueOn)}`;
    case 'due_soon':
      return `Còn ${d.workingDaysLeft} ngày làm việc (hạn ${formatDate(d.dueOn)})`;
    case 'pending':
      return `Hạn ${formatDate(d.dueOn)}`;
    case 'done':
      return `Đúng hạn (hạn ${formatDate(d.dueOn)})`;
    case 'done_late':
      return `Trễ hạn (hạn ${formatDate(d.dueOn)})`;
  }
};

/** A deadline as a coloured tag; the tooltip says what it is counted from. */
export const DeadlineTag = ({ deadline }: { deadline: TDeadline }) => (
  <Tooltip title={`${deadline.label}: ${deadline.basis}`}>
    <Tag color={colors[deadline.status]} data-testid={`deadline-${deadline.step}`}>
      {deadlineText(deadline)}
    </Tag>
  </Tooltip>
);
