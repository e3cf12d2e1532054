import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NewProblemReport } from '../../common/contract';
import { problemReportRoutes } from '../../common/routes/site';
import { callApi } from './http';
import { mailboxKeys, messageKeys } from './keys';

/** Đ13.7: a report from the webmail; a spam report also moves the message to Junk. */
export function useSubmitProblemReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: NewProblemReport) => callApi(problemReportRoutes.submit, { body: report }),
    onSuccess: (receipt) => {
      if (!receipt.movedToJunk) return;
      void queryClient.invalidateQueries({ queryKey: messageKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: mailboxKeys.all });
    },
  });
}
