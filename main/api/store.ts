/** Moved to main/db/store.ts (storing a report is the archive's concern); kept so other branches' imports still resolve. */
export * from '../db/store';
