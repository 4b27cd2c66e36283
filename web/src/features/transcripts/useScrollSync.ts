import { useCallback, useRef, type UIEvent } from 'react';

/**
 * Keeps the side-by-side columns at the same relative position: scrolling one scrolls the others
 * to the same fraction of their height (original and translation differ in length).
 */
export function useScrollSync() {
  const elements = useRef(new Map<string, HTMLTextAreaElement>());
  const syncing = useRef(false);
  const register = useCallback(
    (key: string) => (el: HTMLTextAreaElement | null) => {
      if (el) elements.current.set(key, el);
      else elements.current.delete(key);
    },
    [],
  );
  const onScroll = useCallback((e: UIEvent<HTMLTextAreaElement>) => {
    if (syncing.current) {
      syncing.current = false;
      return;
    }
    const source = e.currentTarget;
    const range = source.scrollHeight - source.clientHeight;
    const fraction = range > 0 ? source.scrollTop / range : 0;
    for (const el of elements.current.values()) {
      if (el === source) continue;
      syncing.current = true;
      el.scrollTop = fraction * (el.scrollHeight - el.clientHeight);
    }
  }, []);
  return { register, onScroll };
}
