// The face of congresses: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
// Elections and delegates (the `elections` slice): service functions take `{ db, actor, … }` as
// the routes call them, so a seed records elections and approvals as a client would.

export { congressDelegatesRoutes } from './delegates.routes';
export {
  addDelegate,
  getDelegateBoard,
  markCredentials,
  removeDelegate,
  setAllocations,
  takeElectedDelegates,
} from './delegates.service';
export { congressElectionsRoutes } from './elections.routes';
export {
  approveElection,
  deleteElection,
  listElections,
  recordElection,
  updateElection,
} from './elections.service';
