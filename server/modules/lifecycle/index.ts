// The face of lifecycle: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { disciplineFactsFor } from './discipline-facts';
// The home page (issue 22) reads the reminders, a cell's dues sheet and a member's own dues and badges.
export { getDuesSheet, getDuesSheets } from './dues.service';
export { lifecycleRoutes } from './lifecycle.routes';
export { getMemberLifecycle } from './member-lifecycle.service';
export { listReminders } from './reminders.service';
// The dues summary form reads the same cells as the comparison of remittances, and what was remitted.
// The demo seed records remittances as the bloc's office would.
export { getRemittanceComparison, grassrootsCells, remittedWithin } from './remittances.queries';
export { recordRemittance } from './remittances.service';
