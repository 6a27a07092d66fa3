import { and, asc, eq } from 'drizzle-orm';
import type { ReportScope } from '$lib/figures';
import { db } from '../db';
import { organisations, users } from '../db/schema';
import type { Actor, ReportRequest } from '../policy';

export type ScopeChoice = { value: string; label: string; group: 'caseworker' | 'town' | 'organisation' };

/**
 * The scopes an actor can switch between on the report page: a lead their organisation's caseworkers, the
 * coordinator the county's towns and organisations. Values are the scope select's ("cw:<id>" …).
 */
export async function scopeChoices(actor: Actor): Promise<ScopeChoice[]> {
	if (actor.organisationId === null) return [];
	if (actor.role === 'lead') {
		const staff = await db
			.select({ id: users.id, name: users.displayName })
			.from(users)
			.where(and(eq(users.organisationId, actor.organisationId), eq(users.role, 'caseworker')))
			.orderBy(asc(users.displayName), asc(users.id));
		return staff.map((s) => ({ value: `cw:${s.id}`, label: s.name, group: 'caseworker' }));
	}
	if (actor.role === 'coordinator') {
		const parts = await db
			.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
			.from(organisations)
			.where(eq(organisations.countyId, actor.organisationId))
			.orderBy(asc(organisations.name), asc(organisations.id));
		return parts.map((p) => ({
			value: `${p.kind === 'town' ? 'town' : 'org'}:${p.id}`,
			label: p.name,
			group: p.kind === 'town' ? 'town' : 'organisation'
		}));
	}
	return [];
}

/** A report URL's scope: `?scope=cw:<id>` from the page's select, or `caseworkerId=`, `organisationId=`, `townId=`. */
export function scopeRequest(params: URLSearchParams): ReportRequest {
	const request: ReportRequest = {};
	const given = (name: string) => {
		const value = params.get(name);
		return value === null || value === '' ? undefined : value;
	};
	const [kind, id] = (params.get('scope') ?? '').split(':', 2);
	if (id !== undefined && id !== '') {
		if (kind === 'cw') request.caseworkerId = id;
		else if (kind === 'org') request.organisationId = id;
		else if (kind === 'town') request.townId = id;
	}
	request.caseworkerId ??= given('caseworkerId');
	request.organisationId ??= given('organisationId');
	request.townId ??= given('townId');
	return request;
}

/** The select's value for a scope, and the query that asks for it again ("" for the actor's own default). */
export function scopeParams(actor: Actor, scope: ReportScope): { value: string; query: string } {
	if (scope.kind === 'caseworker') {
		return scope.caseworkerId === actor.id
			? { value: '', query: '' }
			: { value: `cw:${scope.caseworkerId}`, query: `caseworkerId=${scope.caseworkerId}` };
	}
	if (scope.kind === 'town') return { value: `town:${scope.townId}`, query: `townId=${scope.townId}` };
	if (scope.kind === 'organisation' && scope.organisationId !== actor.organisationId) {
		return { value: `org:${scope.organisationId}`, query: `organisationId=${scope.organisationId}` };
	}
	return { value: '', query: '' };
}
