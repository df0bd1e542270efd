// The face of home: the first page after login, per role (issue 22). It reads the faces of the modules
// that own each fact; nothing imports it but the app.
export { homeRoutes } from './home.routes';
