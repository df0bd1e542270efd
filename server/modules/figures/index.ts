// The face of figures: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export type { FiguresTx } from './changes';
export {
  applyFigureChangesNow,
  markDisseminationChanged,
  markEvaluationsChanged,
  markMemberFactsChanged,
  markMemberRowChanged,
  markMembersAdded,
  markTreeChangedUnder,
  markUnitCounted,
  moveSubtreeFigures,
  withFigures,
} from './changes';
export type { RollupSource } from './member-rollup';
export {
  activeStatusList,
  memberDimensionValuesOf,
  readOrgMemberCounts,
  rebuildOrgMemberCounts,
  scanAllOrgMemberCounts,
  scanOrgMemberCounts,
} from './member-rollup';
export type { MetricDefinition, MetricRecord, MetricScope, MetricValue } from './metric';
export { metricAreaLabels } from './metric';
export {
  countMembersOn,
  disseminationSums,
  ensurePlacedFacts,
  monthlyFacts,
  rebuildPlacedFacts,
  recountEvaluationsBetween,
  recountMembersBetween,
  sumFacts,
  unitsEverUnder,
} from './placed-facts';
export {
  countRecords,
  factsUntil,
  memberUnitBefore,
  percentOf,
  placedJoin,
  placedUnder,
  underRoot,
} from './placement';
export { recordedAreas } from './recorded.queries';
