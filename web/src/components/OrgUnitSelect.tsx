import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import type { TOrgUnitNode } from '../../../contracts/org-units';
import { orgUnitKindLabels } from '../../../domain/enums/org-units';
import { unitPathLabel } from '../../../domain/text/unit-path';
import { api } from '../api/client';
import { fetchChildren } from '../api/org-units';
import { useDebounced } from './useDebounced';

type Option = {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
  kind: TOrgUnitNode['kind'];
};
const toOption = (n: TOrgUnitNode): Option => ({
  id: n.id,
  pId: n.parentId,
  value: n.id,
  title: n.name,
  isLeaf: n.childCount === 0,
  kind: n.kind,
});

/**
 * Pick a unit of the user's subtree: browse the tree (children load as branches open) or type part
 * of a name, without diacritics if you like — the server searches the whole scope ("nghiep vu y",
 * "so y te") and each hit shows its path ("Đảng bộ Sở Y tế › Chi bộ Phòng Nghiệp vụ Y").
 */
export const OrgUnitSelect = ({
  id,
  value,
  onChange,
  placeholder = 'Chọn tổ chức đảng',
  onlyKinds,
  style,
  allowClear,
  valueLabel,
}: {
  /** Set by Form.Item so that its label points at this field. */
  id?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  onlyKinds?: TOrgUnitNode['kind'][];
  style?: React.CSSProperties;
  allowClear?: boolean;
  /** The name of a preset value whose branch is not loaded yet (editing a saved record). */
  valueLabel?: string;
}) => {
  const [options, setOptions] = useState<Option[]>([]);
  const [search, setSearch] = useState('');
  // The path of a unit picked from the search, shown once the tree is back.
  const [picked, setPicked] = useState<{ id: number; title: string } | undefined>();
  useEffect(() => {
    fetchChildren().then((r) => setOptions(r.nodes.map(toOption)));
  }, []);
  const loadData = async ({ id }: { id?: number }) => {
    const r = await fetchChildren(id);
    setOptions((prev) => [
      ...prev,
      ...r.nodes.filter((n) => !prev.some((p) => p.id === n.id)).map(toOption),
    ]);
  };
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['org-unit-picker-search', q, onlyKinds?.join(',') ?? ''],
    queryFn: () =>
      api.GET('/api/org-units/search', {
        params: { query: { q, kind: onlyKinds, pageSize: 50 } },
      }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const searching = search.trim().length > 0;
  // A preset value outside the loaded branches (a link's orgUnitId, the user's own unit deeper in
  // the tree) is shown by its name, read once, never as an id.
  const unloaded = value !== undefined && !options.some((o) => o.id === value);
  const ownPick = picked && picked.id === value ? picked.title : undefined;
  const named = useQuery({
    queryKey: ['org-unit-name', value],
    queryFn: () => api.GET('/api/org-units/{id}', { params: { path: { id: value! } } }),
    // Only once the first branch has loaded: a preset root is named by it, with no request.
    enabled: unloaded && !valueLabel && !ownPick && options.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const label =
    valueLabel ??
    ownPick ??
    (named.data
      ? unitPathLabel(
          named.data.ancestors.slice(-1).map((a) => a.name),
          named.data.name,
        )
      : undefined);
  const hits: Option[] = (found.data?.items ?? []).map((n) => ({
    ...toOption(n),
    pId: null,
    isLeaf: true,
    title: unitPathLabel(n.ancestorNames, n.name),
  }));
  const tree: Option[] =
    unloaded && label
      ? [...options, { id: value, pId: null, value, title: label, isLeaf: true, kind: 'cell' }]
      : options;
  const shown = searching ? hits : tree;
  const more =
    searching && found.data && found.data.total > found.data.items.length
      ? `Còn ${found.data.total - found.data.items.length} kết quả nữa — gõ thêm để thu hẹp.`
      : undefined;
  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={shown.map((o) => ({
        ...o,
        disabled: onlyKinds ? !onlyKinds.includes(o.kind) : false,
      }))}
      loadData={loadData as never}
      value={value}
      onChange={(v) => {
        const hit = hits.find((h) => h.id === v);
        if (hit) setPicked({ id: hit.id, title: hit.title });
        setSearch('');
        onChange?.(v as number | undefined);
      }}
      placeholder={placeholder}
      style={{ minWidth: 'min(320px, 100%)', maxWidth: '100%', ...style }}
      popupMatchSelectWidth={false}
      allowClear={allowClear}
      showSearch={{
        searchValue: search,
        onSearch: setSearch,
        // The server has matched already (diacritic-blind, the whole scope): show what it found.
        filterTreeNode: searching ? () => true : false,
        autoClearSearchValue: true,
      }}
      notFoundContent={
        searching
          ? found.isFetching || q !== search.trim()
            ? 'Đang tìm…'
            : 'Không tìm thấy tổ chức nào'
          : undefined
      }
      popupRender={(menu) => (
        <>
          {menu}
          {more && <div style={{ padding: '4px 12px', color: '#888', fontSize: 13 }}>{more}</div>}
        </>
      )}
      title={
        onlyKinds ? `Chỉ chọn: ${onlyKinds.map((k) => orgUnitKindLabels[k]).join(', ')}` : undefined
      }
    />
  );
};
