/**
 * The legend under a 招商图谱: node looks per 强弱 (and 补链后 / 延链 in the 远景 view), the tags
 * before enterprise names, and a note on how names are shortened. Entries flow left to right
 * and wrap, so the same legend serves the wide and the phone layout.
 */
import { COLORS, type Children, type SvgNode, h } from './svg.ts';
import { NODE_STYLES, TARGET_TEXT } from './chainNode.ts';
import { textWidth, wrapText } from './wrapText.ts';

const FONT = 12;
const ROW = 24;

interface Entry {
  width: number;
  draw(x: number, y: number): Children;
}

function boxEntry(key: keyof typeof NODE_STYLES, label: string, hatchId: string): Entry {
  const st = NODE_STYLES[key];
  return {
    width: 38 + textWidth(label, FONT) + 20,
    draw: (x, y) => {
      const box = { x, y: y - 9, width: 30, height: 18, rx: 4 };
      return [
        st.fill === 'hatch'
          ? [h('rect', { ...box, fill: '#FFFFFF' }), h('rect', { ...box, fill: `url(#${hatchId})` })]
          : h('rect', { ...box, fill: st.fill }),
        h('rect', { ...box, fill: 'none', stroke: st.stroke, 'stroke-width': st.width, 'stroke-dasharray': st.dash }),
        h('text', { x: x + 38, y, dy: '0.35em', 'font-size': FONT, fill: COLORS.text, 'text-anchor': 'start' }, label),
      ];
    },
  };
}

function tagEntry(tag: string, fill: string, color: string, stroke: string | undefined, label: string): Entry {
  const tw = textWidth(tag, 11) + 10;
  return {
    width: tw + 6 + textWidth(label, FONT) + 20,
    draw: (x, y) => [
      h('rect', { x, y: y - 8, width: tw, height: 16, rx: 3, fill, stroke, 'stroke-width': stroke ? 1 : undefined }),
      h(
        'text',
        {
          x: x + tw / 2,
          y,
          dy: '0.35em',
          'text-anchor': 'middle',
          'font-size': 11,
          'font-weight': 'bold',
          fill: color,
        },
        tag,
      ),
      h(
        'text',
        { x: x + tw + 6, y, dy: '0.35em', 'font-size': FONT, fill: COLORS.text, 'text-anchor': 'start' },
        label,
      ),
    ],
  };
}

/**
 * Draws the legend from `(x, y)` within `width` px and returns it with its height.
 *
 * @example chainLegend('远景', { x: 24, y: 700, width: 1072 }, 'hatch').height // ≈ 90
 */
export function chainLegend(
  view: '现状' | '远景',
  at: { x: number; y: number; width: number },
  hatchId: string,
  extensions: boolean,
): { node: SvgNode; height: number } {
  const entries: Entry[] = [
    boxEntry('强', '强：本地配套较完整', hatchId),
    boxEntry('弱', '弱：有企业但配套不足', hatchId),
    boxEntry('缺', '缺：本地暂无企业', hatchId),
    boxEntry('风险', '风险：依赖单一企业或外部供应', hatchId),
    ...(view === '远景' ? [boxEntry('filled', '补链后：目标企业引进落地', hatchId)] : []),
    ...(view === '远景' && extensions ? [boxEntry('extend', '延链：图谱外新增环节', hatchId)] : []),
    tagEntry('链主', '#3A3A3A', '#FFFFFF', undefined, '链主企业（加粗）'),
    tagEntry('本地', '#FFFFFF', COLORS.text, '#555555', '本地企业'),
    view === '远景'
      ? tagEntry('补链', '#007A5A', '#FFFFFF', undefined, '补链 / 强链 / 延链：目标企业及其作用')
      : tagEntry('目标', '#FFFFFF', TARGET_TEXT, '#007A5A', '目标企业（招引对象）'),
  ];
  const nodes: Children[] = [];
  let x = 0;
  let row = 0;
  for (const e of entries) {
    if (x > 0 && x + e.width > at.width) {
      x = 0;
      row++;
    }
    nodes.push(e.draw(at.x + x, at.y + row * ROW + 9));
    x += e.width;
  }
  const note =
    '企业名称略去“有限公司”等字样；“等N家”为该类企业总数；点击环节查看完整企业名单和签约项目。' +
    (view === '远景' ? '远景：假设各环节目标企业全部引进落地。' : '');
  const lines = wrapText(note, at.width, FONT);
  const noteTop = at.y + (row + 1) * ROW + 4;
  nodes.push(
    h(
      'text',
      { x: at.x, y: noteTop + 8, dy: '0.35em', 'font-size': FONT, fill: COLORS.muted, 'text-anchor': 'start' },
      lines.map((l, i) => h('tspan', { x: at.x, dy: i === 0 ? undefined : 17 }, l)),
    ),
  );
  return { node: h('g', { class: 'zs-legend' }, nodes), height: (row + 1) * ROW + 4 + lines.length * 17 };
}
