import { describe, expect, test } from 'vitest';
import { findSoffice, sofficeCandidates } from './helpers/libreoffice.ts';

describe('finding LibreOffice for the document tests', () => {
  test('Debian’s /usr/bin/soffice first on Linux; Program Files on Windows', () => {
    expect(sofficeCandidates('linux', {})[0]).toBe('/usr/bin/soffice');
    expect(sofficeCandidates('win32', { ProgramFiles: 'D:\\PF' })[0]).toBe('D:\\PF\\LibreOffice\\program\\soffice.exe');
  });

  test('SOFFICE_PATH wins and must exist; null when nothing is found', () => {
    expect(findSoffice('linux', { SOFFICE_PATH: '/opt/lo/soffice' }, (p) => p === '/opt/lo/soffice')).toBe(
      '/opt/lo/soffice',
    );
    expect(() => findSoffice('linux', { SOFFICE_PATH: '/nope' }, () => false)).toThrow(/SOFFICE_PATH/);
    expect(findSoffice('linux', {}, () => false)).toBeNull();
    expect(findSoffice('linux', {}, (p) => p === '/usr/lib/libreoffice/program/soffice')).toBe(
      '/usr/lib/libreoffice/program/soffice',
    );
  });
});
