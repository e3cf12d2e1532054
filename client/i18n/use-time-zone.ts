import { usePublicConfig } from '../api/public-config';
import { DEFAULT_TIME_ZONE } from './format';

/** The deployment's time zone (TIME_ZONE on the proxy), whatever the browser's own setting. */
export function useTimeZone(): string {
  return usePublicConfig().data?.timeZone ?? DEFAULT_TIME_ZONE;
}
