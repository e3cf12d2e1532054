import { useQuery } from '@tanstack/react-query';
import { pdfSignatureRoutes } from '../../common/routes/pdf-signatures';
import { callApi } from './http';
import { messageKeys } from './keys';

/** Under the message's own key, so whatever forgets the message forgets its signatures too. */
export const pdfSignatureKeys = {
  part: (mailbox: string, uid: number, part: string) =>
    [...messageKeys.detail(mailbox, uid), 'signatures', part] as const,
};

/** Đ14.2h: the verified signatures of one PDF attachment, asked for when its chip is shown. */
export function usePdfSignatures(mailbox: string, uid: number, part: string, enabled: boolean) {
  return useQuery({
    queryKey: pdfSignatureKeys.part(mailbox, uid, part),
    queryFn: () => callApi(pdfSignatureRoutes.get, { params: { mailbox, uid, part } }),
    enabled,
    // A message's bytes never change; the proxy keeps its own answer for an hour.
    staleTime: 30 * 60_000,
  });
}
