import { reportDownload } from '$lib/server/figures/export/download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => reportDownload(url, 'csv');
