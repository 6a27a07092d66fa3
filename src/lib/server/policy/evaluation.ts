import type { Actor } from './access';

/**
 * Whose anonymised evaluation dataset an actor may export: a team lead their organisation's, a county
 * coordinator their county's (every organisation and town belonging to it). Nobody else: null means 404.
 */
export type EvaluationScope = { kind: 'organisation'; organisationId: string } | { kind: 'county'; countyId: string };

export function evaluationScopeOf(actor: Actor): EvaluationScope | null {
	if (actor.organisationId === null) return null;
	if (actor.role === 'lead') return { kind: 'organisation', organisationId: actor.organisationId };
	if (actor.role === 'coordinator') return { kind: 'county', countyId: actor.organisationId };
	return null;
}
