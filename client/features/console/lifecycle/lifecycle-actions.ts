import type { LifecycleAccountStatus } from '../../../../common/contract';

/** An action waiting for the admin's confirmation. */
export type Pending = { title: string; text: string; run: () => void };

/** What every action form on an account gets from the panel. */
export interface ActionFormProps {
  account: LifecycleAccountStatus;
  /** Adds the unit's request the action answers (Đ5.2), when the admin gave its number. */
  withRequest: <T extends object>(body: T) => T & { requestId?: number };
  onMessage: (message: string) => void;
  confirm: (pending: Pending) => void;
}
