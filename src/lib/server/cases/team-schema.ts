import * as v from 'valibot';
import { optionalText } from '../forms';

const id = v.pipe(v.string('form.pick_option'), v.nonEmpty('form.pick_option'), v.maxLength(64, 'form.invalid'));

/**
 * A post as people say it: "0,75" or "0.75" (or 75 %), stored in hundredths. Between a twentieth and one full
 * post: a caseworker on 1.5 posts is a typing error, not a contract.
 */
export const fteSchema = v.object({
	caseworkerId: id,
	seenFte: v.pipe(
		v.string('form.changed_meanwhile'),
		v.transform(Number),
		v.integer('form.changed_meanwhile'),
		v.minValue(0, 'form.changed_meanwhile')
	),
	fte: v.pipe(
		v.string('form.required'),
		v.trim(),
		v.nonEmpty('form.required'),
		v.transform((s) => {
			const n = Number(s.replace(',', '.').replace('%', ''));
			return Math.round(s.includes('%') || n > 1.0001 ? n : n * 100);
		}),
		v.number('team.fte_invalid'),
		v.integer('team.fte_invalid'),
		v.minValue(5, 'team.fte_invalid'),
		v.maxValue(100, 'team.fte_invalid')
	)
});

// "participant id:caseworker id as the lead saw it" (empty after the colon: no caseworker).
const selectedCase = v.pipe(
	v.string(),
	v.regex(/^[0-9a-f-]{36}:([0-9a-f-]{36})?$/, 'form.invalid'),
	v.transform((s) => {
		const [participantId, seen] = s.split(':');
		return { participantId, seenCaseworkerId: seen === '' ? null : seen };
	})
);

export const bulkSchema = v.object({
	caseworkerId: id,
	note: optionalText(2000),
	cases: v.pipe(
		v.optional(v.union([selectedCase, v.array(selectedCase)]), []),
		v.transform((c) => (Array.isArray(c) ? c : [c])),
		v.maxLength(50, 'form.invalid')
	)
});
