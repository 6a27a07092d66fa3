/** Stored in place of an anonymised person's family name; pages show `participant.anonymised` in the reader's language. */
export const ANONYMISED_NAME = 'Anonymisiert';

/** A person's name as pages show it: the localised label once the case has been anonymised. */
export function shownName(
	person: { givenName: string | null; familyName: string | null },
	t: (key: string) => string
): string {
	if (person.givenName === '' && person.familyName === ANONYMISED_NAME) return t('participant.anonymised');
	return `${person.givenName ?? ''} ${person.familyName ?? ''}`;
}
