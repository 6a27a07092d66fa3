// Documents (issue 7): time and server memory to upload and process a 12 MB phone photo, and whether the
// server's memory stays flat across 50 uploads in a row. Loopback only, against the built server.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { signInCookie, startServer } from './server.js';

const TIMED = 20;
const IN_A_ROW = Number(process.env.IN_A_ROW ?? 50);

/** A 27-megapixel "photo" of about 12 MB: smooth shapes with fine grain, as a phone camera writes it. */
async function twelveMegabytePhoto() {
	const [width, height] = [6000, 4500];
	let seed = 2017;
	const random = (n) => {
		const bytes = Buffer.alloc(n);
		for (let i = 0; i < n; i++) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			bytes[i] = seed >>> 23;
		}
		return bytes;
	};
	const pixels = await sharp(random(750 * 563 * 3), { raw: { width: 750, height: 563, channels: 3 } })
		.resize(width, height, { kernel: 'cubic' })
		.raw()
		.toBuffer();
	const grain = random(pixels.length);
	for (let i = 0; i < pixels.length; i++) pixels[i] = (pixels[i] * 0.8 + grain[i] * 0.2) | 0;
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 49/1 3000/100' } })
		.jpeg({ quality: 88 })
		.toBuffer();
}

const photo = await twelveMegabytePhoto();
const server = await startServer(4306);
const { origin } = server;
const status = () => readFileSync(`/proc/${server.pid}/status`, 'utf8');
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(status())[1]) / 1024;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (n) => `${n.toFixed(0)} MB`;

/** One upload through the participant's own form action; returns its duration and the server's peak RSS meanwhile. */
async function upload(cookie, path, n) {
	const form = new FormData();
	form.set('category', 'letters');
	form.set('title', `Brief ${n}`);
	form.set('expiresOn', '');
	form.set('pages', new Blob([photo], { type: 'image/jpeg' }), `IMG_${n}.jpg`);
	let peak = rssMb();
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 5);
	const started = performance.now();
	const response = await fetch(`${origin}${path}?/upload`, {
		method: 'POST',
		body: form,
		headers: { cookie, origin, accept: 'text/html' },
		redirect: 'manual'
	});
	const ms = performance.now() - started;
	clearInterval(sampler);
	if (response.status !== 303) throw new Error(`upload ${n} answered ${response.status}`);
	return { ms, peak: Math.max(peak, rssMb()) };
}

try {
	const cookie = await signInCookie(origin, 'participant');
	const path = (await fetch(`${origin}/documents`, { headers: { cookie }, redirect: 'manual' })).headers.get(
		'location'
	);
	const idle = rssMb();
	await upload(cookie, path, 0); // warm-up: first use of sharp and the key

	const timed = [];
	for (let i = 1; i <= TIMED; i++) timed.push(await upload(cookie, path, i));
	const afterTimed = rssMb();

	const row = [];
	for (let i = 1; i <= IN_A_ROW; i++) {
		const result = await upload(cookie, path, 100 + i);
		row.push({ ...result, after: rssMb() });
	}
	const firstTen = median(row.slice(0, 10).map((r) => r.after));
	const lastTen = median(row.slice(-10).map((r) => r.after));

	console.log(`photo: ${(photo.length / 1048576).toFixed(1)} MB JPEG, 6000 × 4500 px, with EXIF and GPS`);
	console.log(
		`upload + processing (median of ${TIMED}): ${median(timed.map((t) => t.ms)).toFixed(0)} ms (min ${Math.min(...timed.map((t) => t.ms)).toFixed(0)}, max ${Math.max(...timed.map((t) => t.ms)).toFixed(0)})`
	);
	console.log(
		`server RSS idle: ${mb(idle)}; peak during an upload (median of ${TIMED}): ${mb(median(timed.map((t) => t.peak)))}, highest: ${mb(Math.max(...timed.map((t) => t.peak)))}`
	);
	console.log(`server RSS after the ${TIMED} timed uploads: ${mb(afterTimed)}`);
	console.log(
		`${IN_A_ROW} uploads in a row, RSS after each: median of the first 10 ${mb(firstTen)}, of the last 10 ${mb(lastTen)}, highest peak ${mb(Math.max(...row.map((r) => r.peak)))}`
	);
	console.log(`peak RSS of the whole run (VmHWM): ${mb(Number(/VmHWM:\s+(\d+)/.exec(status())[1]) / 1024)}`);
	if (process.env.TRACE)
		console.log(
			row
				.map((r, i) => (i % 10 === 9 ? r.after.toFixed(0) : null))
				.filter((x) => x !== null)
				.join(' ')
		);
	console.log(
		`memory flat across ${IN_A_ROW} uploads: ${lastTen - firstTen < 50 ? 'yes' : 'no'} (${(lastTen - firstTen).toFixed(0)} MB difference)`
	);
} finally {
	server.stop();
}
