// Who a render is for: staff (a signed-in request, the default) or the public (anonymous pages).
// Carried by (scoped) AsyncLocalStorage so document builders need not pass it along; the renderer reads it to
// keep capacity for staff that anonymous traffic cannot take.
import { ScopedStorage } from '../shared/scoped-storage.js';

export type RenderAudience = 'staff' | 'public';

const audience = new ScopedStorage<RenderAudience>();

/** Runs `fn` with every render it starts counted as being for `who`. */
export function renderingFor<T>(who: RenderAudience, fn: () => Promise<T>): Promise<T> {
  return audience.run(who, fn);
}

/** The audience of the render being started now ('staff' outside renderingFor). */
export function currentAudience(): RenderAudience {
  return audience.getStore() ?? 'staff';
}
