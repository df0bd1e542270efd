// Record a round of voting (or a re-vote, or correct the last round), with the outcome counted live
// by the same rule the server applies (domain/rules/congresses `countElection`).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { TElection, TElectionList } from '../../../../../contracts/congress-elections';
import {
  type ElectionBody,
  electionBodies,
  electionBodyLabels,
} from '../../../../../domain/enums/congresses';
import { countElection } from '../../../../../domain/rules/congresses';
import { api } from '../../../api/client';
import { applyApiError } from '../../../components/errors';
import { MemberPicker } from '../../../components/MemberPicker';
import { congressesKeys } from '../keys';
import { congressElectionsKeys } from './keys';
import { OutcomeTag, percent } from './shared';

type Candidate = {
  memberId?: number;
  fullName?: string;
  votes?: number;
  nominatedAtCongress?: boolean;
};
type Values = {
  body: ElectionBody;
  atFirstSession: boolean;
  heldOn?: Dayjs;
  seats?: number;
  majorityBase?: number;
  ballotsIssued?: number;
  ballotsReturned?: number;
  ballotsValid?: number;
  ballotsInvalid?: number;
  candidates: Candidate[];
};

export type ElectionFormMode =
  | { kind: 'new' }
  | { kind: 'revote'; of: TElection }
  | { kind: 'edit'; election: TElection };

const firstSessionBodies: ElectionBody[] = [
  'standing_committee',
  'secretary',
  'deputy_secretary',
  'inspection_commission',
  'inspection_chair',
];

const initialValues = (list: TElectionList, mode: ElectionFormMode): Values => {
  const defaultDate = list.congress.heldOn ?? list.congress.plannedOn;
  if (mode.kind === 'edit') {
    const e = mode.election;
    return {
      body: e.body,
      atFirstSession: e.atFirstSession,
      heldOn: dayjs(e.heldOn),
      seats: e.seats,
      majorityBase: e.majorityBase,
      ballotsIssued: e.ballotsIssued,
      ballotsReturned: e.ballotsReturned,
      ballotsValid: e.ballotsValid,
      ballotsInvalid: e.ballotsInvalid,
      candidates: e.candidates.map((c) => ({
        memberId: c.memberId,
        fullName: c.fullName,
        votes: c.votes,
        nominatedAtCongress: c.nominatedAtCongress,
      })),
    };
  }
  if (mode.kind === 'revote') {
    const e = mode.of;
    const names = new Map(e.candidates.map((c) => [c.memberId, c.fullName]));
    return {
      body: e.body,
      atFirstSession: e.atFirstSession,
      heldOn: dayjs(e.heldOn),
      seats: e.furtherRound?.seats,
      majorityBase: e.majorityBase,
      candidates: (e.furtherRound?.among ?? []).map((memberId) => ({
        memberId,
        fullName: names.get(memberId),
      })),
    };
  }
  return {
    body: 'committee',
    atFirstSession: false,
    heldOn: defaultDate ? dayjs(defaultDate) : undefined,
    majorityBase: list.congress.summonedCount ?? undefined,
    candidates: [{}, {}],
  };
};

export const ElectionFormModal = ({
  list,
  mode,
  onClose,
}: {
  list: TElectionList;
  mode: ElectionFormMode;
  onClose: () => void;
}) => {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => initialValues(list, mode), [list, mode]);
  const values = (Form.useWatch([], form) as Values | undefined) ?? initial;
  const body = values.body ?? initial.body;
  const orgUnitId = list.congress.orgUnitId;

  // Live count: the same function the server applies; names come from the pickers' labels.
  const names = new Map<string, string>();
  for (const c of initial.candidates)
    if (c.memberId && c.fullName) names.set(String(c.memberId), c.fullName);
  const filled = (values.candidates ?? []).filter(
    (c): c is Candidate & { memberId: number } => typeof c?.memberId === 'number',
  );
  const complete =
    filled.length > 0 &&
    [
      values.seats,
      values.majorityBase,
      values.ballotsIssued,
      values.ballotsReturned,
      values.ballotsValid,
      values.ballotsInvalid,
    ].every((n) => typeof n === 'number');
  const live = complete
    ? countElection({
        heldOn: values.heldOn?.format('YYYY-MM-DD'),
        seats: values.seats!,
        majorityBase: values.majorityBase!,
        ballotsIssued: values.ballotsIssued!,
        ballotsReturned: values.ballotsReturned!,
        ballotsValid: values.ballotsValid!,
        ballotsInvalid: values.ballotsInvalid!,
        candidates: filled.map((c) => String(c.memberId)),
        votes: Object.fromEntries(filled.map((c) => [String(c.memberId), c.votes ?? 0])),
      })
    : null;
  const statusOf = new Map(live?.ok ? live.candidates.map((c) => [c.id, c]) : []);
  const position = new Map(filled.map((c, i) => [String(c.memberId), i + 1]));
  const nameOf = (text: string) =>
    text.replace(/"(\d+)"/g, (whole, id: string) =>
      names.has(id)
        ? `đồng chí ${names.get(id)}`
        : position.has(id)
          ? `người thứ ${position.get(id)} trong danh sách`
          : whole,
    );

  const title =
    mode.kind === 'revote'
      ? `Bầu lại: ${electionBodyLabels[mode.of.body]} – lần thứ ${mode.of.roundNo + 1}`
      : mode.kind === 'edit'
        ? `Sửa kết quả: ${electionBodyLabels[mode.election.body]} – lần thứ ${mode.election.roundNo}`
        : 'Ghi kết quả bầu cử';

  const save = async () => {
    setError(null);
    const v = await form.validateFields();
    const figures = {
      heldOn: v.heldOn!.format('YYYY-MM-DD'),
      atFirstSession: v.atFirstSession ?? false,
      seats: v.seats!,
      majorityBase: v.majorityBase!,
      ballotsIssued: v.ballotsIssued!,
      ballotsReturned: v.ballotsReturned!,
      ballotsValid: v.ballotsValid!,
      ballotsInvalid: v.ballotsInvalid!,
      candidates: v.candidates.map((c) => ({
        memberId: c.memberId!,
        votes: c.votes ?? 0,
        nominatedAtCongress: c.nominatedAtCongress ?? false,
      })),
    };
    setSaving(true);
    try {
      const id = list.congress.id;
      if (mode.kind === 'edit')
        await api.PUT('/api/congresses/{id}/elections/{electionId}', {
          params: { path: { id, electionId: mode.election.id } },
          body: { ...figures, version: mode.election.version },
        });
      else
        await api.POST('/api/congresses/{id}/elections', {
          params: { path: { id } },
          body: {
            ...figures,
            body: v.body,
            revoteOf: mode.kind === 'revote' ? mode.of.id : null,
          },
        });
      message.success('Đã ghi kết quả bầu cử.');
      await client.invalidateQueries({ queryKey: congressElectionsKeys.congressElections() });
      // The congress page reads whether its elections are recorded (results approval).
      await client.invalidateQueries({ queryKey: congressesKeys.congress(list.congress.id) });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };

  const number = (name: keyof Values, label: string, min = 0) => (
    <Col xs={12} sm={8}>
      <Form.Item name={name} label={label} rules={[{ required: true, message: 'Bắt buộc.' }]}>
        <InputNumber min={min} precision={0} style={{ width: '100%' }} inputMode="numeric" />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={save}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      width={820}
      style={{ maxWidth: 'calc(100vw - 16px)' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="body" label="Bầu" rules={[{ required: true }]}>
              <Select
                disabled={mode.kind !== 'new'}
                options={electionBodies.map((b) => ({ value: b, label: electionBodyLabels[b] }))}
                onChange={(b: ElectionBody) =>
                  form.setFieldValue('atFirstSession', firstSessionBodies.includes(b))
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="heldOn"
              label="Ngày bầu"
              rules={[{ required: true, message: 'Chọn ngày bầu.' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="atFirstSession" valuePropName="checked">
          <Checkbox disabled={mode.kind !== 'new' || body === 'delegates'}>
            Bầu tại hội nghị lần thứ nhất của cấp ủy khóa mới
          </Checkbox>
        </Form.Item>
        <Row gutter={12}>
          {number('seats', 'Số lượng cần bầu', 1)}
          {number('majorityBase', 'Căn cứ tính quá nửa', 1)}
          {number('ballotsIssued', 'Phiếu phát ra')}
          {number('ballotsReturned', 'Phiếu thu vào')}
          {number('ballotsValid', 'Phiếu hợp lệ')}
          {number('ballotsInvalid', 'Phiếu không hợp lệ')}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          Căn cứ tính quá nửa: số đảng viên (đại biểu) được triệu tập trừ các trường hợp Quy chế bầu
          cử loại trừ; ở hội nghị lần thứ nhất là số cấp ủy viên. Trúng cử khi được quá một nửa số
          này
          {values.majorityBase ? `, tức từ ${Math.floor(values.majorityBase / 2) + 1} phiếu` : ''}.
        </Typography.Paragraph>

        <Typography.Title level={5}>Danh sách bầu cử và số phiếu đồng ý</Typography.Title>
        <Form.List name="candidates">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const c = values.candidates?.[field.name];
                const counted = c?.memberId ? statusOf.get(String(c.memberId)) : undefined;
                return (
                  <Row key={field.key} gutter={8} align="top" wrap>
                    <Col xs={24} sm={12}>
                      <Form.Item
                        name={[field.name, 'memberId']}
                        rules={[{ required: true, message: 'Chọn người.' }]}
                        style={{ marginBottom: 8 }}
                      >
                        <MemberPicker
                          orgUnitId={orgUnitId}
                          statuses={['full']}
                          valueLabel={initial.candidates[field.name]?.fullName}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={9} sm={4}>
                      <Form.Item
                        name={[field.name, 'votes']}
                        rules={[{ required: true, message: 'Số phiếu.' }]}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          min={0}
                          precision={0}
                          placeholder="Phiếu"
                          style={{ width: '100%' }}
                          inputMode="numeric"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={7}>
                      <Space size={4} wrap style={{ paddingTop: 4 }}>
                        {counted ? (
                          <>
                            <OutcomeTag outcome={counted.status} />
                            <Typography.Text type="secondary">
                              {percent(counted.shareOfValid)}
                            </Typography.Text>
                          </>
                        ) : null}
                      </Space>
                    </Col>
                    <Col xs={3} sm={1}>
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label="Bỏ người này"
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
                Thêm người vào danh sách
              </Button>
            </>
          )}
        </Form.List>

        {live && !live.ok ? (
          <Alert
            type="warning"
            showIcon
            message="Số liệu chưa khớp"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {live.errors.map((e) => (
                  <li key={e}>{nameOf(e)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {live?.ok ? (
          <Alert
            type={live.furtherRound ? 'warning' : 'success'}
            showIcon
            message={`Trúng cử ${live.seatsFilled}/${values.seats}`}
            description={live.messages.map((m) => <div key={m}>{nameOf(m)}</div>)}
          />
        ) : null}
        {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} /> : null}
      </Form>
    </Modal>
  );
};
