import { appointmentReminders } from '../appointments/reminders';
import { documentReminders } from '../documents/reminders';
import type { ReminderSource } from './source';

/** Everything that reminds people; the scheduler asks each in turn. */
export const REMINDER_SOURCES: ReminderSource[] = [appointmentReminders, documentReminders];
