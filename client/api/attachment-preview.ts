import { useQuery } from '@tanstack/react-query';
import { attachmentPreviewRoutes } from '../../common/routes/attachment-preview';
import { callApi } from './http';
import { messageKeys } from './keys';

/** Under the message's own key, so whatever forgets the message forgets its previews too. */
export const attachmentPreviewKeys = {
  part: (mailbox: string, uid: number, part: string) =>
    [...messageKeys.detail(mailbox, uid), 'preview', part] as const,
};

/** A .docx, .xlsx or forwarded message converted by the proxy, asked for when "Xem" is pressed. */
export function useAttachmentPreview(mailbox: string, uid: number, part: string) {
  return useQuery({
    queryKey: attachmentPreviewKeys.part(mailbox, uid, part),
    queryFn: () => callApi(attachmentPreviewRoutes.get, { params: { mailbox, uid, part } }),
    // A message's bytes never change; a refused file (too large, damaged) stays refused.
    staleTime: 30 * 60_000,
    retry: false,
  });
}
