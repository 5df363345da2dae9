/**
 * The read-only archive, said on every screen for as long as it lasts: a clerk who types into a
 * viewer must know before, not after, that nothing is being kept.
 */
const LEAD = '档案以只读方式打开';

export function ReadonlyBanner({ reason }: { reason: string }) {
  // main's own sentence already starts with the lead; a start-up diagnosis only says what is wrong.
  const text = reason.startsWith(LEAD) ? reason : `${LEAD}：可以查看、备份和导出，不能保存修改。${reason}`;
  return (
    <div className="readonly-banner" role="alert">
      <strong>只读</strong>
      <span>{text}</span>
    </div>
  );
}
