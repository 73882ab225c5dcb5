/**
 * The seeded model of the sample zone: projects moving 线索 → 在谈 → 签约 → 开工 → 投产 with
 * 到位资金 over time, plus leads that go nowhere and outbound trips. `snapshot.ts` cuts this
 * timeline at each month end; the ledger writers only format what it gives them.
 */
import { addDays, daysInMonth, makeDay, monthOf, monthRange, type Day, type Month } from './calendar.ts';
import { NameBook } from './names.ts';
import { Rng } from './prng.ts';
import {
  CAPACITY,
  CHAINS,
  COURT_WEIGHT,
  DESTINATIONS,
  HEAVY_PRODUCTS,
  NAME_PARTS,
  SIGN_WEIGHT,
  UNITS,
  UNKNOWN_CHAINS,
  UNKNOWN_UNIT,
  type UnitDef,
} from './zone.ts';

export const FIRST_MONTH: Month = '2024-01';
export const LAST_MONTH: Month = '2025-10';
/** Signings (and their delivery) start a year before the first snapshot. */
export const FIRST_SIGNING_MONTH: Month = '2023-01';
export const STAGES = ['初步接触', '考察', '实质性洽谈', '评审'] as const;
export type Stage = (typeof STAGES)[number];
export type Verdict = '有效' | '无效' | '待研判';

/** A value that a clerk corrects in a later snapshot: `[{month: '2025-03', value: 4.5}]`. */
export interface Revision<T> {
  month: Month;
  value: T;
}

export interface Tranche {
  id: string;
  date: Day;
  amountYi: number;
  source: '省外' | '市外' | '境外';
  foreignUsd?: number;
  /** A corrected amount from this month on. */
  revised?: Revision<number>;
}

export interface Project {
  id: number;
  name: string;
  investor: string;
  chain: string;
  segment?: string;
  unit: string;
  referrer?: string;
  park: string;
  projectType: '新建' | '增资扩产' | '转型升级' | '承接转移';
  /** 总投资 in 亿元 as first recorded; `revisions` correct it later. */
  investmentYi: number;
  revisions: Revision<number>[];
  phase1Yi?: number;
  foreign: boolean;
  foreignUsd?: number;
  provincial: boolean;
  public: boolean;
  contact: string;
  phone: string;
  remark?: string;
  product: string;
  firstContact: Day;
  /** Date each stage was reached; index = STAGES index. */
  stageDates: Day[];
  dropDate?: Day;
  signDate?: Day;
  code?: string;
  /** The 签约 row is deleted from this snapshot on (the signing fell through). */
  cancelMonth?: Month;
  startDate?: Day;
  yearPlanYi?: number;
  inStats?: boolean;
  produceDate?: Day;
  tranches: Tranche[];
  /** 认定状态 other than 已认定: `待认定` until the month `until` (then 已认定), or `未认定` for good. */
  recognition?: { status: '待认定' | '未认定'; until?: Month };
}

export interface Lead {
  id: string;
  date: Day;
  company: string;
  name: string;
  chain: string;
  investmentYi?: number;
  unit: string;
  verdicts: Revision<Verdict | undefined>[];
  contact: string;
  phone: string;
  remark?: string;
}

export interface Trip {
  id: string;
  depart: Day;
  returnDay: Day;
  leader: string;
  unit: string;
  destination: string;
  companies: string[];
  visits: number;
  outcome: string;
}

export interface Scenario {
  scale: number;
  first: Month;
  last: Month;
  projects: Project[];
  leads: Lead[];
  trips: Trip[];
}

/** Signings swell at the 3月/6月/9月/12月 ceremonies and dip at 春节. */
const SEASON = [0.6, 0.5, 1.2, 1.0, 1.0, 1.4, 0.8, 0.8, 1.3, 0.9, 1.0, 1.5];
const SIGNINGS_PER_MONTH = 16;
const LEADS_PER_MONTH = 40;
const STALLED_PER_MONTH = 7;
const TRIPS_PER_MONTH = 13;

function dayIn(r: Rng, m: Month): Day {
  const y = Number(m.slice(0, 4));
  const mm = Number(m.slice(5, 7));
  return makeDay(y, mm, r.int(1, daysInMonth(y, mm)));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** 总投资 in 亿元: mostly 0.2–10, a few 20–80, rounded the way clerks write them. */
export function drawInvestment(r: Rng): number {
  if (r.chance(0.03)) return round(r.float(20, 80) * 2, 0) / 2;
  const x = Math.exp(Math.log(1.6) + 0.9 * r.normal());
  const v = Math.min(15, Math.max(0.2, x));
  if (v < 1) return round(v, 2);
  if (v < 10) return r.chance(0.7) ? round(v, 1) : round(v, 2);
  return round(v, 0);
}

const PARKS_BY_CHAIN: Record<string, readonly (readonly [string, number])[]> = {
  新能源: [
    ['高新产业园', 5],
    ['临港物流园', 3],
    ['智能装备产业园', 2],
  ],
  生物医药: [
    ['生物医药产业园', 7],
    ['高新产业园', 3],
  ],
  高端装备: [
    ['智能装备产业园', 6],
    ['临港物流园', 2.5],
    ['青川镇工业集中区', 1.5],
  ],
  电子信息: [
    ['高新产业园', 6.5],
    ['青川镇工业集中区', 3.5],
  ],
};

/** 落户园区: a park's own projects land there, a town's tourism project in the town, others by chain. */
function pickPark(r: Rng, seed: Seed): string {
  if (seed.unit.type === '园区') return seed.unit.name;
  const byChain = PARKS_BY_CHAIN[seed.chain];
  if (byChain === undefined) return seed.unit.type === '乡镇' ? seed.unit.name : '青川镇';
  return r.weighted(byChain);
}

function pickUnit(r: Rng): UnitDef {
  return r.weighted(UNITS.map((u) => [u, u.weight] as const));
}

interface Seed {
  unit: UnitDef;
  chain: string;
  segment?: string;
  product: string;
}

/** A unit, chain, segment and product; `signing` seeds never fall in a 缺 segment (no local base yet). */
function seedProject(r: Rng, signing = false): Seed {
  const unit = pickUnit(r);
  if (unit.type === '乡镇' && r.chance(0.15))
    return { unit, chain: r.pick(UNKNOWN_CHAINS), product: r.pick(NAME_PARTS.tourism) };
  const chainName = r.pick(unit.chains);
  const chain = CHAINS.find((c) => c.chain === chainName) ?? CHAINS[0];
  if (chain === undefined) throw new Error('no chains');
  const weights = signing ? SIGN_WEIGHT : COURT_WEIGHT;
  const seg = r.weighted(chain.segments.map((sg) => [sg, weights[sg.strength]] as const));
  return { unit, chain: chain.chain, segment: seg.segment, product: r.pick(seg.products) };
}

/** Stage dates between first contact and `end` (sign or drop): 考察 ~25%, 实质性洽谈 ~50%, 评审 ~80%. */
function stageDates(r: Rng, first: Day, days: number, bigEnough: boolean): Day[] {
  const out = [first];
  const marks = bigEnough ? [0.25, 0.5, 0.8] : [0.3, 0.6];
  for (const f of marks) out.push(addDays(first, Math.max(1, Math.round(days * (f + r.float(-0.08, 0.08))))));
  return out;
}

export interface ScenarioOptions {
  scale: number;
  seed?: number;
}

export function buildScenario(opts: ScenarioOptions): Scenario {
  const r = new Rng(opts.seed ?? 20251031);
  const names = new NameBook(r);
  const scale = opts.scale;
  const months = monthRange(FIRST_MONTH, LAST_MONTH);
  const lastDay = addDays(`${LAST_MONTH}-01`, daysInMonth(2025, 10) - 1);
  const projects: Project[] = [];
  const leads: Lead[] = [];

  const newProject = (seed: Seed, first: Day): Project => {
    const abroad = r.chance(0.08);
    const company = names.company(seed.chain, abroad);
    // A product has a smallest believable plant (a 动力电芯 line is not 0.3亿元).
    const raw = drawInvestment(r);
    const drawn = raw >= 20 && !HEAVY_PRODUCTS.has(seed.product) ? round(raw / 4, 1) : raw;
    const floor = CAPACITY[seed.product]?.[2] ?? 0;
    const investmentYi = drawn >= floor ? drawn : round(floor + drawn, floor + drawn < 10 ? 1 : 0);
    const projectType = r.weighted([
      ['新建', 6],
      ['增资扩产', 2],
      ['转型升级', 1],
      ['承接转移', 1],
    ] as const);
    const kind = seed.segment === undefined ? 'tourism' : projectType === '增资扩产' ? 'expand' : 'new';
    const p: Project = {
      id: projects.length + 1,
      name: names.project(company.short, seed.product, kind, investmentYi, company.city),
      investor: company.name,
      chain: seed.chain,
      unit: seed.unit.name,
      park: pickPark(r, seed),
      projectType,
      investmentYi,
      revisions: [],
      foreign: abroad,
      provincial: investmentYi >= 5 || r.chance(0.15),
      public: r.chance(0.7),
      contact: names.person(),
      phone: names.phone(),
      product: seed.product,
      firstContact: first,
      stageDates: [],
      tranches: [],
    };
    if (seed.segment !== undefined) p.segment = seed.segment;
    if (abroad) p.foreignUsd = round((investmentYi * 1e4 * r.float(0.3, 1)) / 7.1, 0);
    if (r.chance(0.6)) p.phase1Yi = round(investmentYi * r.float(0.4, 1), investmentYi < 1 ? 2 : 1);
    if (r.chance(0.35)) p.referrer = pickUnit(r).name;
    if (r.chance(0.25))
      p.remark = r.pick(['需协调用地指标', '拟申报省重点项目', '企业要求代建厂房', '已完成项目备案', '环评手续办理中']);
    projects.push(p);
    if (first >= `${FIRST_MONTH}-01` && r.chance(0.5)) leads.push(projectLead(p, first));
    return p;
  };

  const projectLead = (p: Project, first: Day): Lead => {
    const date = addDays(first, -r.int(0, 30));
    return {
      id: `L${leads.length + 1}`,
      date: date < `${FIRST_MONTH}-01` ? first : date,
      company: p.investor,
      name: p.name,
      chain: p.chain,
      investmentYi: p.investmentYi,
      unit: p.unit,
      verdicts: [{ month: monthOf(date), value: '有效' }],
      contact: names.person(),
      phone: names.phone(),
    };
  };

  // 1. Projects that sign, month by month. Signings start in 2023 (the 签约 ledger keeps a 2023年
  // sheet) so that 2024 already has the 开工, 投产 and 到位 of earlier signings, as a real zone does:
  // 2025's 同比 then compares like with like instead of a first year that starts from nothing.
  for (const m of monthRange(FIRST_SIGNING_MONTH, LAST_MONTH)) {
    const growth = m >= '2025' ? 1.1 : m < '2024' ? 0.95 : 1;
    const n = r.poisson(SIGNINGS_PER_MONTH * scale * growth * (SEASON[Number(m.slice(5, 7)) - 1] ?? 1));
    const ceremony = dayIn(r, m);
    for (let i = 0; i < n; i++) {
      const sign = r.chance(0.3) ? ceremony : dayIn(r, m);
      const days = r.int(30, 240);
      const first = addDays(sign, -days);
      const p = newProject(seedProject(r, true), first);
      p.signDate = sign;
      p.stageDates = stageDates(r, first, days, p.investmentYi >= 1);
      if (r.chance(0.012)) p.cancelMonth = monthOf(addDays(sign, r.int(35, 150)));
      else planDelivery(r, p, lastDay);
      if (r.chance(0.03))
        p.revisions.push({
          month: monthOf(addDays(sign, r.int(31, 120))),
          value: round(p.investmentYi * r.pick([0.8, 1.2, 1.5]), 2),
        });
    }
  }
  // 2. Negotiations that stall or are still under way at the last month.
  for (const m of monthRange('2023-07', LAST_MONTH)) {
    const n = r.poisson(STALLED_PER_MONTH * scale);
    for (let i = 0; i < n; i++) {
      const first = dayIn(r, m);
      const p = newProject(seedProject(r), first);
      const days = r.int(60, 400);
      p.stageDates = stageDates(r, first, days, p.investmentYi >= 1).slice(0, r.int(1, 3));
      if (r.chance(0.8)) p.dropDate = addDays(first, days);
    }
  }
  projects.sort((a, b) => (a.signDate ?? '9999').localeCompare(b.signDate ?? '9999') || a.id - b.id);
  assignCodes(projects);
  // The first signings of 2024-01 were 签约即开工, so every snapshot has a 开工 row.
  for (const p of projects
    .filter(
      (q) =>
        q.signDate !== undefined && q.signDate >= '2024-01' && q.signDate < '2024-02' && q.cancelMonth === undefined,
    )
    .slice(0, 3)) {
    if (p.signDate !== undefined) p.startDate = p.signDate;
    p.yearPlanYi ??= round(p.investmentYi * 0.5, 2);
    p.inStats ??= true;
  }
  // 3. Leads that never became projects.
  for (const m of months) {
    const n = r.poisson(LEADS_PER_MONTH * scale);
    for (let i = 0; i < n; i++) leads.push(looseLead(r, names, `L${leads.length + 1}`, dayIn(r, m), lastDay));
  }
  leads.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  // A clerk from a unit that is not in the unit table files a few leads from 2025-03 on.
  const late = leads.filter((l) => l.date >= '2025-03');
  for (let i = 0; i < Math.min(4, late.length); i++) {
    const l = late[Math.floor((i * late.length) / 4)];
    if (l !== undefined) l.unit = UNKNOWN_UNIT;
  }
  const trips = buildTrips(r, names, scale, months);
  return { scale, first: FIRST_MONTH, last: LAST_MONTH, projects, leads, trips };
}

/** Start, production and funding of a signed project, up to the last month. */
function planDelivery(r: Rng, p: Project, lastDay: Day): void {
  const sign = p.signDate ?? lastDay;
  if (r.chance(0.7)) {
    const lag = r.weighted([
      [r.int(0, 45), 2],
      [r.int(45, 150), 5],
      [r.int(150, 300), 2],
    ] as const);
    const start = addDays(sign, lag);
    if (start <= lastDay) {
      p.startDate = start;
      p.yearPlanYi = round(p.investmentYi * r.float(0.2, 0.6), 2);
      p.inStats = p.investmentYi >= 0.5 ? r.chance(0.9) : r.chance(0.3);
      const build = p.projectType === '增资扩产' ? r.int(30, 150) : r.int(120, 420);
      if (r.chance(0.75) && addDays(start, build) <= lastDay) p.produceDate = addDays(start, build);
    }
  }
  // 到位资金: tranches every one to three months from shortly after signing, up to ~85% of 总投资.
  let date = addDays(sign, r.int(10, 75));
  let paid = 0;
  const cap = p.investmentYi * r.float(0.4, 0.85);
  const source = p.foreign ? '境外' : r.chance(0.72) ? '省外' : '市外';
  while (date <= lastDay && paid < cap && (p.startDate !== undefined || date < addDays(sign, 120))) {
    const amount = round(Math.min(cap - paid, p.investmentYi * r.float(0.04, 0.2)), 4);
    if (amount < 0.005) break;
    const t: Tranche = { id: `${p.id}-${p.tranches.length + 1}`, date, amountYi: amount, source };
    if (p.foreign) t.foreignUsd = round((amount * 1e4) / 7.1, 1);
    if (r.chance(0.04))
      t.revised = { month: monthOf(addDays(date, r.int(31, 80))), value: round(amount * r.pick([0.5, 0.9, 1.1]), 4) };
    p.tranches.push(t);
    paid += amount;
    date = addDays(date, r.int(28, 95));
  }
}

/** 项目编号: 2024 projects carry the old 13-digit numeric code, 2025 ones `QC-2025-031`. */
function assignCodes(projects: Project[]): void {
  const seq = new Map<string, number>();
  for (const p of projects) {
    if (p.signDate === undefined) continue;
    const y = p.signDate.slice(0, 4);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    p.code = y < '2025' ? `360123${y}${String(n).padStart(3, '0')}` : `QC-${y}-${String(n).padStart(3, '0')}`;
  }
}

function looseLead(r: Rng, names: NameBook, id: string, date: Day, lastDay: Day): Lead {
  const seed = seedProject(r);
  const company = names.company(seed.chain, r.chance(0.05));
  const final = r.weighted([
    ['有效', 45],
    ['无效', 30],
    ['待研判', 25],
  ] as const);
  const verdicts: Revision<Verdict | undefined>[] = [];
  const decideDay = addDays(date, r.int(10, 80));
  if (final !== '待研判' && r.chance(0.6) && decideDay <= lastDay) {
    verdicts.push({ month: monthOf(date), value: '待研判' }, { month: monthOf(decideDay), value: final });
  } else if (final !== '待研判' && decideDay > lastDay) {
    verdicts.push({ month: monthOf(date), value: '待研判' });
  } else {
    verdicts.push({ month: monthOf(date), value: r.chance(0.04) ? undefined : final });
  }
  const lead: Lead = {
    id,
    date,
    company: company.name,
    name: `${company.short}${seed.product}${r.pick(['项目', '投资意向', '落地需求', '扩产意向'])}`,
    chain: seed.chain,
    unit: seed.unit.name,
    verdicts,
    contact: names.person(),
    phone: names.phone(),
  };
  if (r.chance(0.85)) lead.investmentYi = drawInvestment(r);
  if (r.chance(0.3))
    lead.remark = r.pick([
      '企业有外迁意向',
      '需进一步核实投资主体',
      '已约定下月考察',
      '对标周边园区政策',
      '用地需求约50亩',
    ]);
  return lead;
}

function buildTrips(r: Rng, names: NameBook, scale: number, months: Month[]): Trip[] {
  const trips: Trip[] = [];
  for (const m of months) {
    const n = r.poisson(TRIPS_PER_MONTH * scale);
    for (let i = 0; i < n; i++) {
      const unit = pickUnit(r);
      const home = unit.name.startsWith('驻') ? unit.name.slice(1, 3) : '';
      const destination = home !== '' && r.chance(0.7) ? home : r.pick(DESTINATIONS);
      const depart = dayIn(r, m);
      const visits = r.int(1, 8);
      const chain = r.pick(unit.chains);
      const companies = Array.from({ length: Math.min(visits, 3) }, () => names.company(chain, false).name);
      const intents = r.int(0, Math.min(2, visits));
      trips.push({
        id: `T${trips.length + 1}`,
        depart,
        returnDay: addDays(depart, r.int(1, 5)),
        leader: r.chance(0.5) ? r.pick(NAME_PARTS.leaders) : `${unit.name} ${names.person()}`,
        unit: unit.name,
        destination,
        companies,
        visits,
        outcome: intents > 0 ? `拜访企业${visits}家，达成投资意向${intents}个` : `拜访企业${visits}家，持续跟进`,
      });
    }
  }
  trips.sort((a, b) => a.depart.localeCompare(b.depart) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return trips;
}
