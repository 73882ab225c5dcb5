import { z } from 'zod';

/** `data/site.json`: optional settings of a zone. Every field has a default. */
export const siteSettingsSchema = z.object({
  /** Zone name shown in titles, e.g. `青川经济开发区`. */
  zoneName: z.string().default('招商引资数据平台'),
  /** Office name in bulletin headers, e.g. `青川经济开发区投资促进局`. */
  office: z.string().optional(),
  /** Unit assumed for an amount column whose header and cells give none (a warning is listed). */
  defaultAmountUnit: z.enum(['亿元', '万元', '元']).default('万元'),
  /** 签约超期未开工: signed more than this many days before the period end and not started. */
  overdueDays: z.number().int().positive().default(180),
  /** Public profile: show headline figures (signed count and amount) on the public home page. */
  publicFigures: z.boolean().default(true),
  /**
   * `annual`: every target row is scored against its annual 目标; `timeProgress`: 按比例, 达标 and
   * 缺额扣分 rows in month m against 目标 × m/12 (contract §7).
   */
  scoreAgainst: z.enum(['annual', 'timeProgress']).default('annual'),
  /** `raw`: rank on points; `percent`: rank on 百分制 = basic / 满分 × 100 + bonus + deduction. */
  rankingScale: z.enum(['raw', 'percent']).default('raw'),
  /** 红黑榜: the top / bottom N of each 分组 (contract §7). */
  redBlackSize: z.number().int().positive().default(3),
  /** 驾驶舱 alerts: units behind 序时进度 by more than this many percentage points. */
  alertGap: z.number().nonnegative().default(10),
  /** 发文机关 of the Word documents (contract §11), e.g. `青川经济开发区投资促进局`; default `office`, else `zoneName`. */
  issuer: z.string().min(1).optional(),
  /** 发文机关标志 (the red mark), e.g. `青川经济开发区投资促进局文件`; default `<issuer>文件`. */
  issuerMark: z.string().min(1).optional(),
  /**
   * 文号 template of the monthly 通报 .docx: `{year}` the period's year, `{n}` its month (the issue
   * number), e.g. `青开招〔{year}〕{n}号` → `青开招〔2025〕10号`; default `{year}年第{n}期`.
   */
  documentNumber: z.string().min(1).default('{year}年第{n}期'),
  /** 成文日期 of a month's documents: this day of the following month, e.g. `5` → 2025年11月5日 for 2025-10. */
  issueDay: z.number().int().min(1).max(28).default(5),
  /** 考核结果公示: 公示期 in working days from the 成文日期. */
  publicityDays: z.number().int().positive().default(5),
  /** 考核结果公示: where to raise an 异议, e.g. `投资促进局综合科，电话 0000-1234567`; absent: a marked place to fill in. */
  objectionContact: z.string().min(1).optional(),
  /** Extra header aliases, by kind and field key: `{"signed": {"investment": ["协议总投资"]}}`. */
  aliases: z.record(z.string(), z.record(z.string(), z.array(z.string()))).default({}),
});
export type SiteSettings = z.output<typeof siteSettingsSchema>;

/** The Word documents' settings (contract §11) with their defaults applied, as `meta.json` carries them. */
export const documentSettingsSchema = z.object({
  issuer: z.string(),
  issuerMark: z.string(),
  documentNumber: z.string(),
  issueDay: z.number().int(),
  publicityDays: z.number().int(),
  objectionContact: z.string().nullable(),
});
export type DocumentSettings = z.output<typeof documentSettingsSchema>;

/**
 * The document settings of a zone: 发文机关 = `issuer`, else `office`, else `zoneName`; 发文机关标志 =
 * `issuerMark`, else `<issuer>文件`.
 *
 * @example documentSettings({ zoneName: '青川经济开发区', office: '青川经济开发区投资促进局', … }).issuerMark // '青川经济开发区投资促进局文件'
 */
export function documentSettings(
  s: Pick<SiteSettings, 'zoneName' | 'documentNumber' | 'issueDay' | 'publicityDays'> &
    Partial<Pick<SiteSettings, 'office' | 'issuer' | 'issuerMark' | 'objectionContact'>>,
): DocumentSettings {
  const issuer = s.issuer ?? s.office ?? s.zoneName;
  return {
    issuer,
    issuerMark: s.issuerMark ?? `${issuer}文件`,
    documentNumber: s.documentNumber,
    issueDay: s.issueDay,
    publicityDays: s.publicityDays,
    objectionContact: s.objectionContact ?? null,
  };
}
