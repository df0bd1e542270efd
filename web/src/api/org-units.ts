import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export const fetchChildren = (parentId?: number, asOf?: string) =>
  api.GET('/api/org-units/tree', { params: { query: { parentId, asOf } } });

export const useScopeRoot = (asOf?: string) =>
  useQuery({ queryKey: ['org-root', asOf], queryFn: () => fetchChildren(undefined, asOf) });
