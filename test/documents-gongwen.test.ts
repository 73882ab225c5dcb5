import { describe, expect, it } from 'vitest';
import {
  body,
  gongwenDocument,
  heading,
  issuerHead,
  packGongwen,
  placeholder,
  table,
  title,
} from '../src/documents/gongwen.ts';
import { unzip } from './fixtures/ingest/make.ts';

/**
 * The 公文 layout module (GB/T 9704) read back as data: the XML inside the .docx. Expected values
 * are the standard's millimetres in twips (1 mm = 1440 / 25.4 = 56.693 twips), worked out here:
 * A4 210 × 297 mm = 11906 × 16838; margins 37 mm = 2097.6 → 2098, 35 mm = 1984.3 → 1984,
 * 28 mm = 1587.4 → 1587, 26 mm = 1474.0 → 1474; 版心 156 mm = 8844.
 */

async function sample(): Promise<Uint8Array> {
  const doc = gongwenDocument({
    head: issuerHead({ issuer: '青川经济开发区投资促进局', number: '青开招〔2025〕10号' }),
    children: [
      ...title(['关于2025年1—10月', '全区招商引资工作情况的通报']),
      heading(1, '一、总体情况'),
      heading(2, '（一）签约'),
      body('1—10月，全区累计签约项目159个。'),
      table(
        [
          { label: '单位', width: 2 },
          { label: '金额', width: 1, align: 'right' },
        ],
        [
          ['甲镇', '1.00'],
          ['乙局', '2.00'],
        ],
      ),
      placeholder('存在问题'),
    ],
  });
  return packGongwen(doc, { title: '测试', date: '2025-11-05', creator: '青川经济开发区投资促进局' });
}

describe('gongwen: 公文 layout in the .docx XML', () => {
  it('page A4 with the GB/T 9704 margins', async () => {
    const xml = unzip(await sample()).get('word/document.xml')!;
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = xml.match(/<w:pgMar [^>]*\/>/)![0];
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    expect(mar).toContain('w:right="1474"');
  });

  it('fonts named with East Asian names; body 三号 (32 half-points) with exact 28.95 pt lines and a 2-character indent', async () => {
    const xml = unzip(await sample()).get('word/document.xml')!;
    const para = xml.split('<w:p>').find((p) => p.includes('全区累计签约项目159个'))!;
    expect(para).toContain('w:eastAsia="仿宋_GB2312"');
    expect(para).toContain('<w:sz w:val="32"/>');
    // 225 mm / 22 lines = 10.227 mm = 28.99 pt; Word's 28.95 pt = 579 twips
    expect(para).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
    // 2 characters of 16 pt = 32 pt = 640 twips
    expect(para).toContain('w:firstLine="640"');
    expect(xml).toContain('w:eastAsia="黑体"'); // 一、
    expect(xml).toContain('w:eastAsia="楷体_GB2312"'); // （一）
    expect(xml).toContain('w:eastAsia="方正小标宋简体"'); // title
  });

  it('red 发文机关标志 and the red rule under the 文号', async () => {
    const xml = unzip(await sample()).get('word/document.xml')!;
    const mark = xml.split('<w:p>').find((p) => p.includes('青川经济开发区投资促进局文件'))!;
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    const number = xml.split('<w:p>').find((p) => p.includes('青开招〔2025〕10号'))!;
    expect(number).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
  });

  it('fallback fonts in the font table, nothing embedded', async () => {
    const files = unzip(await sample());
    const fonts = files.get('word/fontTable.xml')!;
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"\/>/);
    expect([...files.keys()].some((k) => k.startsWith('word/fonts/'))).toBe(false);
  });

  it('tables: header row repeated (w:tblHeader), rows never split, full 版心 width', async () => {
    const xml = unzip(await sample()).get('word/document.xml')!;
    const tbl = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    const rows = tbl.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('w:tblHeader');
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    // 156 mm = 8844 twips, shared 2 : 1 → 5896 + 2948
    expect(tbl).toContain('<w:tblW w:type="dxa" w:w="8844"/>');
    expect(tbl).toMatch(/<w:gridCol w:w="5896"\/><w:gridCol w:w="2948"\/>/);
  });

  it('page numbers “— N —” in the odd (right) and even (left) footers', async () => {
    const files = unzip(await sample());
    const footers = [...files].filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('> —</w:t>');
    }
    expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"/)![1]).sort()).toEqual(['left', 'right']);
    expect(files.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('the marked place for the office’s words is highlighted', async () => {
    const xml = unzip(await sample()).get('word/document.xml')!;
    const p = xml.split('<w:p>').find((x) => x.includes('【请填写：存在问题】'))!;
    expect(p).toContain('<w:highlight w:val="yellow"/>');
  });

  it('reproducible bytes: fixed document dates and zip times', async () => {
    const a = await sample();
    await new Promise((ok) => setTimeout(ok, 2100)); // zip times have a 2-second resolution
    const b = await sample();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = unzip(a).get('docProps/core.xml')!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-11-05T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-11-05T00:00:00Z</dcterms:modified>');
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(packGongwen(gongwenDocument({ children: [] }), { title: 't', date: '2025/11/5' })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
  });
});
