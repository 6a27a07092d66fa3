import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The offline page is plain HTML; the SvelteKit PWA plugin only precaches prerendered HTML, so add it by hand.
const offlineRevision = createHash('sha256').update(readFileSync('static/offline.html')).digest('hex').slice(0, 16);

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				id: '/',
				name: 'Tandem',
				short_name: 'Tandem',
				description: 'Integrationsplan, Termine und Dokumente – gemeinsam.',
				lang: 'de',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#ffffff',
				theme_color: '#0b5d4b',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			workbox: {
				// The app shell only: hashed JS/CSS, icons, the offline page. Never server-rendered (personal) HTML,
				// and no fonts: each script's font is fetched only by people who read that script.
				globPatterns: ['client/**/*.{js,css,svg,webmanifest}', 'client/icons/*.png'],
				additionalManifestEntries: [{ url: 'offline.html', revision: offlineRevision }],
				navigateFallback: null,
				// Reminders: the push and notification-click handlers (static/push-sw.js).
				importScripts: ['push-sw.js'],
				runtimeCaching: [
					{
						urlPattern: ({ request }) => request.mode === 'navigate',
						handler: 'NetworkOnly',
						options: { precacheFallback: { fallbackURL: '/offline.html' } }
					},
					{
						// The active language's messages (src/lib/i18n/screen.ts): content-hashed, so a cached copy never
						// goes stale; fetched on first use, never precached, so a phone keeps only its own language.
						urlPattern: ({ url }) =>
							url.pathname.startsWith('/_app/immutable/assets/') && url.pathname.endsWith('.json'),
						handler: 'CacheFirst',
						options: { cacheName: 'messages', expiration: { maxEntries: 4 } }
					},
					{
						urlPattern: ({ request }) => request.destination === 'font',
						handler: 'CacheFirst',
						options: { cacheName: 'fonts', expiration: { maxEntries: 20 } }
					}
				]
			}
		})
	],
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		setupFiles: ['src/lib/server/testing/setup.ts'],
		pool: 'forks'
	}
});
