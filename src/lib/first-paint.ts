/**
 * A page paints from its HTML before its scripts load (server/http/first-paint.ts), so a reader on a slow phone
 * may open a folded section or start typing before the page hydrates, and hydration sets every element back to
 * its rendered state. The inline script in app.html notes what the reader did; this gives it back, once.
 */
export function giveBackWhatTheReaderDid(): void {
	const toggled = globalThis.__tandemToggled;
	const typed = globalThis.__tandemTyped;
	globalThis.__tandemToggled = null;
	globalThis.__tandemTyped = null;
	toggled?.forEach((open, details) => {
		if (details.isConnected && details.open !== open) details.open = open;
	});
	typed?.forEach((state, target) => {
		if (!(
			target instanceof HTMLInputElement ||
			target instanceof HTMLTextAreaElement ||
			target instanceof HTMLSelectElement
		)) {
			return;
		}
		if (!target.isConnected) return;
		let changed = false;
		if (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio')) {
			changed = state.checked !== undefined && target.checked !== state.checked;
			if (changed) target.checked = state.checked!;
		} else if (state.value !== undefined && target.value !== state.value) {
			target.value = state.value;
			changed = true;
		}
		// Bound state follows the field, as if the reader had typed it now.
		if (changed) target.dispatchEvent(new Event('input', { bubbles: true }));
	});
}
