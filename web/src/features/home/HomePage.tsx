import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { THomeItem, THomeSection } from '../../../../contracts/home';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { homeKeys } from './keys';

const tones: Record<THomeItem['tone'], { color: string; label: string } | null> = {
  overdue: { color: 'red', label: 'Quá hạn' },
  due_soon: { color: 'orange', label: 'Sắp đến hạn' },
  todo: { color: 'blue', label: 'Cần làm' },
  done: { color: 'green', label: 'Đã xong' },
  info: null,
};

const countColor: Record<THomeItem['tone'], string | undefined> = {
  overdue: '#cf1322',
  due_soon: '#d46b08',
  todo: '#1677ff',
  done: '#389e0d',
  info: undefined,
};

const HomeItem = ({ item }: { item: THomeItem }) => {
  const tone = tones[item.tone];
  const label = item.link ? <Link to={item.link}>{item.label}</Link> : <span>{item.label}</span>;
  return (
    <List.Item
      data-testid="home-item"
      extra={
        item.count !== null ? (
          <Typography.Text
            strong
            style={{ fontSize: 22, color: countColor[item.tone], whiteSpace: 'nowrap' }}
            data-testid="home-count"
          >
            {item.count}
          </Typography.Text>
        ) : null
      }
      style={{ alignItems: 'center', flexWrap: 'nowrap' }}
    >
      <List.Item.Meta
        style={{ minWidth: 0 }}
        title={
          <Space wrap size={4} style={{ overflowWrap: 'anywhere' }}>
            {tone && <Tag color={tone.color}>{tone.label}</Tag>}
            {label}
          </Space>
        }
        description={
          item.detail ? <span style={{ overflowWrap: 'anywhere' }}>{item.detail}</span> : null
        }
      />
    </List.Item>
  );
};

const HomeSection = ({ section }: { section: THomeSection }) => (
  <Card
    title={<span style={{ whiteSpace: 'normal' }}>{section.title}</span>}
    size="small"
    extra={section.link ? <Link to={section.link}>Xem tất cả</Link> : null}
    data-testid={`home-section-${section.key}`}
    styles={{ body: { paddingTop: 0, paddingBottom: 0 } }}
  >
    <List
      dataSource={section.items}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={section.emptyText || 'Không có.'}
          />
        ),
      }}
      renderItem={(i) => <HomeItem item={i} />}
    />
  </Card>
);

/** The first page after login: what this person has to do or know today (issue 22). */
export const HomePage = () => {
  const { user } = useAuth();
  const { data, error, isLoading } = useQuery({
    queryKey: homeKeys.home(user?.id),
    queryFn: () => api.GET('/api/home'),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (isLoading || !data) return <Skeleton active />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="home">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-title">
          {data.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {data.unitName} · ngày {formatDate(data.today)}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {data.sections.map((s) => (
          <Col key={s.key} xs={24} xl={12}>
            <HomeSection section={s} />
          </Col>
        ))}
      </Row>
    </Space>
  );
};
