import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TBadgeList } from '../../../../contracts/lifecycle';
import { formatDate } from '../../../../domain/text/vietnamese';
import { get, post, toQuery } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';

type Item = TBadgeList['items'][number];

export const BadgesPage = () => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('don-vi') ? Number(params.get('don-vi')) : undefined;
  const awardDate = params.get('dip') ?? undefined;
  const [early, setEarly] = useState(false);
  const [awarding, setAwarding] = useState<Item | null>(null);
  const [decision, setDecision] = useState('');
  const [error, setError] = useState<string | null>(null);
  const key = ['badges', orgUnitId, awardDate, early];
  const {
    data,
    isLoading,
    error: loadError,
  } = useQuery({
    queryKey: key,
    queryFn: () =>
      get<TBadgeList>(
        `/api/lifecycle/badges${toQuery({ orgUnitId, awardDate, includeEarly: early ? 'true' : undefined })}`,
      ),
  });
  const setParam = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const award = async () => {
    if (!awarding || !data) return;
    try {
      await post('/api/lifecycle/badges', {
        memberId: awarding.memberId,
        milestone: awarding.milestone,
        awardDate: data.awardDate,
        decisionNumber: decision,
        early: awarding.early,
      });
      message.success(
        `Đã ghi trao Huy hiệu ${awarding.milestone} năm tuổi Đảng cho ${awarding.fullName}.`,
      );
      setAwarding(null);
      setDecision('');
      await client.invalidateQueries({ queryKey: ['badges'] });
    } catch (e) {
      setError(applyApiError(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Huy hiệu Đảng
      </Typography.Title>
      <Space wrap>
        <OrgUnitSelect
          value={orgUnitId}
          allowClear
          placeholder="Toàn bộ phạm vi của tôi"
          style={{ width: 320 }}
          onChange={(id) => setParam('don-vi', id ? String(id) : undefined)}
        />
        Đợt trao
        <Select
          style={{ width: 160 }}
          value={data?.awardDate}
          onChange={(v) => setParam('dip', v)}
          options={(data?.awardDates ?? []).map((d) => ({ value: d, label: formatDate(d) }))}
          aria-label="Đợt trao"
        />
        <Space>
          <Switch checked={early} onChange={setEarly} /> Xét tặng sớm (đảng viên ốm nặng)
        </Space>
      </Space>
      {loadError && <Alert type="error" showIcon title={(loadError as Error).message} />}
      {data && (
        <Typography.Paragraph data-testid="badge-summary">
          Dịp {formatDate(data.awardDate)}: {data.items.filter((i) => i.eligible).length} đảng viên
          đủ điều kiện
          {data.byMilestone.length
            ? ` (${data.byMilestone.map((b) => `${b.milestone} năm: ${b.count}`).join('; ')})`
            : ''}
          .
        </Typography.Paragraph>
      )}
      <Table<Item>
        rowKey={(r) => `${r.memberId}-${r.milestone}`}
        loading={isLoading}
        dataSource={data?.items}
        size="small"
        pagination={{ pageSize: 50 }}
        columns={[
          {
            title: 'Họ và tên',
            render: (_, r) => <Link to={`/dang-vien/${r.memberId}`}>{r.fullName}</Link>,
          },
          { title: 'Ngày sinh', dataIndex: 'birthDate', render: formatDate },
          { title: 'Chi bộ', dataIndex: 'orgUnitName' },
          { title: 'Tính tuổi Đảng từ', dataIndex: 'partyAgeFrom', render: formatDate },
          {
            title: 'Huy hiệu',
            dataIndex: 'milestone',
            render: (v, r) => (
              <span>
                {v} năm {r.early && <Tag color="purple">sớm</Tag>}
              </span>
            ),
          },
          {
            title: 'Tình trạng',
            render: (_, r) =>
              r.awarded ? (
                <Tag color="green">Đã trao</Tag>
              ) : r.eligible ? (
                <Tag color="blue">Đủ điều kiện</Tag>
              ) : (
                <Tag color="orange">{r.reason}</Tag>
              ),
          },
          ...(can('lifecycle.write')
            ? [
                {
                  title: '',
                  render: (_: unknown, r: Item) =>
                    r.eligible && !r.awarded ? (
                      <Button size="small" onClick={() => setAwarding(r)}>
                        Ghi trao
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {awarding && (
        <Modal
          open
          title={`Trao Huy hiệu ${awarding.milestone} năm tuổi Đảng`}
          okText="Ghi"
          cancelText="Hủy"
          onOk={award}
          onCancel={() => setAwarding(null)}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <p>
            {awarding.fullName}, dịp {formatDate(data?.awardDate ?? '')}.
          </p>
          <Input
            placeholder="Số quyết định tặng Huy hiệu"
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
          />
        </Modal>
      )}
    </Space>
  );
};
