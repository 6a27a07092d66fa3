import type { AppointmentView } from '$lib/server/appointments/view';

export type Viewer = 'self' | 'staff' | 'volunteer';

/** The status as the reader should understand it: who has to answer, from where they stand. */
export function statusKey(a: Pick<AppointmentView, 'status' | 'awaiting'>, viewer: Viewer): string {
	if (a.status !== 'requested') return `appointments.status_${a.status}`;
	if (a.awaiting === 'participant') {
		return viewer === 'self'
			? 'appointments.status_requested_you'
			: viewer === 'staff'
				? 'appointments.status_requested_participant'
				: 'appointments.status_requested';
	}
	if (a.awaiting === 'staff') {
		return viewer === 'staff' ? 'appointments.waiting_for_staff' : 'appointments.status_requested_staff';
	}
	return 'appointments.status_requested';
}

/** Whether the reader is the one who has to act (drawn with emphasis). */
export function needsReader(a: Pick<AppointmentView, 'awaiting'>, viewer: Viewer): boolean {
	return (a.awaiting === 'participant' && viewer !== 'staff') || (a.awaiting === 'staff' && viewer === 'staff');
}
