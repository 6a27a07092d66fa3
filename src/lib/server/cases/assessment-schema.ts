import * as v from 'valibot';
import { ASSESSMENT_ITEMS, ASSESSMENT_KINDS } from '$lib/casework';
import { RESIDENCE_STATUSES } from '$lib/domain';
import { isRealDate, optionalText } from '../forms';

// "Not asked yet" is an answer too: an empty choice stores null, so the exit comparison skips it.
const answer = <T extends readonly [string, ...string[]]>(options: T) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => (s === '' ? null : s)),
		v.nullable(v.picklist(options, 'form.pick_option'))
	);

export const assessmentSchema = v.object({
	kind: v.picklist(ASSESSMENT_KINDS, 'form.invalid'),
	seenVersion: v.pipe(
		v.string('form.changed_meanwhile'),
		v.transform(Number),
		v.integer('form.changed_meanwhile'),
		v.minValue(0, 'form.changed_meanwhile')
	),
	germanLevel: answer(ASSESSMENT_ITEMS.germanLevel),
	schooling: answer(ASSESSMENT_ITEMS.schooling),
	recognition: answer(ASSESSMENT_ITEMS.recognition),
	work: answer(ASSESSMENT_ITEMS.work),
	housing: answer(ASSESSMENT_ITEMS.housing),
	benefits: answer(ASSESSMENT_ITEMS.benefits),
	childrenCare: answer(ASSESSMENT_ITEMS.childrenCare),
	residenceStatus: answer(RESIDENCE_STATUSES),
	// A title's expiry lies in the future or the recent past; more than 20 years either way is a typo.
	residenceExpiresOn: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check((s) => s === '' || (isRealDate(s) && s >= '2000-01-01' && s <= '2099-12-31'), 'form.date_invalid_any'),
		v.transform((s) => (s === '' ? null : s))
	),
	note: optionalText(2000)
});
