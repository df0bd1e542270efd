// The face of forms: the printed forms an office files (docs/domain/forms.md). Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { formsRoutes } from './forms.routes';
