import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, test } from 'vitest';
import type { Report } from '$lib/figures';
import { figuresFixture } from '$lib/server/testing/figures';
import { writeReportCsv } from './csv';
import { sheetNamer } from './sheet-names';
import { writeReportXlsx } from './xlsx';

function reportFixture(): Report {
	const sabine = figuresFixture();
	sabine.k2.contacts = 50;
	const lena = figuresFixture();
	lena.k2.contacts = 26;
	lena.k2.byForm = [{ key: 'office', count: 'lt5' }];
	const other = figuresFixture();
	other.k2.contacts = 0;
	return {
		scope: { kind: 'organisation', organisationId: 'org-1' },
		scopeName: 'Caritas Ravensburg',
		figures: figuresFixture(),
		byCaseworker: [
			{ id: 'cw-1', name: 'Sabine Keller', figures: sabine },
			{ id: 'cw-2', name: 'Dr. Anna-Lena Müller-Lüdenscheidt / Vertretung', figures: lena },
			{ id: 'cw-3', name: 'sabine keller', figures: other }
		],
		qa: [
			{ warning: 'no_contact_90_days', count: 3 },
			{ warning: 'review_overdue', count: 1 }
		],
		aggregatesOnly: false
	};
}
const meta = { generatedAt: new Date('2027-01-15T23:30:00Z'), generatedBy: 'Martina Schulz' };

type Rows = (string | number | boolean | Date | null)[][];
/** The value in column C of the line whose number (column A) is `id`. */
const valueOf = (rows: Rows, id: string) => rows.find((r) => r[0] === id)?.[2];
const labelOf = (rows: Rows, id: string) => rows.find((r) => r[0] === id)?.[1];

describe('XLSX export, read back by an independent reader', async () => {
	const sheets = await readXlsxFile(await writeReportXlsx(reportFixture(), meta));
	const byName = new Map(sheets.map((s) => [s.sheet, s.data as Rows]));
	const summary = byName.get('Zusammenfassung') ?? [];

	test('a summary, one sheet per caseworker (names Excel accepts, unique), and the notes, in that order', () => {
		expect(sheets.map((s) => s.sheet)).toEqual([
			'Zusammenfassung',
			'Sabine Keller',
			// 31 characters at most, no "/": the slash became a space.
			'Dr. Anna-Lena Müller-Lüdenschei',
			'sabine keller (2)',
			'Hinweise'
		]);
	});

	test('the header says what, whose, which period, when (Berlin) and by whom', () => {
		expect(summary[0][0]).toBe('Auswertung Zeitraum');
		expect(summary[1]).toEqual(['Bereich', 'Träger: Caritas Ravensburg', null]);
		expect(summary[2][1]).toBe('1. Januar 2026 – 31. März 2026');
		// 23:30 UTC on 15 January is 00:30 on the 16th in Berlin.
		expect(summary[3][1]).toBe('16.01.2027, 00:30');
		expect(summary[4][1]).toBe('Martina Schulz');
	});

	test('numbers are numbers, suppressed counts the text "< 5", lines in the template order', () => {
		expect(valueOf(summary, 'K1.1')).toBe(140);
		expect(valueOf(summary, 'K1.2')).toBe(131);
		expect(valueOf(summary, 'K2.1')).toBe(76);
		expect(labelOf(summary, 'K2.2.2')).toBe('nach Kontaktform: Komm-Struktur/Büro');
		expect(valueOf(summary, 'K2.2.2')).toBe(37);
		expect(valueOf(summary, 'K2.2.3')).toBe(0);
		expect(valueOf(summary, 'K2.2.5')).toBe('< 5');
		// 2,730 minutes are 45.5 hours.
		expect(valueOf(summary, 'K2.5')).toBe(45.5);
		// A share of 0.74 is 74 per cent.
		expect(valueOf(summary, 'K4.4')).toBe(74);
		expect(valueOf(summary, 'K8.2')).toBe(512.5);
		expect(valueOf(summary, 'K8.4')).toBe('< 5');
		expect(labelOf(summary, 'K1.8.1')).toBe('nach Staatsangehörigkeit: Syrien');
		expect(labelOf(summary, 'K1.11.1')).toBe('nach Gemeinde: Ravensburg');
		expect(valueOf(summary, 'K10.3')).toBe(87.3);
		const ids = summary.map((r) => r[0]).filter((v) => typeof v === 'string' && /^K\d+$/.test(v));
		expect(ids).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10']);
	});

	test('each caseworker sheet holds that caseworker’s figures', () => {
		expect(valueOf(byName.get('Sabine Keller') ?? [], 'K2.1')).toBe(50);
		const lena = byName.get('Dr. Anna-Lena Müller-Lüdenschei') ?? [];
		expect(valueOf(lena, 'K2.1')).toBe(26);
		expect(valueOf(lena, 'K2.2.2')).toBe('< 5');
		expect(lena[1][1]).toBe('Fachkraft: Dr. Anna-Lena Müller-Lüdenscheidt / Vertretung (Träger: Caritas Ravensburg)');
		expect(valueOf(byName.get('sabine keller (2)') ?? [], 'K2.1')).toBe(0);
	});

	test('the notes list every QA warning with its count', () => {
		const notes = byName.get('Hinweise') ?? [];
		expect(notes.find((r) => r[0] === 'Offene Fälle seit 90 Tagen ohne Kontakt')?.[1]).toBe(3);
		expect(notes.find((r) => r[0] === 'Pläne mit überfälliger Überprüfung')?.[1]).toBe(1);
		expect(notes.find((r) => r[0] === 'Erledigte Termine ohne erfassten Kontakt')?.[1]).toBe(0);
	});
});

describe('CSV export, parsed back by papaparse', () => {
	const csv = writeReportCsv(reportFixture(), meta);
	const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;

	test('UTF-8 with a byte-order mark, semicolons', () => {
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv).toContain('K2.2.2;nach Kontaktform: Komm-Struktur/Büro;37');
	});

	test('one block per caseworker after the scope’s, decimal commas, "< 5"', () => {
		const starts = rows.flatMap((r, i) => (r[0] === 'Bereich' ? [i] : []));
		expect(starts).toHaveLength(4);
		const blockValue = (block: number, id: string) =>
			rows.slice(starts[block], starts[block + 1]).find((r) => r[0] === id)?.[2];
		expect(blockValue(0, 'K2.1')).toBe('76');
		expect(blockValue(0, 'K2.5')).toBe('45,5');
		expect(blockValue(0, 'K8.4')).toBe('< 5');
		expect(blockValue(1, 'K2.1')).toBe('50');
		expect(blockValue(2, 'K2.1')).toBe('26');
		expect(rows[starts[2]][1]).toBe(
			'Fachkraft: Dr. Anna-Lena Müller-Lüdenscheidt / Vertretung (Träger: Caritas Ravensburg)'
		);
		expect(rows.find((r) => r[0] === 'Offene Fälle seit 90 Tagen ohne Kontakt')?.[1]).toBe('3');
	});
});

describe('sheet names', () => {
	test('forbidden characters, length, apostrophes and case-insensitive clashes', () => {
		const name = sheetNamer(['Hinweise']);
		expect(name('hinweise')).toBe('hinweise (2)');
		expect(name("'A:B*C?[D]'")).toBe('A B C D');
		expect(name('x'.repeat(40))).toBe('x'.repeat(31));
		expect(name('x'.repeat(40))).toBe(`${'x'.repeat(27)} (2)`);
	});
});
