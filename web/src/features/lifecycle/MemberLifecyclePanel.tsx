import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  cardActionLabels,
  cardActions,
  duesAreaLabels,
  duesAreas,
  duesCategories,
  duesCategoryLabels,
  type TMemberLifecycle,
} from '../../../../contracts/lifecycle';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { lifecycleKeys } from './keys';

const CardModal = ({
  memberId,
  version,
  onClose,
  onDone,
}: {
  memberId: number;
  version: number;
  onClose: () => void;
  onDone: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.POST('/api/lifecycle/members/{id}/card-events', {
        params: { path: { id: memberId } },
        body: {
          ...v,
          actionDate: (v.actionDate as Dayjs).format('YYYY-MM-DD'),
          version,
        },
      });
      onDone();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      title="Thẻ đảng viên"
      okText="Ghi"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ action: 'issued', actionDate: dayjs() }}>
        <Form.Item name="action" label="Việc">
          <Select options={cardActions.map((a) => ({ value: a, label: cardActionLabels[a] }))} />
        </Form.Item>
        <Form.Item name="actionDate" label="Ngày" rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="cardNumber" label="Số thẻ">
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="Lý do">
          <Input />
        </Form.Item>
        <Form.Item name="decisionNumber" label="Số quyết định">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const DuesProfileModal = ({
  memberId,
  profile,
  onClose,
  onDone,
}: {
  memberId: number;
  profile: TMemberLifecycle['duesProfile'];
  onClose: () => void;
  onDone: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    const range = v.reduction as [Dayjs, Dayjs] | undefined;
    try {
      await api.PUT('/api/lifecycle/members/{id}/dues-profile', {
        params: { path: { id: memberId } },
        body: {
          category: v.category,
          baseAmount: v.baseAmount ?? null,
          otherArea: v.otherArea ?? null,
          socialPensionAllowance: Boolean(v.socialPensionAllowance),
          hardshipExemption: Boolean(v.hardshipExemption),
          reductionPercent: v.reductionPercent ?? null,
          reductionFrom: range?.[0]?.format('YYYY-MM') ?? null,
          reductionTo: range?.[1]?.format('YYYY-MM') ?? null,
          version: profile?.version ?? 0,
        },
      });
      onDone();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      width={640}
      title="Căn cứ tính đảng phí"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...profile,
          category: profile?.category ?? 'insured_salary',
          reduction:
            profile?.reductionFrom && profile.reductionTo
              ? [dayjs(`${profile.reductionFrom}-01`), dayjs(`${profile.reductionTo}-01`)]
              : undefined,
        }}
      >
        <Form.Item name="category" label="Đối tượng">
          <Select
            options={duesCategories.map((c) => ({ value: c, label: duesCategoryLabels[c] }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['category']}>
          {({ getFieldValue }) =>
            ['student', 'other'].includes(getFieldValue('category')) ? (
              getFieldValue('category') === 'other' && (
                <Form.Item
                  name="otherArea"
                  label="Địa bàn (mức đóng cố định)"
                  rules={[{ required: true, message: 'Chọn địa bàn để tính mức đóng.' }]}
                >
                  <Select
                    options={duesAreas.map((a) => ({ value: a, label: duesAreaLabels[a] }))}
                  />
                </Form.Item>
              )
            ) : (
              <Form.Item
                name="baseAmount"
                label="Tiền lương đóng BHXH / trợ cấp / lương hưu (đồng/tháng)"
                rules={[{ required: true, message: 'Cần ghi mức tiền làm căn cứ.' }]}
              >
                <InputNumber<number>
                  min={0}
                  step={100000}
                  style={{ width: 240 }}
                  formatter={(v) => (v ? formatNumber(Number(v)) : '')}
                  parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
                />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="socialPensionAllowance" valuePropName="checked">
          <Checkbox>Hưởng trợ cấp hưu trí xã hội (miễn đảng phí)</Checkbox>
        </Form.Item>
        <Form.Item name="hardshipExemption" valuePropName="checked">
          <Checkbox>Hộ nghèo, cận nghèo hoặc bệnh hiểm nghèo, có đơn (miễn đảng phí)</Checkbox>
        </Form.Item>
        <Space>
          <Form.Item name="reductionPercent" label="Giảm">
            <Select
              allowClear
              style={{ width: 120 }}
              options={[30, 50, 70].map((p) => ({ value: p, label: `${p}%` }))}
            />
          </Form.Item>
          <Form.Item name="reduction" label="Thời gian giảm (tối đa 12 tháng)">
            <DatePicker.RangePicker picker="month" format="MM/YYYY" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
};

/** Card, badges and dues on the member's page. */
export const MemberLifecyclePanel = ({
  memberId,
  version,
  onChanged,
}: {
  memberId: number;
  version: number;
  onChanged: () => void;
}) => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [modal, setModal] = useState<'card' | 'dues' | null>(null);
  const key = lifecycleKeys.memberLifecycle(memberId);
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => api.GET('/api/lifecycle/members/{id}', { params: { path: { id: memberId } } }),
  });
  if (!data) return <Card loading size="small" />;
  const done = (text: string) => {
    setModal(null);
    message.success(text);
    client.invalidateQueries({ queryKey: key });
    onChanged();
  };
  const unpaid = data.duesThisYear.filter(
    (d) => d.paid === null && !d.exempt && !d.noData && d.due > 0,
  );
  // Without a declared basis nothing can be computed: say so instead of a column of "0 đ".
  const noBasis = !data.duesProfile && data.duesThisYear.every((d) => d.paid === null);
  return (
    <Card title="Thẻ đảng, Huy hiệu Đảng, đảng phí" size="small" data-testid="member-lifecycle">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="Thẻ đảng viên">
          <Space wrap>
            {data.cardEvents.length === 0
              ? 'Chưa ghi'
              : data.cardEvents.map((c) => (
                  <Tag key={c.id}>
                    {cardActionLabels[c.action]} {formatDate(c.actionDate)}
                    {c.cardNumber ? ` · số ${c.cardNumber}` : ''}
                  </Tag>
                ))}
            {can('lifecycle.write') && (
              <Button size="small" onClick={() => setModal('card')}>
                Ghi thẻ đảng
              </Button>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Huy hiệu Đảng">
          {data.badges.length === 0
            ? 'Chưa nhận'
            : data.badges
                .map(
                  (b) =>
                    `${b.milestone} năm (${b.posthumous ? 'truy tặng ' : b.early ? 'tặng sớm ' : ''}${formatDate(b.awardDate)}${b.reason ? `: ${b.reason}` : ''})`,
                )
                .join('; ')}
        </Descriptions.Item>
        <Descriptions.Item label="Đảng phí">
          <Space wrap>
            {data.duesProfile
              ? duesCategoryLabels[data.duesProfile.category as keyof typeof duesCategoryLabels]
              : 'Chưa khai báo căn cứ tính'}
            {data.duesProfile?.baseAmount
              ? ` · ${formatNumber(data.duesProfile.baseAmount)} đ`
              : ''}
            {unpaid.length >= 3 && <Tag color="red">{unpaid.length} tháng chưa đóng</Tag>}
            {can('dues.write') && (
              <Button size="small" onClick={() => setModal('dues')}>
                Sửa căn cứ
              </Button>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {noBasis && (
        <Typography.Text type="secondary" data-testid="dues-no-basis">
          Chưa khai báo căn cứ tính đảng phí (tiền lương, phụ cấp hoặc thu nhập) nên chưa tính được
          số phải đóng hằng tháng.
        </Typography.Text>
      )}
      {data.duesThisYear.length > 0 && !noBasis && (
        <Table
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={data.duesThisYear}
          columns={[
            {
              title: 'Tháng',
              dataIndex: 'month',
              render: (v: string) => `${v.slice(5)}/${v.slice(0, 4)}`,
            },
            {
              title: 'Phải đóng',
              align: 'right',
              render: (_, r) => (r.exempt ? <Tag>{r.exempt}</Tag> : `${formatNumber(r.due)} đ`),
            },
            {
              title: 'Đã đóng',
              align: 'right',
              render: (_, r) =>
                r.paid === null ? (
                  <Tag color={r.exempt || r.noData ? 'default' : 'orange'}>
                    {r.exempt ? 'Miễn' : r.noData ? 'Chưa có số liệu' : 'Chưa đóng'}
                  </Tag>
                ) : (
                  `${formatNumber(r.paid)} đ`
                ),
            },
          ]}
        />
      )}
      {modal === 'card' && (
        <CardModal
          memberId={memberId}
          version={version}
          onClose={() => setModal(null)}
          onDone={() => done('Đã ghi thẻ đảng.')}
        />
      )}
      {modal === 'dues' && (
        <DuesProfileModal
          memberId={memberId}
          profile={data.duesProfile}
          onClose={() => setModal(null)}
          onDone={() => done('Đã lưu căn cứ tính đảng phí.')}
        />
      )}
    </Card>
  );
};
