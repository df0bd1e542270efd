// `npm run audit:verify`: recompute the audit log's hash chain and name the first broken record.
import path from 'node:path';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/client';
import { verifyAuditChain } from '../server/platform/audit/audit';

const config = loadConfig();
const database = await createDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: path.join(config.dataDir, 'pglite'),
  preparedStatements: config.preparedStatements,
});
const result = await verifyAuditChain(database.db);
await database.close();
if (result.ok) {
  process.stdout.write(`Nhật ký toàn vẹn: đã kiểm tra ${result.checked} bản ghi.\n`);
} else {
  process.stdout.write(
    `Nhật ký bị sửa: bản ghi số ${result.firstBrokenId} không khớp chuỗi băm (đã kiểm tra đúng ${result.checked} bản ghi trước đó).\n`,
  );
  process.exit(2);
}
