import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  cellMeetingKinds,
  type MeetingKind,
  meetingKindLabels,
  meetingKinds,
  type TMeetingDetail,
} from '../../../../contracts/meetings';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { FormDownload } from '../forms/FormDownload';
import { type DecisionForTask, TaskModal } from '../plans/PlanForms';
import { DocumentLink, FilePicker, todayLocal, uploadFile } from '../resolutions/shared';
import { meetingsKeys } from './keys';

type Mark = { memberId: number; fullName: string; present: boolean; absenceReason: string };
type SavedDecision = TMeetingDetail['decisions'][number];

/** Record a meeting: a cell meeting takes attendance from the cell's members on that day. */
export const MeetingFormModal = ({
  detail,
  defaultUnitId,
  onClose,
}: {
  detail?: TMeetingDetail;
  defaultUnitId?: number;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [marks, setMarks] = useState<Mark[]>([]);
  // Saved decisions by id, with the key task each became; refreshed after "Tạo nhiệm vụ".
  const [saved, setSaved] = useState<Map<number, SavedDecision>>(
    () => new Map((detail?.decisions ?? []).map((d) => [d.id, d])),
  );
  const [toTask, setToTask] = useState<DecisionForTask | null>(null);
  const reloadDecisions = async () => {
    if (!detail) return;
    const fresh = await api.GET('/api/meetings/{id}', { params: { path: { id: detail.id } } });
    setSaved(new Map(fresh.decisions.map((d) => [d.id, d])));
    await client.invalidateQueries({ queryKey: meetingsKeys.meetings() });
  };
  const orgUnitId = Form.useWatch('orgUnitId', form) as number | undefined;
  const kind = (Form.useWatch('kind', form) as MeetingKind | undefined) ?? detail?.kind;
  const heldOn = Form.useWatch('heldOn', form) as Dayjs | undefined;
  const isCell = kind ? cellMeetingKinds.includes(kind) : false;
  const date = heldOn?.format('YYYY-MM-DD');
  const roster = useQuery({
    queryKey: meetingsKeys.meetingRoster(orgUnitId, date),
    queryFn: () =>
      api.GET('/api/meetings/roster', {
        params: { query: { orgUnitId: orgUnitId!, date: date! } },
      }),
    enabled: Boolean(isCell && orgUnitId && date),
  });
  useEffect(() => {
    if (!roster.data) return;
    const previous = new Map((detail?.attendance ?? []).map((a) => [a.memberId, a] as const));
    setMarks(
      roster.data.members.map((m) => ({
        memberId: m.memberId,
        fullName: m.fullName,
        present: previous.get(m.memberId)?.present ?? true,
        absenceReason: previous.get(m.memberId)?.absenceReason ?? '',
      })),
    );
  }, [roster.data, detail]);
  const mark = (memberId: number, change: Partial<Mark>) =>
    setMarks((all) => all.map((m) => (m.memberId === memberId ? { ...m, ...change } : m)));
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      const minutesDocumentId = file
        ? await uploadFile(v.orgUnitId, file)
        : (detail?.minutesDocumentId ?? null);
      const body = {
        orgUnitId: v.orgUnitId,
        kind: v.kind,
        heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'),
        title: v.title,
        agenda: v.agenda,
        attendance: isCell
          ? marks.map((m) => ({
              memberId: m.memberId,
              present: m.present,
              absenceReason: m.present ? null : m.absenceReason,
            }))
          : [],
        invitedCount: isCell ? null : v.invitedCount,
        presentCount: isCell ? null : v.presentCount,
        decisions: (v.decisions ?? []).map(
          (d: { id?: number; text: string; owner?: string; deadline?: Dayjs; done?: boolean }) => ({
            id: d.id ?? null,
            text: d.text,
            owner: d.owner,
            deadline: d.deadline ? d.deadline.format('YYYY-MM-DD') : null,
            done: Boolean(d.done),
          }),
        ),
        minutesDocumentId,
      };
      if (detail)
        await api.PUT('/api/meetings/{id}', {
          params: { path: { id: detail.id } },
          body: { ...body, version: detail.version },
        });
      else await api.POST('/api/meetings', { body: body });
      message.success('Đã lưu cuộc họp.');
      await client.invalidateQueries({ queryKey: meetingsKeys.meetings() });
      await client.invalidateQueries({ queryKey: meetingsKeys.meetingAttendance() });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  const presentCount = marks.filter((m) => m.present).length;
  return (
    <Modal
      open
      width={820}
      title={detail ? 'Sửa cuộc họp' : 'Ghi cuộc họp, buổi sinh hoạt'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {detail && (
        <div style={{ textAlign: 'right', marginBottom: 12 }}>
          <FormDownload
            label="In biên bản"
            testId="meeting-minutes-form"
            forms={[{ label: 'Biên bản', url: `/api/forms/meetings/${detail.id}/bien-ban` }]}
          />
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgUnitId: detail?.orgUnitId ?? defaultUnitId,
          kind: detail?.kind ?? 'cell_regular',
          heldOn: detail ? dayjs(detail.heldOn) : dayjs(),
          title: detail?.title ?? `Sinh hoạt chi bộ định kỳ tháng ${dayjs().format('MM/YYYY')}`,
          agenda: detail?.agenda,
          invitedCount: detail?.invitedCount,
          presentCount: detail?.presentCount,
          decisions: (detail?.decisions ?? []).map((d) => ({
            ...d,
            deadline: d.deadline ? dayjs(d.deadline) : undefined,
          })),
        }}
      >
        <Form.Item
          name="orgUnitId"
          label="Tổ chức đảng"
          rules={[{ required: true, message: 'Chọn tổ chức.' }]}
        >
          <OrgUnitSelect />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
            <Select
              // 340 px, but never wider than the dialog on a phone (390 px: 326 px of body).
              style={{ width: 'min(340px, calc(100vw - 64px))' }}
              options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="heldOn"
            label="Ngày họp"
            rules={[{ required: true, message: 'Chọn ngày họp.' }]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              disabledDate={(d) => d.format('YYYY-MM-DD') > todayLocal()}
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label="Tên cuộc họp"
          rules={[{ required: true, message: 'Cần nhập tên.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="agenda" label="Nội dung, chương trình">
          <Input.TextArea rows={3} />
        </Form.Item>
        {isCell ? (
          <>
            <Divider>
              Điểm danh: có mặt {presentCount}/{marks.length}
            </Divider>
            {roster.error && (
              <Alert type="error" showIcon title={(roster.error as Error).message} />
            )}
            <Table
              rowKey="memberId"
              size="small"
              data-testid="attendance-checklist"
              loading={roster.isFetching}
              dataSource={marks}
              pagination={false}
              scroll={{ y: 320 }}
              locale={{ emptyText: 'Chọn chi bộ và ngày họp để lấy danh sách đảng viên.' }}
              columns={[
                { title: 'Họ và tên', dataIndex: 'fullName' },
                {
                  title: 'Có mặt',
                  width: 90,
                  render: (_, m) => (
                    <Checkbox
                      aria-label={`Có mặt: ${m.fullName}`}
                      checked={m.present}
                      onChange={(e) => mark(m.memberId, { present: e.target.checked })}
                    />
                  ),
                },
                {
                  title: 'Lý do vắng',
                  render: (_, m) =>
                    m.present ? null : (
                      <Input
                        aria-label={`Lý do vắng: ${m.fullName}`}
                        value={m.absenceReason}
                        placeholder="Ví dụ: đi công tác"
                        onChange={(e) => mark(m.memberId, { absenceReason: e.target.value })}
                      />
                    ),
                },
              ]}
            />
          </>
        ) : (
          <Space wrap>
            <Form.Item
              name="invitedCount"
              label="Số đại biểu được triệu tập"
              rules={[{ required: true, message: 'Cần nhập số.' }]}
            >
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item
              name="presentCount"
              label="Số đại biểu có mặt"
              rules={[{ required: true, message: 'Cần nhập số.' }]}
            >
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        )}
        <Divider>Nghị quyết, kết luận của cuộc họp</Divider>
        <Typography.Paragraph type="secondary">
          Mỗi việc được giao ghi người (bộ phận) thực hiện và thời hạn để theo dõi. Nội dung đã lưu
          có thể chuyển thành nhiệm vụ trọng tâm trong kế hoạch năm (nút "Tạo nhiệm vụ"); khi nhiệm
          vụ hoàn thành, nội dung được ghi là đã xong.
        </Typography.Paragraph>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const id = form.getFieldValue(['decisions', field.name, 'id']) as
                  | number
                  | undefined;
                const decision = id === undefined ? undefined : saved.get(id);
                const task = decision?.keyTask;
                return (
                  <div key={field.key} data-testid="meeting-decision">
                    <Space wrap align="start">
                      <Form.Item name={[field.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'text']}
                        rules={[{ required: true, message: 'Cần nhập nội dung.' }]}
                      >
                        <Input.TextArea rows={1} placeholder="Nội dung" style={{ width: 300 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'owner']}>
                        <Input placeholder="Người thực hiện" style={{ width: 160 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'deadline']}>
                        <DatePicker format="DD/MM/YYYY" placeholder="Thời hạn" />
                      </Form.Item>
                      {task ? (
                        <Checkbox checked={decision.done} disabled>
                          Đã xong
                        </Checkbox>
                      ) : (
                        <Form.Item name={[field.name, 'done']} valuePropName="checked">
                          <Checkbox>Đã xong</Checkbox>
                        </Form.Item>
                      )}
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        disabled={Boolean(task)}
                        title={task ? 'Đã thành nhiệm vụ trọng tâm: xóa nhiệm vụ trước' : undefined}
                        aria-label="Xóa"
                      />
                      {decision && !task && detail?.canCreateTasks && (
                        <Button
                          onClick={() =>
                            setToTask({
                              id: decision.id,
                              text: decision.text,
                              deadline: decision.deadline,
                              orgUnitId: detail.orgUnitId,
                              heldOn: detail.heldOn,
                            })
                          }
                        >
                          Tạo nhiệm vụ
                        </Button>
                      )}
                    </Space>
                    {task && (
                      <Typography.Paragraph style={{ marginTop: -12 }}>
                        Nhiệm vụ trọng tâm năm {task.year}:{' '}
                        <Link to={`/ke-hoach?orgUnitId=${task.orgUnitId}&year=${task.year}`}>
                          {task.title}
                        </Link>
                        {decision.done ? ' (đã hoàn thành)' : ''}
                      </Typography.Paragraph>
                    )}
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ done: false })}>
                Thêm nội dung
              </Button>
            </>
          )}
        </Form.List>
        <Divider>Biên bản</Divider>
        <FilePicker file={file} onChange={setFile} label="Chọn tệp biên bản" />
        {detail?.minutesDocumentId && !file && (
          <div>
            Đang có:{' '}
            <DocumentLink id={detail.minutesDocumentId} name={detail.minutesDocumentName} />
          </div>
        )}
      </Form>
      <TaskModal
        open={toTask !== null}
        orgUnitId={toTask?.orgUnitId ?? 0}
        year={Number((toTask?.deadline ?? toTask?.heldOn ?? '').slice(0, 4))}
        decision={toTask}
        onClose={() => setToTask(null)}
        onSaved={reloadDecisions}
      />
    </Modal>
  );
};
