import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NewProblemReport, ProblemReportReceipt } from '../../common/contract';
import { apiFetch } from './http';
import { mailboxKeys, messageKeys } from './keys';

/** a report from the webmail; a spam report also moves the message to Junk. */
export function useSubmitProblemReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: NewProblemReport) =>
      apiFetch<ProblemReportReceipt>('/problem-reports', { method: 'POST', json: report }),
    onSuccess: (receipt) => {
      if (!receipt.movedToJunk) return;
      void queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    },
  });
}
