/**
 * Folds a 产业链 name for comparison: no white space, no trailing 产业链 / 产业 / 链, so a target
 * written `新能源产业链` matches ledger rows written `新能源` or `新能源产业`.
 *
 * @example normalizeChain(' 新能源 产业链') // '新能源'
 */
export function normalizeChain(chain: string): string {
  return chain.replace(/\s+/g, '').replace(/(产业链|产业|链)$/, '');
}
