/** The tabs of the console's preparation area, in order. */
export const preparationTabs = ['votes', 'agenda', 'times', 'attendance'] as const;

export type PreparationTab = (typeof preparationTabs)[number];

/** The tab a key moves to in the tab list (arrows wrap, Home and End go to the ends); null for other keys. */
export function tabAfterKey(current: PreparationTab, key: string): PreparationTab | null {
  const index = preparationTabs.indexOf(current);
  const last = preparationTabs.length - 1;
  switch (key) {
    case 'ArrowRight':
      return preparationTabs[index === last ? 0 : index + 1] ?? null;
    case 'ArrowLeft':
      return preparationTabs[index === 0 ? last : index - 1] ?? null;
    case 'Home':
      return preparationTabs[0];
    case 'End':
      return preparationTabs[last] ?? null;
    default:
      return null;
  }
}
