// "Nộp đảng phí lên cấp trên" on the Đảng phí page (docs/domain/dues.md): per grassroots
// organisation and year, what it owed the committee above it (its share of the dues its cells
// collected), what that committee received, the difference and the quarters not remitted; the
// receiving committee's office records, corrects and deletes remittances; an administrator sets the
// share for months under 01-QĐ/TW.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Collapse,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  quarterStateLabels,
  type TRemittance,
  type TRemittanceRow,
} from '../../../../contracts/remittances';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { ExportButton } from '../../components/long-list';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { lifecycleKeys } from './keys';

const money = (v: number) => `${formatNumber(v)} đ`;
/** An amount that does not break across lines in a narrow column. */
const Money = ({ v, testId, danger }: { v: number; testId?: string; danger?: boolean }) => (
  <Typography.Text
    type={danger ? 'danger' : undefined}
    style={{ whiteSpace: 'nowrap' }}
    data-testid={testId}
  >
    {money(v)}
  </Typography.Text>
);
const roman = ['I', 'II', 'III', 'IV'];
const stateColor = { paid: 'green', short: 'orange', unpaid: 'red', open: 'default' } as const;

type Editing =
  | { mode: 'new'; orgUnitId: number; orgUnitName: string }
  | { mode: 'edit'; remittance: TRemittance };

type FormValues = {
  periodKind: 'month' | 'quarter';
  period: number;
  amount: number;
  receivedOn: dayjs.Dayjs;
  documentNumber?: string;
  note?: string;
};

const RemittanceModal = ({
  editing,
  year,
  onClose,
}: {
  editing: Editing;
  year: number;
  onClose: () => void;
}) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('periodKind', form) ?? 'quarter';
  const initial: FormValues =
    editing.mode === 'edit'
      ? {
          periodKind: editing.remittance.periodKind,
          period: editing.remittance.period,
          amount: editing.remittance.amount,
          receivedOn: dayjs(editing.remittance.receivedOn),
          documentNumber: editing.remittance.documentNumber ?? undefined,
          note: editing.remittance.note ?? undefined,
        }
      : {
          periodKind: 'quarter',
          period: Math.max(1, Math.ceil((dayjs().month() + 1) / 3) - 1),
          amount: 0,
          receivedOn: dayjs(),
        };
  const save = async (v: FormValues) => {
    setError(null);
    const body = {
      year,
      periodKind: v.periodKind,
      period: v.period,
      amount: v.amount,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      documentNumber: v.documentNumber ?? null,
      note: v.note ?? null,
    };
    try {
      if (editing.mode === 'new')
        await api.POST('/api/lifecycle/dues/remittances', {
          body: { ...body, orgUnitId: editing.orgUnitId },
        });
      else
        await api.PUT('/api/lifecycle/dues/remittances/{id}', {
          params: { path: { id: editing.remittance.id } },
          body: { ...body, version: editing.remittance.version },
        });
      message.success('Đã lưu khoản nộp đảng phí.');
      await client.invalidateQueries({ queryKey: lifecycleKeys.remittances() });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  const name = editing.mode === 'new' ? editing.orgUnitName : editing.remittance.orgUnitName;
  return (
    <Modal
      open
      title={`${editing.mode === 'new' ? 'Ghi khoản nộp' : 'Sửa khoản nộp'} – ${name}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Space wrap>
          <Form.Item name="periodKind" label="Kỳ nộp">
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'quarter', label: 'Quý' },
                { value: 'month', label: 'Tháng' },
              ]}
              onChange={() => form.setFieldValue('period', 1)}
            />
          </Form.Item>
          <Form.Item
            name="period"
            label={kind === 'month' ? `Tháng (năm ${year})` : `Quý (năm ${year})`}
          >
            <Select
              style={{ width: 140 }}
              virtual={false}
              options={
                kind === 'month'
                  ? Array.from({ length: 12 }, (_, i) => ({
                      value: i + 1,
                      label: `Tháng ${String(i + 1).padStart(2, '0')}`,
                    }))
                  : roman.map((r, i) => ({ value: i + 1, label: `Quý ${r}` }))
              }
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="amount"
          label="Số tiền đã nhận (đồng)"
          rules={[{ required: true, message: 'Nhập số tiền.' }]}
        >
          <InputNumber
            style={{ width: '100%' }}
            step={1000}
            aria-label="Số tiền"
            formatter={(v) => (v === undefined || v === null ? '' : formatNumber(Number(v)))}
            parser={(v) => Number((v ?? '').replace(/\./g, '').replace(/[^\d-]/g, ''))}
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label="Ngày nhận"
          rules={[{ required: true, message: 'Chọn ngày nhận.' }]}
        >
          <DatePicker format="DD/MM/YYYY" allowClear={false} aria-label="Ngày nhận" />
        </Form.Item>
        <Form.Item name="documentNumber" label="Số phiếu thu, chứng từ">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The administrator's share for months under 01-QĐ/TW, with its source. */
const ShareEditor = ({ onClose }: { onClose: () => void }) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ keptPercent: number; source: string }>();
  const [error, setError] = useState<string | null>(null);
  const { data } = useQuery({
    queryKey: lifecycleKeys.remittances('share'),
    queryFn: () => api.GET('/api/lifecycle/dues/remittance-share'),
  });
  if (!data) return null;
  return (
    <Modal
      open
      title="Tỷ lệ tổ chức cơ sở đảng trích giữ lại (từ 02/2026)"
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ keptPercent: data.keptPercent, source: data.source }}
        onFinish={async (v) => {
          setError(null);
          try {
            await api.PUT('/api/lifecycle/dues/remittance-share', {
              body: { ...v, version: data.version },
            });
            message.success('Đã lưu tỷ lệ.');
            await client.invalidateQueries({ queryKey: lifecycleKeys.remittances() });
            onClose();
          } catch (e) {
            setError(applyApiError(e, form));
          }
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="keptPercent" label="Giữ lại (%) — phần còn lại nộp lên cấp trên">
          <InputNumber min={0} max={100} suffix="%" />
        </Form.Item>
        <Form.Item name="source" label="Văn bản làm căn cứ (số, ngày ban hành)">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const Comparison = () => {
  const { can, user } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [unit, setUnit] = useState<number | undefined>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editingShare, setEditingShare] = useState(false);
  const orgUnitId = unit ?? user?.scopeOrgUnitId;
  const { data, error, isLoading } = useQuery({
    queryKey: lifecycleKeys.remittances(orgUnitId, year),
    enabled: orgUnitId !== undefined,
    queryFn: () =>
      api.GET('/api/lifecycle/dues/remittances', {
        params: { query: { orgUnitId, year } },
      }),
  });
  const remove = async (r: TRemittance) => {
    try {
      await api.DELETE('/api/lifecycle/dues/remittances/{id}', {
        params: { path: { id: r.id }, query: { version: r.version } },
      });
      message.success('Đã xóa khoản nộp.');
      await client.invalidateQueries({ queryKey: lifecycleKeys.remittances() });
    } catch (e) {
      message.error(applyApiError(e));
    }
  };
  const years = Array.from({ length: 4 }, (_, i) => dayjs().year() - i);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Select
          aria-label="Năm"
          value={year}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
          onChange={setYear}
        />
        <OrgUnitSelect
          value={unit}
          onlyKinds={[
            'province_committee',
            'upper_committee',
            'grassroots_committee',
            'grassroots_cell',
          ]}
          placeholder="Cấp ủy hoặc tổ chức cơ sở đảng (mặc định: đơn vị của bạn)"
          style={{ flex: '1 1 220px', maxWidth: 380, minWidth: 0 }}
          allowClear
          onChange={(id) => setUnit(id ?? undefined)}
        />
        <ExportButton
          path="/api/lifecycle/dues/remittances/export.xlsx"
          query={{ year, orgUnitId }}
          disabled={!data || data.rows.length === 0}
        />
        {can('dues.amounts') && <Button onClick={() => setEditingShare(true)}>Sửa tỷ lệ</Button>}
      </div>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {isLoading && (
        <Typography.Text type="secondary">Đang cộng các sổ thu của năm…</Typography.Text>
      )}
      {data && (
        <Typography.Paragraph data-testid="remittances-totals" style={{ marginBottom: 0 }}>
          {data.orgUnitName}, năm {data.year}
          {data.endedMonths.length > 0
            ? ` (các quý đã hết: tháng 01–${data.endedMonths.at(-1)!.slice(5)})`
            : ''}
          : phải nộp <b>{money(data.totals.due)}</b>, đã nộp <b>{money(data.totals.received)}</b>,
          chênh lệch <b data-testid="remittances-difference">{money(data.totals.difference)}</b>
          {data.totals.openDue > 0 &&
            `; quý đang thu (chưa đến hạn): phải nộp ${money(data.totals.openDue)}`}
          .
          <br />
          <Typography.Text type="secondary">
            Phải nộp = đảng phí các chi bộ đã thu (sổ thu) × tỷ lệ nộp lên:{' '}
            {data.shares
              .map(
                (s) =>
                  `${s.from.slice(5)}/${s.from.slice(0, 4)}–${s.to.slice(5)}/${s.to.slice(0, 4)}: nộp ${100 - s.keptPercent}% (${s.source})`,
              )
              .join('; ')}
            . Một quý "Chưa nộp" khi đã hết quý mà chưa ghi khoản nào. Số chi tiết từng quý: rê
            chuột lên nhãn quý.
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {data && (
        <Table<TRemittanceRow>
          rowKey="orgUnitId"
          size="small"
          dataSource={data.rows}
          pagination={data.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          data-testid="remittances-table"
          expandable={{
            rowExpandable: (r) => r.remittances.length > 0,
            expandedRowRender: (r) => (
              <Table<TRemittance>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={r.remittances}
                columns={[
                  { title: 'Kỳ', dataIndex: 'periodLabel' },
                  {
                    title: 'Số tiền',
                    align: 'right',
                    render: (_, x) => <Money v={x.amount} />,
                  },
                  { title: 'Ngày nhận', render: (_, x) => formatDate(x.receivedOn) },
                  { title: 'Chứng từ', render: (_, x) => x.documentNumber ?? '—' },
                  { title: 'Ghi chú', render: (_, x) => x.note ?? '' },
                  ...(data.canRecord
                    ? [
                        {
                          title: '',
                          render: (_: unknown, x: TRemittance) => (
                            <Space size={4}>
                              <Button
                                size="small"
                                onClick={() => setEditing({ mode: 'edit', remittance: x })}
                              >
                                Sửa
                              </Button>
                              <Popconfirm
                                title="Xóa khoản nộp này?"
                                okText="Xóa"
                                cancelText="Không"
                                onConfirm={() => remove(x)}
                              >
                                <Button size="small" danger>
                                  Xóa
                                </Button>
                              </Popconfirm>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            ),
          }}
          columns={[
            { title: 'Tổ chức cơ sở đảng', dataIndex: 'orgUnitName', width: 240 },
            {
              title: 'Phải nộp (quý đã hết)',
              align: 'right',
              render: (_, r) => <Money v={r.due} />,
            },
            { title: 'Đã nộp', align: 'right', render: (_, r) => <Money v={r.received} /> },
            {
              title: 'Chênh lệch',
              align: 'right',
              render: (_, r) => (
                <Money
                  v={r.difference}
                  danger={r.difference < 0}
                  testId={`remittance-diff-${r.orgUnitId}`}
                />
              ),
            },
            {
              title: 'Các quý',
              render: (_, r) => (
                <Space size={2} wrap>
                  {r.quarters.map((q) => (
                    <Tag
                      key={q.quarter}
                      color={stateColor[q.state]}
                      title={`Phải nộp ${money(q.due)}, đã nộp ${money(q.received)}`}
                    >
                      Q{roman[q.quarter - 1]}: {quarterStateLabels[q.state]}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(data.canRecord
              ? [
                  {
                    title: '',
                    width: 130,
                    render: (_: unknown, r: TRemittanceRow) => (
                      <Button
                        size="small"
                        type="primary"
                        data-testid={`remittance-add-${r.orgUnitId}`}
                        onClick={() =>
                          setEditing({
                            mode: 'new',
                            orgUnitId: r.orgUnitId,
                            orgUnitName: r.orgUnitName,
                          })
                        }
                      >
                        Ghi khoản nộp
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing && (
        <RemittanceModal editing={editing} year={year} onClose={() => setEditing(null)} />
      )}
      {editingShare && <ShareEditor onClose={() => setEditingShare(false)} />}
    </Space>
  );
};

/** The card, closed until opened (a committee's year is every cell's twelve sheets). */
export const RemittancesCard = () => {
  const { can } = useAuth();
  if (!can('remittance.read')) return null;
  return (
    <Collapse
      data-testid="remittances-card"
      destroyOnHidden
      items={[
        {
          key: 'remittances',
          label: 'Nộp đảng phí lên cấp trên',
          children: <Comparison />,
        },
      ]}
    />
  );
};
