import type { Document, FileChild } from 'docx';
import { appendAll } from '../../schemas/arrays.ts';
import type { BulletinView } from '../bulletin/bulletin.ts';
import type { PeriodMetrics } from '../../schemas/metrics.ts';
import { periodLabel } from '../data.ts';
import { type DocumentSettings, documentNumber, issueDate } from '../../documents/docSettings.ts';
import {
  addressee,
  attachmentNote,
  attachmentStart,
  colophon,
  body,
  caption,
  gongwenDocument,
  heading,
  issuerHead,
  packGongwen,
  placeholder,
  signature,
  table,
  title,
} from '../../documents/gongwen.ts';
import { overviewParagraphs, redBlackSentences } from './bulletinText.ts';

/**
 * 月度通报 as a Word document (contract §11, `bulletins/<YYYY-MM>.docx`): 版头 with 文号, title,
 * 一、总体情况 drafted from the web bulletin's figures, 表1 主要指标, 二、各单位完成情况 (表2),
 * 三、综合排名 with 红黑榜 (表3), 四、存在问题 and 五、下一步工作 as marked places for the office's own
 * words, 落款, then 附件 (本月新签约项目, 签约超期未开工督办清单) each on a new page. Every figure is
 * the text of `bulletinView` (the page's view-model), so the two agree to the cent. Pure.
 */

export interface BulletinDocInput {
  view: BulletinView;
  metrics: Pick<PeriodMetrics, 'redList' | 'blackList' | 'redBlackSize' | 'ranking'>;
  zoneName: string;
  settings: DocumentSettings;
}

/** Output path. @example bulletinDocPath('2025-10') // 'bulletins/2025-10.docx' */
export function bulletinDocPath(period: string): string {
  return `bulletins/${period}.docx`;
}

/** Title of the 通报 in its two lines, e.g. `['关于2025年1—10月', '全区招商引资工作情况的通报']`. */
export function bulletinDocTitleLines(view: Pick<BulletinView, 'period' | 'span'>): [string, string] {
  return [`关于${view.period.slice(0, 4)}年${view.span}`, '全区招商引资工作情况的通报'];
}

/** Title of the 通报, e.g. `关于2025年1—10月全区招商引资工作情况的通报`. */
export function bulletinDocTitle(view: Pick<BulletinView, 'period' | 'span'>): string {
  return bulletinDocTitleLines(view).join('');
}

/**
 * A progress text for a table column headed 对照序时进度（百分点）.
 *
 * @example shortProgress('低于序时进度6.1个百分点') // '低于6.1'
 * @example shortProgress('达到序时进度') // '达到'
 */
export function shortProgress(text: string | undefined): string {
  return text === undefined ? '—' : text.replace('序时进度', '').replace('个百分点', '');
}

/** The attachments' titles, e.g. `['2025年10月新签约项目清单', '签约超期未开工项目督办清单']`. */
function attachmentTitles(v: BulletinView): string[] {
  return [`${periodLabel(v.period)}新签约项目清单`, '签约超期未开工项目督办清单'];
}

/** The body's children (after the 版头). */
export function bulletinChildren(input: BulletinDocInput): FileChild[] {
  const { view: v, metrics: m, settings } = input;
  const out: FileChild[] = [];
  appendAll(out, title(bulletinDocTitleLines(v)));
  out.push(addressee('各责任单位：'));
  out.push(
    body(
      `现将${v.period.slice(0, 4)}年${v.span}全区招商引资工作情况通报如下（${v.asOf}，序时进度${v.timeProgress}）。`,
    ),
  );

  out.push(heading(1, '一、总体情况'));
  for (const p of overviewParagraphs(v.overview, v.span, v.month)) out.push(body(p));
  out.push(caption('表1　主要指标完成情况'));
  out.push(
    table(
      [
        { label: '指标', width: 9.5 },
        { label: '本月', width: 6, align: 'right' },
        { label: '累计', width: 7, align: 'right' },
        { label: '去年同期', width: 7, align: 'right' },
        { label: '同比', width: 8.5, align: 'center' },
        { label: '目标', width: 6, align: 'right' },
        { label: '完成率', width: 5.5, align: 'right' },
        { label: '对照序时进度\n（百分点）', width: 7, align: 'center' },
      ],
      v.overview.map((r) => [
        `${r.label}（${r.unit}）`,
        r.month.text,
        r.ytd.text,
        r.lastYear ?? '—',
        r.yoy.replace(/^同比/, ''),
        r.target === null ? '—' : r.base === '全区目标' ? r.target : `${r.target}*`,
        r.rate ?? '—',
        shortProgress(r.progress?.text),
      ]),
      { size: 18 },
    ),
  );
  out.push(body('注：带*的目标为各单位目标合计，完成率按这些单位的实际计算。'));

  out.push(heading(1, '二、各单位完成情况'));
  const groups = v.units.groups;
  if (groups.length === 0) out.push(body('本年度尚未下达各单位目标任务。'));
  else {
    out.push(body('各单位签约金额目标完成情况见表2，各项指标得分明细见考核结果公示。'));
    out.push(caption('表2　各单位签约金额目标完成情况及得分'));
    out.push(
      table(
        [
          { label: '单位', width: 12 },
          { label: '年度目标\n（亿元）', width: 7, align: 'right' },
          { label: '累计完成\n（亿元）', width: 7, align: 'right' },
          { label: '完成率', width: 6, align: 'right' },
          { label: '对照序时进度\n（百分点）', width: 9, align: 'center' },
          { label: '得分/满分', width: 9, align: 'center' },
          { label: '名次', width: 8, align: 'center' },
        ],
        groups.map((g) => {
          const it = g.items.find((i) => i.label === '签约金额（亿元）');
          return [
            g.unit,
            it?.target ?? '—',
            it?.actual.text ?? '—',
            it?.rate ?? '—',
            it?.progress ? shortProgress(it.progress.text) : it?.note || '—',
            `${g.score}/${g.maxScore}`,
            g.rank.replace(/^第(\d+)名$/, '$1'),
          ];
        }),
        { size: 18 },
      ),
    );
  }

  out.push(heading(1, '三、综合排名'));
  const ranked = v.ranking.ranked;
  if (ranked.length === 0) out.push(body('本期没有参与排名的单位。'));
  else {
    const prev = v.ranking.previousPeriod;
    out.push(
      body(`按${v.span}累计得分排名（${prev ? `较上期为与${periodLabel(prev)}相比` : '年度首期'}），得分相同的并列。`),
    );
    out.push(caption('表3　综合排名'));
    out.push(
      table(
        [
          { label: '名次', width: 5, align: 'center' },
          { label: '单位', width: 14 },
          { label: '分组', width: 10 },
          { label: '综合得分', width: 8, align: 'right' },
          { label: '组内名次', width: 7, align: 'center' },
          { label: '较上期', width: 6, align: 'center' },
        ],
        [...ranked, ...v.ranking.unranked].map((r) => [
          r.rank === '—' ? '不排名' : r.rank,
          r.unit,
          r.group,
          r.score,
          r.groupRank,
          r.change,
        ]),
        { size: 18 },
      ),
    );
    for (const s of redBlackSentences(m.redList, m.blackList, m.redBlackSize))
      out.push(body([{ text: s.slice(0, 3), bold: true }, s.slice(3)]));
  }

  out.push(heading(1, '四、存在问题'));
  out.push(placeholder('本期工作中存在的主要问题（由办公室撰写，写好后删除本提示）'));
  out.push(heading(1, '五、下一步工作'));
  out.push(placeholder('下一步工作安排和要求（由办公室撰写，写好后删除本提示）'));

  const titles = attachmentTitles(v);
  appendAll(out, attachmentNote(titles));
  appendAll(out, signature(settings.issuer, issueDate(v.period, settings.issueDay).text));

  // 附件1 本月新签约项目
  const signed = v.newThisMonth.signed;
  appendAll(out, attachmentStart(1, titles[0]!));
  out.push(body(`${periodLabel(v.period)}全区新签约项目${signed.count.text}个，签约金额${signed.yi.text}亿元。`));
  out.push(
    table(
      [
        { label: '序号', width: 4, align: 'center' },
        { label: '项目名称', width: 20 },
        { label: '责任单位', width: 10 },
        { label: '签约日期', width: 8, align: 'center' },
        { label: '总投资\n（亿元）', width: 7, align: 'right' },
        { label: '产业链', width: 7 },
      ],
      signed.rows.length === 0
        ? [['', '本月无新签约项目', '', '', '', '']]
        : signed.rows.map((r, i) => [String(i + 1), r.name, r.unit, r.date, r.yi, r.chain]),
      { size: 18 },
    ),
  );
  // 附件2 督办清单
  const od = v.overdue;
  appendAll(out, attachmentStart(2, titles[1]!));
  out.push(
    body(
      `签约超过${od.days}天仍未开工的项目${od.count.text}个，涉及签约金额${od.yi.text}亿元，请各责任单位逐一督办、推动开工。`,
    ),
  );
  out.push(
    table(
      [
        { label: '序号', width: 4, align: 'center' },
        { label: '项目名称', width: 19 },
        { label: '责任单位', width: 10 },
        { label: '签约日期', width: 8, align: 'center' },
        { label: '总投资\n（亿元）', width: 7, align: 'right' },
        { label: '已签约\n（天）', width: 6, align: 'right' },
        { label: '超期\n（天）', width: 6, align: 'right' },
      ],
      od.rows.length === 0
        ? [['', '无签约超期未开工项目', '', '', '', '', '']]
        : od.rows.map((r, i) => [String(i + 1), r.name, r.unit, r.signDate, r.yi, r.days, r.over]),
      { size: 18 },
    ),
  );
  // 版记: 印发机关 and 印发日期 close the document (GB/T 9704), after the last 附件
  appendAll(out, colophon(settings.issuer, issueDate(v.period, settings.issueDay).text));
  return out;
}

/** The whole document. */
export function bulletinDocument(input: BulletinDocInput): Document {
  const s = input.settings;
  return gongwenDocument({
    title: bulletinDocTitle(input.view),
    creator: s.issuer,
    head: issuerHead({
      issuer: s.issuer,
      mark: s.issuerMark,
      number: documentNumber(s.documentNumber, input.view.period),
    }),
    children: bulletinChildren(input),
  });
}

/** The .docx bytes, reproducible (dates fixed to the 成文日期). */
export function bulletinDocx(input: BulletinDocInput): Promise<Uint8Array<ArrayBuffer>> {
  return packGongwen(bulletinDocument(input), {
    title: bulletinDocTitle(input.view),
    date: issueDate(input.view.period, input.settings.issueDay).iso,
    creator: input.settings.issuer,
  });
}
