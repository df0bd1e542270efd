import { useQuery } from '@tanstack/react-query';
import type { TOrgUnitNode } from '../../../contracts/org-units';
import { get, toQuery } from './client';

export const fetchChildren = (parentId?: number, asOf?: string) =>
  get<{ asOf: string; nodes: TOrgUnitNode[] }>(`/api/org-units/tree${toQuery({ parentId, asOf })}`);

export const useScopeRoot = (asOf?: string) =>
  useQuery({ queryKey: ['org-root', asOf], queryFn: () => fetchChildren(undefined, asOf) });
