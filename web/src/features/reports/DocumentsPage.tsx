// The register of issued documents: numbers run per type within the committee term ("Số 12-BC/ĐUK");
// the office records a new outgoing document and gets its number.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { reportsKeys } from './keys';

export const DocumentsPage = () => {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { data, error } = useQuery({
    queryKey: reportsKeys.documents(orgUnitId),
    queryFn: () => api.GET('/api/documents', { params: { query: { orgUnitId } } }),
  });
  const issuer = Form.useWatch('issuerOrgUnitId', form) as number | undefined;
  const types = useQuery({
    queryKey: reportsKeys.documentTypes(issuer),
    queryFn: () => api.GET('/api/documents/types', { params: { query: { orgUnitId: issuer } } }),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: (values: {
      issuerOrgUnitId?: number;
      type: string;
      title: string;
      issuedOn: dayjs.Dayjs;
      signer?: string;
    }) =>
      api.POST('/api/documents', {
        body: {
          ...values,
          issuedOn: values.issuedOn?.format('YYYY-MM-DD'),
        } as ApiBody<'/api/documents', 'post'>,
      }),
    onSuccess: (r) => {
      message.success(`Đã vào sổ: ${r.numberText}.`);
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: reportsKeys.documents() });
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Sổ văn bản đi
      </Typography.Title>
      <Typography.Text type="secondary">
        Số văn bản chạy liên tục từ 01 theo từng loại văn bản trong một nhiệm kỳ cấp ủy, không bắt
        đầu lại mỗi năm (Hướng dẫn 36-HD/VPTW).
      </Typography.Text>
      <Space wrap>
        <OrgUnitSelect
          style={{ width: 380 }}
          value={orgUnitId}
          onChange={setOrgUnitId}
          allowClear
          placeholder="Cơ quan ban hành (tất cả)"
        />
        {can('document.issue') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            Vào sổ văn bản mới
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={applyApiError(error)} />}
      <Table
        size="small"
        rowKey="id"
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Số, ký hiệu', dataIndex: 'numberText', width: 170 },
          {
            title: 'Ngày',
            dataIndex: 'issuedOn',
            width: 110,
            render: (d: string) => formatDate(d),
          },
          { title: 'Loại', dataIndex: 'typeLabel', width: 120 },
          { title: 'Trích yếu', dataIndex: 'title' },
          { title: 'Cơ quan ban hành', dataIndex: 'issuerName' },
          { title: 'Nhiệm kỳ', dataIndex: 'termLabel', width: 110 },
          { title: 'Người ký', dataIndex: 'signer', render: (s: string | null) => s ?? '—' },
        ]}
      />
      <Modal
        open={open}
        title="Vào sổ văn bản đi"
        okText="Lấy số"
        cancelText="Hủy"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create.mutate}
          initialValues={{ issuedOn: dayjs() }}
        >
          <Form.Item name="issuerOrgUnitId" label="Cơ quan ban hành (mặc định: đơn vị của bạn)">
            <OrgUnitSelect allowClear />
          </Form.Item>
          <Form.Item
            name="type"
            label="Loại văn bản"
            rules={[{ required: true, message: 'Chọn loại văn bản.' }]}
          >
            <Select
              options={(types.data?.items ?? []).map((t) => ({
                value: t.type,
                label: `${t.label} (${t.code}/${types.data?.issuerCode})`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="Trích yếu"
            rules={[{ required: true, message: 'Cần ghi trích yếu.' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name="issuedOn"
            label="Ngày ban hành"
            rules={[{ required: true, message: 'Chọn ngày.' }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="signer" label="Người ký">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
