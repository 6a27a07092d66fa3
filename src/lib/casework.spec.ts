// Every code of case work's vocabulary has its label in every locale: adding a code without labels fails here,
// not on a caseworker's screen as a raw key.
import { describe, expect, it } from 'vitest';
import {
	ASSESSMENT_ITEMS,
	BENEFITS,
	CASE_STATUSES,
	CHILDREN_CARE,
	CLOSURE_REASONS,
	CONTACT_FORMS,
	CONTACT_KINDS,
	ELIGIBILITY_BASES,
	GERMAN_LEVELS,
	HOUSING_SITUATIONS,
	INTERPRETERS,
	NETWORKING_GROUPS,
	RECOGNITION,
	REFERRAL_STATUSES,
	REFERRAL_TARGETS,
	SCHOOLING,
	SUBTOPICS,
	TOPICS,
	TRANSFER_TARGETS,
	WORK_SITUATIONS
} from './casework';
import { RESIDENCE_STATUSES } from './domain';
import { FIELDS } from './plan';
import { LOCALES, type Locale } from './i18n/locales';
import de from './i18n/messages/de.json';
import en from './i18n/messages/en.json';
import ar from './i18n/messages/ar.json';
import fa from './i18n/messages/fa.json';
import ti from './i18n/messages/ti.json';

const MESSAGES: Record<Locale, Record<string, string>> = { de, en, ar, fa, ti };

/** Each list with the prefix of its labels ("<prefix>.<code>"). */
const LISTS: [string, readonly string[]][] = [
	['case_status', CASE_STATUSES],
	['contact_form', CONTACT_FORMS],
	['contact_kind', CONTACT_KINDS],
	['interpreter', INTERPRETERS],
	['topic', SUBTOPICS],
	['field', FIELDS],
	['networking_group', NETWORKING_GROUPS],
	['networking_form', ['meeting', 'phone', 'digital']],
	['referral_target', REFERRAL_TARGETS],
	['referral_status', REFERRAL_STATUSES],
	['eligibility', ELIGIBILITY_BASES],
	['transfer_target', TRANSFER_TARGETS],
	['closure_reason', CLOSURE_REASONS],
	['german_level', GERMAN_LEVELS],
	['schooling', SCHOOLING],
	['recognition', RECOGNITION],
	['work_situation', WORK_SITUATIONS],
	['housing_situation', HOUSING_SITUATIONS],
	['benefits', BENEFITS],
	['children_care', CHILDREN_CARE],
	['residence_status', RESIDENCE_STATUSES]
];

/** The answers' prefix for each assessment item; an item missing here fails the test below. */
const ANSWER_PREFIX: Record<keyof typeof ASSESSMENT_ITEMS, string> = {
	germanLevel: 'german_level',
	schooling: 'schooling',
	recognition: 'recognition',
	work: 'work_situation',
	housing: 'housing_situation',
	benefits: 'benefits',
	childrenCare: 'children_care'
};
const snakeCase = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The assessment form also asks for the residence title and its expiry, which live beside the items. */
const ASSESSMENT_QUESTIONS = [
	...Object.keys(ASSESSMENT_ITEMS).map(snakeCase),
	'residence_status',
	'residence_expires_on'
];

const expectedKeys = [
	...LISTS.flatMap(([prefix, codes]) => codes.map((code) => `${prefix}.${code}`)),
	...ASSESSMENT_QUESTIONS.map((question) => `assessment.${question}`)
];

describe('case work vocabulary labels', () => {
	it('lists every assessment item with the list its answers come from', () => {
		for (const [item, answers] of Object.entries(ASSESSMENT_ITEMS)) {
			const prefix = ANSWER_PREFIX[item as keyof typeof ASSESSMENT_ITEMS];
			expect(prefix, item).toBeDefined();
			expect(LISTS.find(([p]) => p === prefix)?.[1], item).toBe(answers);
		}
	});

	it('covers every topic: a topic is either a field of action or a sub-topic', () => {
		expect(TOPICS.length).toBe(FIELDS.length + SUBTOPICS.length);
	});

	for (const locale of LOCALES) {
		it(`has a label for every code in ${locale}`, () => {
			const messages = MESSAGES[locale];
			const missing = expectedKeys.filter((key) => !messages[key]?.trim());
			expect(missing).toEqual([]);
		});
	}

	it('keeps codes of one list apart: no two codes of a list share a label in English', () => {
		for (const [prefix, codes] of LISTS) {
			const labels = codes.map((code) => (en as Record<string, string>)[`${prefix}.${code}`]);
			expect(new Set(labels).size, prefix).toBe(labels.length);
		}
	});
});
