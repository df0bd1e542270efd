import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Tag, Typography } from 'antd';
import {
  residenceConclusionLabels,
  residenceRecordedAsLabels,
} from '../../../../contracts/proposals';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { proposalsKeys } from './keys';

/**
 * Read-only: the residence cell's comments on a member (Quy định 213-QĐ/TW), for the member record and
 * for the reviewer of the member's yearly evaluation (only `year` when given).
 */
/** The scanned comment form, for those who may download a unit's files (not a member). */
export const ResidenceFormLink = ({ documentId }: { documentId: number | null }) => {
  const { can } = useAuth();
  return documentId && can('proposal.read') ? (
    <a href={`/api/proposals/documents/${documentId}`}>Bản chụp phiếu nhận xét</a>
  ) : null;
};

export const ResidenceCommentsPanel = ({
  memberId,
  year,
  title = 'Nhận xét của chi bộ nơi cư trú',
}: {
  memberId: number;
  year?: number;
  title?: string;
}) => {
  const { can } = useAuth();
  const { data, isLoading } = useQuery({
    queryKey: proposalsKeys.memberResidence(memberId),
    queryFn: () => api.GET('/api/proposals/residence/member', { params: { query: { memberId } } }),
    enabled: can('residence.read'),
  });
  if (!can('residence.read')) return null;
  const items = (data?.items ?? []).filter((c) => year === undefined || c.year === year);
  return (
    <Card size="small" title={title} loading={isLoading} data-testid="residence-panel">
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            year === undefined
              ? 'Chưa có nhận xét nào của chi bộ nơi cư trú.'
              : `Chưa có nhận xét của chi bộ nơi cư trú năm ${year}.`
          }
        />
      ) : (
        <List
          dataSource={items}
          renderItem={(c) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>Năm {c.year}</Typography.Text> · {c.residenceCell} ·{' '}
                {formatDate(c.commentedOn)}
                {c.conclusion && (
                  <Tag
                    color={c.conclusion === 'fulfilled' ? 'green' : 'orange'}
                    style={{ marginLeft: 8 }}
                  >
                    {residenceConclusionLabels[c.conclusion]}
                  </Tag>
                )}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {c.comment}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {residenceRecordedAsLabels[c.recordedAs]}
                </Typography.Text>{' '}
                <ResidenceFormLink documentId={c.documentId} />
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
