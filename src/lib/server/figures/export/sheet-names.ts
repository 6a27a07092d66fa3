/**
 * Excel refuses a sheet name longer than 31 characters, with any of [ ] : * ? / \, starting or ending with an
 * apostrophe, or equal to another sheet's name ignoring case. Two caseworkers may share a name.
 */
export function sheetNamer(reserved: string[]): (name: string) => string {
	const used = new Set(reserved.map((n) => n.toLowerCase()));
	return (name) => {
		const clean =
			name
				.replace(/[[\]:*?/\\]/g, ' ')
				.replace(/^'+|'+$/g, '')
				.replace(/\s+/g, ' ')
				.trim() || 'Fachkraft';
		let candidate = clean.slice(0, 31).trim();
		for (let n = 2; used.has(candidate.toLowerCase()); n++) {
			const suffix = ` (${n})`;
			candidate = clean.slice(0, 31 - suffix.length).trim() + suffix;
		}
		used.add(candidate.toLowerCase());
		return candidate;
	};
}
