// Limits and choices for documents, shared by the upload form (checked before sending) and the server.
export const MAX_FILE_BYTES = 15 * 1024 * 1024;
/** A letter of several pages is one document; ten pages cover nearly every letter from an authority. */
export const MAX_PAGES = 10;
/** Several phone photos of 4–6 MB each fit; the server refuses larger requests before reading them. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
/** What the file chooser offers; the server decides the type from the file's bytes, not from this. */
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';
export const ACCEPTED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** Expiry dates within this many days are flagged (reminders come 8 and 2 weeks before). */
export const EXPIRY_WARNING_DAYS = 56;

export const QUESTION_MAX = 2000;
export const TITLE_MAX = 200;
