import { describe, expect, test } from 'vitest';
import { browserCandidates, findBrowser, missingMessage } from './helpers/chromium.ts';

// The browser locator's pure part: which paths it tries, in which order, and what it tells a
// person who has none. Expected paths are written out by hand from where each vendor installs.

describe('browserCandidates', () => {
  test('Windows: Chrome, Edge and Chromium under Program Files, Program Files (x86) and the per-user LocalAppData', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local',
    };
    const c = browserCandidates('win32', env);
    for (const path of [
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\li\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    ])
      expect(c).toContain(path);
    // Chromium, then Chrome, then Edge (Edge ships with Windows, so it is the fallback).
    expect(c.indexOf('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toBeLessThan(
      c.indexOf('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
    );
    expect(c.every((p) => !p.includes('/'))).toBe(true);
  });

  test('Windows: variable names in any case; default folders when they are unset', () => {
    const upper = browserCandidates('win32', { PROGRAMFILES: 'D:\\Apps' });
    expect(upper).toContain('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe');
    expect(upper).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    const none = browserCandidates('win32', {});
    expect(none).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(none.some((p) => p.includes('undefined'))).toBe(false);
    expect(none).toHaveLength(6); // 3 browsers × Program Files, Program Files (x86); no LocalAppData
  });

  test('macOS: the .app bundles in /Applications and ~/Applications', () => {
    const c = browserCandidates('darwin', { HOME: '/Users/li' });
    expect(c).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(c).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(c).toContain('/Users/li/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(c[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  test("Linux: Debian's chromium first, then chromium-browser, google-chrome, microsoft-edge", () => {
    const c = browserCandidates('linux', {});
    expect(c[0]).toBe('/usr/bin/chromium');
    const at = (p: string) => c.indexOf(p);
    expect(at('/usr/bin/chromium-browser')).toBeGreaterThan(0);
    expect(at('/usr/bin/google-chrome')).toBeGreaterThan(at('/usr/bin/chromium-browser'));
    expect(at('/usr/bin/microsoft-edge')).toBeGreaterThan(at('/usr/bin/google-chrome'));
  });
});

describe('findBrowser', () => {
  const on =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);

  test('CHROME_PATH wins over every usual place, and must exist', () => {
    expect(findBrowser('linux', { CHROME_PATH: '/opt/x/chrome' }, on('/opt/x/chrome', '/usr/bin/chromium'))).toBe(
      '/opt/x/chrome',
    );
    expect(() => findBrowser('linux', { CHROME_PATH: '/opt/x/chrome' }, on('/usr/bin/chromium'))).toThrow(
      /CHROME_PATH=\/opt\/x\/chrome: no such file/,
    );
  });

  test('the first existing candidate; null when there is none', () => {
    expect(findBrowser('linux', {}, on('/usr/bin/google-chrome', '/usr/bin/chromium'))).toBe('/usr/bin/chromium');
    expect(findBrowser('linux', {}, on('/usr/bin/microsoft-edge'))).toBe('/usr/bin/microsoft-edge');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser('win32', {}, on(edge))).toBe(edge);
    expect(findBrowser('linux', {}, on())).toBeNull();
    expect(findBrowser('linux', { CHROME_PATH: '' }, on())).toBeNull();
  });
});

describe('missingMessage', () => {
  test('Debian: the exact apt-get command, only for what is missing', () => {
    const both = missingMessage({ browser: true, font: true }, 'linux', {}, true);
    expect(both).toContain('sudo apt-get install -y chromium fonts-noto-cjk');
    expect(both).toContain('/usr/bin/chromium');
    const font = missingMessage({ browser: false, font: true }, 'linux', {}, true);
    expect(font).toContain('sudo apt-get install -y fonts-noto-cjk');
    expect(font).not.toContain('Looked for');
  });

  test('Windows: install Chrome or Edge or set CHROME_PATH; the paths looked at are listed', () => {
    const m = missingMessage({ browser: true, font: false }, 'win32', {});
    expect(m).toContain('Install Google Chrome or Microsoft Edge, or set CHROME_PATH');
    expect(m).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(m).not.toContain('apt-get');
  });
});
