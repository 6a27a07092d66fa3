import { addDays, berlinParts, berlinWallTime } from '../appointments/time';

/** The demo's seeded random source (deterministic, see seed.ts). */
export type Rand = () => number;

export const pick = <T>(rand: Rand, list: readonly T[]) => list[Math.floor(rand() * list.length)];
export function weighted<T>(rand: Rand, options: [T, number][]): T {
	let r = rand() * options.reduce((sum, [, w]) => sum + w, 0);
	for (const [value, weight] of options) {
		r -= weight;
		if (r < 0) return value;
	}
	return options[options.length - 1][0];
}
export const between = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

/** A working-day instant `daysAgo` days back, between 8:30 and 16:00 in Germany (weekends move to Friday). */
export function workingTime(rand: Rand, daysAgo: number): Date {
	let date = addDays(berlinParts(new Date()).date, -daysAgo);
	while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, -1);
	const minutes = between(rand, 0, 30) * 15 + 8 * 60 + 30;
	const wall = berlinWallTime(
		date,
		`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
	);
	return wall.ok ? wall.at : new Date(`${date}T10:00:00Z`);
}
