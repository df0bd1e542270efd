// The face of congresses: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
// The service functions take `{ db, actor, … }` exactly as the routes call them, so a seed records
// a round, its congresses and their steps as a client would.
export type { BoardCongress, CongressState } from './board.policy';
export { congressStateOn, countCongresses } from './board.policy';
export { getBoard } from './board.queries';
export { electionsRecorded, getCongress, listCongresses } from './congresses.queries';
export { congressesRoutes } from './congresses.routes';
export {
  addDocument,
  changeStatus,
  removeDocument,
  updateCongress,
  updatePersonnelPlan,
} from './congresses.service';
export { createRound, getRound, listRounds, registerCongress, updateRound } from './rounds.service';
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
