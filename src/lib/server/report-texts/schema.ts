import * as v from 'valibot';
import { REPORT_TEXT_MAX } from '$lib/casework';
import { LOCALES } from '$lib/i18n/locales';
import { optionalText } from '../forms';

/** A year of the programme (it began in 2017; counties report the past year until 31 January). */
export const reportYear = v.pipe(
	v.string('form.required'),
	v.transform(Number),
	v.integer('form.pick_option'),
	v.minValue(2017, 'form.pick_option'),
	v.maxValue(2100, 'form.pick_option')
);

export const reportTextsSchema = v.object({
	year: reportYear,
	seenVersion: v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0)),
	focus: optionalText(REPORT_TEXT_MAX),
	cooperation: optionalText(REPORT_TEXT_MAX),
	challenges: optionalText(REPORT_TEXT_MAX),
	outlook: optionalText(REPORT_TEXT_MAX),
	language: v.picklist(LOCALES, 'form.pick_option')
});
