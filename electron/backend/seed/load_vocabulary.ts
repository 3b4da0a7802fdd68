/**
 * The words the load catalogue (load_catalogue.ts) builds its generated service names from, in the four
 * languages: an action (申請 · Pedido de · Application for), a kind of document (准照 · licença · licence), what it
 * is for (食肆 · de restaurante · restaurant) and sometimes a qualifier (臨時 · temporária · temporary). Each word
 * says what it combines with, so the names read like a real catalogue's ("臨時食肆准照續期", "Renovação de licença
 * temporária de restaurante", "Renewal of temporary restaurant licence") rather than "Service 123".
 *
 * Word order per language: Chinese `qualifier + subject + document + action`; Portuguese `action + document +
 * qualifier (agreeing in gender) + subject complement`; English `action + qualifier + subject + document`.
 * Portuguese keeps the pre-1990 spelling (actividade, eléctrico, arquitecto) like the rest of the seed.
 */

export type SubjectCategory =
  | 'premises'
  | 'vehicle'
  | 'installation'
  | 'goods'
  | 'organisation'
  | 'activity'
  | 'person';

export type ActionId =
  | 'apply'
  | 'renew'
  | 'replace'
  | 'change'
  | 'cancel'
  | 'transfer'
  | 'enquire'
  | 'suspend'
  | 'review'
  | 'reschedule';

type DocumentKindId =
  | 'licence'
  | 'permit'
  | 'certificate'
  | 'registration'
  | 'card'
  | 'allowance'
  | 'subsidy'
  | 'inspection'
  | 'course';

/** [zh-Hant, zh-Hans, pt, en] */
type Words = readonly [string, string, string, string];

export const actions: Readonly<Record<ActionId, Words>> = {
  apply: ['申請', '申请', 'Pedido de', 'Application for'],
  renew: ['續期', '续期', 'Renovação de', 'Renewal of'],
  replace: ['補發', '补发', 'Segunda via de', 'Replacement of'],
  change: ['資料更改', '资料更改', 'Alteração de dados de', 'Change of particulars for'],
  cancel: ['註銷', '注销', 'Cancelamento de', 'Cancellation of'],
  transfer: ['轉讓', '转让', 'Transmissão de', 'Transfer of'],
  enquire: ['查詢', '查询', 'Consulta de', 'Enquiry about'],
  suspend: ['暫停', '暂停', 'Suspensão de', 'Suspension of'],
  review: ['覆核', '复核', 'Revisão de', 'Review of'],
  reschedule: ['改期', '改期', 'Alteração da data de', 'Rescheduling of'],
};

export interface DocumentKind {
  id: DocumentKindId;
  words: Words;
  /** Gender of the Portuguese noun, for the qualifier's agreement. */
  gender: 'm' | 'f';
  subjects: readonly SubjectCategory[];
  actions: readonly ActionId[];
}

export const documentKinds: readonly DocumentKind[] = [
  {
    id: 'licence',
    words: ['准照', '准照', 'licença', 'licence'],
    gender: 'f',
    subjects: ['premises', 'vehicle', 'installation', 'goods'],
    actions: ['apply', 'renew', 'replace', 'change', 'cancel', 'transfer', 'enquire', 'suspend'],
  },
  {
    id: 'permit',
    words: ['許可', '许可', 'autorização', 'permit'],
    gender: 'f',
    subjects: ['activity', 'goods', 'vehicle'],
    actions: ['apply', 'renew', 'change', 'cancel', 'enquire'],
  },
  {
    id: 'certificate',
    words: ['證明書', '证明书', 'certificado', 'certificate'],
    gender: 'm',
    subjects: ['premises', 'vehicle', 'person', 'organisation', 'installation'],
    actions: ['apply', 'replace', 'enquire'],
  },
  {
    id: 'registration',
    words: ['登記', '登记', 'registo', 'registration'],
    gender: 'm',
    subjects: ['organisation', 'person', 'premises', 'vehicle', 'goods'],
    actions: ['apply', 'change', 'cancel', 'enquire', 'suspend'],
  },
  {
    id: 'card',
    words: ['證', '证', 'cartão', 'card'],
    gender: 'm',
    subjects: ['person'],
    actions: ['apply', 'renew', 'replace', 'change', 'cancel'],
  },
  {
    id: 'allowance',
    words: ['津貼', '津贴', 'subsídio', 'allowance'],
    gender: 'm',
    subjects: ['person'],
    actions: ['apply', 'enquire', 'review', 'suspend'],
  },
  {
    id: 'subsidy',
    words: ['資助', '资助', 'apoio financeiro', 'funding'],
    gender: 'm',
    subjects: ['organisation', 'person', 'premises', 'activity'],
    actions: ['apply', 'enquire', 'review'],
  },
  {
    id: 'inspection',
    words: ['檢查', '检查', 'vistoria', 'inspection'],
    gender: 'f',
    subjects: ['premises', 'vehicle', 'installation'],
    actions: ['apply', 'enquire', 'reschedule'],
  },
  {
    id: 'course',
    words: ['課程', '课程', 'curso', 'course'],
    gender: 'm',
    subjects: ['person'],
    actions: ['apply', 'enquire', 'cancel'],
  },
];

export interface Qualifier {
  /** zh-Hant, zh-Hans, the Portuguese masculine and feminine forms, English. */
  words: readonly [string, string, { m: string; f: string }, string];
  documents: readonly DocumentKindId[];
}

export const qualifiers: readonly Qualifier[] = [
  {
    words: ['臨時', '临时', { m: 'temporário', f: 'temporária' }, 'temporary'],
    documents: ['licence', 'permit', 'registration', 'card'],
  },
  {
    words: ['特別', '特别', { m: 'especial', f: 'especial' }, 'special'],
    documents: ['permit', 'allowance', 'subsidy', 'inspection', 'licence'],
  },
  {
    words: ['年度', '年度', { m: 'anual', f: 'anual' }, 'annual'],
    documents: ['licence', 'inspection', 'subsidy', 'allowance', 'registration'],
  },
  {
    words: ['短期', '短期', { m: 'de curta duração', f: 'de curta duração' }, 'short-term'],
    documents: ['permit', 'course', 'subsidy', 'card'],
  },
  {
    words: ['電子', '电子', { m: 'electrónico', f: 'electrónica' }, 'electronic'],
    documents: ['certificate', 'card', 'registration', 'licence'],
  },
  {
    words: ['跨境', '跨境', { m: 'transfronteiriço', f: 'transfronteiriça' }, 'cross-border'],
    documents: ['permit', 'licence', 'registration', 'certificate'],
  },
  { words: ['進階', '进阶', { m: 'avançado', f: 'avançada' }, 'advanced'], documents: ['course'] },
  {
    words: ['一次性', '一次性', { m: 'único', f: 'única' }, 'one-off'],
    documents: ['allowance', 'subsidy', 'permit'],
  },
  {
    words: ['專業', '专业', { m: 'profissional', f: 'profissional' }, 'professional'],
    documents: ['card', 'certificate', 'course', 'registration'],
  },
];

export interface Subject {
  /** zh-Hant, zh-Hans, the Portuguese complement with its preposition, English (used before the noun). */
  words: Words;
  category: SubjectCategory;
  /** The Macau department a service about this subject is filed under. */
  department: string;
}

const subject = (category: SubjectCategory, department: string, ...words: Words): Subject => ({
  words,
  category,
  department,
});

export const subjects: readonly Subject[] = [
  subject('premises', 'IAM', '食肆', '食肆', 'de restaurante', 'restaurant'),
  subject('premises', 'IAM', '飲品店', '饮品店', 'de estabelecimento de bebidas', 'beverage outlet'),
  subject('premises', 'IAM', '麵包店', '面包店', 'de padaria', 'bakery'),
  subject('premises', 'IAM', '流動熟食車', '流动熟食车', 'de roulotte de comidas', 'food truck'),
  subject('premises', 'IAM', '街市攤檔', '街市摊档', 'de banca de mercado', 'market stall'),
  subject('premises', 'IAM', '報攤', '报摊', 'de banca de jornais', 'newsstand'),
  subject('premises', 'IAM', '洗衣店', '洗衣店', 'de lavandaria', 'laundry'),
  subject('premises', 'IAM', '理髮店', '理发店', 'de barbearia', 'barber shop'),
  subject('premises', 'IAM', '美容院', '美容院', 'de salão de beleza', 'beauty salon'),
  subject('premises', 'IAM', '寵物店', '宠物店', 'de loja de animais', 'pet shop'),
  subject('premises', 'IAM', '動物醫院', '动物医院', 'de hospital veterinário', 'animal hospital'),
  subject('premises', 'DST', '按摩院', '按摩院', 'de casa de massagens', 'massage parlour'),
  subject('premises', 'DST', '桑拿', '桑拿', 'de sauna', 'sauna'),
  subject('premises', 'DST', '酒吧', '酒吧', 'de bar', 'bar'),
  subject('premises', 'DST', '卡拉OK', '卡拉OK', 'de karaoke', 'karaoke venue'),
  subject('premises', 'DST', '酒店', '酒店', 'de hotel', 'hotel'),
  subject('premises', 'DST', '賓館', '宾馆', 'de pensão', 'guesthouse'),
  subject('premises', 'DST', '旅行社', '旅行社', 'de agência de viagens', 'travel agency'),
  subject('premises', 'IAM', '網吧', '网吧', 'de cibercafé', 'internet café'),
  subject('premises', 'SSM', '藥房', '药房', 'de farmácia', 'pharmacy'),
  subject('premises', 'SSM', '診所', '诊所', 'de clínica', 'clinic'),
  subject('premises', 'SSM', '牙科診所', '牙科诊所', 'de clínica dentária', 'dental clinic'),
  subject(
    'premises',
    'SSM',
    '中醫診所',
    '中医诊所',
    'de clínica de medicina chinesa',
    'Chinese medicine clinic',
  ),
  subject('premises', 'SSM', '化驗所', '化验所', 'de laboratório de análises clínicas', 'medical laboratory'),
  subject('premises', 'IAS', '安老院', '安老院', 'de lar de idosos', 'elderly care home'),
  subject('premises', 'IAS', '托兒所', '托儿所', 'de creche', 'creche'),
  subject('premises', 'DSEDJ', '補習社', '补习社', 'de centro de explicações', 'tutoring centre'),
  subject('premises', 'DSEDJ', '幼稚園', '幼稚园', 'de jardim de infância', 'kindergarten'),
  subject('premises', 'DSAT', '駕駛學校', '驾驶学校', 'de escola de condução', 'driving school'),
  subject('premises', 'ID', '健身中心', '健身中心', 'de ginásio', 'fitness centre'),
  subject('premises', 'DSEDT', '當舖', '当铺', 'de casa de penhores', 'pawnshop'),
  subject('premises', 'AMCM', '兌換店', '兑换店', 'de casa de câmbio', 'money changer'),
  subject('premises', 'DSEDT', '工廠', '工厂', 'de fábrica', 'factory'),
  subject('premises', 'CB', '倉庫', '仓库', 'de armazém', 'warehouse'),
  subject('premises', 'DSAT', '停車場', '停车场', 'de parque de estacionamento', 'car park'),
  subject('premises', 'DSEDT', '印刷廠', '印刷厂', 'de tipografia', 'printing works'),
  subject('vehicle', 'DSAT', '貨車', '货车', 'de veículo de mercadorias', 'goods vehicle'),
  subject('vehicle', 'DSAT', '的士', '的士', 'de táxi', 'taxi'),
  subject('vehicle', 'DSAT', '旅遊巴士', '旅游巴士', 'de autocarro de turismo', 'tour coach'),
  subject('vehicle', 'DSAT', '電單車', '电单车', 'de motociclo', 'motorcycle'),
  subject('vehicle', 'DSAT', '教練車', '教练车', 'de automóvel de instrução', 'learner car'),
  subject('vehicle', 'DSAT', '電動車', '电动车', 'de veículo eléctrico', 'electric vehicle'),
  subject('vehicle', 'DSAMA', '船舶', '船舶', 'de embarcação', 'vessel'),
  subject('vehicle', 'DSAMA', '漁船', '渔船', 'de embarcação de pesca', 'fishing boat'),
  subject('vehicle', 'DSAMA', '遊艇', '游艇', 'de embarcação de recreio', 'pleasure craft'),
  subject(
    'installation',
    'DSSCU',
    '電力裝置',
    '电力装置',
    'de instalação eléctrica',
    'electrical installation',
  ),
  subject('installation', 'CB', '燃氣裝置', '燃气装置', 'de instalação de gás', 'gas installation'),
  subject('installation', 'DSSCU', '升降機', '升降机', 'de ascensor', 'lift'),
  subject('installation', 'CB', '消防設備', '消防设备', 'de equipamento contra incêndios', 'fire equipment'),
  subject('installation', 'DSPA', '充電站', '充电站', 'de posto de carregamento', 'charging station'),
  subject('installation', 'IAM', '招牌', '招牌', 'de reclamo', 'signboard'),
  subject('goods', 'CB', '危險品', '危险品', 'de mercadorias perigosas', 'dangerous goods'),
  subject('goods', 'DSPA', '化學品', '化学品', 'de produtos químicos', 'chemicals'),
  subject('goods', 'SA', '煙草', '烟草', 'de tabaco', 'tobacco'),
  subject('goods', 'SA', '酒類', '酒类', 'de bebidas alcoólicas', 'alcoholic drinks'),
  subject('goods', 'SSM', '藥物', '药物', 'de medicamentos', 'medicines'),
  subject('goods', 'SSM', '醫療器械', '医疗器械', 'de dispositivos médicos', 'medical devices'),
  subject('goods', 'IAM', '進口食品', '进口食品', 'de produtos alimentares importados', 'imported food'),
  subject(
    'goods',
    'CTT',
    '無線電設備',
    '无线电设备',
    'de equipamento de radiocomunicações',
    'radio equipment',
  ),
  subject('organisation', 'DSI', '社團', '社团', 'de associação', 'association'),
  subject('organisation', 'DSI', '基金會', '基金会', 'de fundação', 'foundation'),
  subject('organisation', 'ID', '體育會', '体育会', 'de clube desportivo', 'sports club'),
  subject('organisation', 'DSEDT', '中小企業', '中小企业', 'de pequena e média empresa', 'small business'),
  subject('organisation', 'CPSP', '保安公司', '保安公司', 'de empresa de segurança', 'security company'),
  subject('organisation', 'DSSCU', '建築商', '建筑商', 'de empreiteiro de construção', 'building contractor'),
  subject(
    'organisation',
    'IH',
    '物業管理公司',
    '物业管理公司',
    'de empresa de administração de condomínios',
    'property management company',
  ),
  subject('organisation', 'IH', '地產代理', '地产代理', 'de mediação imobiliária', 'estate agency'),
  subject('activity', 'IAM', '戶外活動', '户外活动', 'de actividade ao ar livre', 'outdoor event'),
  subject('activity', 'IAM', '街頭表演', '街头表演', 'de actuação na via pública', 'street performance'),
  subject('activity', 'IC', '展覽', '展览', 'de exposição', 'exhibition'),
  subject('activity', 'IC', '演出', '演出', 'de espectáculo', 'performance'),
  subject('activity', 'IAM', '電影拍攝', '电影拍摄', 'de filmagem', 'film shoot'),
  subject('activity', 'CPSP', '無人機飛行', '无人机飞行', 'de voo de drone', 'drone flight'),
  subject(
    'activity',
    'CPSP',
    '煙花燃放',
    '烟花燃放',
    'de lançamento de fogo-de-artifício',
    'fireworks display',
  ),
  subject('activity', 'ID', '體育賽事', '体育赛事', 'de evento desportivo', 'sports event'),
  subject('activity', 'IC', '文化節慶', '文化节庆', 'de festival cultural', 'cultural festival'),
  subject('person', 'IAS', '長者', '长者', 'para idosos', 'senior citizen'),
  subject('person', 'DSEDJ', '學生', '学生', 'de estudante', 'student'),
  subject('person', 'IAS', '殘疾人士', '残疾人士', 'para pessoas com deficiência', 'disability'),
  subject('person', 'IAS', '家庭', '家庭', 'para famílias', 'family'),
  subject('person', 'DSEDJ', '青年', '青年', 'para jovens', 'youth'),
  subject('person', 'IAS', '照顧者', '照顾者', 'de cuidador', 'carer'),
  subject('person', 'DSAL', '僱主', '雇主', 'de entidade patronal', 'employer'),
  subject('person', 'DSAL', '外地僱員', '外地雇员', 'de trabalhador não residente', 'non-resident worker'),
  subject('person', 'IAS', '義工', '义工', 'de voluntário', 'volunteer'),
  subject('person', 'DSEDJ', '教師', '教师', 'de docente', 'teacher'),
  subject('person', 'IAS', '社工', '社工', 'de assistente social', 'social worker'),
  subject('person', 'SSM', '醫生', '医生', 'de médico', 'doctor'),
  subject('person', 'SSM', '護士', '护士', 'de enfermeiro', 'nurse'),
  subject('person', 'SSM', '藥劑師', '药剂师', 'de farmacêutico', 'pharmacist'),
  subject('person', 'DST', '導遊', '导游', 'de guia turístico', 'tour guide'),
  subject('person', 'DSAT', '司機', '司机', 'de motorista', 'driver'),
  subject('person', 'DSAL', '廚師', '厨师', 'de cozinheiro', 'chef'),
  subject('person', 'DSSCU', '建築師', '建筑师', 'de arquitecto', 'architect'),
  subject('person', 'DSSCU', '工程師', '工程师', 'de engenheiro', 'engineer'),
  subject('person', 'CPSP', '保安員', '保安员', 'de vigilante', 'security guard'),
  subject('person', 'FP', '退休人員', '退休人员', 'de aposentado', 'retiree'),
  subject('person', 'FSS', '新生嬰兒', '新生婴儿', 'de recém-nascido', 'newborn'),
  subject('person', 'FSS', '失業人士', '失业人士', 'para desempregados', 'unemployment'),
];
