// The vocabulary of case work (shared/CASEWORK.md), shared by server and UI. Each list lives here and only
// here; code, tests and translations iterate it. Labels are "<list>.<code>" keys in every locale.
import { FIELDS, type Field } from './plan';

/**
 * referred: handed over, waiting for the first contact; active: counselling runs; paused: on hold (the period
 * keeps running); transferred: handed to another service, waiting to be closed; closed: ended with a reason.
 */
export const CASE_STATUSES = ['referred', 'active', 'paused', 'transferred', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Counselling runs at most 36 months from the first contact, 48 with a reason the lead approves. */
export const PERIOD_MONTHS = 36;
export const EXTENDED_PERIOD_MONTHS = 48;
/** From this month on the caseload flags a period that is running out. */
export const PERIOD_WARNING_MONTH = 30;

export const CONTACT_FORMS = ['home_visit', 'office', 'accompanying', 'phone', 'digital'] as const;
export type ContactForm = (typeof CONTACT_FORMS)[number];

export const CONTACT_KINDS = ['first_talk', 'follow_up', 'handover', 'plan_talk', 'closing_talk'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const INTERPRETERS = ['none', 'professional', 'volunteer', 'family', 'own_language'] as const;
export type Interpreter = (typeof INTERPRETERS)[number];

/** Sub-topics seen in consultations, beside the plan's fields of action. */
export const SUBTOPICS = [
	'benefits',
	'residence_law',
	'family_reunification',
	'rent_debts',
	'childcare_school',
	'language_course',
	'recognition',
	'leisure_networks',
	'internet',
	'return'
] as const;
export type Subtopic = (typeof SUBTOPICS)[number];
/** A contact's topics: fields of action (label "field.<code>") and sub-topics (label "topic.<code>"). */
export const TOPICS = [...FIELDS, ...SUBTOPICS] as const;
export type Topic = Field | Subtopic;

export const NETWORKING_GROUPS = [
	'integration_services',
	'own_administration',
	'authorities',
	'social_services',
	'refugee_volunteers',
	'other_associations',
	'employers',
	'religious_communities',
	'shelter_social_work',
	'other'
] as const;
export type NetworkingGroup = (typeof NETWORKING_GROUPS)[number];

export const REFERRAL_TARGETS = [
	'jobcenter',
	'employment_agency',
	'mbe',
	'jmd',
	'language_course',
	'childcare_school',
	'health',
	'debt_counselling',
	'return_counselling',
	'immigration_office',
	'housing',
	'volunteer_circle',
	'other'
] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

/** made → accepted → attended / failed (a referral can also fail before it was accepted). */
export const REFERRAL_STATUSES = ['made', 'accepted', 'attended', 'failed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const ELIGIBILITY_BASES = [
	'follow_up_housing',
	'temporary_protection',
	'temporary_housing',
	'private_housing',
	'other'
] as const;
export type EligibilityBasis = (typeof ELIGIBILITY_BASES)[number];

/** Where a case is transferred to. */
export const TRANSFER_TARGETS = ['mbe', 'jmd', 'regular_service'] as const;
export type TransferTarget = (typeof TRANSFER_TARGETS)[number];

export const CLOSURE_REASONS = [
	'goals_reached',
	'transferred_mbe',
	'transferred_jmd',
	'regular_service',
	'moved_away',
	'maximum_period',
	'no_contact',
	'naturalised',
	'left_germany',
	'deceased',
	'other'
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
/** Closures the team lead signs off before they take effect. */
export const CLOSURES_NEEDING_LEAD = ['maximum_period', 'no_contact'] as const satisfies readonly ClosureReason[];

// ——— Assessment (entry) and exit snapshot: one short status per field ———
export const GERMAN_LEVELS = ['none', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2'] as const;
export const SCHOOLING = ['none', 'primary', 'secondary', 'vocational', 'university'] as const;
export const RECOGNITION = ['not_needed', 'not_started', 'in_progress', 'recognised', 'partly', 'refused'] as const;
export const WORK_SITUATIONS = [
	'none',
	'job_search',
	'language_course',
	'training',
	'mini_job',
	'employed',
	'self_employed'
] as const;
export const HOUSING_SITUATIONS = ['shared_housing', 'follow_up_housing', 'own_flat'] as const;
export const BENEFITS = ['sgb2', 'asylblg', 'sgb12', 'none'] as const;
export const CHILDREN_CARE = ['no_children', 'all_placed', 'looking', 'missing'] as const;

/** The assessment's questions and their answers, in the order the form shows them (label "assessment.<key>"). */
export const ASSESSMENT_ITEMS = {
	germanLevel: GERMAN_LEVELS,
	schooling: SCHOOLING,
	recognition: RECOGNITION,
	work: WORK_SITUATIONS,
	housing: HOUSING_SITUATIONS,
	benefits: BENEFITS,
	childrenCare: CHILDREN_CARE
} as const;
export type AssessmentItem = keyof typeof ASSESSMENT_ITEMS;
export type AssessmentAnswers = { [K in AssessmentItem]: (typeof ASSESSMENT_ITEMS)[K][number] | null };

export const ASSESSMENT_KINDS = ['entry', 'exit'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** What a case note is about. */
export const NOTE_SUBJECTS = ['case', 'goal', 'contact'] as const;
export type NoteSubject = (typeof NOTE_SUBJECTS)[number];

/** Days a contact can still be corrected; then it is locked. */
export const CONTACT_CORRECTION_DAYS = 7;
/** Weeks without a contact before a case shows in the work queue, unless the organisation sets another. */
export const DEFAULT_CONTACT_GAP_WEEKS = 6;
/** Full-time equivalent is stored in hundredths (100 = one full-time post); one post carries 80 cases. */
export const CASES_PER_FULL_TIME_POST = 80;

/** Closed cases are anonymised after this many years, unless the organisation sets another period. */
export const DEFAULT_RETENTION_YEARS = 3;

/** Key figures for a county are shown to its coordinator only from this count up ("< 5" below it). */
export const SUPPRESS_BELOW = 5;

/**
 * The short report (Sachbericht) beside the yearly figures: what numbers cannot say, written once a year by the
 * caseworker for their own report and by the team lead for the organisation's.
 */
export const REPORT_TEXT_FIELDS = ['focus', 'cooperation', 'challenges', 'outlook'] as const;
export type ReportTextField = (typeof REPORT_TEXT_FIELDS)[number];
export const REPORT_TEXT_MAX = 4000;
