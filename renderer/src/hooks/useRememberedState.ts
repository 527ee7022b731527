import { useCallback, useState } from 'react';

/**
 * State that survives closing the app (localStorage), so the client list opens with the filters
 * a person used last. A stored value that no longer parses is ignored.
 */
export function useRememberedState<T extends object>(key: string, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored ? { ...initial, ...(JSON.parse(stored) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the filters still work for this session.
      }
    },
    [key],
  );
  return [value, update];
}
