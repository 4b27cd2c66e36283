import { Alert, type AlertProps } from '@mantine/core';

/**
 * An Alert whose title is in the body text colour: Mantine's light variants colour the title
 * with shade 9 on shade 0, which fails WCAG AA contrast for orange, yellow and red.
 */
export function Notice(props: AlertProps & { role?: string }) {
  return <Alert variant="light" {...props} styles={{ title: { color: 'var(--mantine-color-text)' } }} />;
}
