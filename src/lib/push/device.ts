/**
 * Ends this browser's push subscription, so the push service forgets it as well. The server unlinks the device
 * when its session ends anyway; this also covers a phone that later signs in as someone else. Never waits
 * longer than `timeoutMs`: signing out must not hang on a slow service worker.
 */
export async function unsubscribeThisDevice(timeoutMs = 2000): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const attempt = (async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		const subscription = await registration?.pushManager?.getSubscription();
		await subscription?.unsubscribe();
	})().catch(() => undefined);
	await Promise.race([attempt, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
