import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test file gets its own real SQLite file, migrated on first import of the db module, in its own data
// folder (push keys, document files).
process.env.DATABASE_URL = join(tmpdir(), `tandem-test-${randomUUID()}`, 'tandem.db');
delete process.env.TANDEM_DATA_DIR;
