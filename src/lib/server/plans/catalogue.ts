import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import type { Field } from '$lib/plan';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { catalogueEntries, catalogueTexts } from '../db/schema';
import type { Actor } from '../policy';
import shipped from './catalogue.json';

type Texts = Record<Locale, string>;
type ShippedGoal = { key: string; field: Field; title: Texts; steps: { key: string; text: Texts }[] };

/**
 * Writes the catalogue that ships with Tandem (reference data, not demo data) at every start. Entries an
 * admin added stay untouched; shipped entries get their current texts.
 */
export async function syncShippedCatalogue(): Promise<void> {
	const goals = (shipped as { goals: ShippedGoal[] }).goals;
	db.transaction((tx) => {
		goals.forEach((goal, goalIndex) => {
			const entries = [
				{
					id: goal.key,
					kind: 'goal' as const,
					parentId: null,
					field: goal.field,
					position: goalIndex,
					texts: goal.title
				},
				...goal.steps.map((step, i) => ({
					id: step.key,
					kind: 'step' as const,
					parentId: goal.key,
					field: goal.field,
					position: i,
					texts: step.text
				}))
			];
			for (const { texts, ...entry } of entries) {
				tx.insert(catalogueEntries)
					.values(entry)
					.onConflictDoUpdate({
						target: catalogueEntries.id,
						set: { field: entry.field, position: entry.position, parentId: entry.parentId }
					})
					.run();
				for (const [locale, text] of Object.entries(texts)) {
					tx.insert(catalogueTexts)
						.values({ entryId: entry.id, locale: locale as Locale, text })
						.onConflictDoUpdate({ target: [catalogueTexts.entryId, catalogueTexts.locale], set: { text } })
						.run();
				}
			}
		});
	});
}

export type CatalogueEntry = {
	id: string;
	field: Field;
	active: boolean;
	texts: Partial<Texts>;
	steps: { id: string; texts: Partial<Texts> }[];
};

/** The catalogue, grouped: goals with their suggested steps, every text in every language. */
export async function listCatalogue({ includeRetired = false } = {}): Promise<CatalogueEntry[]> {
	const entries = await db
		.select()
		.from(catalogueEntries)
		.where(includeRetired ? undefined : eq(catalogueEntries.active, true))
		.orderBy(asc(catalogueEntries.field), asc(catalogueEntries.position));
	const texts = await catalogueTextsOf(entries.map((e) => e.id));
	const goals = entries.filter((e) => e.kind === 'goal');
	return goals.map((g) => ({
		id: g.id,
		field: g.field,
		active: g.active,
		texts: texts.get(g.id) ?? {},
		steps: entries
			.filter((e) => e.kind === 'step' && e.parentId === g.id)
			.map((s) => ({ id: s.id, texts: texts.get(s.id) ?? {} }))
	}));
}

export async function catalogueTextsOf(ids: string[]): Promise<Map<string, Partial<Texts>>> {
	const map = new Map<string, Partial<Texts>>();
	if (ids.length === 0) return map;
	const rows = await db.select().from(catalogueTexts).where(inArray(catalogueTexts.entryId, ids));
	for (const row of rows) {
		const texts = map.get(row.entryId) ?? {};
		texts[row.locale] = row.text;
		map.set(row.entryId, texts);
	}
	return map;
}

export async function findCatalogueGoal(id: string) {
	const [entry] = await db
		.select()
		.from(catalogueEntries)
		.where(and(eq(catalogueEntries.id, id), eq(catalogueEntries.kind, 'goal'), eq(catalogueEntries.active, true)));
	if (entry === undefined) return null;
	const steps = await db
		.select()
		.from(catalogueEntries)
		.where(and(eq(catalogueEntries.parentId, id), eq(catalogueEntries.active, true)))
		.orderBy(asc(catalogueEntries.position));
	return { ...entry, steps };
}

/** An admin extends the catalogue: a goal with its text in every language, without a code change. */
export async function addCatalogueGoal(actor: Actor, field: Field, texts: Texts): Promise<string> {
	const id = `custom_${crypto.randomUUID().slice(0, 8)}`;
	db.transaction((tx) => {
		tx.insert(catalogueEntries).values({ id, kind: 'goal', field, position: 1000, createdBy: actor.id }).run();
		for (const [locale, text] of Object.entries(texts)) {
			tx.insert(catalogueTexts)
				.values({ entryId: id, locale: locale as Locale, text })
				.run();
		}
		recordAuditIn(tx, { actor, action: 'catalogue.goal_added', detail: { id, field } });
	});
	return id;
}

export async function setCatalogueGoalActive(actor: Actor, id: string, active: boolean): Promise<void> {
	db.transaction((tx) => {
		tx.update(catalogueEntries).set({ active }).where(eq(catalogueEntries.id, id)).run();
		recordAuditIn(tx, { actor, action: active ? 'catalogue.goal_restored' : 'catalogue.goal_retired', detail: { id } });
	});
}
