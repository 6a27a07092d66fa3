/** The query parameter a list's next and previous links carry; every other parameter (the filters) stays. */
export const CURSOR_PARAM = 'cursor';

/** What a list page tells its pager ("1–50 of 1,234", next, previous); the rows stay with the list. */
export type PagerData = {
	total: number;
	/** 1-based positions of the first and last row shown; 0 and 0 for an empty list. */
	from: number;
	to: number;
	/** Opaque cursors, or null at either end. */
	next: string | null;
	previous: string | null;
};

/** The pager's part of a page, for a list's page data (rows mapped for the screen separately). */
export function pagerOf(page: PagerData): PagerData {
	return { total: page.total, from: page.from, to: page.to, next: page.next, previous: page.previous };
}
