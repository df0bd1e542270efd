import { Alert, List, Tag, Typography } from 'antd';
import type { TEligibility } from '../../../../contracts/emulation';
import {
  type CommendationStatus,
  commendationStatusLabels,
} from '../../../../domain/rules/commendations/commendations';

export const currentYear = new Date().getFullYear();
export const yearOptions = (n = 6) =>
  Array.from({ length: n }, (_, i) => ({
    value: currentYear - i,
    label: `Năm ${currentYear - i}`,
  }));

const statusColor: Record<CommendationStatus, string> = {
  proposed: 'blue',
  reviewed: 'gold',
  granted: 'green',
  refused: 'default',
};
export const CommendationStatusTag = ({ status }: { status: CommendationStatus }) => (
  <Tag color={statusColor[status]}>{commendationStatusLabels[status]}</Tag>
);

/** The eligibility as the committee sees it: the rule, then each year's decided rating. */
export const EligibilityView = ({ eligibility }: { eligibility: TEligibility }) => (
  <div data-testid="eligibility">
    <Alert
      type={!eligibility.checked ? 'info' : eligibility.eligible ? 'success' : 'warning'}
      showIcon
      title={eligibility.summary}
      description={
        <>
          {eligibility.title && (
            <Typography.Paragraph style={{ margin: 0 }}>
              Danh hiệu: <b>{eligibility.title}</b>
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{eligibility.rule}</Typography.Text>
        </>
      }
    />
    {eligibility.years.length > 0 && (
      <List
        size="small"
        dataSource={eligibility.years}
        renderItem={(y) => (
          <List.Item>
            <Typography.Text type={y.counts ? 'success' : 'danger'}>
              {y.counts ? '✓' : '✗'} {y.explanation}
            </Typography.Text>
          </List.Item>
        )}
      />
    )}
  </div>
);
