/**
 * THE mapping of key figures to the lines of the state's template (sheet "Auswertung Zeitraum"), in its order.
 * The state does not publish the template itself (CASEWORK.md); this rebuilds it from the K1–K10 list, one line per
 * figure, labelled in German as the state's reports word them. The XLSX and CSV exports both write these lines and
 * nothing else: to change a column label or the order, change this array only.
 */
import {
	CLOSURE_REASONS,
	CONTACT_FORMS,
	CONTACT_KINDS,
	GERMAN_LEVELS,
	HOUSING_SITUATIONS,
	NETWORKING_GROUPS,
	REFERRAL_STATUSES,
	REFERRAL_TARGETS,
	TOPICS,
	TRANSFER_TARGETS
} from '$lib/casework';
import { GENDERS, RESIDENCE_STATUSES } from '$lib/domain';
import { QA_WARNINGS, type Breakdown, type Count, type KeyFigures, type QaWarning } from '$lib/figures';
import de from '$lib/i18n/messages/de.json';
import { FIELDS, GOAL_STATUSES } from '$lib/plan';

/** A cell: a count (maybe suppressed), a measure (hours, days, a share in per cent), or nothing to say. */
export type Value = Count | number | null;
export type Line = { id: string; label: string; value: Value };
export type Section = { id: string; title: string; lines: Line[] };

const GERMAN: Record<string, string> = de;
// Codes the figures add to the vocabularies, and lists that have no label in the app.
const EXTRA: Record<string, string> = {
	unknown: 'unbekannt',
	other: 'sonstige',
	under_18: 'unter 18 Jahre',
	'18_26': '18 bis 26 Jahre',
	'27_plus': '27 Jahre und älter',
	female: 'weiblich',
	male: 'männlich',
	diverse: 'divers',
	single: 'alleinstehend',
	household: 'in einem Haushalt mit Angehörigen',
	protected: 'Schutzstatus (Flüchtling, Asyl, subsidiär, § 24)',
	tolerated: 'Gestattung oder Duldung'
};
const label = (list: string, code: string) => GERMAN[`${list}.${code}`] ?? EXTRA[code] ?? code;
const topicLabel = (code: string) =>
	(FIELDS as readonly string[]).includes(code) ? label('field', code) : label('topic', code);

type Entry =
	| { id: string; label: string; value: (f: KeyFigures) => Value }
	// One line per code, in the vocabulary's order (a code the figures lack is 0), then any code they add.
	| {
			id: string;
			label: string;
			parts: (f: KeyFigures) => Breakdown;
			codes: readonly string[];
			name: (c: string) => string;
	  }
	// Two codes per line (topic × status group, field × status, target × status).
	| {
			id: string;
			label: string;
			grid: (f: KeyFigures) => { a: string; b: string; count: Count }[];
			rows: readonly string[];
			cols: readonly string[];
			name: (a: string, b: string) => string;
	  };

const share = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const list = (l: string) => (c: string) => label(l, c);
const regions = new Intl.DisplayNames(['de'], { type: 'region' });
// Nationalities arrive as ISO codes (and 'other', 'unknown'); the sheet names the country.
const nationality = (c: string) => (/^[A-Z]{2}$/.test(c) ? (regions.of(c) ?? c) : label('nationality', c));

/** The QA warnings on the "Hinweise" sheet, worded as the report page words them in German. */
export const QA_LABELS = Object.fromEntries(QA_WARNINGS.map((w) => [w, GERMAN[`report.qa.${w}`] ?? w])) as Record<
	QaWarning,
	string
>;

/** What the numbers mean, for the "Hinweise" sheet. */
export const DEFINITIONS: string[] = [
	'Alle Zahlen sind aus den in Tandem erfassten Vorgängen abgeleitet; nichts ist doppelt eingegeben.',
	'Zeitraum: Kalendertage in Deutschland (Europe/Berlin), Anfangs- und Endtag eingeschlossen.',
	'K1 zählt Fälle, die im Zeitraum aktiv, pausiert oder übergeleitet waren; Alter am Ende des Zeitraums.',
	'K3 zählt Mehrfachnennungen: ein Kontakt zu zwei Themen zählt bei beiden.',
	'K9 vergleicht Aufnahme- und Abschlusserhebung der im Zeitraum beendeten Fälle.',
	'K10 misst die Fälle am Ende des Zeitraums je Vollzeitstelle am Richtwert 1:80.',
	'„< 5“: Anzahlen von 1 bis 4 werden in der Kreisauswertung nicht genannt, damit niemand erkennbar wird.'
];

export const TEMPLATE: { id: string; title: string; entries: Entry[] }[] = [
	{
		id: 'K1',
		title: 'Personen in Beratung',
		entries: [
			{ id: 'K1.1', label: 'Personen in Beratung im Zeitraum', value: (f) => f.k1.counselled },
			{ id: 'K1.2', label: 'Personen in Beratung am Ende des Zeitraums', value: (f) => f.k1.atEnd },
			{ id: 'K1.3', label: 'Neu aufgenommene Personen', value: (f) => f.k1.new },
			{ id: 'K1.4', label: 'Beendete Beratungen', value: (f) => f.k1.closed },
			{
				id: 'K1.5',
				label: 'nach Aufenthaltsstatus',
				parts: (f) => f.k1.byResidenceStatus,
				codes: [...RESIDENCE_STATUSES, 'unknown'],
				name: list('residence_status')
			},
			{
				id: 'K1.6',
				label: 'nach Altersgruppe',
				parts: (f) => f.k1.byAgeBand,
				codes: ['under_18', '18_26', '27_plus', 'unknown'],
				name: list('age')
			},
			{
				id: 'K1.7',
				label: 'nach Geschlecht',
				parts: (f) => f.k1.byGender,
				codes: [...GENDERS, 'unknown'],
				name: list('gender')
			},
			{
				id: 'K1.8',
				label: 'nach Staatsangehörigkeit',
				parts: (f) => f.k1.byNationality,
				codes: [],
				name: nationality
			},
			{
				id: 'K1.9',
				label: 'nach Haushalt',
				parts: (f) => f.k1.byHousehold,
				codes: ['single', 'household'],
				name: list('household')
			},
			{
				id: 'K1.10',
				label: 'nach Wohnsituation',
				parts: (f) => f.k1.byHousing,
				codes: [...HOUSING_SITUATIONS, 'unknown'],
				name: list('housing_situation')
			},
			{ id: 'K1.11', label: 'nach Gemeinde', parts: (f) => f.k1.byTown, codes: [], name: list('town') }
		]
	},
	{
		id: 'K2',
		title: 'Kontakte',
		entries: [
			{ id: 'K2.1', label: 'Kontakte im Zeitraum', value: (f) => f.k2.contacts },
			{
				id: 'K2.2',
				label: 'nach Kontaktform',
				parts: (f) => f.k2.byForm,
				codes: CONTACT_FORMS,
				name: list('contact_form')
			},
			{
				id: 'K2.3',
				label: 'nach Kontaktart',
				parts: (f) => f.k2.byKind,
				codes: CONTACT_KINDS,
				name: list('contact_kind')
			},
			{ id: 'K2.4', label: 'Erreichte Personen', value: (f) => f.k2.personsReached },
			{ id: 'K2.5', label: 'Beratungsstunden', value: (f) => hours(f.k2.minutes) },
			...CONTACT_KINDS.map((kind, i) => ({
				id: `K2.6.${i + 1}`,
				label: `Durchschnittliche Dauer in Minuten: ${label('contact_kind', kind)}`,
				value: (f: KeyFigures) => f.k2.meanMinutesByKind.find((m) => m.key === kind)?.minutes ?? null
			}))
		]
	},
	{
		id: 'K3',
		title: 'Themen (Mehrfachnennung)',
		entries: [
			{ id: 'K3.1', label: 'Kontakte nach Thema', parts: (f) => f.k3.byTopic, codes: TOPICS, name: topicLabel },
			{
				id: 'K3.2',
				label: 'Kontakte nach Thema und Aufenthaltsstatus',
				grid: (f) => f.k3.byTopicAndStatusGroup.map((c) => ({ a: c.topic, b: c.group, count: c.count })),
				rows: TOPICS,
				cols: ['protected', 'tolerated', 'other'],
				name: (a, b) => `${topicLabel(a)} – ${label('group', b)}`
			}
		]
	},
	{
		id: 'K4',
		title: 'Integrationspläne',
		entries: [
			{ id: 'K4.1', label: 'Neu vereinbarte Integrationspläne', value: (f) => f.k4.newlyAgreed },
			{ id: 'K4.2', label: 'Fortgeschriebene Integrationspläne', value: (f) => f.k4.updated },
			{ id: 'K4.3', label: 'Aktive Integrationspläne am Ende des Zeitraums', value: (f) => f.k4.activeAtEnd },
			{ id: 'K4.4', label: 'Anteil aktiver Fälle mit vereinbartem Plan (%)', value: (f) => share(f.k4.agreedShare) },
			{
				id: 'K4.5',
				label: 'Tage vom Erstkontakt bis zum ersten Plan (Median)',
				value: (f) => f.k4.medianDaysToFirstPlan
			},
			{ id: 'K4.6', label: 'Durchgeführte Überprüfungen', value: (f) => f.k4.reviewsHeld },
			{ id: 'K4.7', label: 'davon fristgerecht', value: (f) => f.k4.reviewsOnTime }
		]
	},
	{
		id: 'K5',
		title: 'Ziele',
		entries: [
			{
				id: 'K5.1',
				label: 'Ziele nach Handlungsfeld und Stand am Ende des Zeitraums',
				grid: (f) => f.k5.byFieldAndStatus.map((c) => ({ a: c.field, b: c.status, count: c.count })),
				rows: FIELDS,
				cols: GOAL_STATUSES,
				name: (a, b) => `${label('field', a)} – ${label('goal_status', b)}`
			},
			{
				id: 'K5.2',
				label: 'Änderungen des Zielstands bei Überprüfungen',
				grid: (f) => f.k5.reviewChanges.map((c) => ({ a: c.from, b: c.to, count: c.count })),
				rows: [],
				cols: [],
				name: (a, b) => `${label('goal_status', a)} → ${label('goal_status', b)}`
			}
		]
	},
	{
		id: 'K6',
		title: 'Vernetzung',
		entries: [
			{ id: 'K6.1', label: 'Vernetzungskontakte', value: (f) => f.k6.contacts },
			{
				id: 'K6.2',
				label: 'nach Gruppe',
				parts: (f) => f.k6.byGroup,
				codes: NETWORKING_GROUPS,
				name: list('networking_group')
			},
			{
				id: 'K6.3',
				label: 'Vernetzungskontakte je Fachkraft und Arbeitstag',
				value: (f) => f.k6.perCaseworkerPerWorkingDay
			}
		]
	},
	{
		id: 'K7',
		title: 'Übergaben, Vermittlungen, Überleitungen',
		entries: [
			{ id: 'K7.1', label: 'Erhaltene Übergaben', value: (f) => f.k7.handovers },
			{
				id: 'K7.2',
				label: 'Vermittlungen nach Stelle und Stand',
				grid: (f) => f.k7.referrals.map((c) => ({ a: c.target, b: c.status, count: c.count })),
				rows: REFERRAL_TARGETS,
				cols: REFERRAL_STATUSES,
				name: (a, b) => `${label('referral_target', a)} – ${label('referral_status', b)}`
			},
			{
				id: 'K7.3',
				label: 'Überleitungen',
				parts: (f) => f.k7.transfers,
				codes: TRANSFER_TARGETS,
				name: list('transfer_target')
			}
		]
	},
	{
		id: 'K8',
		title: 'Beendigungen',
		entries: [
			{
				id: 'K8.1',
				label: 'Beendigungen nach Grund',
				parts: (f) => f.k8.byReason,
				codes: CLOSURE_REASONS,
				name: list('closure_reason')
			},
			{ id: 'K8.2', label: 'Beratungsdauer in Tagen (Mittelwert)', value: (f) => f.k8.meanDurationDays },
			{ id: 'K8.3', label: 'Beratungsdauer in Tagen (Median)', value: (f) => f.k8.medianDurationDays },
			{ id: 'K8.4', label: 'Verlängerungen über 36 Monate', value: (f) => f.k8.extendedBeyond36 }
		]
	},
	{
		id: 'K9',
		title: 'Wirkung: Aufnahme und Abschluss im Vergleich',
		entries: [
			{ id: 'K9.1', label: 'Beendete Fälle mit Aufnahme- und Abschlusserhebung', value: (f) => f.k9.pairs },
			{
				id: 'K9.2',
				label: 'Deutschniveau bei Aufnahme',
				parts: (f) => f.k9.germanLevel.entry,
				codes: GERMAN_LEVELS,
				name: list('german_level')
			},
			{
				id: 'K9.3',
				label: 'Deutschniveau bei Abschluss',
				parts: (f) => f.k9.germanLevel.exit,
				codes: GERMAN_LEVELS,
				name: list('german_level')
			},
			{ id: 'K9.4', label: 'Deutschniveau verbessert', value: (f) => f.k9.germanLevel.improved },
			{ id: 'K9.5', label: 'In Arbeit oder Ausbildung bei Aufnahme', value: (f) => f.k9.workOrTraining.entry },
			{ id: 'K9.6', label: 'In Arbeit oder Ausbildung bei Abschluss', value: (f) => f.k9.workOrTraining.exit },
			{ id: 'K9.7', label: 'Eigene Wohnung bei Aufnahme', value: (f) => f.k9.ownFlat.entry },
			{ id: 'K9.8', label: 'Eigene Wohnung bei Abschluss', value: (f) => f.k9.ownFlat.exit },
			{ id: 'K9.9', label: 'Ohne Leistungsbezug bei Aufnahme', value: (f) => f.k9.noBenefits.entry },
			{ id: 'K9.10', label: 'Ohne Leistungsbezug bei Abschluss', value: (f) => f.k9.noBenefits.exit },
			{
				id: 'K9.11',
				label: 'Ziele in beendeten Fällen nach Handlungsfeld',
				grid: (f) =>
					f.k9.goalAttainment.flatMap((g) => [
						{ a: g.field, b: 'achieved', count: g.achieved },
						{ a: g.field, b: 'total', count: g.total }
					]),
				rows: FIELDS,
				cols: ['achieved', 'total'],
				name: (a, b) => `${label('field', a)} – ${b === 'achieved' ? 'erreicht' : 'gesetzt'}`
			}
		]
	},
	{
		id: 'K10',
		title: 'Kapazität (Richtwert 1:80)',
		entries: [
			{ id: 'K10.1', label: 'Fälle am Ende des Zeitraums', value: (f) => f.k10.cases },
			{ id: 'K10.2', label: 'Vollzeitstellen', value: (f) => f.k10.posts },
			{
				id: 'K10.3',
				label: 'Fälle je Vollzeitstelle',
				value: (f) => (f.k10.casesPerPost === null ? null : Math.round(f.k10.casesPerPost * 10) / 10)
			},
			{ id: 'K10.4', label: 'Richtwert Fälle je Vollzeitstelle', value: (f) => f.k10.target }
		]
	}
];

function expand(entry: Entry, f: KeyFigures): Line[] {
	if ('value' in entry) return [{ id: entry.id, label: entry.label, value: entry.value(f) }];
	if ('parts' in entry) {
		const parts = entry.parts(f);
		const codes = [...entry.codes, ...parts.map((p) => p.key).filter((k) => !entry.codes.includes(k))];
		return codes.map((code, i) => {
			const part = parts.find((p) => p.key === code);
			return {
				id: `${entry.id}.${i + 1}`,
				label: `${entry.label}: ${part?.label ?? entry.name(code)}`,
				value: part?.count ?? 0
			};
		});
	}
	const cells = entry.grid(f);
	const pairs = entry.rows.flatMap((a) => entry.cols.map((b) => ({ a, b })));
	for (const c of cells) if (!pairs.some((p) => p.a === c.a && p.b === c.b)) pairs.push({ a: c.a, b: c.b });
	return pairs.map(({ a, b }, i) => ({
		id: `${entry.id}.${i + 1}`,
		label: `${entry.label}: ${entry.name(a, b)}`,
		value: cells.find((c) => c.a === a && c.b === b)?.count ?? 0
	}));
}

/** The template's lines for one set of figures, section by section, in the template's order. */
export function templateSections(f: KeyFigures): Section[] {
	return TEMPLATE.map((s) => ({ id: s.id, title: s.title, lines: s.entries.flatMap((e) => expand(e, f)) }));
}
