// Worker of `bench/national.ts`: generates the provinces' blocs off the loader's thread, one province
// ahead, so that the generator's CPU time overlaps the database's work on the previous province.
import { parentPort, workerData } from 'node:worker_threads';
import { nationalProvince } from './datasets';

const { provinces } = workerData as { provinces: number[] };
let next = 0;
parentPort!.on('message', () => {
  if (next >= provinces.length) return parentPort!.postMessage(null);
  const p = provinces[next++];
  parentPort!.postMessage({ province: p, bloc: nationalProvince(p) });
});
