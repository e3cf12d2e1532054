import { useQuery } from '@tanstack/react-query';
import type { AttachmentVerdict } from '../../common/contract';
import { malwareRoutes } from '../../common/routes/malware';
import { callApi } from './http';

/** Under the message's own key, so that whatever drops a message's cache drops its verdicts too. */
export const attachmentVerdictKeys = {
  message: (mailbox: string, uid: number) => ['messages', 'detail', mailbox, uid, 'verdicts'] as const,
};

/**
 * Đ8.2b: the malware verdict on each attachment of the open message (the proxy scans them, or
 * remembers; a download afterwards reuses the verdict). Only asked when there are attachments.
 */
export function useAttachmentVerdicts(mailbox: string, uid: number, enabled: boolean) {
  return useQuery({
    queryKey: attachmentVerdictKeys.message(mailbox, uid),
    queryFn: () => callApi(malwareRoutes.attachmentVerdicts, { params: { mailbox, uid } }),
    enabled,
    staleTime: 5 * 60_000,
    select: (data): Map<string, AttachmentVerdict> => new Map(data.attachments.map((v) => [v.part, v])),
  });
}
