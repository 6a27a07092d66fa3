import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './redirect';

describe('return paths after sign-in and language change', () => {
	it.each([
		'/home',
		'/participants/0b6f/plan?step=2#goal-3',
		'/login?redirectTo=%2Fhome',
		'/appointments/new?date=2026-01-31&time=09:30'
	])('keeps the app’s own path %s', (path) => {
		expect(safeReturnPath(path, '/fallback')).toBe(path);
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/%09/evil.example'.replace('%09', '\t'),
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/ /evil.example',
		'/\u0000/evil.example',
		'/\u3000/evil.example',
		'https://evil.example/',
		'evil.example',
		'javascript:alert(1)',
		'/home\nSet-Cookie: a=b',
		'',
		'/' + 'a'.repeat(3000)
	])('refuses %j', (path) => {
		expect(safeReturnPath(path, '/fallback')).toBe('/fallback');
	});

	it('refuses what is not a string', () => {
		expect(safeReturnPath(null, '/f')).toBe('/f');
		expect(safeReturnPath(new File([], 'x'), '/f')).toBe('/f');
	});
});
