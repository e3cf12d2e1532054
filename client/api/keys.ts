/** One key factory per resource (TanStack Query "Query Key Factory"): invalidation stays precise. */
export const sessionKeys = {
  current: ['session'] as const,
};

export const configKeys = {
  public: ['config'] as const,
};

export const quotaKeys = {
  current: ['quota'] as const,
};

export const mailboxKeys = {
  all: ['mailboxes'] as const,
};

export const settingsKeys = {
  current: ['settings'] as const,
};

export const messageKeys = {
  all: ['messages'] as const,
  lists: () => [...messageKeys.all, 'list'] as const,
  list: (mailbox: string) => [...messageKeys.lists(), mailbox] as const,
  /** One page of one view of a folder; every view and page of a folder shares the list prefix. */
  page: (mailbox: string, view: string, index: number) =>
    [...messageKeys.list(mailbox), view, index] as const,
  details: () => [...messageKeys.all, 'detail'] as const,
  detail: (mailbox: string, uid: number) => [...messageKeys.details(), mailbox, uid] as const,
};

/** Đ8.1c planned outages, public (the log-in page asks too). */
export const noticeKeys = {
  current: ['notices'] as const,
};

export const contactKeys = {
  all: ['contacts'] as const,
  search: (q: string) => [...contactKeys.all, q] as const,
};

/** The Sở TT&TT console: every area keys under consoleKeys.all, so passing the factor refreshes all. */
export const consoleKeys = {
  all: ['console'] as const,
  me: ['console', 'me'] as const,
  area: (area: string, ...rest: unknown[]) => ['console', area, ...rest] as const,
};
