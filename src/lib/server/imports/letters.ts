import { error } from '@sveltejs/kit';
import { and, asc, countDistinct, eq, gt, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import { formatDateTime } from '$lib/i18n/format';
import { directionOf, type Locale } from '$lib/i18n/locales';
import { db } from '../db';
import { imports, invitations, participants } from '../db/schema';
import { translatorFor } from '../i18n';
import { issueInvitationIn } from '../invitations';
import { canIssueInvitation, type Actor } from '../policy';
import { importingOrganisation } from './drafts';

/** An import of the lead's organisation, or 404. */
export async function openImport(actor: Actor, importId: string) {
	const organisationId = importingOrganisation(actor);
	const [row] = await db
		.select()
		.from(imports)
		.where(and(eq(imports.id, importId), eq(imports.organisationId, organisationId)));
	if (row === undefined) error(404, 'error.not_found');
	return row;
}

/** The imported people without an account yet: those a letter is for. */
export async function peopleToInvite(actor: Actor, importId: string) {
	await openImport(actor, importId);
	const rows = await db
		.select({
			id: participants.id,
			givenName: participants.givenName,
			familyName: participants.familyName,
			language: participants.language
		})
		.from(participants)
		.where(and(eq(participants.importId, importId), isNull(participants.userId)))
		.orderBy(asc(participants.familyName), asc(participants.givenName), asc(participants.id));
	const allowed = await Promise.all(rows.map((r) => canIssueInvitation(actor, r.id)));
	return rows.filter((_, i) => allowed[i]);
}

/**
 * How many of the people to invite hold a code that still works: printing again cancels those codes, so letters
 * already handed out stop working, and the page asks first.
 */
export async function lettersStillValid(actor: Actor, importId: string, now = new Date()): Promise<number> {
	await openImport(actor, importId);
	const [row] = await db
		.select({ n: countDistinct(invitations.participantId) })
		.from(participants)
		.innerJoin(invitations, eq(invitations.participantId, participants.id))
		.where(
			and(
				eq(participants.importId, importId),
				isNull(participants.userId),
				isNull(invitations.usedAt),
				isNull(invitations.cancelledAt),
				gt(invitations.expiresAt, now)
			)
		);
	return row?.n ?? 0;
}

export type LetterSide = {
	lang: Locale;
	dir: 'ltr' | 'rtl';
	title: string;
	hello: string;
	body: string;
	valid: string;
	once: string;
	scan: string;
};
export type Letter = { id: string; name: string; code: string; qrSvg: string; sides: LetterSide[] };

/**
 * Issues a fresh code for every imported person still without an account, in one transaction (each audited as
 * `invitation.issued`, as the single letter is), and lays out one letter each: in the person's language, with
 * German beside it for the staff handing it out. Codes are stored hashed, so this is the only time they are shown.
 */
export async function issueLetters(
	actor: Actor,
	importId: string,
	origin: string,
	now = new Date()
): Promise<Letter[]> {
	const people = await peopleToInvite(actor, importId);
	const issued = db.transaction((tx) => people.map((p) => ({ person: p, ...issueInvitationIn(tx, actor, p.id, now) })));
	return Promise.all(
		issued.map(async ({ person, code, expiresAt }) => {
			const link = `${origin}/activate?code=${code}`;
			const qrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
			const name = `${person.givenName} ${person.familyName}`.trim();
			const locales: Locale[] = person.language === 'de' ? ['de'] : [person.language, 'de'];
			return {
				id: person.id,
				name,
				code,
				qrSvg,
				sides: locales.map((l) => side(l, name, `${origin}/activate`, expiresAt))
			};
		})
	);
}

function side(lang: Locale, name: string, link: string, expiresAt: Date): LetterSide {
	const t = translatorFor(lang);
	return {
		lang,
		dir: directionOf(lang),
		title: t('import.letter_title'),
		hello: t('import.letter_hello', { name }),
		body: t('import.letter_body', { link }),
		valid: t('invitation.valid_until', { date: formatDateTime(lang, expiresAt) }),
		once: t('import.letter_once'),
		scan: t('invitation.scan')
	};
}
