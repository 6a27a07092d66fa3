// Imported into the generated service worker: shows reminders sent by Web Push, opens Tandem on a tap.
// The text arrives already written in the recipient's language.
self.addEventListener('push', (event) => {
	let message = { title: 'Tandem', body: '', url: '/', tag: 'tandem' };
	try {
		message = { ...message, ...event.data.json() };
	} catch {
		// A push without a readable payload still tells the person to look.
	}
	event.waitUntil(
		self.registration.showNotification(message.title, {
			body: message.body,
			tag: message.tag,
			icon: '/icons/icon-192.png',
			badge: '/icons/icon-192.png',
			data: { url: message.url }
		})
	);
});

self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL(event.notification.data?.url ?? '/', self.location.origin);
	// Only ever open our own pages.
	if (url.origin !== self.location.origin) return;
	event.waitUntil(
		self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const open = windows.find((w) => new URL(w.url).origin === url.origin);
			if (open) return open.navigate(url.href).then((w) => (w ?? open).focus());
			return self.clients.openWindow(url.href);
		})
	);
});
