// The face of documents: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { documentsRoutes } from './documents.routes';
export { issuerCodeOf, registerDocument } from './documents.service';
