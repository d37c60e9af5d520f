// Process-wide resources that modules create on their own (a worker pool, a cache with a timer) must be released
// for the server to stop cleanly: a single forgotten handle keeps the process alive after SIGTERM until the service
// manager kills it mid-write. A module registers its release here when it creates the resource;
// RunningServer.stop() (src/server.ts) runs the hooks after the last request has been answered and before the
// database closes, so a hook may still use the database.

type Hook = () => unknown;

const hooks = new Map<string, Hook>();

/**
 * Registers how to release a resource under a name (registering the same name again replaces the hook: a module
 * that recreates its resource after a stop registers again). Returns a function that unregisters it.
 */
export function onShutdown(name: string, hook: Hook): () => void {
  hooks.set(name, hook);
  return () => {
    if (hooks.get(name) === hook) hooks.delete(name);
  };
}

/** Runs and forgets every registered hook; returns the names of those that failed (each is tried). */
export async function runShutdownHooks(): Promise<string[]> {
  const todo = [...hooks];
  hooks.clear();
  const results = await Promise.allSettled(todo.map(async ([, hook]) => hook()));
  return todo.filter((_, i) => results[i]!.status === 'rejected').map(([name]) => name);
}
