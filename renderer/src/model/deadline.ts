/** The countdown lives with the report (report/deadline.ts) so that 发布前自查 in main counts the same days. */
export { countdown, currentReportYear, deadlineLabel, type Countdown } from '../../../report/deadline';
