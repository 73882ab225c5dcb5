import { AlignmentType, Document, Footer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { body, FONTS, fontOf, packGongwen, PAGE_SETUP, SIZE, table, title } from './gongwen.ts';

/**
 * The weekly 调度表 as a Word document (contract §11, `dispatch/<date>.docx`): the meeting's one-to-two
 * page table in 公文 layout (`gongwen.ts`: A4 portrait, 仿宋, the table in 五号 with its header row
 * repeated): the web page's 分单位调度情况 table, one row per unit — new signings, starts and
 * production by name, new leads and their 研判, 在谈 changes, stalled projects and the 督办 count
 * with the newly overdue by name — so the meeting goes through it unit by unit; each project's
 * detail is on the web page. Pure: data in, bytes out, reproducible (dates = the snapshot date).
 */

/** What the document shows: the 调度 sheet's per-unit table and its heading lines (`dispatchView` gives it). */
export interface DispatchDocInput {
  /** `YYYY-MM-DD`: the document's date. */
  date: string;
  /** e.g. `青川经济开发区招商引资项目调度表`. */
  docTitle: string;
  title: string;
  dateText: string;
  kindText: string;
  compareText: string;
  folder: string;
  byUnit: {
    columns: readonly { label: string; width: number; align?: 'left' | 'center' | 'right' | undefined }[];
    rows: readonly { cells: readonly string[] }[];
    empty: string;
  };
}

/** 小五 (9 pt), in half-points: the table's cells, so a week's sheet fits on one or two pages. */
const XIAOWU = 18;

/** The document's paragraphs and tables (exported for tests). */
export function dispatchDocChildren(v: DispatchDocInput): FileChild[] {
  const t = v.byUnit;
  return [
    ...title(v.docTitle),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({ text: `（${v.dateText}，${v.kindText}）`, font: fontOf(FONTS.kaiti), size: SIZE.sanhao }),
      ],
    }),
    body(`${v.compareText}，台账 ${v.folder}/。各项目的阶段、进展、停滞和超期天数见网页版调度表。`),
    t.rows.length === 0
      ? body(t.empty)
      : table(
          t.columns.map((c) => ({ label: c.label, width: c.width, ...(c.align ? { align: c.align } : {}) })),
          t.rows.map((r) => r.cells),
          { size: XIAOWU },
        ),
    new Paragraph({ children: [] }),
  ];
}

/**
 * The page of `gongwen.ts` (A4, margins 37 / 35 / 28 / 26 mm, 仿宋 by default) without its line and
 * character grid: a table sheet in 五号 must not be stretched to the 三号 grid of 22 lines × 28
 * characters (Word and LibreOffice then space the cells' characters and lines to the grid, and the
 * table runs to several pages). Page number `— 1 —` centred at the foot.
 */
function sheetDocument(children: readonly FileChild[], o: { title: string; creator?: string }): Document {
  return new Document({
    title: o.title,
    creator: o.creator ?? '',
    lastModifiedBy: o.creator ?? '',
    styles: { default: { document: { run: { font: fontOf(FONTS.fangsong), size: SIZE.sanhao } } } },
    sections: [
      {
        properties: {
          page: PAGE_SETUP,
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: fontOf(FONTS.songti),
                    size: SIZE.sihao,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...children],
      },
    ],
  });
}

/** The .docx bytes of one 调度表. */
export async function dispatchDocx(v: DispatchDocInput, o: { creator?: string } = {}): Promise<Uint8Array> {
  const meta = { title: v.title, ...(o.creator ? { creator: o.creator } : {}) };
  return packGongwen(sheetDocument(dispatchDocChildren(v), meta), { ...meta, date: v.date });
}
