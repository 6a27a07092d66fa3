import { EXPIRY_WARNING_DAYS } from '$lib/documents';

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** The last date that counts as "expiring soon" seen from today. */
export function expiryHorizon(today: string): string {
	return addDays(today, EXPIRY_WARNING_DAYS);
}

/** Whole days from today until the expiry date (negative once expired). */
export function daysUntil(expiresOn: string, today: string): number {
	return Math.round((Date.parse(`${expiresOn}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000);
}

export type ExpiryState = 'expired' | 'soon' | 'later' | 'none';

export function expiryState(expiresOn: string | null, today: string): ExpiryState {
	if (expiresOn === null) return 'none';
	if (expiresOn < today) return 'expired';
	return expiresOn <= expiryHorizon(today) ? 'soon' : 'later';
}
