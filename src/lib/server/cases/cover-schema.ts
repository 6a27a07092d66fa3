import * as v from 'valibot';
import { isRealDate, optionalText } from '../forms';

const day = v.pipe(
	v.string('form.date_invalid_any'),
	v.trim(),
	v.check((s) => isRealDate(s) && s >= '2000', 'form.date_invalid_any')
);
const userId = v.pipe(v.string('form.pick_option'), v.nonEmpty('form.pick_option'), v.maxLength(64));

export const coverSchema = v.object({
	absentId: userId,
	coverId: userId,
	// Empty: the absent caseworker's whole caseload.
	participantId: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(64)),
	startsOn: day,
	endsOn: day,
	note: optionalText(1000)
});
export type CoverInput = v.InferOutput<typeof coverSchema>;

export const endCoverSchema = v.object({ coverId: v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid')) });
