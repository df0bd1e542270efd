import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, openapiJsonPath, schemaDtsPath } from '../../../scripts/openapi-generate';

// The web client is typed from web/src/api/schema.d.ts, generated from the server's routes: a
// route whose schema changed without regenerating would let the client drift silently.
describe('the committed OpenAPI document and client types', () => {
  it('match the server routes', async () => {
    const { json, dts } = await generateOpenApi();
    const stale = [
      readFileSync(openapiJsonPath, 'utf8') === json ? null : 'web/src/api/openapi.json',
      readFileSync(schemaDtsPath, 'utf8') === dts ? null : 'web/src/api/schema.d.ts',
    ].filter(Boolean);
    expect(
      stale,
      `${stale.join(' and ')} differ from the server's routes: run npm run openapi and commit the result`,
    ).toEqual([]);
  }, 60_000);
});
