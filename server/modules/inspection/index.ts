// The face of inspection: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

// The home page (issue 22): the cases the caller may see, the discipline parameters (limitation).
export { listCases } from './case-access';
export {
  createCase,
  createCaseFromItem,
  recordCaseStep,
  recordConclusion,
  updateRecommendation,
} from './case-changes.service';
export { getDisciplineParams, recordDiscipline } from './discipline.service';
export { figuresOfUnit } from './figures.service';
export { inspectionRoutes } from './inspection.routes';
export { createProgramme, listProgrammes } from './programmes.service';
