import { Paragraph, type FileChild } from 'docx';
import type { DispatchView } from '../site/dispatch/dispatchView.ts';
import { body, gongwenDocument, packGongwen, SIZE, table, title } from './gongwen.ts';

/**
 * The weekly 调度表 as a Word document (contract §11, `dispatch/<date>.docx`): the meeting's one-to-two
 * page table in 公文 layout (`gongwen.ts`: A4 portrait, 仿宋, the table in 五号 with its header row
 * repeated): the web page's 分单位调度情况 table, one row per unit — new signings, starts and
 * production by name, new leads and their 研判, 在谈 changes, stalled projects and the 督办 count
 * with the newly overdue by name — so the meeting goes through it unit by unit; each project's
 * detail is on the web page. Pure: data in, bytes out, reproducible (dates = the snapshot date).
 */

/** The document's paragraphs and tables (exported for tests). */
export function dispatchDocChildren(v: DispatchView): FileChild[] {
  const t = v.byUnit;
  return [
    ...title(v.title),
    body(
      `${v.kindText}，${v.compareText}（台账 ${v.folder}/）。逐个项目的阶段、进展、停滞天数和超期天数见网页版调度表。`,
    ),
    t.rows.length === 0
      ? body(t.empty)
      : table(
          t.columns.map((c) => ({ label: c.label, width: c.width, ...(c.align ? { align: c.align } : {}) })),
          t.rows.map((r) => r.cells),
          { size: SIZE.wuhao },
        ),
    new Paragraph({ children: [] }),
  ];
}

/** The .docx bytes of one 调度表. */
export async function dispatchDocx(v: DispatchView, o: { creator?: string } = {}): Promise<Uint8Array> {
  const doc = gongwenDocument({
    children: dispatchDocChildren(v),
    title: v.title,
    ...(o.creator ? { creator: o.creator } : {}),
  });
  return packGongwen(doc, { title: v.title, date: v.date, ...(o.creator ? { creator: o.creator } : {}) });
}
