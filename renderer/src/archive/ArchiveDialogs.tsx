/** The archive page's dialogs, one at a time: new, import, backup, 定稿 with 提醒, merge, move, duplicate, delete, purge. */
import type { AgencyInfo, OpenedReport, ReportSummary } from '../../../report/api';
import type { Finding } from '../../../report/types';
import { BackupDialog } from '../backup/BackupDialog';
import { FinaliseDialog } from '../finalise/FinaliseDialog';
import { ImportDialog } from '../import/ImportDialog';
import { Confirm } from '../ui/Confirm';
import { DuplicateDialog } from './DuplicateDialog';
import { MergeDialog } from './MergeDialog';
import { MoveDialog } from './MoveDialog';
import { NewReportDialog } from './NewReportDialog';

export type Modal =
  | { kind: 'new' }
  | { kind: 'import' }
  | { kind: 'backup' }
  | { kind: 'duplicate'; source: ReportSummary }
  | { kind: 'delete'; report: ReportSummary }
  | { kind: 'purge'; report: ReportSummary }
  | { kind: 'finalise'; report: ReportSummary; warnings: Finding[] }
  | { kind: 'merge'; agency: AgencyInfo }
  | { kind: 'move'; report: ReportSummary }
  | null;

export interface ArchiveDialogsProps {
  modal: Modal;
  agencies: AgencyInfo[];
  reports: ReportSummary[];
  readonly: string | null;
  close: () => void;
  /** A report was created, imported or duplicated: open it. */
  opened: (o: OpenedReport) => void;
  showBin: () => void;
  /** Something changed: say it and list the archive again. */
  done: (text: string) => void;
  onArchiveReplaced: () => void;
  finalise: (r: ReportSummary) => void;
  remove: (r: ReportSummary) => void;
  purge: (r: ReportSummary) => void;
}

export function ArchiveDialogs({ modal, agencies, reports, readonly, close, opened, showBin, done, onArchiveReplaced, finalise, remove, purge }: ArchiveDialogsProps) {
  switch (modal?.kind) {
    case 'new':
      return <NewReportDialog agencies={agencies} reports={reports} defaultAgency={agencies.find((a) => a.own)?.name} onCreated={opened} onClose={close} onShowBin={showBin} />;
    case 'import':
      return <ImportDialog agencies={agencies} reports={reports} onImported={opened} onClose={close} />;
    case 'backup':
      return <BackupDialog readonly={readonly} onClose={close} onArchiveReplaced={onArchiveReplaced} />;
    case 'finalise':
      return <FinaliseDialog title={`${modal.report.agency}${modal.report.year}年度报告`} warnings={modal.warnings} onNo={close} onYes={() => finalise(modal.report)} />;
    case 'merge':
      return <MergeDialog from={modal.agency} agencies={agencies} onClose={close} onDone={done} />;
    case 'move':
      return <MoveDialog report={modal.report} agencies={agencies} onClose={close} onDone={done} />;
    case 'duplicate':
      return (
        <DuplicateDialog source={modal.source} taken={reports.filter((r) => r.agencyId === modal.source.agencyId).map((r) => r.year)} onDone={opened} onClose={close} onShowBin={showBin} />
      );
    case 'delete':
      return (
        <Confirm title="删除报告" text={`删除“${modal.report.agency}${modal.report.year}年度报告”？删除后可以撤销，也可以在回收站中恢复。`} yes="删除" danger
          onYes={() => remove(modal.report)} onNo={close} />
      );
    case 'purge':
      return (
        <Confirm title="彻底删除" text={`彻底删除“${modal.report.agency}${modal.report.year}年度报告”及其全部历史版本？此操作不能撤销。`} yes="彻底删除" danger
          onYes={() => purge(modal.report)} onNo={close} />
      );
    default:
      return null;
  }
}
