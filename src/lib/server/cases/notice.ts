// What closure (or a transfer) means for the person, in plain words in her language: shown in the app and
// printed as a letter. Built on the server from her own language, whatever language the reader's screen uses.
import { formatDate } from '$lib/i18n/format';
import { directionOf, type Locale } from '$lib/i18n/locales';
import { translatorFor } from '../i18n';
import type { readOwnCase } from './read';

type OwnCase = Awaited<ReturnType<typeof readOwnCase>>;
export type Contact = {
	displayName: string;
	phone: string | null;
	email: string | null;
	organisationName: string | null;
};

export function caseNotice(own: OwnCase, locale: Locale, name: string, caseworker: Contact | null) {
	const t = translatorFor(locale);
	const service = own.service;
	const ask =
		service?.target === 'mbe'
			? t('my_case.ask_mbe')
			: service?.target === 'jmd'
				? t('my_case.ask_jmd')
				: service?.target === 'regular_service'
					? t('my_case.ask_regular')
					: t('my_case.ask_general');
	return {
		lang: locale,
		dir: directionOf(locale),
		title: t('my_case.letter_title'),
		greeting: t('my_case.letter_greeting', { name }),
		closedOn: own.closedAt === null ? null : t('my_case.closed_on', { date: formatDate(locale, own.closedAt) }),
		reason:
			own.closureReason === null
				? null
				: t('my_case.closure_reason', { reason: t(`closure_reason.${own.closureReason}`) }),
		dataHeading: t('my_case.data_heading'),
		dataText: t('my_case.data_text'),
		askHeading: t('my_case.ask_heading'),
		ask,
		service:
			service === null || service.name === ''
				? null
				: {
						name: service.name,
						lines: [
							service.address === '' ? null : `${t('my_case.address')}: ${service.address}`,
							service.phone === '' ? null : `${t('my_case.phone')}: ${service.phone}`,
							service.email === '' ? null : `${t('my_case.email')}: ${service.email}`
						].filter((line) => line !== null)
					},
		reopen: t('my_case.reopen_text'),
		signedBy:
			caseworker === null
				? null
				: [caseworker.displayName, caseworker.organisationName, caseworker.phone].filter((x) => x).join(' · ')
	};
}
export type CaseNotice = ReturnType<typeof caseNotice>;
