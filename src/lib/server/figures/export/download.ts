import { getRequestEvent } from '$app/server';
import { exportReport, type ExportFormat } from '.';
import { exportRequest } from './request';

/** The report file for the scope and period the URL asks for, as a download. */
export async function reportDownload(url: URL, format: ExportFormat): Promise<Response> {
	const { access, period } = await exportRequest(url);
	const by = getRequestEvent().locals.user?.displayName ?? '';
	const file = await exportReport(access, period, format, by);
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.type,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
