// The face of calendar: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { calendarRoutes } from './calendar.routes';
export { getCalendarAdjustments } from './calendar.service';
