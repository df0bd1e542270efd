// A small toolkit for long lists (issue 22): filters kept in the URL (they survive a reload and a
// shared link), collapsible groups with counts, and the export and print buttons.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Badge, Button, Collapse, Empty, Pagination, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toQuery } from '../api/client';
import './print.css';

/**
 * The page's filters as URL parameters: read them, and change some (an empty value removes the
 * parameter; other parameters stay). The history is replaced, not pushed, at every keystroke.
 */
export const useUrlFilters = <K extends string>(keys: readonly K[]) => {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<
    K,
    string | undefined
  >;
  const set = (patch: Partial<Record<K, string | number | null | undefined>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        return next;
      },
      { replace: true },
    );
  return [values, set] as const;
};

/** A number from a URL parameter, or undefined. */
export const numberParam = (v: string | undefined) => (v && Number(v) > 0 ? Number(v) : undefined);

export type ListGroup = { key: string; label: string; count: number; warn?: number };

/**
 * Groups as collapsible panels headed by their label and count; a panel's content is rendered only
 * when opened (each loads its own page of rows). With `pageSize`, a long list of groups (a bloc's
 * two hundred cells) is itself shown a page at a time; `page`/`onPageChange` let the page live in
 * the URL (otherwise it is kept here).
 */
export const GroupedSections = ({
  groups,
  render,
  warnLabel = 'quá hạn',
  testId,
  pageSize,
  page,
  onPageChange,
  defaultOpen,
}: {
  groups: ListGroup[];
  render: (key: string) => ReactNode;
  warnLabel?: string;
  testId?: string;
  pageSize?: number;
  page?: number;
  onPageChange?: (page: number) => void;
  /** Groups open at first (a single group, the unit's own). */
  defaultOpen?: string[];
}) => {
  const [ownPage, setOwnPage] = useState(1);
  if (groups.length === 0) return <Empty description="Không có mục nào khớp bộ lọc." />;
  const paged = pageSize !== undefined && groups.length > pageSize;
  const last = paged ? Math.ceil(groups.length / pageSize) : 1;
  const current = Math.min(Math.max(page ?? ownPage, 1), last);
  const shown = paged ? groups.slice((current - 1) * pageSize, current * pageSize) : groups;
  return (
    <>
      <Collapse
        // Which groups open first can change after a save (a unit's first meeting of the year makes
        // its own group): a new choice opens anew, as on the first visit.
        key={defaultOpen?.join(',')}
        data-testid={testId}
        className="long-list-groups"
        defaultActiveKey={defaultOpen}
        items={shown.map((g) => ({
          key: g.key,
          label: (
            <Space wrap size={4}>
              <span>{g.label}</span>
              <Badge count={g.count} overflowCount={9999} color="#1677ff" showZero />
              {g.warn ? <Tag color="red">{`${g.warn} ${warnLabel}`}</Tag> : null}
            </Space>
          ),
          children: render(g.key),
        }))}
      />
      {paged && (
        <Pagination
          size="small"
          style={{ marginTop: 12 }}
          current={current}
          pageSize={pageSize}
          total={groups.length}
          showSizeChanger={false}
          showTotal={(n, [a, b]) => `Nhóm ${a}–${b} trong ${n}`}
          onChange={(p) => (onPageChange ? onPageChange(p) : setOwnPage(p))}
          data-testid={testId ? `${testId}-pages` : undefined}
        />
      )}
    </>
  );
};

/** Downloads the list as filtered (the server builds the XLSX from the same query). */
export const ExportButton = ({
  path,
  query,
  disabled,
}: {
  path: string;
  query: Record<string, string | number | undefined>;
  disabled?: boolean;
}) => (
  <Button
    icon={<DownloadOutlined />}
    href={`${path}${toQuery(query)}`}
    disabled={disabled}
    className="no-print"
    data-testid="export-xlsx"
  >
    Xuất Excel
  </Button>
);

export const PrintButton = () => (
  <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
    In
  </Button>
);
