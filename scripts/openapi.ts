// `npm run openapi`: writes web/src/api/openapi.json and web/src/api/schema.d.ts from the server's
// routes (see scripts/openapi-generate.ts). Run it after changing a route's schema; both files are
// committed and a unit test fails while they are out of date.
import { writeFileSync } from 'node:fs';
import { generateOpenApi, openapiJsonPath, schemaDtsPath } from './openapi-generate';

const { json, dts } = await generateOpenApi();
writeFileSync(openapiJsonPath, json);
writeFileSync(schemaDtsPath, dts);
process.stdout.write(`wrote ${openapiJsonPath} and ${schemaDtsPath}\n`);
