// The face of proposals: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export { proposalsRoutes } from './proposals.routes';
export { proposalReminders } from './proposals.service';
export { listMemberResidenceComments } from './residence.service';
