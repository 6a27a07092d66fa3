// Names from the domain glossary (shared/DOMAIN.md); shared by server and UI.
// The county coordinator sees the county's key figures, aggregated across its organisations and towns, and never a
// person's data.
export const ROLES = ['participant', 'caseworker', 'lead', 'volunteer', 'admin', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['caseworker', 'lead', 'admin'] as const satisfies readonly Role[];

export const ORGANISATION_KINDS = ['county', 'town', 'welfare'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

// As the state's statistics count them; optional, the person says.
export const GENDERS = ['female', 'male', 'diverse'] as const;
export type Gender = (typeof GENDERS)[number];

// The categories the state's statistics use.
export const RESIDENCE_STATUSES = [
	'refugee',
	'subsidiary_protection',
	'asylum',
	'other_permit',
	'family_reunification',
	'gestattung',
	'duldung',
	'temporary_protection',
	'settlement_permit',
	'naturalised'
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

// What a participant can share, each scope on its own. Document scopes are per document category.
export const DOCUMENT_CATEGORIES = [
	'identity',
	'residence_permit',
	'certificates',
	'work',
	'health',
	'housing',
	'letters',
	'other'
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
export const CONSENT_SCOPES = [
	'plan.read',
	'plan.edit',
	'appointments.read',
	'appointments.edit',
	'contact.read',
	...DOCUMENT_CATEGORIES.map((c) => `documents.read.${c}` as const)
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_STATES = ['pending', 'given', 'withdrawn', 'revoked', 'renewed', 'expired'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

// ——— Appointments ———
export const APPOINTMENT_KINDS = [
	'home_visit',
	'office_consultation',
	'phone_call',
	'immigration_office',
	'jobcenter',
	'doctor',
	'school_childcare',
	'language_course',
	'other'
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
/** Kinds that are a meeting with the caseworker themselves. */
export const CASEWORKER_KINDS = [
	'home_visit',
	'office_consultation',
	'phone_call'
] as const satisfies readonly AppointmentKind[];

/**
 * requested: waiting for the other side's answer (see `awaiting`); confirmed; declined; cancelled;
 * rescheduled: replaced by a new appointment that points back to it; done.
 */
export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'declined', 'cancelled', 'rescheduled', 'done'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Statuses in which an appointment still holds its time (and its office-hour slot). */
export const ACTIVE_APPOINTMENT_STATUSES = ['requested', 'confirmed'] as const satisfies readonly AppointmentStatus[];

/** Things people are often asked to bring; each has a translated label. Anything else goes in a note. */
export const BRING_ITEMS = [
	'passport',
	'residence_permit',
	'letter',
	'health_card',
	'certificates',
	'bank_details',
	'photo',
	'rental_contract'
] as const;
export type BringItem = (typeof BRING_ITEMS)[number];

export const SLOT_MODES = ['office', 'phone'] as const;
export type SlotMode = (typeof SLOT_MODES)[number];

/** Reminder subjects: appointments now, documents' expiry dates next. */
export const REMINDER_SUBJECTS = ['appointment', 'document'] as const;
export type ReminderSubject = (typeof REMINDER_SUBJECTS)[number];
