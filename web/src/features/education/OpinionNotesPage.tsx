import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TOpinionNote } from '../../../../contracts/education';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { educationKeys } from './keys';
import { day, iso } from './shared';

const NoteModal = ({ note, onClose }: { note?: TOpinionNote; onClose: () => void }) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      const body = {
        orgUnitId: v.orgUnitId,
        notedOn: iso(v.notedOn),
        topic: v.topic,
        content: v.content,
        source: v.source,
        orientation: v.orientation,
      };
      if (note)
        await api.PUT('/api/education/opinion-notes/{id}', {
          params: { path: { id: note.id } },
          body: { ...body, version: note.version } as ApiBody<
            '/api/education/opinion-notes/{id}',
            'put'
          >,
        });
      else
        await api.POST('/api/education/opinion-notes', {
          body: body as ApiBody<'/api/education/opinion-notes', 'post'>,
        });
      message.success('Đã lưu ghi nhận.');
      await client.invalidateQueries({ queryKey: educationKeys.opinionNotes() });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={note ? 'Sửa ghi nhận' : 'Ghi nhận dư luận xã hội'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          orgUnitId: note?.orgUnitId ?? user?.scopeOrgUnitId,
          notedOn: note ? day(note.notedOn) : dayjs(),
          topic: note?.topic,
          content: note?.content,
          source: note?.source,
          orientation: note?.orientation,
        }}
      >
        <Form.Item name="orgUnitId" label="Đơn vị ghi nhận" rules={[{ required: true }]}>
          <OrgUnitSelect valueLabel={note?.orgUnitName} />
        </Form.Item>
        <Form.Item
          name="notedOn"
          label="Ngày ghi nhận"
          rules={[{ required: true, message: 'Cần chọn ngày.' }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="topic"
          label="Vấn đề"
          rules={[{ required: true, message: 'Cần nhập vấn đề.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="content"
          label="Tình hình dư luận (đảng viên, nhân dân quan tâm, bàn luận gì)"
          rules={[{ required: true, message: 'Cần nhập nội dung.' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="source" label="Nguồn (sinh hoạt chi bộ, báo chí, mạng xã hội…)">
          <Input />
        </Form.Item>
        <Form.Item name="orientation" label="Định hướng thông tin, đề xuất, đã báo cáo ai">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The dated register of public-opinion notes and the information orientation given. */
export const OpinionNotesPage = () => {
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[string, string] | null>(null);
  const [editing, setEditing] = useState<TOpinionNote | 'new' | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: educationKeys.opinionNotes(q, range),
    queryFn: () =>
      api.GET('/api/education/opinion-notes', {
        params: { query: { q: q || undefined, from: range?.[0], to: range?.[1] } },
      }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Dư luận xã hội, định hướng thông tin
      </Typography.Title>
      <Card>
        <Space wrap>
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            onChange={(v) => setRange(v?.[0] && v[1] ? [iso(v[0])!, iso(v[1])!] : null)}
          />
          <Input.Search
            allowClear
            placeholder="Tìm theo vấn đề, nội dung"
            onSearch={setQ}
            style={{ width: 260 }}
          />
          {can('education.record') && (
            <Button type="primary" size="large" onClick={() => setEditing('new')}>
              Ghi nhận mới
            </Button>
          )}
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        data-testid="opinion-notes"
        loading={isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 900 }}
        columns={[
          { title: 'Ngày', render: (_, n) => formatDate(n.notedOn), width: 110 },
          { title: 'Đơn vị', dataIndex: 'orgUnitName' },
          {
            title: 'Vấn đề',
            render: (_, n) =>
              can('education.record') ? (
                <Button
                  type="link"
                  style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                  onClick={() => setEditing(n)}
                >
                  {n.topic}
                </Button>
              ) : (
                n.topic
              ),
          },
          { title: 'Tình hình dư luận', dataIndex: 'content' },
          { title: 'Nguồn', dataIndex: 'source' },
          { title: 'Định hướng', dataIndex: 'orientation' },
        ]}
      />
      {editing && (
        <NoteModal
          note={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
};
