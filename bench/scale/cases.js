// The case data of a generated installation: plans with goals and steps, a year of appointments, office hours,
// documents (metadata; files only as names in the document folder, see scale.js), volunteers with consents,
// and the reminders the clock stored over the year.
import { randomBytes } from 'node:crypto';
import { inserter, tools } from './generate.js';

const DAY = 86_400_000;
const FIELDS = [
	'language',
	'education',
	'training',
	'work',
	'housing',
	'health',
	'family',
	'residence',
	'money',
	'social'
];
const KINDS = [
	['home_visit', 10],
	['office_consultation', 25],
	['phone_call', 15],
	['immigration_office', 12],
	['jobcenter', 15],
	['doctor', 10],
	['school_childcare', 5],
	['language_course', 6],
	['other', 2]
];
const STAFF_KINDS = new Set(['home_visit', 'office_consultation', 'phone_call']);
const CATEGORIES = [
	['identity', 15],
	['residence_permit', 20],
	['certificates', 15],
	['work', 10],
	['health', 8],
	['housing', 8],
	['letters', 18],
	['other', 6]
];
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const hex = () => randomBytes(16).toString('hex');

export function generateCases(sqlite, { people, orgs, rand, now, newUser, size }) {
	const t = tools(rand);
	const plan = inserter(sqlite, 'plans', ['participant_id', 'next_review_date', 'created_at']);
	const goal = inserter(sqlite, 'goals', [
		'id',
		'participant_id',
		'field',
		'catalogue_id',
		'title',
		'title_locale',
		'status',
		'target_date',
		'position',
		'proposal',
		'created_by',
		'created_at',
		'updated_at'
	]);
	const step = inserter(sqlite, 'steps', [
		'id',
		'goal_id',
		'catalogue_id',
		'text',
		'text_locale',
		'assignee',
		'service_name',
		'due_date',
		'done',
		'position',
		'created_by',
		'created_at',
		'updated_at'
	]);
	const history = inserter(sqlite, 'plan_history', [
		'participant_id',
		'goal_id',
		'step_id',
		'actor_id',
		'created_at',
		'change'
	]);
	const appointment = inserter(sqlite, 'appointments', [
		'id',
		'participant_id',
		'kind',
		'title',
		'starts_at',
		'ends_at',
		'place',
		'bring',
		'status',
		'awaiting',
		'staff_id',
		'companion_id',
		'created_by',
		'created_at',
		'updated_at'
	]);
	const slot = inserter(sqlite, 'office_hour_slots', [
		'id',
		'caseworker_id',
		'starts_at',
		'ends_at',
		'mode',
		'place',
		'created_at'
	]);
	const document = inserter(sqlite, 'documents', [
		'id',
		'participant_id',
		'category',
		'title',
		'expires_on',
		'uploaded_by',
		'created_at',
		'updated_at'
	]);
	const file = inserter(sqlite, 'document_files', [
		'id',
		'document_id',
		'position',
		'original_name',
		'media_type',
		'byte_size',
		'width',
		'height',
		'storage_key',
		'thumbnail_key',
		'uploaded_by',
		'created_at'
	]);
	const question = inserter(sqlite, 'document_questions', [
		'id',
		'document_id',
		'participant_id',
		'question',
		'question_locale',
		'asked_by',
		'asked_at',
		'answer',
		'answer_locale',
		'answered_by',
		'answered_at'
	]);
	const consent = inserter(sqlite, 'consents', [
		'id',
		'participant_id',
		'grantee_kind',
		'grantee_user_id',
		'grantee_name',
		'purpose',
		'scopes',
		'valid_from',
		'valid_until',
		'given_via',
		'recorded_by',
		'notice_version',
		'notice_locale',
		'created_at'
	]);
	const consentEvent = inserter(sqlite, 'consent_events', ['consent_id', 'state', 'created_at', 'actor_id', 'reason']);
	const reminder = inserter(sqlite, 'reminders', [
		'user_id',
		'participant_id',
		'subject',
		'subject_id',
		'offset',
		'due_at',
		'created_at',
		'pushed_at',
		'dismissed_at'
	]);
	const catalogue = JSON.parse(
		sqlite
			.prepare(
				`select json_group_array(json_object('id', id, 'field', field, 'parent', parent_id)) as j from catalogue_entries`
			)
			.get().j
	);
	const catalogueGoals = catalogue.filter((c) => c.parent === null);
	const catalogueSteps = new Map();
	for (const c of catalogue)
		if (c.parent !== null) catalogueSteps.set(c.parent, [...(catalogueSteps.get(c.parent) ?? []), c.id]);

	// Volunteers: one for about every 25 participants; the first one helps the rich participant and four others.
	const volunteers = [];
	for (let v = 0; v < Math.max(5, Math.round(size / 25)); v++) {
		volunteers.push(
			newUser(
				v === 0 ? 'volunteer' : `vol${String(v).padStart(5, '0')}`,
				`${t.pick(['Ulrike', 'Peter', 'Gisela', 'Hans', 'Miriam'])} ${t.pick(['Brandt', 'Hoffmann', 'Kühn', 'Vogel'])}`,
				'volunteer',
				null,
				'de'
			)
		);
	}
	let files = 0;
	const storageKeys = [];
	people.forEach((p, index) => {
		const staff = p.caseworker ?? p.lead;
		const rich = p.rich;
		plan.add([p.id, iso(now + t.between(-60, 120) * DAY), p.created]);
		const goalCount = rich ? 25 : t.between(6, 14);
		for (let g = 0; g < goalCount; g++) {
			const goalId = crypto.randomUUID();
			const fromCatalogue = rand() < 0.8 ? t.pick(catalogueGoals) : null;
			const created = p.created + t.between(0, 300) * DAY;
			const proposal = rand() < 0.03 ? 'proposed' : 'none';
			goal.add([
				goalId,
				p.id,
				fromCatalogue?.field ?? t.pick(FIELDS),
				fromCatalogue?.id ?? null,
				fromCatalogue ? '' : 'Führerschein machen',
				fromCatalogue ? null : 'de',
				t.pick(['planned', 'in_progress', 'in_progress', 'achieved', 'paused']),
				rand() < 0.5 ? iso(now + t.between(-100, 300) * DAY) : null,
				g,
				proposal,
				proposal === 'proposed' ? (p.userId ?? staff) : staff,
				created,
				created
			]);
			history.add([p.id, goalId, null, staff, created, 'goal.created']);
			const stepIds = fromCatalogue ? (catalogueSteps.get(fromCatalogue.id) ?? []) : [];
			for (let s = 0, n = t.between(2, 4); s < n; s++) {
				const stepId = crypto.randomUUID();
				const done = rand() < 0.4 ? 1 : 0;
				const cat = stepIds[s] ?? null;
				step.add([
					stepId,
					goalId,
					cat,
					cat ? '' : 'Unterlagen zusammenstellen',
					cat ? null : 'de',
					t.pick(['participant', 'participant', 'caseworker', 'volunteer', 'service']),
					'',
					rand() < 0.4 ? iso(now + t.between(-60, 120) * DAY) : null,
					done,
					s,
					staff,
					created,
					created
				]);
				if (done) history.add([p.id, goalId, stepId, p.userId ?? staff, created + DAY, 'step.done']);
			}
		}
		// A year of appointments: half a year back, half ahead.
		const appointmentCount = rich ? 40 : t.between(6, 22);
		for (let a = 0; a < appointmentCount; a++) {
			const kind = t.weighted(KINDS);
			const startsAt =
				Math.floor((now + t.between(-182, 182) * DAY + t.between(8, 16) * 3_600_000) / 900_000) * 900_000;
			const past = startsAt < now;
			const status = past
				? t.weighted([
						['done', 65],
						['cancelled', 12],
						['rescheduled', 8],
						['declined', 5],
						['confirmed', 5],
						['requested', 5]
					])
				: t.weighted([
						['confirmed', 60],
						['requested', 30],
						['declined', 5],
						['cancelled', 5]
					]);
			let awaiting = null;
			if (status === 'requested') awaiting = rand() < 0.6 ? 'staff' : 'participant';
			if (status === 'declined' && !past) awaiting = 'staff';
			const id = crypto.randomUUID();
			const companion = index % 50 === 0 && rand() < 0.3 ? volunteers[index % volunteers.length] : null;
			appointment.add([
				id,
				p.id,
				kind,
				STAFF_KINDS.has(kind) ? '' : 'Vorsprache',
				startsAt,
				startsAt + 3_600_000,
				STAFF_KINDS.has(kind) ? 'Landratsamt, Zimmer 2.14' : 'Behörde',
				rand() < 0.3 ? '["passport","letter"]' : '[]',
				status,
				awaiting,
				STAFF_KINDS.has(kind) ? staff : null,
				companion,
				staff,
				startsAt - t.between(3, 30) * DAY,
				startsAt - DAY
			]);
			if (p.userId !== null && past && status === 'done') {
				for (const [offset, before] of [
					['1d', DAY],
					['2h', 7_200_000]
				]) {
					reminder.add([
						p.userId,
						p.id,
						'appointment',
						id,
						offset,
						startsAt - before,
						startsAt - before,
						rand() < 0.5 ? startsAt - before : null,
						rand() < 0.3 ? startsAt : null
					]);
				}
			}
		}
		const documentCount = rich ? 20 : t.between(1, 7);
		for (let d = 0; d < documentCount; d++) {
			const id = crypto.randomUUID();
			const category = t.weighted(CATEGORIES);
			const created = p.created + t.between(0, 300) * DAY;
			const expires =
				category === 'residence_permit' || category === 'identity' ? iso(now + t.between(-90, 900) * DAY) : null;
			const uploader = p.userId !== null && rand() < 0.5 ? p.userId : staff;
			document.add([
				id,
				p.id,
				category,
				category === 'letters' ? 'Schreiben vom Jobcenter' : 'Dokument',
				expires,
				uploader,
				created,
				created
			]);
			for (let f = 0, n = rand() < 0.2 ? 2 : 1; f < n; f++) {
				const photo = rand() < 0.6;
				const key = hex();
				const thumb = photo ? hex() : null;
				file.add([
					crypto.randomUUID(),
					id,
					f,
					photo ? 'IMG_2041.jpg' : 'scan.pdf',
					photo ? 'image/jpeg' : 'application/pdf',
					photo ? 812_000 : 240_000,
					photo ? 2000 : null,
					photo ? 1500 : null,
					key,
					thumb,
					uploader,
					created
				]);
				storageKeys.push(key);
				if (thumb !== null) storageKeys.push(thumb);
				files += thumb === null ? 1 : 2;
			}
			if (category === 'letters' && rand() < 0.3) {
				const answered = rand() < 0.6;
				question.add([
					crypto.randomUUID(),
					id,
					p.id,
					'Was muss ich tun?',
					'de',
					p.userId ?? staff,
					created + DAY,
					answered ? 'Bitte bis Freitag antworten.' : null,
					answered ? 'de' : null,
					answered ? staff : null,
					answered ? created + 2 * DAY : null
				]);
			}
		}
		// About one in twelve shares with a volunteer; some consents were withdrawn or revoked since.
		if (rich || (p.userId !== null && (rand() < 0.12 || (index < 400 && index % 80 === 0)))) {
			const shares = rich ? 2 : 1;
			for (let c = 0; c < shares; c++) {
				const id = crypto.randomUUID();
				const volunteer = rich ? volunteers[c] : index < 400 && index % 80 === 0 ? volunteers[0] : t.pick(volunteers);
				const from = now - t.between(10, 200) * DAY;
				consent.add([
					id,
					p.id,
					'volunteer',
					volunteer,
					'Helferkreis',
					'Hilfe bei Briefen und Terminen',
					JSON.stringify(['plan.read', 'appointments.read', 'contact.read', 'documents.read.letters']),
					from,
					from + 365 * DAY,
					'app',
					p.userId,
					'sharing-2026-11',
					p.language,
					from
				]);
				consentEvent.add([id, 'pending', from, p.userId, '']);
				consentEvent.add([id, 'given', from + 3_600_000, volunteer, '']);
				if (!rich && rand() < 0.15)
					consentEvent.add([id, rand() < 0.5 ? 'revoked' : 'withdrawn', from + 30 * DAY, p.userId, '']);
			}
		}
	});
	for (const o of orgs) {
		for (const c of o.caseworkers) {
			for (let week = -26; week < 26; week++) {
				const monday = Math.floor(now / (7 * DAY)) * 7 * DAY + week * 7 * DAY + 4 * DAY + 8 * 3_600_000;
				slot.add([
					crypto.randomUUID(),
					c.id,
					monday + DAY,
					monday + DAY + 1_800_000,
					'office',
					'Zimmer 2.14',
					now - 200 * DAY
				]);
				slot.add([
					crypto.randomUUID(),
					c.id,
					monday + 2 * DAY,
					monday + 2 * DAY + 1_800_000,
					'phone',
					'',
					now - 200 * DAY
				]);
			}
		}
	}
	for (const i of [
		plan,
		goal,
		step,
		history,
		appointment,
		slot,
		document,
		file,
		question,
		consent,
		consentEvent,
		reminder
	])
		i.flush();
	return { volunteers, files, storageKeys };
}
