import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import type { TOrgUnitNode } from '../../../contracts/org-units';
import { orgUnitKindLabels } from '../../../domain/enums/org-units';
import { api } from '../api/client';
import { fetchChildren } from '../api/org-units';

type Option = { id: number; pId: number | null; value: number; title: string; isLeaf: boolean };
const toOption = (n: TOrgUnitNode): Option => ({
  id: n.id,
  pId: n.parentId,
  value: n.id,
  title: n.name,
  isLeaf: n.childCount === 0,
});

/** Pick a unit of the user's subtree; children load as branches open. */
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
  const [options, setOptions] = useState<(Option & { kind: TOrgUnitNode['kind'] })[]>([]);
  useEffect(() => {
    fetchChildren().then((r) => setOptions(r.nodes.map((n) => ({ ...toOption(n), kind: n.kind }))));
  }, []);
  const loadData = async ({ id }: { id?: number }) => {
    const r = await fetchChildren(id);
    setOptions((prev) => [
      ...prev,
      ...r.nodes
        .filter((n) => !prev.some((p) => p.id === n.id))
        .map((n) => ({ ...toOption(n), kind: n.kind })),
    ]);
  };
  // A preset value outside the loaded branches (a link's orgUnitId, the user's own unit deeper in
  // the tree) is shown by its name, read once, never as an id.
  const unloaded = value !== undefined && !options.some((o) => o.id === value);
  const named = useQuery({
    queryKey: ['org-unit-name', value],
    queryFn: () => api.GET('/api/org-units/{id}', { params: { path: { id: value! } } }),
    // Only once the first branch has loaded: a preset root is named by it, with no request.
    enabled: unloaded && !valueLabel && options.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const label = valueLabel ?? named.data?.name;
  const shown =
    unloaded && label
      ? [
          ...options,
          {
            id: value,
            pId: null,
            value,
            title: label,
            isLeaf: true,
            kind: 'cell' as TOrgUnitNode['kind'],
          },
        ]
      : options;
  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={shown.map((o) => ({
        ...o,
        disabled: onlyKinds ? !onlyKinds.includes(o.kind) : false,
        title: onlyKinds ? o.title : o.title,
      }))}
      loadData={loadData as never}
      value={value}
      onChange={(v) => onChange?.(v as number | undefined)}
      placeholder={placeholder}
      style={{ minWidth: 320, ...style }}
      popupMatchSelectWidth={false}
      allowClear={allowClear}
      treeNodeFilterProp="title"
      showSearch
      title={
        onlyKinds ? `Chỉ chọn: ${onlyKinds.map((k) => orgUnitKindLabels[k]).join(', ')}` : undefined
      }
    />
  );
};
