import { screenTranslatorFor } from '$lib/i18n/screen';
import type { LayoutLoad } from './$types';

// Runs on the server and again in the browser; the translator is made once per locale on each side.
export const load: LayoutLoad = async ({ data }) => ({ ...data, t: await screenTranslatorFor(data.locale) });
