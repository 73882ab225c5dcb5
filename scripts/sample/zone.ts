/**
 * The fixed facts of the fictional 青川经济开发区: its units, industry chains, parks and idle
 * assets. Everything random lives in `scenario.ts`; this file is the zone's "map".
 */

export const ZONE_NAME = '青川经济开发区';
export const OFFICE = '青川经济开发区投资促进局';

export interface UnitDef {
  name: string;
  aliases: string[];
  type: string;
  group: string;
  ranked: boolean;
  /** Relative share of the zone's projects this unit brings in. */
  weight: number;
  /** Chains this unit mostly works on (专班 work on one chain only). */
  chains: string[];
  /** 人数 (headcount): the ranking's 分值池 = score × 人数. */
  headcount: number;
}

const ALL_CHAINS = ['新能源', '生物医药', '高端装备', '电子信息'];

export const UNITS: readonly UnitDef[] = [
  {
    name: '投资促进局一科',
    aliases: ['一科', '招商一科'],
    type: '部门',
    group: '部门组',
    ranked: true,
    weight: 1.2,
    chains: ALL_CHAINS,
    headcount: 8,
  },
  {
    name: '投资促进局二科',
    aliases: ['二科', '招商二科'],
    type: '部门',
    group: '部门组',
    ranked: true,
    weight: 1.1,
    chains: ALL_CHAINS,
    headcount: 7,
  },
  {
    name: '综合协调办',
    aliases: ['协调办'],
    type: '部门',
    group: '部门组',
    ranked: false,
    weight: 0.3,
    chains: ALL_CHAINS,
    headcount: 4,
  },
  {
    name: '青川镇',
    aliases: ['青川镇政府'],
    type: '乡镇',
    group: '乡镇园区组',
    ranked: true,
    weight: 0.9,
    chains: ['高端装备', '电子信息'],
    headcount: 5,
  },
  {
    name: '白沙镇',
    aliases: ['白沙镇政府'],
    type: '乡镇',
    group: '乡镇园区组',
    ranked: true,
    weight: 0.7,
    chains: ['生物医药', '高端装备'],
    headcount: 4,
  },
  {
    name: '河口镇',
    aliases: ['河口镇政府'],
    type: '乡镇',
    group: '乡镇园区组',
    ranked: true,
    weight: 0.6,
    chains: ['新能源', '高端装备'],
    headcount: 4,
  },
  {
    name: '高新产业园',
    aliases: ['高新园', '高新园区'],
    type: '园区',
    group: '乡镇园区组',
    ranked: true,
    weight: 1.3,
    chains: ['电子信息', '新能源', '生物医药'],
    headcount: 6,
  },
  {
    name: '临港物流园',
    aliases: ['临港园', '物流园'],
    type: '园区',
    group: '乡镇园区组',
    ranked: true,
    weight: 0.8,
    chains: ['高端装备', '新能源'],
    headcount: 5,
  },
  {
    name: '驻深圳招商组',
    aliases: ['深圳组', '驻深组'],
    type: '驻外招商团队',
    group: '驻外专班组',
    ranked: true,
    weight: 1.0,
    chains: ['电子信息', '新能源'],
    headcount: 3,
  },
  {
    name: '驻上海招商组',
    aliases: ['上海组', '驻沪组'],
    type: '驻外招商团队',
    group: '驻外专班组',
    ranked: true,
    weight: 1.0,
    chains: ['生物医药', '高端装备'],
    headcount: 3,
  },
  {
    name: '驻北京招商组',
    aliases: ['北京组', '驻京组'],
    type: '驻外招商团队',
    group: '驻外专班组',
    ranked: true,
    weight: 0.7,
    chains: ['电子信息', '生物医药'],
    headcount: 2,
  },
  {
    name: '新能源产业专班',
    aliases: ['新能源专班'],
    type: '产业专班',
    group: '驻外专班组',
    ranked: true,
    weight: 1.1,
    chains: ['新能源'],
    headcount: 4,
  },
  {
    name: '生物医药专班',
    aliases: ['医药专班'],
    type: '产业专班',
    group: '驻外专班组',
    ranked: true,
    weight: 0.9,
    chains: ['生物医药'],
    headcount: 3,
  },
  {
    name: '高端装备专班',
    aliases: ['装备专班'],
    type: '产业专班',
    group: '驻外专班组',
    ranked: true,
    weight: 0.9,
    chains: ['高端装备'],
    headcount: 3,
  },
];

/** A unit name that is in no unit table: the data-quality page lists it under 未识别单位. */
export const UNKNOWN_UNIT = '招商三科';

/** Chains outside the chain map: projects the zone signs anyway. */
export const UNKNOWN_CHAINS = ['文旅康养'];

export interface SegmentDef {
  segment: string;
  position: '上游' | '中游' | '下游';
  description: string;
  strength: '强' | '弱' | '缺' | '风险';
  /** Typical products, for project names. */
  products: string[];
}

export interface ChainDef {
  chain: string;
  segments: SegmentDef[];
}

const s = (
  segment: string,
  position: SegmentDef['position'],
  strength: SegmentDef['strength'],
  description: string,
  products: string[],
): SegmentDef => ({
  segment,
  position,
  description,
  strength,
  products,
});

/**
 * How a product's capacity is written in a project name and what it costs: `[unit, 亿元 per unit,
 * smallest believable 总投资 in 亿元]`, e.g. 磷酸铁锂 about 3亿元 per 万吨, a 动力电芯 plant at least
 * 5亿元. Products without an entry (services, logistics, software) are never named `年产…`.
 */
export const CAPACITY: Readonly<Record<string, readonly [string, number, number]>> = {
  碳酸锂提纯: ['万吨', 8, 3],
  磷酸铁锂正极材料: ['万吨', 3, 1.5],
  三元前驱体: ['万吨', 4, 2],
  人造石墨负极材料: ['万吨', 2.5, 1.5],
  硅碳负极材料: ['吨', 0.004, 1],
  锂电池电解液: ['万吨', 0.6, 0.5],
  新型锂盐: ['吨', 0.01, 0.5],
  湿法隔膜: ['亿平方米', 2, 2],
  涂覆隔膜: ['亿平方米', 1, 1],
  动力电芯: ['GWh', 3, 5],
  储能电芯: ['GWh', 2.5, 3],
  电池PACK: ['GWh', 1, 1],
  电池管理系统: ['万套', 0.05, 0.3],
  储能集装箱: ['GWh', 1, 1],
  户用储能系统: ['万套', 0.3, 0.5],
  废旧电池回收: ['万吨', 1.2, 1],
  原料药: ['吨', 0.02, 0.5],
  特色原料药: ['吨', 0.05, 0.5],
  医药中间体: ['吨', 0.005, 0.3],
  手性中间体: ['吨', 0.01, 0.3],
  口服固体制剂: ['亿片', 0.2, 0.5],
  注射剂: ['万支', 0.0004, 0.5],
  中药饮片: ['吨', 0.0004, 0.3],
  中药配方颗粒: ['吨', 0.003, 0.5],
  单克隆抗体: ['升', 0.0005, 5],
  重组蛋白: ['升', 0.0008, 3],
  医用耗材: ['亿件', 0.5, 0.3],
  体外诊断试剂: ['万人份', 0.0002, 0.3],
  精密铸件: ['万吨', 1.5, 0.5],
  高端轴承: ['万套', 0.02, 0.5],
  五轴数控机床: ['台', 0.005, 1],
  数控系统: ['万套', 5, 0.5],
  工业机器人: ['台', 0.001, 1],
  减速器: ['万台', 1, 0.5],
  智能生产线: ['条', 0.05, 0.5],
  自动化装配线: ['条', 0.03, 0.3],
  智能检测设备: ['台', 0.003, 0.3],
  无损检测仪器: ['台', 0.002, 0.3],
  工程机械: ['台', 0.01, 2],
  液压件: ['万件', 0.05, 0.5],
  电子级化学品: ['万吨', 1, 0.5],
  覆铜板: ['万平方米', 0.005, 1],
  片式电容: ['亿只', 0.02, 0.5],
  电感器件: ['亿只', 0.05, 0.3],
  高多层PCB: ['万平方米', 0.05, 1],
  柔性电路板: ['万平方米', 0.08, 1],
  液晶显示模组: ['万片', 0.005, 2],
  'Mini LED背光模组': ['万片', 0.01, 2],
  智能终端: ['万台', 0.01, 0.5],
  智能穿戴设备: ['万台', 0.005, 0.3],
  固态电池: ['GWh', 4, 5],
  芯片封装测试: ['亿颗', 0.5, 2],
};

/** Products whose plants run to 20亿元 and more (电芯, 正极, PCB …); any other project stays under 20亿元. */
export const HEAVY_PRODUCTS: ReadonlySet<string> = new Set([
  '动力电芯',
  '储能电芯',
  '磷酸铁锂正极材料',
  '三元前驱体',
  '人造石墨负极材料',
  '湿法隔膜',
  '高多层PCB',
  '覆铜板',
  '工程机械',
  '原料药',
  '电子级化学品',
  '康养度假综合体',
  '温泉文旅小镇',
]);

/** How often a segment's products are signed (缺: never, it has no local base yet) or courted. */
export const SIGN_WEIGHT: Readonly<Record<SegmentDef['strength'], number>> = { 强: 4, 弱: 2, 风险: 1, 缺: 0 };
export const COURT_WEIGHT: Readonly<Record<SegmentDef['strength'], number>> = { 强: 2, 弱: 2, 风险: 1, 缺: 2 };

export const CHAINS: readonly ChainDef[] = [
  {
    chain: '新能源',
    segments: [
      s('锂矿资源', '上游', '缺', '区内无矿产资源，依赖外购锂精矿', ['锂精矿加工', '碳酸锂提纯']),
      s('正极材料', '上游', '强', '已集聚磷酸铁锂、三元前驱体骨干企业', ['磷酸铁锂正极材料', '三元前驱体']),
      s('负极材料', '上游', '弱', '石墨化产能不足', ['人造石墨负极材料', '硅碳负极材料']),
      s('电解液', '上游', '弱', '配套企业少，六氟磷酸锂依赖外购', ['锂电池电解液', '新型锂盐']),
      s('隔膜', '上游', '缺', '尚无隔膜生产企业', ['湿法隔膜', '涂覆隔膜']),
      s('电芯制造', '中游', '强', '链主企业带动明显', ['动力电芯', '储能电芯']),
      s('电池PACK', '中游', '强', '配套完善', ['电池PACK', '电池管理系统']),
      s('储能系统', '下游', '弱', '应用场景有待拓展', ['储能集装箱', '户用储能系统']),
      s('回收利用', '下游', '风险', '环保审批要求高', ['废旧电池回收', '梯次利用']),
    ],
  },
  {
    chain: '生物医药',
    segments: [
      s('原料药', '上游', '强', '原料药产能居全市前列', ['原料药', '特色原料药']),
      s('医药中间体', '上游', '强', '中间体配套较完整', ['医药中间体', '手性中间体']),
      s('化学制剂', '中游', '弱', '仿制药一致性评价品种少', ['口服固体制剂', '注射剂']),
      s('中药饮片', '中游', '强', '依托本地中药材种植基地', ['中药饮片', '中药配方颗粒']),
      s('生物制品', '中游', '缺', '缺少疫苗和抗体药物企业', ['单克隆抗体', '重组蛋白']),
      s('医疗器械', '下游', '弱', '以低值耗材为主', ['医用耗材', '体外诊断试剂']),
      s('医药流通', '下游', '强', '区域医药物流中心已建成', ['医药冷链物流', '医药分拨中心']),
    ],
  },
  {
    chain: '高端装备',
    segments: [
      s('基础零部件', '上游', '强', '铸锻件企业集聚', ['精密铸件', '高端轴承']),
      s('数控机床', '中游', '弱', '整机企业规模偏小', ['五轴数控机床', '数控系统']),
      s('工业机器人', '中游', '缺', '核心部件依赖外地', ['工业机器人', '减速器']),
      s('智能产线', '中游', '弱', '集成能力有待提升', ['智能生产线', '自动化装配线']),
      s('检测设备', '下游', '风险', '关键企业面临外迁', ['智能检测设备', '无损检测仪器']),
      s('工程机械', '下游', '强', '龙头企业订单饱满', ['工程机械', '液压件']),
    ],
  },
  {
    chain: '电子信息',
    segments: [
      s('电子材料', '上游', '弱', '电子化学品企业较少', ['电子级化学品', '覆铜板']),
      s('元器件', '上游', '强', '被动元件企业集中', ['片式电容', '电感器件']),
      s('PCB', '中游', '强', '形成完整PCB产业集群', ['高多层PCB', '柔性电路板']),
      s('显示模组', '中游', '缺', '尚无显示模组企业，面板配套依赖外地', ['液晶显示模组', 'Mini LED背光模组']),
      s('智能终端', '下游', '弱', '整机组装规模小', ['智能终端', '智能穿戴设备']),
    ],
  },
];

/**
 * Per chain, a segment its map does not have yet that the zone courts a target enterprise for
 * (延链 on the 远景 map).
 */
export const EXTENSION_SEGMENTS: Readonly<Record<string, { segment: string; products: string[] }>> = {
  新能源: { segment: '固态电池', products: ['固态电池', '固态电解质'] },
  生物医药: { segment: 'CXO研发外包', products: ['临床前研究服务', 'CDMO生产服务'] },
  高端装备: { segment: '工业软件', products: ['工业控制软件', '数字孪生平台'] },
  电子信息: { segment: '半导体封测', products: ['芯片封装测试', '先进封装'] },
};

export interface ParkDef {
  name: string;
  area: string;
  industries: string;
  intro: string;
  address: string;
}

export const PARKS: readonly ParkDef[] = [
  {
    name: '高新产业园',
    area: '12.6平方公里',
    industries: '电子信息、新能源',
    intro: '开发区核心园区，已建成标准厂房42万平方米，入驻企业160余家。',
    address: '青川经济开发区科创大道88号',
  },
  {
    name: '临港物流园',
    area: '5800亩',
    industries: '现代物流、高端装备',
    intro: '依托青川港区，铁水联运条件优越，建有保税仓库和冷链中心。',
    address: '青川经济开发区港城路1号',
  },
  {
    name: '生物医药产业园',
    area: '3.2平方公里',
    industries: '生物医药、医疗器械',
    intro: '建有GMP标准厂房和公共检测平台，污水集中处理。',
    address: '青川经济开发区白沙镇药谷路16号',
  },
  {
    name: '智能装备产业园',
    area: '4100亩',
    industries: '高端装备、基础零部件',
    intro: '重型厂房占比高，行车、电力配套齐全。',
    address: '青川经济开发区河口镇装备大道9号',
  },
  {
    name: '青川镇工业集中区',
    area: '1800亩',
    industries: '电子元器件、轻工',
    intro: '乡镇工业集中区，适合中小企业快速落地。',
    address: '青川镇工业路6号',
  },
];

export interface AssetDef {
  name: string;
  type: '土地' | '厂房' | '楼宇';
  area: string;
  location: string;
  status: string;
  contactUnit: string;
  contact: string;
  phone: string;
  public: string;
}

export const ASSETS: readonly AssetDef[] = [
  {
    name: '科创大道北侧工业用地',
    type: '土地',
    area: '120亩',
    location: '高新产业园科创大道北侧',
    status: '已完成土地平整，具备供地条件',
    contactUnit: '高新产业园',
    contact: '周明',
    phone: '0000-1234501',
    public: '是',
  },
  {
    name: '港城路东地块',
    type: '土地',
    area: '86亩',
    location: '临港物流园港城路东',
    status: '征收完成',
    contactUnit: '临港物流园',
    contact: '吴丽',
    phone: '0000-1234502',
    public: '是',
  },
  {
    name: '药谷路3号地块',
    type: '土地',
    area: '45亩',
    location: '生物医药产业园药谷路',
    status: '规划调整中',
    contactUnit: '白沙镇',
    contact: '郑强',
    phone: '0000-1234503',
    public: '否',
  },
  {
    name: '装备大道南侧地块',
    type: '土地',
    area: '210亩',
    location: '智能装备产业园',
    status: '具备供地条件',
    contactUnit: '河口镇',
    contact: '王芳',
    phone: '0000-1234504',
    public: '是',
  },
  {
    name: '原宏达机械闲置厂房',
    type: '厂房',
    area: '8000㎡',
    location: '青川镇工业路12号',
    status: '闲置，可租可售',
    contactUnit: '青川镇',
    contact: '陈刚',
    phone: '0000-1234505',
    public: '是',
  },
  {
    name: '高新园标准厂房B区3栋',
    type: '厂房',
    area: '12000㎡',
    location: '高新产业园B区',
    status: '空置待招商',
    contactUnit: '高新产业园',
    contact: '周明',
    phone: '0000-1234501',
    public: '是',
  },
  {
    name: '原锦程纺织厂房',
    type: '厂房',
    area: '15600㎡',
    location: '河口镇滨河路',
    status: '司法处置中',
    contactUnit: '河口镇',
    contact: '王芳',
    phone: '0000-1234504',
    public: '否',
  },
  {
    name: '药谷GMP厂房2号楼',
    type: '厂房',
    area: '6500㎡',
    location: '生物医药产业园',
    status: '装修完成，可拎包入驻',
    contactUnit: '生物医药专班',
    contact: '刘洋',
    phone: '0000-1234506',
    public: '是',
  },
  {
    name: '临港冷链仓库',
    type: '厂房',
    area: '9800㎡',
    location: '临港物流园',
    status: '部分出租',
    contactUnit: '临港物流园',
    contact: '吴丽',
    phone: '0000-1234502',
    public: '是',
  },
  {
    name: '科创中心A座',
    type: '楼宇',
    area: '26000㎡',
    location: '高新产业园科创大道88号',
    status: '空置率35%',
    contactUnit: '投资促进局一科',
    contact: '李静',
    phone: '0000-1234507',
    public: '是',
  },
  {
    name: '总部经济大厦',
    type: '楼宇',
    area: '18000㎡',
    location: '青川大道199号',
    status: '在建，预计明年交付',
    contactUnit: '投资促进局二科',
    contact: '赵磊',
    phone: '0000-1234508',
    public: '否',
  },
  {
    name: '白沙镇电商产业园楼宇',
    type: '楼宇',
    area: '4200㎡',
    location: '白沙镇商贸街',
    status: '闲置',
    contactUnit: '白沙镇',
    contact: '郑强',
    phone: '0000-1234503',
    public: '是',
  },
];

/** Name parts for fictional companies (no real company is meant). */
export const NAME_PARTS = {
  cities: [
    '深圳',
    '上海',
    '苏州',
    '杭州',
    '宁波',
    '无锡',
    '广州',
    '东莞',
    '合肥',
    '成都',
    '武汉',
    '北京',
    '天津',
    '厦门',
    '常州',
    '长沙',
    '西安',
    '青岛',
  ],
  abroad: ['新加坡', '香港', '德国', '韩国', '日本', '台湾'],
  words: [
    '华锐',
    '恒拓',
    '中科',
    '博远',
    '瑞升',
    '启航',
    '鼎晟',
    '嘉禾',
    '天衡',
    '宏泰',
    '卓越',
    '联创',
    '汇智',
    '昌隆',
    '普瑞',
    '新澜',
    '朗信',
    '同芯',
    '凯德',
    '远景',
    '正和',
    '安捷',
    '明阳',
    '华屹',
    '弘毅',
    '睿达',
    '致远',
    '东润',
    '聚能',
    '星辰',
  ],
  trades: {
    新能源: '新能源科技',
    生物医药: '生物医药',
    高端装备: '智能装备',
    电子信息: '电子科技',
    文旅康养: '文旅发展',
  } as Record<string, string>,
  suffixes: ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'],
  surnames: [
    '王',
    '李',
    '张',
    '刘',
    '陈',
    '杨',
    '黄',
    '赵',
    '周',
    '吴',
    '徐',
    '孙',
    '马',
    '朱',
    '胡',
    '郭',
    '何',
    '林',
    '罗',
    '高',
  ],
  given: [
    '伟',
    '芳',
    '娜',
    '敏',
    '静',
    '强',
    '磊',
    '军',
    '洋',
    '勇',
    '艳',
    '杰',
    '涛',
    '明',
    '超',
    '秀英',
    '建华',
    '志强',
    '晓东',
    '海燕',
    '国庆',
    '文博',
    '雪梅',
    '子涵',
  ],
  leaders: ['局长 陈志远', '副局长 林海', '副局长 郭敏', '管委会副主任 王建国', '管委会主任 刘永康'],
  tourism: ['康养度假综合体', '温泉文旅小镇', '乡村旅游综合体', '研学旅行基地'],
};

export const DESTINATIONS = [
  '深圳',
  '上海',
  '苏州',
  '杭州',
  '北京',
  '广州',
  '东莞',
  '合肥',
  '宁波',
  '成都',
  '香港',
  '新加坡',
];
