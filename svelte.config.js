import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: true }),
		// A page's stylesheets (the global one is about 6 KB, the rest well under 2 KB) travel inside its HTML,
		// so a phone's first paint waits for no second request. A stylesheet above this size would be linked
		// again; tests/first-load.e2e.ts fails then.
		inlineStyleThreshold: 16 * 1024,
		// The PWA plugin registers its own worker; SvelteKit's must stay off.
		serviceWorker: { register: false },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte writes style attributes (transitions, dynamic sizes); no inline scripts are allowed.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
