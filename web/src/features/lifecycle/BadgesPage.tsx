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
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { lifecycleKeys } from './keys';

type Item = TBadgeList['items'][number];

export const BadgesPage = () => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('don-vi') ? Number(params.get('don-vi')) : undefined;
  const awardDate = params.get('dip') ?? undefined;
  const [early, setEarly] = useState(false);
  const [posthumous, setPosthumous] = useState(false);
  const [awarding, setAwarding] = useState<Item | null>(null);
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [recognizedOn, setRecognizedOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const key = lifecycleKeys.badges(orgUnitId, awardDate, early, posthumous);
  const {
    data,
    isLoading,
    error: loadError,
  } = useQuery({
    queryKey: key,
    queryFn: () =>
      api.GET('/api/lifecycle/badges', {
        params: {
          query: {
            orgUnitId,
            awardDate,
            includeEarly: early ? 'true' : undefined,
            includePosthumous: posthumous ? 'true' : undefined,
          },
        },
      }),
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
      await api.POST('/api/lifecycle/badges', {
        body: {
          memberId: awarding.memberId,
          milestone: awarding.milestone,
          awardDate: data.awardDate,
          decisionNumber: decision,
          early: awarding.early && !awarding.posthumous,
          posthumous: awarding.posthumous,
          reason: reason || null,
          cellRecognizedOn: awarding.needsCellRecognition ? recognizedOn || null : null,
        },
      });
      message.success(
        `Đã ghi ${awarding.posthumous ? 'truy tặng' : 'trao'} Huy hiệu ${awarding.milestone} năm tuổi Đảng cho ${awarding.fullName}.`,
      );
      setAwarding(null);
      setDecision('');
      setReason('');
      setRecognizedOn('');
      await client.invalidateQueries({ queryKey: lifecycleKeys.badges() });
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
        <Space>
          <Switch checked={posthumous} onChange={setPosthumous} aria-label="Truy tặng" /> Truy tặng
          (đảng viên đã từ trần)
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
          <br />
          <Typography.Text type="secondary" data-testid="badge-rule-set">
            Áp dụng {data.ruleSet.source}.
          </Typography.Text>
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
                {v} năm {r.posthumous && <Tag color="default">truy tặng</Tag>}
                {r.early && <Tag color="purple">sớm</Tag>}
              </span>
            ),
          },
          {
            title: 'Tình trạng',
            render: (_, r) =>
              r.awarded ? (
                <Tag color="green">Đã trao</Tag>
              ) : r.eligible ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="blue">Đủ điều kiện</Tag>
                  {r.reason && <Typography.Text type="secondary">{r.reason}</Typography.Text>}
                </Space>
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
                      <Button
                        size="small"
                        onClick={() => {
                          setError(null);
                          setReason(
                            r.posthumous && r.diedOn ? `Từ trần ngày ${formatDate(r.diedOn)}.` : '',
                          );
                          setAwarding(r);
                        }}
                      >
                        {r.posthumous ? 'Ghi truy tặng' : 'Ghi trao'}
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
          title={`${awarding.posthumous ? 'Truy tặng' : 'Trao'} Huy hiệu ${awarding.milestone} năm tuổi Đảng`}
          okText="Ghi"
          cancelText="Hủy"
          onOk={award}
          onCancel={() => setAwarding(null)}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <p>
            {awarding.fullName}, dịp {formatDate(data?.awardDate ?? '')}.
          </p>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input
              placeholder="Số quyết định tặng Huy hiệu"
              value={decision}
              onChange={(e) => setDecision(e.target.value)}
            />
            {(awarding.early || awarding.posthumous) && (
              <Input.TextArea
                rows={2}
                aria-label="Lý do"
                placeholder={
                  awarding.posthumous
                    ? 'Lý do truy tặng (bắt buộc): từ trần ngày …'
                    : 'Lý do xét tặng sớm (bắt buộc): ốm đau nặng, xác nhận của …'
                }
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
            {awarding.needsCellRecognition && (
              <>
                <Typography.Text>
                  Ngày chi bộ công nhận đã sửa chữa tốt khuyết điểm (bắt buộc):
                </Typography.Text>
                <DateInput
                  aria-label="Ngày chi bộ công nhận"
                  value={recognizedOn}
                  onChange={(v) => setRecognizedOn(v)}
                />
              </>
            )}
          </Space>
        </Modal>
      )}
    </Space>
  );
};
