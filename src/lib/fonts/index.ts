import type { Script } from '$lib/i18n/locales';
import arabic from './arabic.css?url';
import ethiopic from './ethiopic.css?url';
import persian from './persian.css?url';

/** The one stylesheet of self-hosted fonts a page needs; Latin script uses the device's own fonts. */
export const FONT_STYLESHEETS: Record<Script, string | null> = { latin: null, arabic, persian, ethiopic };
