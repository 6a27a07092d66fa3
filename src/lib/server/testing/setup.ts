import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test file gets its own real SQLite file in its own data folder (push keys, document files), set before
// the config is first read, and migrated here as the server's init would.
process.env.DATABASE_URL = join(tmpdir(), `tandem-test-${randomUUID()}`, 'tandem.db');
delete process.env.TANDEM_DATA_DIR;
const { migrateDatabase } = await import('../db');
migrateDatabase();
