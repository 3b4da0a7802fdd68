import {
  type SeedCatalogue,
  SeedCatalogueSchema,
  type SeedCentre,
  type SeedDepartment,
  type SeedLockerPoint,
  type SeedResident,
  type SeedService,
  type SeedText,
} from './seed_schema.js';

/**
 * PLACEHOLDER until the real seed catalogue lands (another engineer writes it: the 36 departments and 692
 * services). This is a small, valid catalogue with the same exports and the same ids where the brief fixes them
 * (centres, residents, a few DSI and Hengqin services), so the backend, its tests and the search bench run now.
 * `loadTestCatalogue(scale)` generates `692 × scale` services in four languages from a vocabulary, so the search
 * bench measures the size the real 10× catalogue will have.
 */

const t = (zhHant: string, zhHans: string, pt: string, en: string): SeedText => ({
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  pt,
  en,
});

const departments: SeedDepartment[] = [
  {
    code: 'DSI',
    name: t(
      '身份證明局',
      '身份证明局',
      'Direcção dos Serviços de Identificação',
      'Identification Services Bureau',
    ),
    site: 'macau',
    mainland: false,
    sample: false,
  },
  {
    code: 'CPSP',
    name: t(
      '治安警察局',
      '治安警察局',
      'Corpo de Polícia de Segurança Pública',
      'Public Security Police Force',
    ),
    site: 'macau',
    mainland: false,
    sample: false,
  },
  {
    code: 'DSAT',
    name: t(
      '交通事務局',
      '交通事务局',
      'Direcção dos Serviços para os Assuntos de Tráfego',
      'Transport Bureau',
    ),
    site: 'macau',
    mainland: false,
    sample: false,
  },
  {
    code: 'IAM',
    name: t('市政署', '市政署', 'Instituto para os Assuntos Municipais', 'Municipal Affairs Bureau'),
    site: 'macau',
    mainland: false,
    sample: false,
  },
  {
    code: 'SAFP',
    name: t(
      '行政公職局',
      '行政公职局',
      'Direcção dos Serviços de Administração e Função Pública',
      'Public Administration and Civil Service Bureau',
    ),
    site: 'macau',
    mainland: false,
    sample: false,
  },
  {
    code: 'FSS',
    name: t('社會保障基金', '社会保障基金', 'Fundo de Segurança Social', 'Social Security Fund'),
    site: 'macau',
    mainland: false,
    sample: false,
  },
  {
    code: 'HQ-PSB',
    name: t(
      '橫琴公安出入境服務',
      '横琴公安出入境服务',
      'Segurança Pública de Hengqin',
      'Hengqin Public Security',
    ),
    site: 'hengqin',
    mainland: true,
    sample: true,
  },
  {
    code: 'HQ-BUS',
    name: t('橫琴商事服務', '横琴商事服务', 'Serviços Comerciais de Hengqin', 'Hengqin Business Services'),
    site: 'hengqin',
    mainland: true,
    sample: true,
  },
];

const macauCounters = ['china-plaza', 'areia-preta', 'islands'];

function service(
  id: string,
  department: string,
  name: SeedText,
  options: Partial<Omit<SeedService, 'id' | 'department' | 'name'>> = {},
): SeedService {
  const site = department.startsWith('HQ-') ? 'hengqin' : 'macau';
  return {
    id,
    department,
    name,
    site,
    requirements: ['identity-document'],
    feeAvos: 0,
    appointmentMinutes: 15,
    bookable: true,
    lockerPickup: false,
    centres: site === 'hengqin' ? ['hengqin-gsc'] : macauCounters,
    sample: false,
    ...options,
  };
}

const services: SeedService[] = [
  service(
    'dsi-bir-renewal',
    'DSI',
    t(
      '永久性居民身份證續期',
      '永久性居民身份证续期',
      'Renovação do Bilhete de Identidade de Residente Permanente',
      'Renewal of the permanent resident identity card',
    ),
    {
      requirements: ['identity-document', 'photo', 'fee'],
      feeAvos: 12000,
      centres: [...macauCounters, 'hengqin-gsc'],
    },
  ),
  service(
    'dsi-personal-data-certificate',
    'DSI',
    t('個人資料證明書', '个人资料证明书', 'Certificado de dados pessoais', 'Certificate of personal data'),
    { feeAvos: 5000, lockerPickup: true },
  ),
  service(
    'dsi-criminal-record-certificate',
    'DSI',
    t('刑事紀錄證明書', '刑事纪录证明书', 'Certificado de registo criminal', 'Criminal record certificate'),
    { requirements: ['identity-document', 'application-form', 'fee'], feeAvos: 6000, lockerPickup: true },
  ),
  service(
    'dsi-kinship-certificate',
    'DSI',
    t('親屬關係證明書', '亲属关系证明书', 'Certificado de relação de parentesco', 'Kinship certificate'),
    { feeAvos: 5000, lockerPickup: true },
  ),
  service(
    'dsi-passport-application',
    'DSI',
    t('特區護照申請', '特区护照申请', 'Pedido de passaporte da RAEM', 'MSAR passport application'),
    { requirements: ['identity-document', 'photo', 'fee'], feeAvos: 37000 },
  ),
  service(
    'dsi-travel-permit-application',
    'DSI',
    t(
      '特區旅行證申請',
      '特区旅行证申请',
      'Pedido de título de viagem da RAEM',
      'MSAR travel permit application',
    ),
    { requirements: ['identity-document', 'photo', 'fee'], feeAvos: 22500 },
  ),
  service(
    'cpsp-stay-permit-renewal',
    'CPSP',
    t(
      '外地僱員逗留許可續期',
      '外地雇员逗留许可续期',
      'Renovação da autorização de permanência de trabalhador não residente',
      'Renewal of a non-resident worker’s stay permit',
    ),
    { requirements: ['travel-document', 'application-form'], sample: true },
  ),
  service(
    'dsat-driving-licence-renewal',
    'DSAT',
    t('駕駛執照續期', '驾驶执照续期', 'Renovação da carta de condução', 'Driving licence renewal'),
    { requirements: ['identity-document', 'photo', 'fee'], feeAvos: 20000, sample: true },
  ),
  service(
    'iam-dog-licence',
    'IAM',
    t('犬隻准照續期', '犬只准照续期', 'Renovação da licença de canídeo', 'Dog licence renewal'),
    { lockerPickup: true, sample: true },
  ),
  service(
    'safp-translation',
    'SAFP',
    t(
      '中葡文件翻譯',
      '中葡文件翻译',
      'Tradução de documentos chinês-português',
      'Chinese–Portuguese document translation',
    ),
    { lockerPickup: true, sample: true },
  ),
  service(
    'fss-contribution-enquiry',
    'FSS',
    t(
      '社會保障供款記錄查詢',
      '社会保障供款记录查询',
      'Consulta das contribuições da segurança social',
      'Social security contribution enquiry',
    ),
    { bookable: false, sample: true },
  ),
  service(
    'hq-driving-licence',
    'HQ-PSB',
    t(
      '駕駛證業務',
      '驾驶证业务',
      'Carta de condução do Interior da China',
      'Mainland driving licence services',
    ),
    { requirements: ['travel-document', 'residence-permit', 'photo'] },
  ),
  service(
    'hq-residence-permit',
    'HQ-PSB',
    t(
      '港澳居民居住證申領',
      '港澳居民居住证申领',
      'Autorização de residência para residentes de Hong Kong e Macau',
      'Residence Permit for Hong Kong and Macao Residents',
    ),
    { requirements: ['travel-document', 'photo', 'proof-of-address'] },
  ),
  service(
    'hq-exit-entry-permit',
    'HQ-PSB',
    t('出入境證件辦理', '出入境证件办理', 'Documentos de entrada e saída', 'Exit-entry permits'),
    { requirements: ['travel-document', 'photo'] },
  ),
  service(
    'hq-commercial-registration',
    'HQ-BUS',
    t('商事登記', '商事登记', 'Registo comercial', 'Commercial registration'),
    { requirements: ['identity-document', 'application-form'] },
  ),
];

function centre(
  id: string,
  name: SeedText,
  address: SeedText,
  coordinates: [number, number],
  counterHours: string,
  site: 'macau' | 'hengqin' = 'macau',
): SeedCentre {
  return {
    id,
    name,
    address,
    site,
    latitude: coordinates[0],
    longitude: coordinates[1],
    counterHours,
    sample: false,
  };
}

const centres: SeedCentre[] = [
  centre(
    'china-plaza',
    t('中華廣場', '中华广场', 'China Plaza', 'China Plaza'),
    t('南灣大馬路804號', '南湾大马路804号', 'Avenida da Praia Grande, 804', '804 Avenida da Praia Grande'),
    [22.1917, 113.5441],
    '09:00-17:45',
  ),
  centre(
    'flora',
    t('二龍喉', '二龙喉', 'Flora', 'Flora'),
    t('士多鳥拜斯大馬路', '士多鸟拜斯大马路', 'Avenida de Sidónio Pais', 'Avenida de Sidónio Pais'),
    [22.1981, 113.55],
    '24h',
  ),
  centre(
    'fai-chi-kei',
    t('筷子基', '筷子基', 'Fai Chi Kei', 'Fai Chi Kei'),
    t('快達大廈', '快达大厦', 'Edifício Fai Tat', 'Fai Tat Building'),
    [22.2082, 113.5378],
    '24h',
  ),
  centre(
    'areia-preta',
    t(
      '黑沙環政府綜合服務中心',
      '黑沙环政府综合服务中心',
      'Centro de Serviços da Areia Preta',
      'Areia Preta Government Services Centre',
    ),
    t(
      '慕拉士大馬路222號望信樓地下',
      '慕拉士大马路222号望信楼地下',
      'Avenida de Venceslau de Morais, 222, Edifício Mong Son, r/c',
      '222 Avenida de Venceslau de Morais, Mong Son Building, ground floor',
    ),
    [22.2115, 113.5532],
    '09:00-17:45',
  ),
  centre(
    'taipa-lake',
    t('氹仔湖畔', '氹仔湖畔', 'Lago da Taipa', 'Taipa Lake'),
    t('湖畔大廈', '湖畔大厦', 'Edifícios do Lago', 'Edifícios do Lago'),
    [22.1563, 113.5582],
    '24h',
  ),
  centre(
    'islands',
    t(
      '離島政府綜合服務中心',
      '离岛政府综合服务中心',
      'Centro de Serviços das Ilhas',
      'Islands Government Services Centre',
    ),
    t(
      '氹仔哥英布拉街225號3樓',
      '氹仔哥英布拉街225号3楼',
      'Rua de Coimbra, 225, 3.º andar, Taipa',
      '225 Rua de Coimbra, 3/F, Taipa',
    ),
    [22.1553, 113.553],
    '09:00-17:45',
  ),
  centre(
    'seac-pai-van',
    t(
      '石排灣社區綜合大樓',
      '石排湾社区综合大楼',
      'Complexo Comunitário de Seac Pai Van',
      'Seac Pai Van Community Complex',
    ),
    t(
      '蝴蝶谷大馬路',
      '蝴蝶谷大马路',
      'Avenida de Vale das Borboletas, Coloane',
      'Avenida de Vale das Borboletas, Coloane',
    ),
    [22.1263, 113.5603],
    '24h',
  ),
  centre(
    'three-lamps',
    t('三盞燈', '三盏灯', 'Três Candeeiros', 'Three Lamps'),
    t('嘉路米耶圓形地', '嘉路米耶圆形地', 'Rotunda de Carlos da Maia', 'Rotunda de Carlos da Maia'),
    [22.2048, 113.5435],
    '24h',
  ),
  centre(
    'new-neighbourhood',
    t('澳門新街坊', '澳门新街坊', 'Novo Bairro de Macau', 'Macao New Neighbourhood'),
    t(
      '橫琴粵澳深度合作區',
      '横琴粤澳深度合作区',
      'Zona de Cooperação Aprofundada em Hengqin',
      'Hengqin Cooperation Zone',
    ),
    [22.1383, 113.5231],
    '24h',
  ),
  centre(
    'hengqin-gsc',
    t(
      '橫琴政務服務中心',
      '横琴政务服务中心',
      'Centro de Serviços de Assuntos Governamentais de Hengqin',
      'Hengqin Government Services Centre',
    ),
    t(
      '橫琴粵澳深度合作區',
      '横琴粤澳深度合作区',
      'Zona de Cooperação Aprofundada em Hengqin',
      'Hengqin Cooperation Zone',
    ),
    [22.131, 113.54],
    '09:00-17:00',
    'hengqin',
  ),
];

function lockerPoint(centreOf: SeedCentre, compartments: SeedLockerPoint['compartments']): SeedLockerPoint {
  return {
    id: `locker-${centreOf.id}`,
    name: {
      'zh-Hant': `智取易 ${centreOf.name['zh-Hant']}`,
      'zh-Hans': `智取易 ${centreOf.name['zh-Hans']}`,
      pt: `Easy Pickup — ${centreOf.name.pt}`,
      en: `Easy Pickup — ${centreOf.name.en}`,
    },
    address: centreOf.address,
    latitude: centreOf.latitude,
    longitude: centreOf.longitude,
    hours: '24h',
    compartments,
    sample: true,
  };
}

const byId = (id: string): SeedCentre => centres.find((c) => c.id === id)!;
const lockerPoints: SeedLockerPoint[] = [
  lockerPoint(byId('china-plaza'), { small: 24, medium: 12, large: 4 }),
  lockerPoint(byId('areia-preta'), { small: 24, medium: 12, large: 4 }),
  lockerPoint(byId('fai-chi-kei'), { small: 16, medium: 8, large: 2 }),
  lockerPoint(byId('islands'), { small: 16, medium: 8, large: 2 }),
  lockerPoint(byId('taipa-lake'), { small: 16, medium: 8, large: 2 }),
  lockerPoint(byId('seac-pai-van'), { small: 1, medium: 0, large: 0 }),
];

const residents: SeedResident[] = [
  {
    id: 'R-0001',
    documents: [
      { kind: 'passport', number: 'MB2345678' },
      { kind: 'residence-permit', number: '820000199003150017' },
    ],
    collectionPin: '123456',
    sample: true,
  },
  {
    id: 'R-0002',
    documents: [
      { kind: 'passport', number: 'L898902C3' },
      { kind: 'id-card', number: 'D23145890734' },
    ],
    collectionPin: '246810',
    sample: true,
  },
  {
    id: 'R-0003',
    documents: [{ kind: 'passport', number: 'MB7654321' }],
    collectionPin: '111111',
    sample: true,
  },
];

/** The validated seed catalogue. */
export function seedCatalogue(): SeedCatalogue {
  return SeedCatalogueSchema.parse({ departments, services, centres, lockerPoints, residents });
}

// ---- the generated load catalogue ----

/** What a service does, in the four languages (written, not converted). */
const actions: [string, string, string, string][] = [
  ['申請', '申请', 'Pedido de', 'Application for'],
  ['續期', '续期', 'Renovação de', 'Renewal of'],
  ['補發', '补发', 'Segunda via de', 'Replacement of'],
  ['更改', '更改', 'Alteração de', 'Change of'],
  ['查詢', '查询', 'Consulta de', 'Enquiry about'],
  ['註銷', '注销', 'Cancelamento de', 'Cancellation of'],
  ['登記', '登记', 'Registo de', 'Registration of'],
  ['證明', '证明', 'Certidão de', 'Certificate of'],
];
const subjects: [string, string, string, string][] = [
  ['營業稅', '营业税', 'contribuição industrial', 'business tax'],
  ['職業稅', '职业税', 'imposto profissional', 'professional tax'],
  ['物業登記', '物业登记', 'registo predial', 'property registration'],
  ['結婚登記', '结婚登记', 'registo de casamento', 'marriage registration'],
  ['出生登記', '出生登记', 'registo de nascimento', 'birth registration'],
  ['車輛牌照', '车辆牌照', 'licença de veículo', 'vehicle licence'],
  ['飲食場所准照', '饮食场所准照', 'licença de estabelecimento de comidas', 'food establishment licence'],
  ['醫療券', '医疗券', 'vales de saúde', 'health-care vouchers'],
  ['養老金', '养老金', 'pensão para idosos', 'old-age pension'],
  ['公屋申請', '公屋申请', 'habitação pública', 'public housing'],
  ['學生證', '学生证', 'cartão de estudante', 'student card'],
  ['漁船牌照', '渔船牌照', 'licença de embarcação de pesca', 'fishing vessel licence'],
  ['社團', '社团', 'associação', 'association'],
  ['勞動關係', '劳动关系', 'relação de trabalho', 'employment relation'],
  ['污水排放', '污水排放', 'descarga de águas residuais', 'waste-water discharge'],
  ['文物保護', '文物保护', 'protecção do património', 'heritage protection'],
  ['體育設施', '体育设施', 'instalações desportivas', 'sports facilities'],
  ['旅行社執照', '旅行社执照', 'licença de agência de viagens', 'travel agency licence'],
  ['統計調查', '统计调查', 'inquérito estatístico', 'statistical survey'],
  ['郵政信箱', '邮政信箱', 'apartado postal', 'post office box'],
  ['商標', '商标', 'marca registada', 'trademark'],
  ['退休金', '退休金', 'pensão de aposentação', 'retirement pension'],
  ['助學金', '助学金', 'bolsa de estudo', 'study grant'],
  ['選民登記', '选民登记', 'recenseamento eleitoral', 'voter registration'],
];
const qualifiers: [string, string, string, string][] = [
  ['', '', '', ''],
  ['（個人）', '（个人）', '(particulares)', '(individuals)'],
  ['（企業）', '（企业）', '(empresas)', '(companies)'],
  ['（長者）', '（长者）', '(idosos)', '(senior citizens)'],
  ['（非本地居民）', '（非本地居民）', '(não residentes)', '(non-residents)'],
];

/**
 * A load catalogue `scale` times the size of the real one (692 services): the seed catalogue's own entries,
 * then generated sample services spread over generated sample departments, 36 in all, in four languages.
 */
export function loadTestCatalogue(scale: number): SeedCatalogue {
  const base = seedCatalogue();
  const target = Math.round(692 * scale);
  const loadDepartments = [...base.departments];
  for (let i = loadDepartments.length; i < 36; i++) {
    const n = String(i).padStart(2, '0');
    loadDepartments.push({
      code: `SD${n}`,
      name: t(`樣本部門${n}`, `样本部门${n}`, `Serviço de amostra ${n}`, `Sample department ${n}`),
      site: 'macau',
      mainland: false,
      sample: true,
    });
  }
  const macauDepartments = loadDepartments.filter((d) => d.site === 'macau');
  const loadServices = [...base.services];
  for (let i = 0; loadServices.length < target; i++) {
    const action = actions[i % actions.length]!;
    const subject = subjects[Math.floor(i / actions.length) % subjects.length]!;
    const qualifier = qualifiers[Math.floor(i / (actions.length * subjects.length)) % qualifiers.length]!;
    const department = macauDepartments[i % macauDepartments.length]!;
    const serial = Math.floor(i / (actions.length * subjects.length * qualifiers.length));
    const suffix = serial > 0 ? ` ${serial + 1}` : '';
    loadServices.push({
      id: `${department.code.toLowerCase()}-load-${i}`,
      department: department.code,
      name: t(
        `${subject[0]}${action[0]}${qualifier[0]}${suffix}`,
        `${subject[1]}${action[1]}${qualifier[1]}${suffix}`,
        `${action[2]} ${subject[2]} ${qualifier[2]}${suffix}`.trim(),
        `${action[3]} ${subject[3]} ${qualifier[3]}${suffix}`.trim(),
      ),
      site: 'macau',
      requirements: ['identity-document'],
      feeAvos: (i % 5) * 1000,
      appointmentMinutes: 15,
      bookable: i % 7 !== 0,
      lockerPickup: i % 3 === 0,
      centres: macauCounters,
      sample: true,
    });
  }
  return SeedCatalogueSchema.parse({ ...base, departments: loadDepartments, services: loadServices });
}
