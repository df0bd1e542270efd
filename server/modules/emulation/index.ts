// The face of emulation: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).

export { emulationRoutes } from './emulation.routes';
