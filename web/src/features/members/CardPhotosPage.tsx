// "Danh sách ảnh thẻ": the members of a unit in a card issue (or exchange) round, whose photo is
// there or still missing, and the ZIP the office sends up: the 2 × 3 photos named by code, the
// printed sheet to check faces against names, the list of who still has no photo.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { cardRoundKindLabels, cardRoundKinds } from '../../../../contracts/member-photos';
import { memberStatusLabels } from '../../../../domain/enums/members';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api, toQuery } from '../../api/client';
import { useAuth } from '../../app/auth';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { membersKeys } from './keys';

type Kind = (typeof cardRoundKinds)[number];

export const CardPhotosPage = () => {
  const { user, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const orgUnitId = Number(params.get('don-vi') ?? user?.scopeOrgUnitId ?? 0) || undefined;
  const kind = (params.get('dot') as Kind | null) ?? 'new_card';
  const missingOnly = params.get('thieu-anh') === '1';
  const setParam = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const query = { orgUnitId, kind, missingOnly: missingOnly ? 'true' : undefined } as const;
  const { data, isLoading, error } = useQuery({
    queryKey: membersKeys.members('card-photos', orgUnitId, kind, missingOnly),
    enabled: Boolean(orgUnitId),
    queryFn: () =>
      api.GET('/api/members/card-photos', {
        params: { query: { ...query, orgUnitId: orgUnitId as number } },
      }),
  });
  // A file the browser downloads from a link (not through the JSON client).
  const zipUrl = `/api/members/card-photos/export.zip${toQuery(query)}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Danh sách ảnh thẻ đảng viên
        </Typography.Title>
        {can('member.export') && (
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={zipUrl}
            disabled={!data || data.total === 0}
            data-testid="card-photos-zip"
          >
            Tải ảnh thẻ (ZIP)
          </Button>
        )}
      </Space>
      <Card size="small">
        <Space wrap>
          <OrgUnitSelect
            value={orgUnitId}
            placeholder="Chọn đơn vị"
            style={{ width: 320, maxWidth: '100%' }}
            onChange={(id) => setParam('don-vi', id ? String(id) : undefined)}
          />
          <Select
            aria-label="Đợt"
            style={{ width: 320, maxWidth: '100%' }}
            value={kind}
            onChange={(v) => setParam('dot', v)}
            options={cardRoundKinds.map((k) => ({ value: k, label: cardRoundKindLabels[k] }))}
          />
          <Space>
            <Switch
              checked={missingOnly}
              onChange={(v) => setParam('thieu-anh', v ? '1' : undefined)}
              aria-label="Chỉ người còn thiếu ảnh"
            />
            Chỉ người còn thiếu ảnh
          </Space>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && (
        <Typography.Text strong data-testid="card-photos-summary">
          {data.unitName}: {data.total} đảng viên · có ảnh {data.withPhoto} · thiếu ảnh{' '}
          {data.missing}
        </Typography.Text>
      )}
      <Table
        size="small"
        loading={isLoading}
        rowKey="memberId"
        dataSource={data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          {
            title: 'Ảnh',
            dataIndex: 'hasPhoto',
            width: 110,
            render: (has: boolean) =>
              has ? <Tag color="green">Đã có ảnh</Tag> : <Tag color="orange">Thiếu ảnh</Tag>,
          },
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (name: string, r) => <Link to={`/dang-vien/${r.memberId}`}>{name}</Link>,
          },
          { title: 'Ngày sinh', dataIndex: 'birthDate', width: 110, render: formatDate },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 120,
            render: (s: keyof typeof memberStatusLabels) => memberStatusLabels[s] ?? s,
          },
          { title: 'Chi bộ', dataIndex: 'cellName' },
          { title: 'Số thẻ', dataIndex: 'cardNumber', width: 120, render: (v) => v ?? '—' },
          { title: 'Mã tệp ảnh', dataIndex: 'code', width: 130 },
        ]}
      />
      <Typography.Text type="secondary">
        Tệp ZIP gồm thư mục anh-the (ảnh 2 × 3 cm cắt từ ảnh hồ sơ, đặt tên theo số lý lịch), danh
        sách in kèm ảnh để đối chiếu và ký (danh-sach-anh-the.docx) và danh sách người còn thiếu
        ảnh.
      </Typography.Text>
    </Space>
  );
};
