// The face of resolutions: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export type { DisseminationCoverage } from './coverage.queries';
export {
  disseminationCoverage,
  disseminationCoverageForPeriod,
  loadCoverageUnits,
  loadPlanFacts,
} from './coverage.queries';
export { resolutionsRoutes } from './resolutions.routes';
// The home page (issue 22): the resolutions a member is to study and reflect on.
export { listMyReflections } from './resolutions.service';
