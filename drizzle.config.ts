import { defineConfig } from 'drizzle-kit';

// drizzle-kit runs outside the app and cannot use src/lib/server/config.ts; the path only matters for
// `drizzle-kit studio`/`push` (`generate` reads no database). Same default as the app.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'data/tandem.db' },
	strict: true,
	verbose: true
});
