import type { DocumentCategory } from '$lib/domain';
import { dayInGermany, formatDate, formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { daysUntil, expiryState, type ExpiryState } from './expiry';

export type ExpiryView = { state: ExpiryState; label: string; days: number } | null;

/** An expiry date as the page shows it: formatted on the server (Tigrinya, Gregorian Farsi) with its state. */
export function expiryView(expiresOn: string | null, locale: Locale, now = new Date()): ExpiryView {
	if (expiresOn === null) return null;
	const today = dayInGermany(now);
	return {
		state: expiryState(expiresOn, today),
		label: formatDate(locale, expiresOn),
		days: daysUntil(expiresOn, today)
	};
}

export type DocumentListItem = {
	id: string;
	category: DocumentCategory;
	title: string;
	expiry: ExpiryView;
	added: string;
	pageCount: number;
	openQuestion: boolean;
	answered: boolean;
};

export function listItemView(
	row: {
		id: string;
		category: DocumentCategory;
		title: string;
		expiresOn: string | null;
		createdAt: Date;
		pageCount: number;
		openQuestion: boolean;
		answered: boolean;
	},
	locale: Locale,
	now = new Date()
): DocumentListItem {
	return {
		id: row.id,
		category: row.category,
		title: row.title,
		expiry: expiryView(row.expiresOn, locale, now),
		added: formatDate(locale, row.createdAt),
		pageCount: row.pageCount,
		openQuestion: row.openQuestion,
		answered: row.answered
	};
}

export const when = (locale: Locale, date: Date) => formatDateTime(locale, date);
