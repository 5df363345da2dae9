/** Moved to main/export/host.ts (where exported files go is the exports' concern); kept so other branches' imports still resolve. */
export * from '../export/host';
