import type { Channel } from '../../report/api';

/**
 * What each channel does to the open archive: `reads` it (exports included: their file goes where
 * the user chose), `writes` into it, or `replaces` the whole file (restore). A read-only archive
 * refuses only `writes`; replacing is the way out of a damaged one. A new channel must be
 * classified here or the build fails.
 */
export type ArchiveAccess = 'reads' | 'writes' | 'replaces';
export const allowedWhenReadonly = (access: ArchiveAccess): boolean => access !== 'writes';

export const CHANNEL_ACCESS: Record<Channel, ArchiveAccess> = {
  'archive:list': 'reads',
  'report:open': 'reads',
  'report:create': 'writes',
  'report:save': 'writes',
  'report:check': 'reads',
  'report:setStatus': 'writes',
  'report:duplicate': 'writes',
  'report:recompute': 'writes',
  'report:delete': 'writes',
  'report:undelete': 'writes',
  'report:purge': 'writes',
  'report:revisions': 'reads',
  'report:revision': 'reads',
  'report:restore': 'writes',
  'agency:update': 'writes',
  // Exporting one report reads the archive; the file goes wherever the host puts it.
  'report:undoCarryOver': 'writes',
  'import:preview': 'reads',
  // 核对已发布 marks the report 已发布 when the page is the same; the list of differences only reads.
  'verify:published': 'writes',
  'verify:export': 'reads',
  'import:confirm': 'writes',
  'export:save': 'reads',
  'export:reveal': 'reads',
  'export:print': 'reads',
  'export:fonts': 'reads',
  'notice:seen': 'reads',
  'notice:mark': 'writes',
  'archive:status': 'reads',
  'backup:list': 'reads',
  'backup:create': 'reads',
  'backup:saveAs': 'reads',
  // Restoring replaces the file rather than writing into it: the way out of a damaged archive.
  'backup:restore': 'replaces',
  'archive:export': 'reads',
  'archive:previewImport': 'reads',
  'archive:applyImport': 'writes',
  'trend:get': 'reads',
  // Both write only the file the user chose (or hand the bytes to the page), never the archive.
  'trend:export': 'reads',
  'trend:saveChart': 'reads',
  'rollup:rosters': 'reads',
  'rollup:view': 'reads',
  'rollup:addUnits': 'writes',
  'rollup:updateUnit': 'writes',
  'rollup:removeUnit': 'writes',
  'rollup:acceptAll': 'writes',
  'rollup:collect': 'writes',
  'rollup:contributions': 'reads',
  'rollup:export': 'reads',
  'agency:mergePlan': 'reads',
  'agency:merge': 'writes',
  'report:move': 'writes',
  'report:verify': 'writes',
  'report:recarry': 'writes',
  'export:checks': 'reads',
  // Writes the file the user chose; the note that a 图解 was made is skipped when the archive is read-only.
  'export:graphic': 'reads',
  'report:selfCheck': 'reads',
};
