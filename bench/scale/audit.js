// A year of the audit log: what staff looked at and changed, sign-ins, caseload lists naming who was shown.
// Chained by the app's own hash function and written with the subjects "who saw my data" reads.
import { entryHash } from '../../src/lib/server/audit/chain.js';
import { inserter, tools } from './generate.js';

const YEAR = 365 * 86_400_000;
/** Entries per participant and year: 73,000 participants give 10.2 million. */
export const ENTRIES_PER_PARTICIPANT = 140;
/** The rich participant was looked at as often in both installations: their own history is the same size. */
const RICH_ENTRIES = 600;
const ACTIONS = [
	['participant.viewed', 25],
	['plan.viewed', 20],
	['appointments.viewed', 12],
	['document.viewed', 6],
	['plan.changed', 10],
	['appointment.changed', 6],
	['document.uploaded', 3],
	['auth.signed_in', 15],
	['caseload.viewed', 2],
	['participant.updated', 1]
];
const FILTERS = { q: '', town: '', district: '', status: '', caseworker: '', attention: '', page: 1 };

export function generateAudit(sqlite, { people, orgs, rand, now, size }) {
	const t = tools(rand);
	const log = inserter(sqlite, 'audit_log', [
		'id',
		'created_at',
		'actor_id',
		'actor_role',
		'action',
		'participant_id',
		'detail',
		'prev_hash',
		'hash'
	]);
	const subject = inserter(sqlite, 'audit_subjects', ['participant_id', 'audit_id']);
	const caseworkers = orgs.flatMap((o) => o.caseworkers).filter((c) => c.people.length > 0);
	const total = size * ENTRIES_PER_PARTICIPANT;
	const richEvery = Math.floor(total / RICH_ENTRIES);
	const rich = people.find((p) => p.rich);
	let prev = '';
	let subjects = 0;
	for (let i = 1; i <= total; i++) {
		const at = now - YEAR + Math.floor((i * YEAR) / total);
		const action = t.weighted(ACTIONS);
		let actorId;
		let actorRole;
		let participantId = null;
		let detail = null;
		const shown = [];
		if (action === 'auth.signed_in') {
			const p = t.pick(people);
			[actorId, actorRole] =
				p.userId !== null && rand() < 0.6
					? [p.userId, 'participant']
					: [p.caseworker ?? p.lead, p.caseworker ? 'caseworker' : 'lead'];
		} else if (action === 'caseload.viewed') {
			const c = t.pick(caseworkers);
			[actorId, actorRole] = [c.id, 'caseworker'];
			for (const p of c.people.slice(0, 25)) shown.push(p.id);
			detail = { filters: FILTERS, shown };
		} else {
			const p = i % richEvery === 0 ? rich : t.pick(people);
			[actorId, actorRole] = [p.caseworker ?? p.lead, p.caseworker ? 'caseworker' : 'lead'];
			participantId = p.id;
			if (action === 'plan.changed') detail = { change: 'step.done' };
			if (action === 'participant.updated') detail = { fields: ['phone'] };
		}
		const entry = { at, actorId, actorRole, action, participantId, detail };
		const hash = entryHash(prev, entry);
		log.add([
			i,
			at,
			actorId,
			actorRole,
			action,
			participantId,
			detail === null ? null : JSON.stringify(detail),
			prev,
			hash
		]);
		prev = hash;
		if (participantId !== null) {
			subject.add([participantId, i]);
			subjects++;
		}
		for (const id of shown) {
			subject.add([id, i]);
			subjects++;
		}
	}
	log.flush();
	subject.flush();
	return { entries: total, subjects };
}
