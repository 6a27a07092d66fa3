// A stand-in origin: only whether the path stays on it matters, not which site the app runs on.
const SELF = 'https://tandem.invalid';
// What the app's own links look like: one leading slash, printable ASCII without spaces, quotes, backslashes or
// angle brackets. Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" would become "//evil.example".
const OWN_PATH = /^\/(?![/\\])[!#-&(-;=?-[\]-~]*$/;

/** Only paths the app itself produces: anything else could send a fresh session to another site. */
export function safeReturnPath(value: unknown, fallback: string): string {
	if (typeof value !== 'string' || value.length > 2000 || !OWN_PATH.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, SELF);
	} catch {
		return fallback;
	}
	if (url.origin !== SELF) return fallback;
	return url.pathname + url.search + url.hash;
}

/** The path of a same-site Referer, for "back where you were"; anything else (not a URL, another site) is null. */
export function sameSiteReferrerPath(referer: string | null, origin: string): string | null {
	if (referer === null || !URL.canParse(referer)) return null;
	const url = new URL(referer);
	return url.origin === origin ? url.pathname : null;
}
