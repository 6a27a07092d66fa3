import sharp from 'sharp';
import type { Actor } from '../policy';
import { askExplanation } from '../documents/questions';
import { dayInGermany } from '$lib/i18n/format';
import { addDays } from '../documents/expiry';
import { uploadDocument } from '../documents/write';

type Person = { id: string; caseworker: Actor | null; self: Actor | null };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A photographed paper: a page with a heading and some lines, rendered on the spot, then uploaded like any photo. */
async function paper(heading: string, lines: string[], tint = '#ffffff'): Promise<File> {
	const text = lines
		.map((line, i) => `<text x="90" y="${330 + i * 46}" font-size="30">${escape(line)}</text>`)
		.join('');
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="${tint}"/><g font-family="DejaVu Sans, sans-serif" fill="#222"><text x="90" y="200" font-size="46" font-weight="bold">${escape(heading)}</text>${text}</g></svg>`;
	const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
	return new File([new Uint8Array(jpeg)], `${heading.replace(/\W+/g, '_')}.jpg`, { type: 'image/jpeg' });
}

/**
 * Amina's residence permit runs out in six weeks (a reminder and a caseload flag) and a letter from the
 * Jobcenter waits for her caseworker's explanation; Zahra keeps her passport; Selam her school certificate.
 */
export async function seedDemoDocuments(showcase: { ar: Person; ti: Person; fa: Person }) {
	const today = dayInGermany();
	const { ar, fa, ti } = showcase;
	if (ar.self === null || ar.caseworker === null || fa.self === null || ti.self === null) return;
	await uploadDocument(
		ar.caseworker,
		ar.id,
		{ category: 'residence_permit', title: 'Aufenthaltserlaubnis (eAT)', expiresOn: addDays(today, 42) },
		[
			await paper(
				'Aufenthaltserlaubnis',
				['Bundesrepublik Deutschland', 'Name: AL-HASSAN, Amina', `Gültig bis: ${addDays(today, 42)}`],
				'#e8f1ff'
			)
		]
	);
	const letter = await uploadDocument(
		ar.self,
		ar.id,
		{ category: 'letters', title: 'رسالة من الجوب سنتر', expiresOn: '' },
		[
			await paper('Jobcenter Landkreis Ludwigsburg', [
				'Einladung zum Termin',
				'Bitte bringen Sie mit: Mietvertrag, Kontoauszüge',
				'Mitwirkungspflichten nach §§ 60 ff. SGB I'
			]),
			await paper('Seite 2', ['Rechtsfolgenbelehrung', 'Wenn Sie ohne wichtigen Grund nicht erscheinen ...'])
		]
	);
	if (letter.ok) {
		await askExplanation(ar.self, ar.id, letter.id, 'ماذا يجب أن أحضر إلى الموعد؟ وهل يجب أن أدفع شيئًا؟', 'ar');
	}
	await uploadDocument(fa.self, fa.id, { category: 'identity', title: 'پاسپورت', expiresOn: addDays(today, 900) }, [
		await paper('Passport', ['Islamic Republic of Afghanistan', 'AHMADI, Zahra'], '#f4efe4')
	]);
	await uploadDocument(ti.self, ti.id, { category: 'certificates', title: 'ምስክር ወረቐት ትምህርቲ', expiresOn: '' }, [
		await paper('School certificate', ['Asmara, Eritrea', 'Grade 10 completed'])
	]);
}
