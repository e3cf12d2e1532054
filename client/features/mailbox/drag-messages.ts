/** What a dragged row carries to a folder in the folder list. */
export const DRAG_TYPE = 'application/x-hopthu-messages';

export interface DraggedMessages {
  mailbox: string;
  uids: number[];
}

export function readDragged(data: DataTransfer): DraggedMessages | null {
  try {
    const parsed = JSON.parse(data.getData(DRAG_TYPE)) as DraggedMessages;
    return typeof parsed.mailbox === 'string' && Array.isArray(parsed.uids) ? parsed : null;
  } catch {
    return null;
  }
}
