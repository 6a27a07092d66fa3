import { describe, expect, it } from 'vitest';
import { createTranslator } from './translator';

describe('translator', () => {
	const t = createTranslator('en', {
		hello: 'Hello',
		greet: 'Hello, {{name}}',
		steps_one: '{{count}} step',
		steps_other: '{{count}} steps'
	});

	it('answers a plain key the same every time, and values and plurals still interpolate', () => {
		expect([t('hello'), t('hello')]).toEqual(['Hello', 'Hello']);
		expect(t('greet', { name: 'Amina' })).toBe('Hello, Amina');
		expect(t('greet', { name: 'Selam' })).toBe('Hello, Selam');
		expect([t('steps', { count: 1 }), t('steps', { count: 3 })]).toEqual(['1 step', '3 steps']);
	});

	it('gives back an unknown key as it is', () => {
		expect(t('nowhere.to_be_found')).toBe('nowhere.to_be_found');
	});
});
