import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { config } from '../config';
import { createStaffUser } from '.';

/**
 * A fresh production installation has nobody who could create accounts. If TANDEM_ADMIN_USERNAME and
 * TANDEM_ADMIN_PASSWORD are set and no admin exists yet, that first admin is created at start.
 */
export async function ensureBootstrapAdmin(): Promise<void> {
	const wanted = config().bootstrapAdmin;
	if (wanted === null) return;
	const { username, password } = wanted;
	const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
	if (admin !== undefined) return;
	await createStaffUser(null, {
		username,
		displayName: 'Administrator',
		role: 'admin',
		organisationId: null,
		password,
		phone: '',
		email: ''
	});
}
