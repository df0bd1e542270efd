// The face of members: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { cellLabels } from './cell-labels';
export type { DecisionStateRow } from './discipline-state.queries';
export {
  collectivesWithDisciplineInYear,
  decisionStateSql,
  memberDisciplinesInForce,
  membersDisciplinedInYear,
  membersUnderReview,
  stateOfRow,
} from './discipline-state.queries';
export { memberPhotoRoutes } from './member-photo.routes';
export { readMemberPhoto } from './member-photo.service';
export { appendMemberEvent, applyMemberTimeline, lockMember } from './member-timeline.service';
export { buildMemberQuery } from './members.queries';
export { membersRoutes } from './members.routes';
export { letterPresentationDays, updateMember } from './members.service';
