import { redirect } from '@sveltejs/kit';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { readFormData } from '$lib/server/form-action';
import { formFailure } from '$lib/server/forms';
import { createDraft } from '$lib/server/imports/drafts';
import { importsOf } from '$lib/server/imports/list';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('lead');
	const page = await importsOf(actor, url.searchParams.get(CURSOR_PARAM));
	return {
		pager: pagerOf(page),
		imports: page.rows.map((r) => ({
			id: r.id,
			fileName: r.fileName,
			at: formatDateTime(locals.locale, r.createdAt),
			created: r.createdCount,
			duplicates: r.duplicateCount,
			refused: r.refusedCount
		}))
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const actor = requireRole('lead');
		const formData = await readFormData(request);
		const file = formData.get('file');
		// A file input left empty still sends one nameless, empty entry.
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
			return formFailure(400, 'import.file_missing', formData, { file: 'import.file_missing' });
		}
		const uploaded = await createDraft(actor, file.name, new Uint8Array(await file.arrayBuffer()));
		if (!uploaded.ok) return formFailure(400, uploaded.reason, formData, { file: uploaded.reason });
		redirect(303, `/import/drafts/${uploaded.draftId}`);
	}
};
