// The face of evaluations: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export { buildCampaignRecords } from './campaigns.service';
export { evaluationLevelCounts } from './evaluation.queries';
export { evaluationsRoutes } from './evaluations.routes';
export type { DecidedYearRating } from './rating-history.queries';
export { decidedYearRatings } from './rating-history.queries';
