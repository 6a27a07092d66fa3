/** Only same-site paths: "//evil.example" and "https://…" would send a fresh session elsewhere. */
export function safeReturnPath(value: unknown, fallback: string): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}
