import { DEFAULT_TIME_ZONE } from '../../common/i18n/format';
import { usePublicConfig } from '../api/public-config';

/** The deployment's time zone (TIME_ZONE on the proxy), whatever the browser's own setting. */
export function useTimeZone(): string {
  return usePublicConfig().data?.timeZone ?? DEFAULT_TIME_ZONE;
}
