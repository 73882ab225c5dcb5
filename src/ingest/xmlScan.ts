/**
 * A small, fast, streaming XML tokenizer for the parts of an .xlsx (sheet XML, shared strings,
 * styles, workbook). It knows just enough XML for what Excel, WPS and other exporters write:
 * elements (namespace prefixes stripped), attributes in either quote, text with the predefined and
 * numeric entities, CDATA, comments, processing instructions and a DOCTYPE (skipped). It does not
 * validate: a well-formedness error in a part is reported by {@link XmlScanner.end} only when the
 * input stops inside a tag.
 *
 * Input comes in string chunks ({@link XmlScanner.push}); a tag or text cut by a chunk boundary is
 * kept until the next chunk, so a part of any size is scanned with bounded memory.
 */

/** What a part reader does with the tokens. */
export interface XmlSink {
  /** An element starts; `name` without its prefix, `attrs` the raw attribute text (see {@link forEachAttr}). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  /** An element ends (also called right after `open` for `<x/>`). */
  close(name: string): void;
  /** Decoded text, delivered only while `wantsText` is true (whitespace between tags included). */
  text(text: string): void;
  wantsText: boolean;
}

/** Thrown for input that ends inside a tag, comment or CDATA section. */
export class XmlError extends Error {}

/** Tokenizes one XML document pushed in chunks into an {@link XmlSink}. */
export class XmlScanner {
  private tail = '';
  private readonly sink: XmlSink;

  constructor(sink: XmlSink) {
    this.sink = sink;
  }

  /** Scans `chunk` (after what was left of the previous one). */
  push(chunk: string): void {
    const buf = this.tail === '' ? chunk : this.tail + chunk;
    this.tail = '';
    const sink = this.sink;
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt === -1) {
        // Text up to the end of the chunk: it may continue in the next one.
        this.tail = buf.slice(pos);
        return;
      }
      if (lt > pos && sink.wantsText) sink.text(decodeText(buf.slice(pos, lt)));
      const c = buf.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end === -1) return this.keep(buf, lt);
          pos = end + 3;
        } else if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end === -1) return this.keep(buf, lt);
          if (sink.wantsText) sink.text(buf.slice(lt + 9, end));
          pos = end + 3;
        } else {
          // `<!DOCTYPE …>`; a chunk ending in `<!-` or `<![CDA` waits for the rest first.
          const end = buf.indexOf('>', lt + 2);
          if (end === -1 || n - lt < 9) return this.keep(buf, lt);
          pos = end + 1;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end === -1) return this.keep(buf, lt);
        pos = end + 2;
        continue;
      }
      if (Number.isNaN(c)) return this.keep(buf, lt);
      const gt = tagEnd(buf, lt + 1);
      if (gt === -1) return this.keep(buf, lt);
      if (c === 47 /* / */) {
        sink.close(localName(buf.slice(lt + 2, gt).trim()));
      } else {
        let e = lt + 1;
        while (e < gt) {
          const k = buf.charCodeAt(e);
          if (k === 32 || k === 47 || k === 10 || k === 9 || k === 13) break;
          e++;
        }
        const name = localName(buf.slice(lt + 1, e));
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const attrs = e < gt - (selfClosing ? 1 : 0) ? buf.slice(e, selfClosing ? gt - 1 : gt) : '';
        sink.open(name, attrs, selfClosing);
        if (selfClosing) sink.close(name);
      }
      pos = gt + 1;
    }
  }

  /** Finishes the document: throws {@link XmlError} when it stopped inside a tag. */
  end(): void {
    const rest = this.tail;
    this.tail = '';
    if (rest.includes('<')) throw new XmlError('XML 内容不完整');
    if (rest !== '' && this.sink.wantsText) this.sink.text(decodeText(rest));
  }

  private keep(buf: string, from: number): void {
    this.tail = buf.slice(from);
  }
}

/** Index of the `>` closing the tag that starts before `from`, skipping quoted attribute values; -1 if not in `buf`. */
function tagEnd(buf: string, from: number): number {
  const n = buf.length;
  for (let i = from; i < n; i++) {
    const k = buf.charCodeAt(i);
    if (k === 62 /* > */) return i;
    if (k === 34 /* " */ || k === 39 /* ' */) {
      const close = buf.indexOf(k === 34 ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close;
    }
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Calls `fn` for each attribute of a tag's raw attribute text, values decoded (entities, and
 * white space normalised as XML does). Names keep their prefix (`r:id`).
 *
 * @example forEachAttr(' r="A1" s="3"', (k, v) => …) // ('r', 'A1'), ('s', '3')
 */
export function forEachAttr(attrs: string, fn: (name: string, value: string) => void): void {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    const eq = attrs.indexOf('=', i);
    if (eq === -1) return;
    const name = attrs.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && attrs.charCodeAt(q) !== 34 && attrs.charCodeAt(q) !== 39) q++;
    if (q >= n) return;
    const close = attrs.indexOf(attrs[q]!, q + 1);
    if (close === -1) return;
    fn(name, decodeAttr(attrs.slice(q + 1, close)));
    i = close + 1;
  }
}

/** One attribute's decoded value, or undefined. */
export function attr(attrs: string, wanted: string): string | undefined {
  let found: string | undefined;
  forEachAttr(attrs, (name, value) => {
    if (found === undefined && name === wanted) found = value;
  });
  return found;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. A substring of 13 characters
 * or more is, in V8, a view into its parent: the text a scanner cuts from a 64 KB chunk of XML
 * would keep the whole chunk, tags included, for as long as the cell value lives — for a sheet of
 * a million distinct names, the whole shared-strings part, twice over in UTF-16. Prepending a
 * character makes a rope, which `slice` flattens into a string of its own.
 *
 * @example detachString(chunk.slice(100, 140)) // the same 40 characters, holding only themselves
 */
export function detachString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

/** Text content: entities decoded, line ends normalised to `\n` as an XML parser does. */
export function decodeText(s: string): string {
  let t = s;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  return t.includes('&') ? t.replace(ENTITY, entity) : t;
}

function decodeAttr(s: string): string {
  const t = /[\t\n\r]/.test(s) ? s.replace(/\r\n|[\t\n\r]/g, ' ') : s;
  return t.includes('&') ? t.replace(ENTITY, entity) : t;
}

function entity(whole: string, body: string): string {
  switch (body) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}
