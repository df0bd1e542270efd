import { Button, Drawer, Space, Table } from 'antd';
import { useState } from 'react';
import { modelFieldLabels, type TModelListItem } from '../../../../contracts/education';
import { formatDate } from '../../../../domain/text/vietnamese';
import { useAuth } from '../../app/auth';
import { ModelDrawerContent, ModelReviewModal } from './ModelForms';
import { ModelStatusTag } from './shared';

/** The table of models, shared by the register and a programme's page. */
export const ModelsTable = ({
  items,
  loading,
}: {
  items: TModelListItem[] | undefined;
  loading?: boolean;
}) => {
  const { can } = useAuth();
  const [open, setOpen] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState<TModelListItem | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        data-testid="models"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: 'Mô hình, điển hình',
            // Narrow on a phone without a width (issue 22's walk).
            width: 260,
            render: (_, m) => (
              <Button
                type="link"
                style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => setOpen(m.id)}
              >
                {m.title}
              </Button>
            ),
          },
          {
            title: 'Đơn vị',
            render: (_, m) => (m.memberName ? `${m.memberName} (${m.orgUnitName})` : m.orgUnitName),
          },
          { title: 'Lĩnh vực', render: (_, m) => (m.field ? modelFieldLabels[m.field] : '—') },
          { title: 'Theo', render: (_, m) => m.programmeTitle ?? m.movementName ?? '—' },
          { title: 'Đăng ký', render: (_, m) => formatDate(m.registeredOn) },
          {
            title: 'Trạng thái',
            render: (_, m) => (
              <Space wrap>
                <ModelStatusTag status={m.status} />
                {m.canReview && (
                  <Button size="small" onClick={() => setReviewing(m)}>
                    Xét công nhận
                  </Button>
                )}
              </Space>
            ),
          },
          { title: 'Minh chứng', dataIndex: 'evidenceCount', align: 'right' },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title="Mô hình, điển hình"
        size="large"
      >
        {open !== null && <ModelDrawerContent id={open} canAdd={can('education.record')} />}
      </Drawer>
      {reviewing && <ModelReviewModal model={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
};
