/** A yes/no question in a dialog; the safe answer (取消) is first in the Tab order. */
import { Dialog } from './Dialog';

export function Confirm(props: { title: string; text: string; yes: string; no?: string; danger?: boolean; onYes: () => void; onNo: () => void }) {
  return (
    <Dialog title={props.title} onClose={props.onNo}>
      <p>{props.text}</p>
      <div className="actions">
        <button type="button" data-autofocus onClick={props.onNo}>
          {props.no ?? '取消'}
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onYes}>
          {props.yes}
        </button>
      </div>
    </Dialog>
  );
}
