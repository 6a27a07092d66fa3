import type { QaFinding, ReportPeriod } from '$lib/figures';
import type { ReportAccess } from '../../policy';
import { qa } from '../qa';
import { figureContext } from '../scope';
import { suppressQa } from '../suppress';

/**
 * The QA warnings shown before an export, without computing the whole report: the page only needs these four
 * counts (a lead's full report holds every caseworker's figures). Suppressed for the coordinator, as in the file.
 */
export function checksBeforeExport(access: ReportAccess, period: ReportPeriod): QaFinding[] {
	const findings = qa(figureContext(access, period));
	return access.aggregatesOnly ? suppressQa(findings) : findings;
}
