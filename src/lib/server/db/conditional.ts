import { db, type Tx } from './index';

/** The state of a row as the actor saw it when the form was loaded; forms send it back as hidden inputs. */
export type Seen = { status: string; version: number };

/** The translation key of the one "someone changed this in the meantime" message. */
export const CHANGED_MEANWHILE = 'form.changed_meanwhile';

/** A conditional write found the row no longer as the actor saw it; the transaction rolls back, nothing is written. */
export class ChangedMeanwhile extends Error {
	constructor() {
		super('changed meanwhile');
		this.name = 'ChangedMeanwhile';
	}
}

/**
 * Ends a conditional `update … where id = ? and status = ? and version = ?`: anything but exactly one changed row
 * means someone else got there first, so the whole transaction (events, audit rows) is undone.
 */
export function exactlyOne(result: { changes: number }): void {
	if (result.changes !== 1) throw new ChangedMeanwhile();
}

/** True when the form was loaded on another state of the row than the one just read. */
export function seenOtherState(row: Seen, seen: Seen | undefined): boolean {
	return seen !== undefined && (seen.status !== row.status || seen.version !== row.version);
}

export type Conditional<T> = { ok: true; value: T } | { ok: false; reason: typeof CHANGED_MEANWHILE };

/**
 * Runs a write transaction whose conditional updates use `exactlyOne`; losing the race becomes an outcome the
 * action turns into a 409 with the localised message. Every other error stays an error.
 */
export function writeIfUnchanged<T>(write: (tx: Tx) => T): Conditional<T> {
	try {
		return { ok: true, value: db.transaction(write) };
	} catch (e) {
		if (isChangedMeanwhile(e)) return { ok: false, reason: CHANGED_MEANWHILE };
		throw e;
	}
}

/** Also when a driver or ORM wrapped it in an error of its own. */
export function isChangedMeanwhile(e: unknown): boolean {
	for (let cause = e; cause instanceof Error; cause = cause.cause) {
		if (cause instanceof ChangedMeanwhile) return true;
	}
	return false;
}
