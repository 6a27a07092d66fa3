// Every domain keeps its tables beside its rules; this file gathers them for drizzle and drizzle-kit.
export * from '../organisations/tables';
export * from '../users/tables';
export * from '../auth/tables';
export * from '../participants/tables';
export * from '../invitations/tables';
export * from '../audit/tables';
export * from '../plans/tables';
export * from '../consent/tables';
export * from '../appointments/tables';
export * from '../push/tables';
export * from '../reminders/tables';
export * from '../documents/tables';
export * from '../cases/tables';
export * from '../contacts/tables';
export * from '../notes/tables';
export * from '../referrals/tables';
export * from '../imports/tables';
