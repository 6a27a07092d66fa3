import { describe, expect, it } from 'vitest';
import { hydrateAfterFirstPaint } from './first-paint';

// The shape of SvelteKit's start-up script (kit/src/runtime/server/page/render.js, split bundles).
const bootstrap = (prefix: string) => `<script nonce="abc">
	{
		const element = document.currentScript.parentElement;
		Promise.all([
			import("${prefix}_app/immutable/entry/start.C-59agSe.js"),
			import("${prefix}_app/immutable/entry/app.IDM5oAUe.js")
		]).then(([kit, app]) => {
			kit.start(app, element, { data: [{type:"data",data:{text:"import(\\"./_app/immutable/entry/x.js\\")"}}] });
		});
	}
</script>`;

describe('hydrateAfterFirstPaint', () => {
	it('waits for the first paint before importing the entry modules, at any depth of the address', () => {
		for (const prefix of ['./', '../../']) {
			const html = hydrateAfterFirstPaint(bootstrap(prefix));
			expect(html).toContain(`__tandemPainted.then(() => import("${prefix}_app/immutable/entry/start.C-59agSe.js"))`);
			expect(html).toContain(`__tandemPainted.then(() => import("${prefix}_app/immutable/entry/app.IDM5oAUe.js"))`);
			expect(html.match(/__tandemPainted/g)).toHaveLength(2);
		}
	});

	it('leaves page data alone, even text that looks like an import', () => {
		const html = hydrateAfterFirstPaint(bootstrap('./'));
		expect(html).toContain('text:"import(\\"./_app/immutable/entry/x.js\\")"');
		const typed = '<p>import("./_app/immutable/entry/x.js")</p>';
		expect(hydrateAfterFirstPaint(typed)).toBe(typed);
		expect(hydrateAfterFirstPaint(typed + bootstrap('./'))).toContain(typed);
	});
});
