import type { ElementStatus } from './queries';

/** Colour, icon and wording per status: colour is never the only cue (the matrix and the printed summary). */
export const STATUS_LOOK: Record<ElementStatus, { bg: string; icon: string }> = {
  no_evidence: { bg: 'var(--mantine-color-red-1)', icon: '✕' },
  only_unreviewed: { bg: 'var(--mantine-color-yellow-2)', icon: '?' },
  weak: { bg: 'var(--mantine-color-orange-2)', icon: '!' },
  supported: { bg: 'var(--mantine-color-green-2)', icon: '✓' },
};
