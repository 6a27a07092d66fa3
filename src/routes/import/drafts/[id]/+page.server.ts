import { redirect } from '@sveltejs/kit';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { readFormData } from '$lib/server/form-action';
import { formFailure, formValues } from '$lib/server/forms';
import { earlierImportOf, openDraft } from '$lib/server/imports/drafts';
import { guessMapping, IMPORT_FIELDS, mappingFromForm } from '$lib/server/imports/mapping';
import { dryRun, runImport } from '$lib/server/imports/run';
import { isBlank } from '$lib/server/imports/read';
import { checkSummary } from '$lib/server/imports/summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireRole('lead');
	const draft = await openDraft(actor, params.id);
	const earlier = await earlierImportOf(draft.organisationId, draft.fileSha256);
	const guessed = guessMapping(draft.headers);
	return {
		fileName: draft.fileName,
		rowCount: draft.rows.filter((cells) => !isBlank(cells)).length,
		headers: draft.headers,
		guessed: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, guessed[f] === null ? '' : String(guessed[f])])),
		earlier: earlier === null ? null : { id: earlier.id, at: formatDateTime(locals.locale, earlier.createdAt) }
	};
};

async function mappingOf(request: Request, draftId: string) {
	const actor = requireRole('lead');
	const formData = await readFormData(request);
	const draft = await openDraft(actor, draftId);
	return { actor, formData, mapping: mappingFromForm(formValues(formData), draft.headers.length) };
}

export const actions: Actions = {
	check: async ({ request, params, locals }) => {
		const { actor, formData, mapping } = await mappingOf(request, params.id);
		const outcome = await dryRun(actor, params.id, mapping);
		if (!outcome.ok) return formFailure(400, outcome.reason, formData);
		return {
			checked: checkSummary(outcome.check, (day) => formatDate(locals.locale, day)),
			values: formValues(formData)
		};
	},
	run: async ({ request, params }) => {
		const { actor, formData, mapping } = await mappingOf(request, params.id);
		const outcome = await runImport(actor, params.id, mapping);
		if (!outcome.ok) {
			return formFailure(outcome.reason === 'import.already_imported' ? 409 : 400, outcome.reason, formData);
		}
		redirect(303, `/import/${outcome.importId}`);
	}
};
