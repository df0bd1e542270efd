import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import {
  duesAreaLabels,
  duesAreas,
  type TDuesSheet,
  type ZUnsalariedAmounts,
} from '../../../../contracts/lifecycle';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { FormDownload } from '../forms/FormDownload';
import { orgUnitsKeys } from '../org-units/keys';
import { lifecycleKeys } from './keys';
import { RemittancesCard } from './RemittancesCard';

type Row = TDuesSheet['rows'][number];
const money = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} đ`);

type Amounts = z.infer<typeof ZUnsalariedAmounts>;

/**
 * The flat amounts under 01-QĐ/TW of students and members outside the salary and pension groups,
 * with the document they come from; administrators edit them (docs/domain/dues.md).
 */
const FlatAmountsCard = () => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const editable = can('dues.amounts');
  const { data } = useQuery({
    queryKey: lifecycleKeys.duesAmounts(),
    queryFn: () => api.GET('/api/lifecycle/dues/amounts'),
  });
  const [form] = Form.useForm();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  const save = async (values: Omit<Amounts, 'version' | 'updatedAt'>) => {
    setError(null);
    try {
      await api.PUT('/api/lifecycle/dues/amounts', { body: { ...values, version: data.version } });
      message.success('Đã lưu mức đảng phí cố định.');
      setEditing(false);
      await client.invalidateQueries({ queryKey: lifecycleKeys.duesAmounts() });
      await client.invalidateQueries({ queryKey: lifecycleKeys.dues() });
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Card
      size="small"
      title="Mức cố định (01-QĐ/TW)"
      data-testid="dues-amounts"
      extra={
        editable &&
        !editing && (
          <Button
            onClick={() => {
              form.setFieldsValue({
                other: data.other,
                student: data.student,
                source: data.source,
              });
              setEditing(true);
            }}
          >
            Sửa mức
          </Button>
        )
      }
    >
      {!editing ? (
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">
            Từ 02/2026, cho học sinh, sinh viên và đảng viên ngoài nhóm hưởng lương, lương hưu:
          </Typography.Text>
          <Typography.Text>
            {duesAreas
              .map((a) => `${duesAreaLabels[a]}: ${money(data.other[a])}`)
              .concat(`Học sinh, sinh viên: ${money(data.student)}`)
              .join('; ')}
            .
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="dues-amounts-source">
            Căn cứ: {data.source}
          </Typography.Text>
        </Space>
      ) : (
        <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 720 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Space wrap>
            {duesAreas.map((a) => (
              <Form.Item
                key={a}
                name={['other', a]}
                label={duesAreaLabels[a]}
                rules={[{ required: true, message: 'Nhập mức đóng.' }]}
              >
                <InputNumber min={1} step={1000} suffix="đ" style={{ width: 200 }} />
              </Form.Item>
            ))}
            <Form.Item
              name="student"
              label="Học sinh, sinh viên"
              rules={[{ required: true, message: 'Nhập mức đóng.' }]}
            >
              <InputNumber min={1} step={1000} suffix="đ" style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Form.Item
            name="source"
            label="Văn bản làm căn cứ (số, ngày ban hành)"
            rules={[{ required: true, message: 'Cần ghi văn bản làm căn cứ.' }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              Lưu mức
            </Button>
            <Button onClick={() => setEditing(false)}>Hủy</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
};

/** The cell's monthly collection sheet (sổ thu đảng phí). */
export const DuesPage = () => {
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('don-vi') ? Number(params.get('don-vi')) : undefined;
  const month = params.get('thang') ?? dayjs().format('YYYY-MM');
  const [selected, setSelected] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [paidOn, setPaidOn] = useState(dayjs());
  const [keptPercent, setKeptPercent] = useState<number | null>(null);
  const [summaryUnit, setSummaryUnit] = useState<number | undefined>();
  const {
    data,
    error: loadError,
    isLoading,
  } = useQuery({
    queryKey: lifecycleKeys.dues(orgUnitId, month),
    enabled: Boolean(orgUnitId),
    queryFn: () =>
      api.GET('/api/lifecycle/dues', { params: { query: { orgUnitId: orgUnitId!, month } } }),
  });
  const setParam = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
    setSelected([]);
  };
  // A user whose scope is one cell (its secretary) has the sheet of that cell at once, not a
  // "Chọn chi bộ" (issue 22).
  const { data: scopeUnit } = useQuery({
    queryKey: orgUnitsKeys.orgUnit(user?.scopeOrgUnitId, 'today'),
    enabled: !orgUnitId && Boolean(user?.scopeOrgUnitId),
    queryFn: () =>
      api.GET('/api/org-units/{id}', { params: { path: { id: user!.scopeOrgUnitId } } }),
  });
  useEffect(() => {
    if (
      !orgUnitId &&
      scopeUnit &&
      (scopeUnit.kind === 'cell' || scopeUnit.kind === 'grassroots_cell')
    ) {
      const next = new URLSearchParams(params);
      next.set('don-vi', String(scopeUnit.id));
      setParams(next, { replace: true });
    }
  }, [orgUnitId, scopeUnit, params, setParams]);
  const collect = async () => {
    if (!data) return;
    setError(null);
    try {
      const rows = data.rows.filter((r) => selected.includes(r.memberId));
      const result = await api.POST('/api/lifecycle/dues/payments', {
        body: {
          orgUnitId,
          month,
          paidOn: paidOn.format('YYYY-MM-DD'),
          payments: rows.map((r) => ({ memberId: r.memberId, amount: r.due ?? 0 })),
        } as ApiBody<'/api/lifecycle/dues/payments', 'post'>,
      });
      message.success(result.message);
      setSelected([]);
      await client.invalidateQueries({ queryKey: lifecycleKeys.dues() });
    } catch (e) {
      setError(applyApiError(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Đảng phí
      </Typography.Title>
      <Space wrap>
        <OrgUnitSelect
          value={orgUnitId}
          onlyKinds={['cell', 'grassroots_cell']}
          placeholder="Chọn chi bộ"
          style={{ width: 340 }}
          onChange={(id) => setParam('don-vi', id ? String(id) : undefined)}
        />
        <DatePicker
          picker="month"
          format="MM/YYYY"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          onChange={(d) => setParam('thang', d?.format('YYYY-MM'))}
          aria-label="Tháng"
        />
      </Space>
      {!orgUnitId && (
        <Alert type="info" showIcon title="Chọn một chi bộ để xem sổ thu đảng phí tháng." />
      )}
      {!orgUnitId && user && user.scopeOrgUnitId !== undefined && (
        // An office prints its grassroots organisation's year without opening a cell first; a
        // committee above that level, its own summary (one row per grassroots organisation).
        <Space wrap data-testid="dues-summary-forms">
          <OrgUnitSelect
            value={summaryUnit}
            onlyKinds={[
              'province_committee',
              'upper_committee',
              'grassroots_committee',
              'grassroots_cell',
            ]}
            placeholder="Đảng bộ cơ sở hoặc cấp ủy cấp trên để in tổng hợp"
            style={{ width: 340 }}
            onChange={setSummaryUnit}
          />
          {summaryUnit && (
            <FormDownload
              label="In tổng hợp đảng phí"
              testId="dues-summary-form"
              forms={[
                {
                  label: `Tổng hợp đảng phí năm ${month.slice(0, 4)}`,
                  url: `/api/forms/dues/tong-hop?orgUnitId=${summaryUnit}&year=${month.slice(0, 4)}${keptPercent === null ? '' : `&keptPercent=${keptPercent}`}`,
                },
              ]}
            />
          )}
          {summaryUnit && (
            <InputNumber
              aria-label="Tỷ lệ chi bộ trích giữ lại (%)"
              placeholder="Tỷ lệ chi bộ giữ lại (%)"
              min={0}
              max={100}
              suffix="%"
              style={{ width: 220 }}
              value={keptPercent}
              onChange={(v) => setKeptPercent(v ?? null)}
            />
          )}
        </Space>
      )}
      {loadError && <Alert type="error" showIcon title={(loadError as Error).message} />}
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <Typography.Paragraph data-testid="dues-summary">
          {data.orgUnitName}, tháng {month.slice(5)}/{month.slice(0, 4)} — áp dụng {data.ruleSet}.
          Phải thu {money(data.totalDue)}, đã thu {money(data.totalPaid)}.
          <br />
          <Typography.Text type="secondary" data-testid="dues-flat-source">
            Mức cố định (học sinh, sinh viên; đảng viên ngoài nhóm hưởng lương, lương hưu) theo:{' '}
            {data.flatAmountsSource}.
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {data && (
        <Space wrap data-testid="dues-forms">
          <FormDownload
            label="In sổ thu, tổng hợp"
            testId="dues-book-form"
            forms={[
              {
                label: `Sổ thu đảng phí năm ${month.slice(0, 4)}`,
                url: `/api/forms/dues/so-thu?orgUnitId=${orgUnitId}&year=${month.slice(0, 4)}`,
              },
              ...(user?.scopeOrgUnitId !== orgUnitId
                ? [
                    {
                      label: `Tổng hợp đảng phí của tổ chức cơ sở đảng năm ${month.slice(0, 4)}`,
                      url: `/api/forms/dues/tong-hop?orgUnitId=${orgUnitId}&year=${month.slice(0, 4)}${keptPercent === null ? '' : `&keptPercent=${keptPercent}`}`,
                    },
                  ]
                : []),
            ]}
          />
          {user?.scopeOrgUnitId !== orgUnitId && (
            <InputNumber
              aria-label="Tỷ lệ chi bộ trích giữ lại (%)"
              placeholder="Tỷ lệ chi bộ giữ lại (%)"
              min={0}
              max={100}
              suffix="%"
              style={{ width: 220 }}
              value={keptPercent}
              onChange={(v) => setKeptPercent(v ?? null)}
            />
          )}
        </Space>
      )}
      {data && can('dues.write') && (
        <Space wrap>
          <span>Ngày thu</span>
          <DatePicker
            aria-label="Ngày thu"
            value={paidOn}
            onChange={(d) => d && setPaidOn(d)}
            format="DD/MM/YYYY"
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
          <Button type="primary" disabled={selected.length === 0} onClick={collect}>
            Ghi đã thu ({selected.length})
          </Button>
        </Space>
      )}
      {data && (
        <Table<Row>
          rowKey="memberId"
          loading={isLoading}
          dataSource={data.rows}
          size="small"
          pagination={false}
          rowSelection={
            can('dues.write')
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (r) => ({
                    disabled: r.paid !== null || r.due === null || Boolean(r.exempt),
                  }),
                }
              : undefined
          }
          columns={[
            {
              title: 'Họ và tên',
              render: (_, r) => <Link to={`/dang-vien/${r.memberId}`}>{r.fullName}</Link>,
            },
            {
              title: 'Phải đóng',
              align: 'right',
              render: (_, r) =>
                r.monthState === 'not_member' ? (
                  <Tag>Chưa sinh hoạt</Tag>
                ) : r.monthState === 'no_data' ? (
                  <Tag data-testid={`no-data-${r.memberId}`}>Chưa có số liệu</Tag>
                ) : r.exempt ? (
                  <Tag>{r.exempt}</Tag>
                ) : (
                  money(r.due)
                ),
            },
            { title: 'Cách tính', dataIndex: 'explanation' },
            {
              title: 'Đã đóng',
              align: 'right',
              render: (_, r) =>
                r.paid === null ? (
                  '—'
                ) : (
                  <Space size={4} data-testid={`paid-${r.memberId}`}>
                    <Tag color="green">Đã thu {formatDate(r.paidOn)}</Tag>
                    {money(r.paid)}
                  </Space>
                ),
            },
            {
              title: 'Chưa đóng trong năm',
              render: (_, r) => (
                <Space size={4} wrap data-testid={`unpaid-${r.memberId}`}>
                  {r.warning ? (
                    <Tag color="red">{r.unpaidMonthsThisYear} tháng</Tag>
                  ) : r.unpaidMonthsThisYear ? (
                    `${r.unpaidMonthsThisYear} tháng`
                  ) : (
                    '—'
                  )}
                  {r.unknownMonthsThisYear > 0 && (
                    <Typography.Text type="secondary">
                      ({r.unknownMonthsThisYear} tháng chưa có số liệu)
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <RemittancesCard />
      <FlatAmountsCard />
    </Space>
  );
};
