import type { z } from 'zod';

/**
 * Checks a value against the schema of a stage-contract file and returns the value itself (not
 * zod's copy, so key order and bytes stay as the producer wrote them). A mismatch is a bug in the
 * producer or a stale file, never bad user data: it throws with every problem and its path.
 *
 * @example checkContract(siteMetaSchema, meta, 'meta.json') // meta, or throws “meta.json does not match …”
 */
export function checkContract<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return value as z.output<S>;
  const problems = result.error.issues
    .slice(0, 20)
    .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('\n');
  const more = result.error.issues.length > 20 ? `\n  … and ${result.error.issues.length - 20} more` : '';
  throw new Error(`${what} does not match its schema (src/schemas/):\n${problems}${more}`);
}
