import * as v from 'valibot';
import { DOCUMENT_CATEGORIES } from '$lib/domain';
import { MAX_UPLOAD_BYTES, QUESTION_MAX, TITLE_MAX } from '$lib/documents';
import { isRealDate, optionalText, requiredText } from '../forms';

/** Any real calendar date; an expiry date may lie in the past (an expired passport is still kept). */
const expiryDate = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.check((s) => s === '' || (isRealDate(s) && s >= '1950' && s < '2101'), 'form.date_invalid_any')
);

export const detailsSchema = v.object({
	category: v.picklist(DOCUMENT_CATEGORIES, 'form.pick_option'),
	title: requiredText(TITLE_MAX),
	expiresOn: expiryDate
});

export const askSchema = v.object({ question: optionalText(QUESTION_MAX) });

export const answerSchema = v.object({
	questionId: v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid')),
	answer: requiredText(4000)
});

// Form fields and multipart framing around the files; a request larger than this is refused before reading.
const UPLOAD_OVERHEAD = 1024 * 1024;
const UPLOAD_PATH = /^\/participants\/[^/]+\/documents(\/[^/]+)?\/?$/;

/** The body limit for a request: uploads of documents get theirs, everything else stays a small form. */
export function uploadLimitFor(method: string, pathname: string): number | null {
	return method === 'POST' && UPLOAD_PATH.test(pathname) ? MAX_UPLOAD_BYTES + UPLOAD_OVERHEAD : null;
}
