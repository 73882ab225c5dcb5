/**
 * A cache of values derived from an object (by identity) that does not keep them alive: a value
 * stays while anything else holds it, and at least until the end of the current synchronous job
 * (a `WeakRef` created or read in a job keeps its target through that job), so one computation
 * that asks for it many times computes it once; between jobs the garbage collector may drop it,
 * and the next `get` is a miss. Unlike a `WeakMap` of values, it never keeps a second copy of
 * every snapshot's rows for the whole build (the snapshots' records live that long).
 *
 * @example const c = new WeakValueCache<object, number[]>(); c.set(records, facts); c.get(records) // facts (same job)
 */
export class WeakValueCache<K extends object, V extends object> {
  private readonly refs = new WeakMap<K, WeakRef<V>>();

  get(key: K): V | undefined {
    return this.refs.get(key)?.deref();
  }

  set(key: K, value: V): void {
    this.refs.set(key, new WeakRef(value));
  }
}
