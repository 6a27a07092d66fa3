/**
 * Three-way merge of one form save against what someone else saved meanwhile: `base` is what the form was
 * loaded with, `theirs` is the record now, `mine` is what was submitted. Fields only one side changed merge
 * by themselves; a field both changed differently is a conflict, and neither value is dropped.
 */
export type Conflict<K extends string> = { field: K; mine: string; theirs: string };
export type MergeResult<K extends string> =
	| { kind: 'merged'; values: Record<K, string>; changedByMe: K[] }
	| { kind: 'conflict'; values: Record<K, string>; conflicts: Conflict<K>[] };

export function mergeEdits<K extends string>(
	fields: readonly K[],
	base: Record<K, string>,
	theirs: Record<K, string>,
	mine: Record<K, string>
): MergeResult<K> {
	const values = { ...theirs };
	const conflicts: Conflict<K>[] = [];
	const changedByMe: K[] = [];
	for (const field of fields) {
		const iChanged = mine[field] !== base[field];
		const theyChanged = theirs[field] !== base[field];
		if (!iChanged) continue;
		if (theyChanged && theirs[field] !== mine[field]) {
			conflicts.push({ field, mine: mine[field], theirs: theirs[field] });
			continue;
		}
		values[field] = mine[field];
		changedByMe.push(field);
	}
	return conflicts.length > 0 ? { kind: 'conflict', values, conflicts } : { kind: 'merged', values, changedByMe };
}
