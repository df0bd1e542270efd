// Benchmark datasets from the demo generator: a bloc of ~8,000 members and a province of ~200,000
// (several blocs under one provincial root, each with its own seed).
import { type DemoBloc, generateDemoBloc, type SeedUnit } from '../server/seed/demo-bloc';
import { createRandom } from '../server/seed/random';

export type DatasetName = 'bloc' | 'province';

export const datasets: Record<DatasetName, { label: string; build: () => DemoBloc }> = {
  bloc: {
    label: 'bloc, ~8,000 members',
    build: () => generateDemoBloc({ seed: 8000, grassroots: 150, members: 8000 }),
  },
  province: {
    label: 'province, ~200,000 members',
    build: () =>
      joinBlocs(
        Array.from({ length: 33 }, (_, i) =>
          generateDemoBloc({ seed: 1000 + i, grassroots: 120, members: 6100 }),
        ),
      ),
  },
};

/** Several blocs under one provincial root: unit keys are prefixed so they stay distinct. */
export const joinBlocs = (
  blocs: DemoBloc[],
  rootName = 'Đảng bộ tỉnh (dữ liệu thử tải)',
): DemoBloc => {
  const units: SeedUnit[] = [
    {
      key: 'P',
      kind: 'province_committee',
      name: rootName,
      shortName: null,
      parentKey: null,
      establishedOn: '1945-10-01',
    },
  ];
  const members: DemoBloc['members'] = [];
  blocs.forEach((bloc, i) => {
    const k = (key: string | null) => (key === null ? null : key === 'P' ? 'P' : `b${i}:${key}`);
    for (const u of bloc.units) {
      if (u.key === 'P') continue;
      units.push({
        ...u,
        key: k(u.key)!,
        parentKey: k(u.parentKey),
        name: u.key === 'U' ? `Đảng bộ khối ${i + 1}` : u.name,
      });
    }
    for (const m of bloc.members)
      members.push({ ...m, events: m.events.map((e) => ({ ...e, unitKey: k(e.unitKey) })) });
  });
  return { units, members };
};

/**
 * The national dataset (`bench/national.ts`), one province at a time so memory holds one province:
 * province `p` (0…33) has 10–30 blocs (more small provinces than large ones, about 17 on average) of
 * 88 grassroots organisations, ~260 cells and ~9,800 members (with those who left) each, every bloc
 * with its own seed. 34 provinces: ~5.6 M members, ~50,000 grassroots organisations, ~150,000 cells.
 */
export const nationalBlocCount = (p: number) => {
  const u = createRandom(34_000 + p).next();
  return 10 + Math.floor(21 * u * u);
};

export const nationalProvince = (p: number): DemoBloc =>
  joinBlocs(
    Array.from({ length: nationalBlocCount(p) }, (_, b) =>
      generateDemoBloc({ seed: 100_000 + p * 100 + b, grassroots: 88, members: 9_250 }),
    ),
    `Đảng bộ tỉnh số ${p + 1} (dữ liệu thử tải)`,
  );
