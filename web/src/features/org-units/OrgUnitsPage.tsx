import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Space,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { TOrgOperation, TOrgUnitNode } from '../../../../contracts/org-units';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { fetchChildren } from '../../api/org-units';
import { useAuth } from '../../app/auth';
import { orgUnitsKeys } from './keys';
import { OrgOperationModal } from './OrgOperationModal';
import { OrgUnitDetailPanel } from './OrgUnitDetailPanel';

type SearchHit = TOrgUnitNode & { ancestorIds: number[]; ancestorNames: string[] };

const nodeTitle = (n: TOrgUnitNode) => (
  <Space size={6}>
    <span>{n.name}</span>
    <Tag title={`${n.memberCount} đảng viên`} style={{ marginInlineEnd: 0 }}>
      {formatNumber(n.memberCount)}
    </Tag>
  </Space>
);

const toTreeNode = (n: TOrgUnitNode): DataNode => ({
  key: n.id,
  title: nodeTitle(n),
  isLeaf: n.childCount === 0,
});

/** Insert loaded children under their parent in the antd tree data. */
const withChildren = (nodes: DataNode[], parent: number, children: DataNode[]): DataNode[] =>
  nodes.map((n) =>
    n.key === parent
      ? { ...n, children }
      : n.children
        ? { ...n, children: withChildren(n.children, parent, children) }
        : n,
  );

export const OrgUnitsPage = () => {
  const { can } = useAuth();
  const client = useQueryClient();
  const [asOf, setAsOf] = useState<string | undefined>();
  const [tree, setTree] = useState<DataNode[]>([]);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [selected, setSelected] = useState<number | undefined>();
  const [query, setQuery] = useState('');
  const [operation, setOperation] = useState<TOrgOperation['kind'] | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const loadRoot = useCallback(async () => {
    const root = await fetchChildren(undefined, asOf);
    const rootNodes = root.nodes.map(toTreeNode);
    let next = rootNodes;
    const top = root.nodes[0];
    if (top) {
      const kids = await fetchChildren(top.id, asOf);
      next = withChildren(rootNodes, top.id, kids.nodes.map(toTreeNode));
      setExpanded([top.id]);
      setSelected((s) => s ?? top.id);
    }
    setTree(next);
  }, [asOf]);

  useEffect(() => {
    void reloadKey;
    loadRoot();
  }, [loadRoot, reloadKey]);

  const search = useQuery({
    queryKey: orgUnitsKeys.orgSearch(query, asOf),
    queryFn: () => api.GET('/api/org-units/search', { params: { query: { q: query, asOf } } }),
    enabled: query.trim().length > 0,
  });

  const openPath = async (hit: SearchHit) => {
    let next = tree;
    for (const id of hit.ancestorIds) {
      const kids = await fetchChildren(id, asOf);
      next = withChildren(next, id, kids.nodes.map(toTreeNode));
    }
    setTree(next);
    setExpanded(hit.ancestorIds);
    setSelected(hit.id);
    setQuery('');
  };

  const changed = () => {
    client.invalidateQueries();
    setReloadKey((k) => k + 1);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Tổ chức đảng
      </Typography.Title>
      <Space wrap>
        <DatePicker
          format="DD/MM/YYYY"
          placeholder="Xem theo ngày (hôm nay)"
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => {
            setAsOf(d ? d.format('YYYY-MM-DD') : undefined);
            setSelected(undefined);
          }}
          disabledDate={(d) => d.isAfter(dayjs())}
          data-testid="as-of"
        />
        {asOf && (
          <Alert
            type="info"
            showIcon
            title={`Cây tổ chức và số đảng viên như tại ngày ${dayjs(asOf).format('DD/MM/YYYY')}`}
          />
        )}
        {can('org.restructure') && !asOf && (
          <Space wrap>
            <Typography.Text strong>Sắp xếp tổ chức:</Typography.Text>
            {(
              [
                ['establish', 'Thành lập'],
                ['rename', 'Đổi tên'],
                ['move', 'Điều chuyển'],
                ['merge', 'Hợp nhất'],
                ['split', 'Chia tách'],
                ['dissolve', 'Giải thể'],
              ] as const
            ).map(([kind, label]) => (
              <Button key={kind} onClick={() => setOperation(kind)} disabled={!selected}>
                {label}
              </Button>
            ))}
          </Space>
        )}
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Input.Search
              placeholder="Tìm tổ chức theo tên, không cần dấu"
              allowClear
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            {query && search.data && (
              <Card
                size="small"
                style={{ marginBottom: 12 }}
                title={`Kết quả (${search.data.items.length})`}
              >
                {search.data.items.length === 0 && (
                  <Typography.Text type="secondary">Không tìm thấy tổ chức nào.</Typography.Text>
                )}
                {search.data.items.map((hit) => (
                  <div key={hit.id}>
                    <Button
                      type="link"
                      onClick={() => openPath(hit)}
                      style={{
                        padding: 0,
                        height: 'auto',
                        whiteSpace: 'normal',
                        textAlign: 'left',
                      }}
                    >
                      {hit.name}
                    </Button>
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {hit.ancestorNames.join(' › ')}
                    </Typography.Text>
                  </div>
                ))}
              </Card>
            )}
            <Tree
              treeData={tree}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => keys[0] !== undefined && setSelected(Number(keys[0]))}
              loadData={async (node) => {
                if (node.children) return;
                const kids = await fetchChildren(Number(node.key), asOf);
                setTree((t) => withChildren(t, Number(node.key), kids.nodes.map(toTreeNode)));
              }}
              style={{ fontSize: 15 }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selected && <OrgUnitDetailPanel id={selected} asOf={asOf} reloadKey={reloadKey} />}
        </Col>
      </Row>
      {operation && selected && (
        <OrgOperationModal
          kind={operation}
          unitId={selected}
          onClose={() => setOperation(null)}
          onDone={() => {
            setOperation(null);
            changed();
          }}
        />
      )}
    </Space>
  );
};
