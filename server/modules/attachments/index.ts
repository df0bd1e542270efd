// The face of attachments: what other modules, the app and the seed may use. Anything not exported
// here is the module's own business (checked by the dependency rule in .dependency-cruiser.cjs).
export { readDocument, sendAttachment, uploadDocument } from './attachments.service';
