// The face of education: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export type { CountsScope } from './education.queries';
export { educationCounts, educationRecords } from './education.queries';
export { educationRoutes } from './education.routes';
/** Models of an emulation movement in the actor's subtree (for the emulation module's movement page). */
export { modelsOfMovement } from './education.service';
