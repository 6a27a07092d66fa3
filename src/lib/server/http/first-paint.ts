import type { ResolveOptions } from '@sveltejs/kit';

// A page paints from its HTML and inlined styles alone; its JavaScript comes after. SvelteKit announces every
// module of a page as a modulepreload header and its start-up script imports them as soon as the parser reaches
// it: on a fast connection they arrive, and hydration runs, before the browser has shown the page, so the first
// paint waits for the JavaScript (and Lighthouse counts every module fetched before it into the largest paint).
// The page is complete without them: every form works unenhanced. So the modules are listed in the page instead
// (<meta name="tandem-modules">), and the inline script in app.html preloads them and the messages file once the
// first contentful paint has been shown (`__tandemPainted`), all at once as before; only then does SvelteKit's
// start-up script import its entry modules.
const ENTRY_IMPORT = /\bimport\(("(?:\.{1,2}\/)*_app\/immutable\/entry\/[\w.-]+\.js")\)/g;

/** Takes SvelteKit's module preloads off the response headers and keeps them for after the first paint. */
export function modulesAfterFirstPaint() {
	const modules: string[] = [];
	return {
		preload: ({ type, path }: Parameters<NonNullable<ResolveOptions['preload']>>[0]) => {
			if (type === 'js') modules.push(path);
			// A stylesheet too large to inline is still preloaded, as SvelteKit does by default.
			return type === 'css';
		},
		transform: (html: string) =>
			hydrateAfterFirstPaint(html.replace('%tandem.modules%', modules.map(encodeURI).join(' ')))
	};
}

/** Defers the start-up script's entry imports until after the first paint. */
export function hydrateAfterFirstPaint(html: string): string {
	// Only inside the last script, SvelteKit's own, which follows all of the page's content: Svelte does not
	// escape quotes in text, so a person's text may look like an import, but never inside that script.
	const start = html.lastIndexOf('<script');
	if (start === -1) return html;
	return html.slice(0, start) + html.slice(start).replace(ENTRY_IMPORT, '__tandemPainted.then(() => import($1))');
}
