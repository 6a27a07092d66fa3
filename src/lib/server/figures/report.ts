import { eq } from 'drizzle-orm';
import type { KeyFigures, Report, ReportPeriod, ReportScope } from '$lib/figures';
import { db } from '../db';
import { organisations, users } from '../db/schema';
import type { ReportAccess } from '../policy';
import { k1 } from './k1';
import { k10 } from './k10';
import { k2 } from './k2';
import { k3 } from './k3';
import { k4 } from './k4';
import { k5 } from './k5';
import { k6 } from './k6';
import { k7 } from './k7';
import { k8 } from './k8';
import { k9 } from './k9';
import { qa } from './qa';
import { figureContext, type FigureContext } from './scope';
import { suppressFigures, suppressQa } from './suppress';

/** Every key figure of one scope, as stored records give them (each reader documents its definition). */
export function figuresOf(context: FigureContext): KeyFigures {
	return {
		period: context.period,
		k1: k1(context),
		k2: k2(context),
		k3: k3(context),
		k4: k4(context),
		k5: k5(context),
		k6: k6(context),
		k7: k7(context),
		k8: k8(context),
		k9: k9(context),
		k10: k10(context)
	};
}

export async function scopeName(scope: ReportScope): Promise<string> {
	if (scope.kind === 'caseworker') {
		const [user] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, scope.caseworkerId));
		return user?.name ?? '';
	}
	const id =
		scope.kind === 'organisation' ? scope.organisationId : scope.kind === 'town' ? scope.townId : scope.countyId;
	const [organisation] = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, id));
	return organisation?.name ?? '';
}

/**
 * The report an access allows: the scope's figures and QA warnings; for a lead's organisation every active
 * caseworker's figures beside them; for the coordinator all counts suppressed below 5 on the server.
 */
export async function buildReport(access: ReportAccess, period: ReportPeriod, today?: string): Promise<Report> {
	const context = figureContext(access, period, today);
	const figures = figuresOf(context);
	const findings = qa(context);
	let byCaseworker: Report['byCaseworker'] = [];
	if (access.perCaseworker) {
		byCaseworker = figures.k10.perCaseworker.map((c) => ({
			id: c.id,
			name: c.name,
			figures: figuresOf(figureContext({ ...access, scope: { kind: 'caseworker', caseworkerId: c.id } }, period, today))
		}));
	}
	return {
		scope: access.scope,
		scopeName: await scopeName(access.scope),
		figures: access.aggregatesOnly ? suppressFigures(figures) : figures,
		byCaseworker,
		qa: access.aggregatesOnly ? suppressQa(findings) : findings,
		aggregatesOnly: access.aggregatesOnly
	};
}
