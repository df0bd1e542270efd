// Cài đặt (administrators): the first-start set-up of the top committee on an empty installation
// (name, kind, establishment date, earlier names, superior, place), the place and the superior body
// printed on Party documents, and the committee's names over time.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { rootKinds, type TSettingsView } from '../../../../contracts/settings';
import { orgUnitKindLabels } from '../../../../domain/enums/org-units';
import { partyDocumentDate } from '../../../../domain/text/dates';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { reportsKeys } from '../reports/keys';
import { settingsKeys } from './keys';

const settingsKey = settingsKeys.settings();
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

type SetupForm = {
  name: string;
  kind: (typeof rootKinds)[number];
  establishedOn: Dayjs;
  superiorName?: string;
  place?: string;
  earlierNames?: { name: string; until: Dayjs }[];
};

const FirstStartCard = ({ view }: { view: TSettingsView }) => {
  const [form] = Form.useForm<SetupForm>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.POST('/api/settings/first-start', {
        body: {
          name: v.name,
          kind: v.kind,
          establishedOn: iso(v.establishedOn),
          superiorName: v.superiorName ?? '',
          place: v.place ?? '',
          earlierNames: (v.earlierNames ?? []).map((e) => ({ name: e.name, until: iso(e.until) })),
        } as ApiBody<'/api/settings/first-start', 'post'>,
      });
      message.success('Đã thiết lập tổ chức cấp cao nhất.');
      client.invalidateQueries();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Thiết lập ban đầu" data-testid="first-start">
      <Typography.Paragraph type="secondary">
        Cài đặt mới có một tổ chức tạm "{view.root.name}" thành lập ngày{' '}
        {formatDate(view.root.establishedOn)}. Hãy ghi đúng tên, loại, ngày thành lập và cấp trên
        trực tiếp của đảng bộ: các tổ chức trực thuộc không thể có hiệu lực trước ngày thành lập, và
        văn bản của một năm đã qua ghi tên đảng bộ như ở năm đó (ghi các tên trước đây bên dưới).
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ kind: 'upper_committee', earlierNames: [] }}
      >
        <Form.Item
          name="name"
          label="Tên đảng bộ hiện nay"
          rules={[{ required: true, message: 'Hãy ghi tên đảng bộ.' }]}
        >
          <Input placeholder="Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn" />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="kind" label="Loại tổ chức" rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              options={rootKinds.map((k) => ({ value: k, label: orgUnitKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="establishedOn"
            label="Ngày thành lập"
            rules={[{ required: true, message: 'Hãy chọn ngày thành lập.' }]}
          >
            <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          Tên trước đây (nếu đảng bộ đã đổi tên)
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Ví dụ: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn", dùng đến ngày 01/02/2025 (ngày tên mới có
          hiệu lực). Sau khi thiết lập, các lần đổi tên tiếp theo ghi bằng quyết định "Đổi tên" ở
          trang Tổ chức đảng.
        </Typography.Paragraph>
        <Form.List name="earlierNames">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, message: 'Hãy ghi tên.' }]}
                  >
                    <Input style={{ width: 340 }} placeholder="Tên trước đây" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'until']}
                    rules={[{ required: true, message: 'Hãy chọn ngày tên sau có hiệu lực.' }]}
                  >
                    <DatePicker format="DD/MM/YYYY" placeholder="Dùng đến ngày" />
                  </Form.Item>
                  <Button
                    aria-label="Bỏ tên này"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Form.Item>
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  Thêm tên trước đây
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item
          name="superiorName"
          label="Cấp trên trực tiếp (dòng đầu của tiêu đề văn bản)"
          extra="Ví dụ: Đảng bộ tỉnh Lạng Sơn."
        >
          <Input placeholder="Đảng bộ tỉnh Lạng Sơn" />
        </Form.Item>
        <Form.Item
          name="place"
          label="Địa danh ghi trên văn bản"
          extra="Để trống: lấy từ tên cấp trên (Đảng bộ tỉnh Lạng Sơn → Lạng Sơn)."
        >
          <Input placeholder="Lạng Sơn" />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={submit}>
          Ghi thiết lập
        </Button>
      </Form>
    </Card>
  );
};

const DocumentCard = ({ view }: { view: TSettingsView }) => {
  const [form] = Form.useForm<{ place: string; superiorName: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const place = Form.useWatch('place', form);
  useEffect(() => form.setFieldsValue(view.document), [view, form]);
  const shownPlace = place?.trim() || view.derivedPlace;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.PUT('/api/settings/document', {
        body: {
          place: v.place ?? '',
          superiorName: v.superiorName ?? '',
        },
      });
      message.success('Đã lưu cài đặt văn bản.');
      client.invalidateQueries({ queryKey: settingsKey });
      client.invalidateQueries({ queryKey: reportsKeys.reportDraft() });
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Văn bản: nơi ban hành và cấp trên" data-testid="document-settings">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item
          name="place"
          label="Địa danh ghi trước ngày tháng"
          extra={
            view.derivedPlace
              ? `Để trống: "${view.derivedPlace}" (theo tên cấp trên).`
              : 'Để trống khi tổ chức cấp trên là đảng bộ tỉnh, thành phố: lấy theo tên tỉnh.'
          }
        >
          <Input placeholder={view.derivedPlace || 'Lạng Sơn'} />
        </Form.Item>
        <Form.Item
          name="superiorName"
          label="Cấp trên trực tiếp của tổ chức cấp cao nhất"
          extra="Dòng đầu của tiêu đề văn bản khi cây tổ chức không có cấp trên, ví dụ Đảng bộ tỉnh Lạng Sơn."
        >
          <Input placeholder="Đảng bộ tỉnh Lạng Sơn" />
        </Form.Item>
        <Typography.Paragraph>
          Văn bản sẽ ghi:{' '}
          <Typography.Text italic data-testid="place-date-sample">
            {shownPlace || '(chưa có địa danh)'}, {partyDocumentDate(dayjs().format('YYYY-MM-DD'))}
          </Typography.Text>
        </Typography.Paragraph>
        <Button type="primary" loading={busy} onClick={submit}>
          Lưu
        </Button>
      </Form>
    </Card>
  );
};

export const SettingsPage = () => {
  const { data, error } = useQuery({
    queryKey: settingsKey,
    queryFn: () => api.GET('/api/settings'),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Cài đặt
      </Typography.Title>
      {error && <Alert type="error" showIcon title={applyApiError(error)} />}
      {data?.setupPending && <FirstStartCard view={data} />}
      {data && <DocumentCard view={data} />}
      {data && (
        <Card title="Tổ chức cấp cao nhất qua các thời kỳ">
          <Descriptions
            size="small"
            column={1}
            items={[
              { label: 'Tên hiện nay', children: data.root.name },
              { label: 'Loại', children: orgUnitKindLabels[data.root.kind] },
              { label: 'Ngày thành lập', children: formatDate(data.root.establishedOn) },
            ]}
          />
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="validFrom"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.root.history}
            columns={[
              { title: 'Tên', dataIndex: 'name' },
              { title: 'Từ ngày', dataIndex: 'validFrom', render: formatDate },
              {
                title: 'Đến ngày',
                dataIndex: 'validTo',
                render: (v: string | null) => (v ? formatDate(v) : 'nay'),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            Đổi tên về sau: ghi quyết định "Đổi tên" với ngày hiệu lực ở trang{' '}
            <Link to="/to-chuc">Tổ chức đảng</Link>; báo cáo của năm trước ngày đó vẫn ghi tên cũ.
          </Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
};
