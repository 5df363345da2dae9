/** The shapes of the service map behind every channel (implemented in ./handlers.ts and main/services.ts). */
import type { ApiInput, ApiOutput, Channel } from '../../report/api';
import type { Db } from '../db/open';
import type { Host } from '../export/host';

export type Handler<C extends Channel> = (input: ApiInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>;

/**
 * Backups, restore and archive moves replace or copy the whole file, so they live with the
 * connection's owner (main/services.ts), which adds them to the report services.
 */
export type FileChannel = 'archive:status' | 'backup:list' | 'backup:create' | 'backup:saveAs' | 'backup:restore' | 'archive:export' | 'archive:previewImport' | 'archive:applyImport';

/** Every channel: what the app and serve:web run. */
export type Handlers = { [C in Channel]: Handler<C> };
/** The report services on one connection: every channel but the file-level ones. */
export type ReportHandlers = { [C in Exclude<Channel, FileChannel>]: Handler<C> };
/** What dispatch accepts: a channel a map does not serve is answered UNAVAILABLE. */
export type HandlerMap = { [C in Channel]?: Handler<C> };

export interface ServiceContext {
  db: Db;
  /** Where exported files go; absent in the CLI (which writes to --out itself). */
  host?: Host;
  /** The clock, injectable so tests can step over the five-minute revision window. */
  now?: () => Date;
}


