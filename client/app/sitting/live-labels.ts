import type { LiveStatus } from './sitting-state';

export const liveStatusLabels: Readonly<Record<LiveStatus, string>> = {
  off: 'Live updates are off.',
  connecting: 'Connecting to live updates…',
  live: 'Live: changes appear as they happen.',
  interrupted: 'Live updates stopped. Reload the page to see the latest state.',
};
