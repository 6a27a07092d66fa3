import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users } from '../db/schema';
import { createStaffUser } from '.';

/**
 * A fresh production installation has nobody who could create accounts. If TANDEM_ADMIN_USERNAME and
 * TANDEM_ADMIN_PASSWORD are set and no admin exists yet, that first admin is created at start.
 */
export async function ensureBootstrapAdmin(): Promise<void> {
	const username = process.env.TANDEM_ADMIN_USERNAME?.trim().toLowerCase();
	const password = process.env.TANDEM_ADMIN_PASSWORD;
	if (!username || !password) return;
	const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
	if (admin !== undefined) return;
	if (password.length < 10) throw new Error('TANDEM_ADMIN_PASSWORD must have at least 10 characters');
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
