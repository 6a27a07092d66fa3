/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />
import type { Locale } from '$lib/i18n/locales';
import type { SessionValidation } from '$lib/server/auth/session';
import type { StandingMemo } from '$lib/server/policy/relation';

declare global {
	/** The <details> a reader toggled before hydration, and their state then (app.html). */
	var __tandemToggled: Map<HTMLDetailsElement, boolean> | null | undefined;
	/** The fields a reader typed into or changed before hydration (app.html). */
	var __tandemTyped: Map<EventTarget, { value?: string; checked?: boolean }> | null | undefined;
	namespace App {
		interface Error {
			/** A translation key; the error page shows it in the reader's language. */
			message: string;
			id?: string;
		}
		interface Locals {
			user: SessionValidation['user'];
			session: SessionValidation['session'];
			locale: Locale;
			/** The policy's answers for this request only (see policy/relation.ts). */
			standings?: StandingMemo;
		}
	}
}

export {};
