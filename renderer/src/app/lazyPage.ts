import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Load a page's module on first visit (its own chunk). Pages use named exports, so name the
 * component: `lazyPage(() => import('../features/staff/StaffPage'), 'StaffPage')`.
 */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
