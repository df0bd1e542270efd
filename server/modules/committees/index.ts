// The face of committees: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
// `openCommitteeTerm(tx, actor, input)` is called by the congresses module when an election's
// results are approved (chuẩn y): it writes the new committee in the caller's transaction.
export { positionsHeldOn, secretaryOn, unitsHeadedOn } from './committees.queries';
export { committeesRoutes } from './committees.routes';
export {
  addCommitteePosition,
  changeCommitteePosition,
  endCommitteePosition,
  openCommitteeTerm,
} from './committees.service';
