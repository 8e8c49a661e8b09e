/**
 * The national DX indicator catalog the product ships: every code of
 * `indicator-codes.ts`, fully defined (names, pillar, kind, unit of measure,
 * aggregation, direction, numerator and denominator, definition, legal basis,
 * data source, reporting unit kinds, search keywords). It covers every kind
 * of target in the seed documents: online public services, work files per
 * level, reports and inspections done digitally, national databases, digital
 * economy share of GRDP and per sector, labour productivity, fibre, 4G/5G and
 * smartphones, e-payment, the DTI rank, staff training, the specialised data
 * network, telehealth, online schooling, SMEs in DX…
 *
 * Started at start-up into the `indicator` table by code (see
 * services/indicator.service.ts); a province's own indicators live beside
 * them with an owner unit and are never touched by that.
 *
 * Since 2025 several agencies were merged (the Department of Information and
 * Communications into the Department of Science and Technology, the
 * Department of Planning and Investment into the Department of Finance …);
 * data sources name today's agency and the former one.
 */
import type {
  Aggregation,
  Bilingual,
  Direction,
  IndicatorDefinition,
  IndicatorKind,
  Pillar,
  ReportingUnitKind,
} from '../indicator/indicator';
import { type LegalDocumentKey, legalDocuments } from '../indicator/legal-documents';
import { type IndicatorCode, indicatorCodes } from './indicator-codes';

const bi = (vi: string, en: string): Bilingual => ({ vi, en });

const PERCENT = bi('%', '%');

/** Who reports or holds the figures. */
const source = {
  dx: bi(
    'Sở Khoa học và Công nghệ (trước năm 2025: Sở Thông tin và Truyền thông) tổng hợp',
    'Department of Science and Technology (before 2025: Department of Information and Communications), compiled',
  ),
  units: bi(
    'Từng cơ quan, đơn vị báo cáo; Sở Khoa học và Công nghệ (trước năm 2025: Sở Thông tin và Truyền thông) tổng hợp',
    'Each agency and unit reports; the Department of Science and Technology (before 2025: Information and Communications) compiles',
  ),
  office: bi(
    'Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công), từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh',
    "Office of the Provincial People's Committee (Public Administration Service Centre), from the province's administrative-procedure system",
  ),
  stats: bi('Cơ quan thống kê cấp tỉnh', 'Provincial statistics office'),
  sbv: bi(
    'Ngân hàng Nhà nước Việt Nam (chi nhánh phụ trách địa bàn tỉnh)',
    'State Bank of Viet Nam (branch covering the province)',
  ),
  health: bi('Sở Y tế', 'Department of Health'),
  education: bi('Sở Giáo dục và Đào tạo', 'Department of Education and Training'),
  vocational: bi(
    'Sở Giáo dục và Đào tạo (trước năm 2025: Sở Lao động – Thương binh và Xã hội)',
    'Department of Education and Training (before 2025: Department of Labour, Invalids and Social Affairs)',
  ),
  trade: bi('Sở Công Thương', 'Department of Industry and Trade'),
  agriculture: bi(
    'Sở Nông nghiệp và Môi trường (trước năm 2025: Sở Nông nghiệp và Phát triển nông thôn)',
    'Department of Agriculture and Environment (before 2025: Agriculture and Rural Development)',
  ),
  finance: bi('Sở Tài chính', 'Department of Finance'),
  enterprises: bi(
    'Sở Tài chính (đăng ký doanh nghiệp; trước năm 2025: Sở Kế hoạch và Đầu tư), Sở Khoa học và Công nghệ',
    'Department of Finance (business registration; before 2025: Planning and Investment), Department of Science and Technology',
  ),
  homeAffairs: bi('Sở Nội vụ; từng cơ quan, đơn vị', 'Department of Home Affairs; each agency and unit'),
  police: bi('Công an tỉnh', 'Provincial Police'),
  tax: bi('Cơ quan thuế quản lý địa bàn tỉnh', 'The tax authority of the province'),
  tourism: bi('Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'),
  telecom: bi(
    'Doanh nghiệp viễn thông trên địa bàn; Sở Khoa học và Công nghệ (trước năm 2025: Sở Thông tin và Truyền thông) tổng hợp',
    'Telecom operators in the province; compiled by the Department of Science and Technology (before 2025: Information and Communications)',
  ),
  ministry: bi(
    'Bộ Khoa học và Công nghệ (trước năm 2025: Bộ Thông tin và Truyền thông) công bố hằng năm',
    'Published yearly by the Ministry of Science and Technology (before 2025: Ministry of Information and Communications)',
  ),
  zones: bi(
    'Ban Quản lý các khu kinh tế, khu công nghiệp tỉnh; Sở Công Thương (cụm công nghiệp)',
    'Provincial management board of economic and industrial zones; Department of Industry and Trade (industrial clusters)',
  ),
  construction: bi(
    'Sở Xây dựng; Sở Khoa học và Công nghệ',
    'Department of Construction; Department of Science and Technology',
  ),
} as const;

const pillarOfPrefix: Record<string, Pillar> = {
  GOV: 'government',
  ECO: 'economy',
  SOC: 'society',
  FND: 'foundation',
};

interface Entry {
  code: IndicatorCode;
  nameEn: string;
  kind: IndicatorKind;
  /** Default: "%" for ratios. */
  unit?: Bilingual;
  /** Default: `ratio` for ratios, `sum` for counts and amounts, `none` otherwise. */
  aggregation?: Aggregation;
  /** Default: higher is better, lower for ranks. */
  direction?: Direction;
  numerator?: Bilingual;
  denominator?: Bilingual;
  definition: Bilingual;
  legal: LegalDocumentKey[];
  source: Bilingual;
  unitKinds: ReportingUnitKind[];
  keywords: string[];
}

function define(e: Entry): IndicatorDefinition {
  const prefix = e.code.split('.')[0] as string;
  const aggregation =
    e.aggregation ??
    (e.kind === 'ratio' ? 'ratio' : e.kind === 'count' || e.kind === 'amount' ? 'sum' : 'none');
  return {
    code: e.code,
    nameVi: indicatorCodes[e.code],
    nameEn: e.nameEn,
    pillar: pillarOfPrefix[prefix] as Pillar,
    kind: e.kind,
    unitOfMeasure: e.unit ?? PERCENT,
    aggregation,
    direction: e.direction ?? (e.kind === 'rank' ? 'lower_better' : 'higher_better'),
    numerator: e.numerator ?? null,
    denominator: e.denominator ?? null,
    definition: e.definition,
    legalBasis: e.legal.map((k) => legalDocuments[k]),
    dataSource: e.source,
    unitKinds: e.unitKinds,
    keywords: e.keywords,
  };
}

const entries: Entry[] = [
  // ── Chính quyền số / digital government ────────────────────────────────
  {
    code: 'GOV.DVC_FULL_ONLINE',
    nameEn:
      'Share of eligible administrative procedures provided as full-process (level 4) online public services',
    kind: 'ratio',
    numerator: bi(
      'Số thủ tục hành chính được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình (mức độ 4)',
      'Administrative procedures provided as full-process (level 4) online public services',
    ),
    denominator: bi(
      'Số thủ tục hành chính đủ điều kiện cung cấp trực tuyến toàn trình theo quy định',
      'Administrative procedures eligible by law to be provided fully online',
    ),
    definition: bi(
      'Dịch vụ công trực tuyến toàn trình (trước Nghị định 42/2022/NĐ-CP gọi là mức độ 4) cho phép thực hiện toàn bộ quy trình, từ nộp hồ sơ, thanh toán phí, lệ phí đến nhận kết quả, trên môi trường mạng. Không tính các thủ tục có tính chất đặc thù, có quy định riêng.',
      'A full-process online public service (called level 4 before Decree 42/2022/NĐ-CP) lets the whole procedure — filing, paying fees and receiving the result — be done online. Procedures of a special nature governed by their own rules are excluded.',
    ),
    legal: ['QD749', 'QD942', 'ND42'],
    source: source.office,
    unitKinds: ['province'],
    keywords: [
      'dich vu cong truc tuyen',
      'dvctt',
      'dvc',
      'muc do 4',
      'toan trinh',
      'thu tuc hanh chinh',
      'tthc',
      'online public service',
    ],
  },
  {
    code: 'GOV.DVC_MULTICHANNEL',
    nameEn: 'Share of level-4 online public services available on many channels, including mobile devices',
    kind: 'ratio',
    numerator: bi(
      'Số dịch vụ công trực tuyến mức độ 4 (toàn trình) sử dụng được trên nhiều phương tiện truy cập khác nhau, kể cả thiết bị di động',
      'Level-4 (full-process) online services usable through several access channels, mobile devices included',
    ),
    denominator: bi(
      'Tổng số dịch vụ công trực tuyến mức độ 4 (toàn trình) của tỉnh',
      "All of the province's level-4 (full-process) online services",
    ),
    definition: bi(
      'Đo mức độ sẵn sàng đa kênh của dịch vụ công trực tuyến: dịch vụ được tính khi người dân thực hiện được trọn vẹn trên máy tính và trên thiết bị di động (trình duyệt hoặc ứng dụng).',
      'Measures how far online public services are multi-channel: a service counts when a citizen can complete it both on a computer and on a mobile device (browser or app).',
    ),
    legal: ['QD749', 'ND42'],
    source: source.office,
    unitKinds: ['province'],
    keywords: [
      'thiet bi di dong',
      'nhieu phuong tien truy cap',
      'da kenh',
      'ung dung di dong',
      'mobile',
      'dich vu cong truc tuyen',
      'muc do 4',
    ],
  },
  {
    code: 'GOV.DVC_NATIONAL_PORTAL',
    nameEn: 'Share of online public services integrated into the National Public Service Portal',
    kind: 'ratio',
    numerator: bi(
      'Số dịch vụ công trực tuyến của tỉnh được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia',
      "The province's online public services integrated into and offered on the National Public Service Portal",
    ),
    denominator: bi(
      'Tổng số dịch vụ công trực tuyến của tỉnh',
      "All of the province's online public services",
    ),
    definition: bi(
      'Dịch vụ được tính khi người dân, doanh nghiệp có thể tìm, nộp hồ sơ và theo dõi kết quả qua Cổng Dịch vụ công quốc gia, đồng bộ trạng thái với hệ thống giải quyết thủ tục hành chính của tỉnh.',
      "A service counts when citizens and businesses can find it, file and follow it through the National Public Service Portal, with its status synchronised with the province's procedure system.",
    ),
    legal: ['ND42', 'ND45', 'QD942'],
    source: source.office,
    unitKinds: ['province'],
    keywords: [
      'cong dich vu cong quoc gia',
      'dvcqg',
      'tich hop',
      'dich vu cong truc tuyen',
      'national portal',
    ],
  },
  {
    code: 'GOV.TTHC_FILES_ONLINE',
    nameEn: 'Share of administrative-procedure files received and handled online',
    kind: 'ratio',
    unit: PERCENT,
    numerator: bi(
      'Số hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến (dịch vụ công trực tuyến một phần và toàn trình, trước đây mức độ 3, 4)',
      'Administrative-procedure files received and handled online (partial and full-process online services, formerly levels 3 and 4)',
    ),
    denominator: bi(
      'Tổng số hồ sơ thủ tục hành chính được tiếp nhận trong kỳ (trực tiếp, bưu chính và trực tuyến)',
      'All administrative-procedure files received in the period (in person, by post and online)',
    ),
    definition: bi(
      'Đo mức độ người dân, doanh nghiệp thực sự dùng dịch vụ công trực tuyến: tính theo số hồ sơ, không theo số thủ tục.',
      'Measures how much citizens and businesses actually use online services: counted in files, not in procedures.',
    ),
    legal: ['QD942', 'ND45', 'QD766'],
    source: source.office,
    unitKinds: ['department', 'district', 'commune'],
    keywords: [
      'ho so truc tuyen',
      'nop ho so truc tuyen',
      'muc do 3',
      'muc do 4',
      'dich vu cong truc tuyen',
      'thu tuc hanh chinh',
      'tthc',
    ],
  },
  {
    code: 'GOV.DVC_ONLINE_PAYMENT',
    nameEn: 'Share of administrative-procedure files with fees paid online',
    kind: 'ratio',
    numerator: bi(
      'Số hồ sơ thủ tục hành chính có nghĩa vụ tài chính được thanh toán trực tuyến',
      'Administrative-procedure files with a financial obligation paid online',
    ),
    denominator: bi(
      'Tổng số hồ sơ thủ tục hành chính có nghĩa vụ tài chính (phí, lệ phí, thuế) phát sinh trong kỳ',
      'All administrative-procedure files with a financial obligation (fees, charges, taxes) in the period',
    ),
    definition: bi(
      'Thanh toán trực tuyến là thanh toán điện tử qua nền tảng thanh toán của Cổng Dịch vụ công quốc gia hoặc của tỉnh, không phải nộp tiền mặt.',
      "Online payment means electronic payment through the National Public Service Portal's or the province's payment platform, without cash.",
    ),
    legal: ['ND45', 'QD766'],
    source: source.office,
    unitKinds: ['department', 'district', 'commune'],
    keywords: [
      'thanh toan truc tuyen',
      'thanh toan dien tu',
      'phi le phi',
      'khong dung tien mat',
      'online payment',
      'e-payment',
    ],
  },
  {
    code: 'GOV.TTHC_DIGITISED',
    nameEn: 'Share of administrative-procedure files and results digitised',
    kind: 'ratio',
    numerator: bi(
      'Số hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa và lưu trữ điện tử',
      'Administrative-procedure files and results digitised and stored electronically',
    ),
    denominator: bi(
      'Tổng số hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trong kỳ',
      'All administrative-procedure files received and handled in the period',
    ),
    definition: bi(
      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính để tái sử dụng, người dân không phải nộp lại giấy tờ đã có.',
      'Digitising files and results of administrative procedures so they can be reused and citizens need not submit papers again.',
    ),
    legal: ['ND45', 'QD766'],
    source: source.office,
    unitKinds: ['department', 'district', 'commune'],
    keywords: ['so hoa ho so', 'so hoa ket qua', 'kho du lieu', 'tai su dung', 'digitisation'],
  },
  {
    code: 'GOV.WORKFILE_ONLINE',
    nameEn: 'Share of work files processed online',
    kind: 'ratio',
    numerator: bi(
      'Số hồ sơ công việc được tạo lập, xử lý và lưu trữ trên môi trường mạng',
      'Work files created, processed and kept online',
    ),
    denominator: bi(
      'Tổng số hồ sơ công việc của đơn vị trong kỳ, trừ hồ sơ thuộc phạm vi bí mật nhà nước',
      "All of the unit's work files in the period, except those covered by state secrecy",
    ),
    definition: bi(
      'Hồ sơ công việc là tập văn bản, tài liệu về một việc của cơ quan; được tính khi toàn bộ quá trình xử lý diễn ra trên hệ thống quản lý văn bản và điều hành. Mục tiêu thường đặt theo cấp (cấp tỉnh, cấp huyện, cấp xã) và có hai cách đọc: tỷ lệ chung của cả cấp và tỷ lệ đơn vị đạt.',
      "A work file is the set of documents about one matter of an agency; it counts when it is handled entirely in the document-management system. Targets are set per level (province, district, commune) and read two ways: the level's overall rate and the share of units that reach it.",
    ),
    legal: ['QD749', 'QD942'],
    source: source.units,
    unitKinds: ['department', 'agency', 'district', 'commune'],
    keywords: [
      'ho so cong viec',
      'moi truong mang',
      'xu ly tren mang',
      'quan ly van ban',
      'cap tinh',
      'cap huyen',
      'cap xa',
      'work files',
    ],
  },
  {
    code: 'GOV.EDOC_SIGNED',
    nameEn: 'Share of electronic documents exchanged between state agencies that are digitally signed',
    kind: 'ratio',
    numerator: bi(
      'Số văn bản điện tử gửi, nhận giữa các cơ quan nhà nước có ký số',
      'Electronic documents sent and received between state agencies bearing a digital signature',
    ),
    denominator: bi(
      'Tổng số văn bản gửi, nhận giữa các cơ quan nhà nước (trừ văn bản mật)',
      'All documents exchanged between state agencies (classified documents excepted)',
    ),
    definition: bi(
      'Văn bản điện tử có chữ ký số của người có thẩm quyền và của cơ quan, gửi nhận qua trục liên thông văn bản.',
      'Electronic documents carrying the digital signatures of the competent person and of the agency, exchanged through the document interconnection axis.',
    ),
    legal: ['ND30', 'QD28_2018'],
    source: source.units,
    unitKinds: ['department', 'agency', 'district', 'commune'],
    keywords: ['ky so', 'chu ky so', 'van ban dien tu', 'lien thong van ban', 'digital signature'],
  },
  {
    code: 'GOV.REPORT_ONLINE',
    nameEn: 'Share of periodic and statistical reports made through the reporting information system',
    kind: 'ratio',
    numerator: bi(
      'Số chế độ báo cáo định kỳ, báo cáo thống kê được thực hiện, kết nối, chia sẻ dữ liệu số qua hệ thống thông tin báo cáo của tỉnh và của Chính phủ',
      "Periodic and statistical reporting regimes carried out and shared as digital data through the province's and the Government's reporting information systems",
    ),
    denominator: bi(
      'Tổng số chế độ báo cáo định kỳ, báo cáo thống kê kinh tế – xã hội phục vụ chỉ đạo, điều hành',
      'All periodic and socio-economic statistical reporting regimes serving direction and management',
    ),
    definition: bi(
      'Một chế độ báo cáo được tính khi số liệu của nó được nhập, tổng hợp và chia sẻ trên hệ thống thông tin báo cáo, không còn gửi bằng văn bản giấy.',
      'A reporting regime counts when its figures are entered, compiled and shared in the reporting information system instead of on paper.',
    ),
    legal: ['QD749', 'ND09'],
    source: source.office,
    unitKinds: ['province'],
    keywords: [
      'he thong thong tin bao cao',
      'che do bao cao',
      'bao cao dinh ky',
      'bao cao thong ke',
      'reporting system',
    ],
  },
  {
    code: 'GOV.INSPECTION_DIGITAL',
    nameEn: 'Share of inspections by state management agencies done digitally',
    kind: 'ratio',
    numerator: bi(
      'Số cuộc kiểm tra được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý',
      "Inspections carried out through the digital environment and the managing agency's information systems",
    ),
    denominator: bi(
      'Tổng số cuộc kiểm tra của cơ quan quản lý nhà nước trong kỳ',
      'All inspections by state management agencies in the period',
    ),
    definition: bi(
      'Kiểm tra qua môi trường số: thu thập, đối chiếu dữ liệu của đối tượng quản lý qua hệ thống thông tin, thay cho kiểm tra trực tiếp tại chỗ.',
      'A digital inspection collects and checks the data of the inspected party through information systems instead of on-site visits.',
    ),
    legal: ['QD749'],
    source: source.units,
    unitKinds: ['department', 'district', 'commune'],
    keywords: ['kiem tra', 'thanh tra', 'giam sat', 'moi truong so', 'inspection'],
  },
  {
    code: 'GOV.NATIONAL_DB_CONNECTED',
    nameEn: "Share of national databases connected to and sharing with the province's systems",
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở dữ liệu quốc gia đã được kết nối, chia sẻ với nền tảng, hệ thống thông tin của tỉnh',
      "National databases connected to and sharing data with the province's platforms and systems",
    ),
    denominator: bi(
      'Số cơ sở dữ liệu quốc gia đã đưa vào vận hành theo lộ trình của Chính phủ (dân cư, đất đai, đăng ký doanh nghiệp, tài chính, bảo hiểm …)',
      "National databases in operation on the Government's roadmap (population, land, business registration, finance, insurance …)",
    ),
    definition: bi(
      'Kết nối qua nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP) với nền tảng quốc gia (NGSP), để dịch vụ công dùng lại dữ liệu đã có, một lần khai báo.',
      "Connection through the province's data integration platform (LGSP) to the national one (NGSP), so that public services reuse existing data and people declare once.",
    ),
    legal: ['QD749', 'ND47', 'QD06'],
    source: source.dx,
    unitKinds: ['province'],
    keywords: [
      'co so du lieu quoc gia',
      'csdl quoc gia',
      'dan cu',
      'dat dai',
      'dang ky doanh nghiep',
      'bao hiem',
      'lgsp',
      'ngsp',
      'ket noi chia se',
    ],
  },
  {
    code: 'GOV.DEPARTMENT_DB_SHARED',
    nameEn: "Share of departments' databases connected and shared through the province's platform",
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở dữ liệu chuyên ngành của các sở, ban, ngành được kết nối, liên thông, chia sẻ qua nền tảng tích hợp, chia sẻ dữ liệu của tỉnh',
      "Sector databases of departments connected and shared through the province's data integration platform",
    ),
    denominator: bi(
      'Tổng số cơ sở dữ liệu chuyên ngành của các sở, ban, ngành',
      'All sector databases of the departments',
    ),
    definition: bi(
      'Hình thành cơ sở dữ liệu dùng chung, cơ sở dữ liệu mở của tỉnh bằng cách liên thông cơ sở dữ liệu của từng sở, ban, ngành.',
      "Builds the province's shared and open databases by interconnecting each department's databases.",
    ),
    legal: ['ND47', 'QD942'],
    source: source.units,
    unitKinds: ['department', 'agency'],
    keywords: [
      'co so du lieu dung chung',
      'co so du lieu mo',
      'csdl chuyen nganh',
      'lgsp',
      'lien thong du lieu',
      'shared database',
    ],
  },
  {
    code: 'GOV.OPEN_DATA',
    nameEn: 'Number of open datasets published',
    kind: 'count',
    unit: bi('bộ dữ liệu', 'datasets'),
    definition: bi(
      'Số bộ dữ liệu mở do cơ quan nhà nước của tỉnh công bố trên Cổng dữ liệu của tỉnh hoặc Cổng dữ liệu quốc gia, cho tổ chức, cá nhân tự do khai thác.',
      "Open datasets published by the province's state agencies on the provincial or national data portal for free reuse.",
    ),
    legal: ['ND47', 'QD942'],
    source: source.units,
    unitKinds: ['department', 'agency'],
    keywords: ['du lieu mo', 'open data', 'cong du lieu', 'data.gov.vn'],
  },
  {
    code: 'GOV.SPECIALISED_NETWORK',
    nameEn: 'Share of state agencies connected to the specialised data network',
    kind: 'ratio',
    numerator: bi(
      'Số cơ quan, đơn vị đã kết nối mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước',
      'Agencies and units connected to the specialised data network of Party and State agencies',
    ),
    denominator: bi(
      'Tổng số cơ quan, đơn vị thuộc phạm vi kết nối (cơ quan đảng, chính quyền, Mặt trận Tổ quốc, tổ chức chính trị – xã hội các cấp)',
      'All agencies in scope (Party bodies, government, the Fatherland Front and socio-political organisations at every level)',
    ),
    definition: bi(
      'Mạng truyền số liệu chuyên dùng là hạ tầng mạng riêng, an toàn phục vụ trao đổi dữ liệu giữa các cơ quan Đảng, Nhà nước.',
      'The specialised data network is a dedicated, secured network for data exchange between Party and State agencies.',
    ),
    legal: ['QD942', 'QD749'],
    source: source.dx,
    unitKinds: ['province'],
    keywords: ['mang truyen so lieu chuyen dung', 'tslcd', 'mang chuyen dung', 'specialised network'],
  },
  {
    code: 'GOV.ONLINE_MEETING',
    nameEn: 'Share of units with online meeting systems down to commune level',
    kind: 'ratio',
    numerator: bi(
      'Số đơn vị có điểm cầu hội nghị truyền hình trực tuyến kết nối với hệ thống của tỉnh',
      "Units with a video-conference point connected to the province's system",
    ),
    denominator: bi(
      'Tổng số đơn vị thuộc phạm vi triển khai (cấp tỉnh, cấp huyện, cấp xã)',
      'All units in scope (province, district and commune level)',
    ),
    definition: bi(
      'Hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến cấp xã, kết nối với hệ thống hội nghị trực tuyến quốc gia.',
      'A video-conference system running from province to commune level and connected to the national one.',
    ),
    legal: ['QD942'],
    source: source.dx,
    unitKinds: ['province'],
    keywords: ['hoi nghi truc tuyen', 'hop truc tuyen', 'truyen hinh truc tuyen', 'video conference'],
  },
  {
    code: 'GOV.IOC',
    nameEn: 'Intelligent operations centre (IOC) in operation',
    kind: 'boolean',
    unit: bi('có/không', 'yes/no'),
    aggregation: 'none',
    definition: bi(
      'Trung tâm giám sát, điều hành thông minh của tỉnh đã đi vào vận hành, tích hợp dữ liệu từ các hệ thống phục vụ lãnh đạo chỉ đạo, điều hành (1 = có, 0 = chưa).',
      "The province's intelligent operations centre is running and integrates data from its systems for leaders' decisions (1 = yes, 0 = not yet).",
    ),
    legal: ['QD942', 'QD950'],
    source: source.dx,
    unitKinds: ['province'],
    keywords: [
      'ioc',
      'trung tam giam sat dieu hanh',
      'dieu hanh thong minh',
      'do thi thong minh',
      'operations centre',
    ],
  },
  {
    code: 'GOV.CLOUD_SYSTEMS',
    nameEn: "Share of the province's information systems running on cloud platforms",
    kind: 'ratio',
    numerator: bi(
      'Số hệ thống thông tin, cơ sở dữ liệu dùng chung của tỉnh vận hành trên nền tảng điện toán đám mây',
      "The province's information systems and shared databases running on a cloud platform",
    ),
    denominator: bi(
      'Tổng số hệ thống thông tin, cơ sở dữ liệu dùng chung của tỉnh',
      "All of the province's information systems and shared databases",
    ),
    definition: bi(
      'Chuyển hạ tầng công nghệ thông tin thành hạ tầng số: hệ thống được tính khi chạy trên nền tảng điện toán đám mây (của tỉnh hoặc doanh nghiệp đạt chuẩn).',
      "Turning IT infrastructure into digital infrastructure: a system counts when it runs on a cloud platform (the province's or a certified provider's).",
    ),
    legal: ['QD749', 'QD942'],
    source: source.dx,
    unitKinds: ['province'],
    keywords: ['dien toan dam may', 'cloud', 'co so du lieu dung chung', 'trung tam du lieu', 'ha tang so'],
  },
  {
    code: 'GOV.SATISFACTION',
    nameEn: 'Citizen and business satisfaction with public services',
    kind: 'ratio',
    numerator: bi(
      'Số lượt đánh giá hài lòng hoặc rất hài lòng về việc giải quyết thủ tục hành chính',
      'Ratings “satisfied” or “very satisfied” with the handling of administrative procedures',
    ),
    denominator: bi(
      'Tổng số lượt đánh giá việc giải quyết thủ tục hành chính trong kỳ',
      'All ratings of the handling of administrative procedures in the period',
    ),
    definition: bi(
      'Tỷ lệ người dân, doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính, theo đánh giá trực tiếp sau mỗi hồ sơ.',
      'Share of citizens and businesses satisfied with the handling of administrative procedures, rated after each file.',
    ),
    legal: ['QD942', 'QD766'],
    source: source.office,
    unitKinds: ['department', 'district', 'commune'],
    keywords: ['hai long', 'muc do hai long', 'danh gia', 'chat luong phuc vu', 'satisfaction'],
  },
  {
    code: 'GOV.DTI_RANK',
    nameEn: 'Rank in the provincial Digital Transformation Index (DTI)',
    kind: 'rank',
    unit: bi('hạng', 'rank'),
    definition: bi(
      'Thứ hạng của tỉnh trong bảng xếp hạng Chỉ số đánh giá chuyển đổi số cấp tỉnh công bố hằng năm; 1 là cao nhất. Mục tiêu thường viết “thuộc nhóm N địa phương dẫn đầu” (top N).',
      "The province's place in the yearly provincial Digital Transformation Index ranking; 1 is best. Targets are usually written “among the N leading provinces” (top N).",
    ),
    legal: ['QD922_BTTTT'],
    source: source.ministry,
    unitKinds: ['province'],
    keywords: [
      'dti',
      'chi so chuyen doi so',
      'chi so danh gia chuyen doi so',
      'xep hang',
      'thu hang',
      'nhom dan dau',
      'top',
    ],
  },
  {
    code: 'GOV.ICT_INDEX_RANK',
    nameEn: 'Rank in ICT readiness (ICT Index) or the e-government ranking',
    kind: 'rank',
    unit: bi('hạng', 'rank'),
    definition: bi(
      'Thứ hạng của tỉnh về mức độ sẵn sàng cho phát triển và ứng dụng công nghệ thông tin – truyền thông (Vietnam ICT Index) hoặc về mức độ phát triển chính quyền điện tử, theo báo cáo xếp hạng hằng năm; 1 là cao nhất.',
      "The province's place in the yearly ranking of ICT readiness (Vietnam ICT Index) or of e-government development; 1 is best.",
    ),
    legal: ['NQ17_CP'],
    source: source.ministry,
    unitKinds: ['province'],
    keywords: ['ict index', 'san sang ung dung cntt', 'chinh quyen dien tu', 'xep hang', 'thu hang'],
  },

  // ── Nền tảng / foundations ─────────────────────────────────────────────
  {
    code: 'FND.SECURITY_4_LAYER',
    nameEn: 'Share of information systems protected under the four-layer security model',
    kind: 'ratio',
    numerator: bi(
      'Số hệ thống thông tin được bảo đảm an toàn thông tin theo mô hình 4 lớp (lực lượng tại chỗ; tổ chức, doanh nghiệp giám sát, bảo vệ chuyên nghiệp; kiểm tra, đánh giá độc lập; kết nối, chia sẻ thông tin với hệ thống giám sát quốc gia)',
      'Information systems protected under the four-layer model (on-site staff; a professional monitoring and protection provider; independent audits; connection to the national monitoring system)',
    ),
    denominator: bi(
      'Tổng số hệ thống thông tin của cơ quan nhà nước trên địa bàn',
      'All information systems of the state agencies in the province',
    ),
    definition: bi(
      'Mô hình bảo vệ 4 lớp: (1) lực lượng tại chỗ; (2) tổ chức, doanh nghiệp chuyên nghiệp giám sát, bảo vệ; (3) kiểm tra, đánh giá an toàn thông tin độc lập, định kỳ; (4) kết nối, chia sẻ thông tin với hệ thống giám sát quốc gia. Một hệ thống chỉ được tính khi đủ cả bốn lớp.',
      'The four-layer model: (1) on-site staff; (2) a professional monitoring and protection provider; (3) regular independent security audits; (4) connection and information sharing with the national monitoring system. A system counts only when all four layers are in place.',
    ),
    legal: ['CT14', 'ND85'],
    source: source.units,
    unitKinds: ['department', 'agency'],
    keywords: ['an toan thong tin', 'mo hinh 4 lop', 'an ninh mang', 'bao mat', 'cyber security'],
  },
  {
    code: 'FND.SECURITY_LEVEL_APPROVED',
    nameEn: 'Share of information systems with an approved security level',
    kind: 'ratio',
    numerator: bi(
      'Số hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin',
      'Information systems whose security-level proposal has been approved',
    ),
    denominator: bi(
      'Tổng số hệ thống thông tin của cơ quan nhà nước trên địa bàn',
      'All information systems of the state agencies in the province',
    ),
    definition: bi(
      'Mỗi hệ thống thông tin phải được xác định cấp độ (1 đến 5) và phê duyệt hồ sơ đề xuất cấp độ, rồi triển khai phương án bảo vệ tương ứng.',
      'Every information system must have its level (1 to 5) determined and approved, then the matching protection put in place.',
    ),
    legal: ['ND85'],
    source: source.units,
    unitKinds: ['department', 'agency'],
    keywords: ['cap do an toan', 'phe duyet cap do', 'an toan he thong thong tin', 'security level'],
  },
  {
    code: 'FND.STAFF_DIGITAL_TRAINED',
    nameEn: 'Share of officials and public employees trained in digital skills and DX',
    kind: 'ratio',
    numerator: bi(
      'Số cán bộ, công chức, viên chức được đào tạo, bồi dưỡng, tập huấn (kể cả tự bồi dưỡng trên nền tảng học trực tuyến mở) về kỹ năng số, chuyển đổi số',
      'Officials and public employees trained in digital skills and DX (self-study on open online learning platforms included)',
    ),
    denominator: bi(
      'Tổng số cán bộ, công chức, viên chức của đơn vị',
      "All of the unit's officials and public employees",
    ),
    definition: bi(
      'Đo độ phủ của việc bồi dưỡng kỹ năng số, chuyển đổi số trong đội ngũ cán bộ, công chức, viên chức. Mỗi người tính một lần trong kỳ, dù tham gia nhiều khóa.',
      'Measures how far digital-skills and DX training reaches officials and public employees. Each person counts once per period, however many courses they took.',
    ),
    legal: ['QD749', 'QD146'],
    source: source.homeAffairs,
    unitKinds: ['department', 'agency', 'district', 'commune'],
    keywords: [
      'dao tao',
      'boi duong',
      'tap huan',
      'ky nang so',
      'can bo cong chuc',
      'nhan luc',
      'staff training',
    ],
  },
  {
    code: 'FND.IT_STAFF',
    nameEn: 'Number of dedicated IT and DX staff in agencies',
    kind: 'count',
    unit: bi('người', 'people'),
    definition: bi(
      'Số người làm chuyên trách công nghệ thông tin, chuyển đổi số, an toàn thông tin tại cơ quan, đơn vị (không tính kiêm nhiệm).',
      'People working full-time on IT, DX and information security in agencies and units (part-time roles excluded).',
    ),
    legal: ['QD749', 'QD146'],
    source: source.homeAffairs,
    unitKinds: ['department', 'agency', 'district', 'commune'],
    keywords: ['can bo chuyen trach', 'cong nghe thong tin', 'cntt', 'nhan luc so', 'it staff'],
  },
  {
    code: 'FND.AGENCIES_WITH_IT_STAFF',
    nameEn: 'Share of agencies with staff in charge of IT and DX',
    kind: 'ratio',
    numerator: bi(
      'Số cơ quan, đơn vị có cán bộ chuyên trách hoặc phụ trách công nghệ thông tin, chuyển đổi số',
      'Agencies and units with staff in charge of IT and DX',
    ),
    denominator: bi('Tổng số cơ quan, đơn vị thuộc phạm vi', 'All agencies and units in scope'),
    definition: bi(
      'Mỗi cơ quan, đơn vị tự báo cáo tử số 1 nếu có cán bộ phụ trách, 0 nếu chưa, mẫu số 1; cộng lên theo cấp cho tỷ lệ cơ quan có cán bộ phụ trách ở mỗi cấp.',
      'Each agency reports numerator 1 when it has such staff, 0 when not, denominator 1; summed per level this gives the share of agencies with IT staff at each level.',
    ),
    legal: ['QD749'],
    source: source.homeAffairs,
    unitKinds: ['department', 'agency', 'district', 'commune'],
    keywords: ['can bo phu trach cntt', 'cong nghe thong tin', 'co quan co can bo', 'it staff'],
  },
  {
    code: 'FND.DX_BUDGET_SHARE',
    nameEn: 'Share of the provincial budget spent on digital transformation',
    kind: 'ratio',
    numerator: bi(
      'Tổng chi ngân sách nhà nước cho chuyển đổi số trong năm (chi đầu tư và chi thường xuyên)',
      'State-budget spending on DX in the year (investment and recurrent)',
    ),
    denominator: bi(
      'Tổng chi ngân sách nhà nước của tỉnh trong năm',
      "The province's total state-budget spending in the year",
    ),
    definition: bi(
      'Mẫu nghị quyết chuyển đổi số cấp tỉnh đề nghị bảo đảm kinh phí hằng năm cho chuyển đổi số tối thiểu khoảng 1% ngân sách nhà nước của tỉnh.',
      'The template provincial DX resolution asks for yearly DX funding of at least about 1% of the provincial state budget.',
    ),
    legal: ['CV46_BCSD', 'QD749'],
    source: source.finance,
    unitKinds: ['province'],
    keywords: ['ngan sach', 'kinh phi', 'chi ngan sach', 'dau tu chuyen doi so', 'budget'],
  },
  {
    code: 'FND.COMMUNITY_DIGITAL_TEAMS',
    nameEn: 'Share of villages and residential groups with a community digital technology team',
    kind: 'ratio',
    numerator: bi(
      'Số thôn, tổ dân phố đã thành lập Tổ công nghệ số cộng đồng',
      'Villages and residential groups that have set up a community digital technology team',
    ),
    denominator: bi('Tổng số thôn, tổ dân phố', 'All villages and residential groups'),
    definition: bi(
      'Tổ công nghệ số cộng đồng hướng dẫn người dân dùng dịch vụ công trực tuyến, thanh toán điện tử, kỹ năng số ngay tại thôn, tổ dân phố.',
      'Community digital technology teams help residents use online public services, e-payment and digital skills in their village or residential group.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.units,
    unitKinds: ['commune'],
    keywords: ['to cong nghe so cong dong', 'thon', 'to dan pho', 'cong dong', 'community team'],
  },
  {
    code: 'FND.DX_DEPARTMENTS_PLAN',
    nameEn: 'Share of agencies and localities that have issued a DX plan',
    kind: 'ratio',
    numerator: bi(
      'Số cơ quan, địa phương đã ban hành kế hoạch chuyển đổi số của mình',
      'Agencies and localities that have issued their own DX plan',
    ),
    denominator: bi(
      'Tổng số sở, ban, ngành, địa phương của tỉnh',
      "All of the province's departments and localities",
    ),
    definition: bi(
      'Mỗi cơ quan, địa phương báo cáo tử số 1 nếu đã ban hành kế hoạch chuyển đổi số (hoặc kế hoạch năm), 0 nếu chưa; mẫu số 1.',
      'Each agency or locality reports numerator 1 when it has issued a DX plan (or a yearly plan), 0 when not; denominator 1.',
    ),
    legal: ['QD749'],
    source: source.units,
    unitKinds: ['department', 'agency', 'district', 'commune'],
    keywords: ['ke hoach chuyen doi so', 'ban hanh ke hoach', 'dx plan'],
  },

  // ── Kinh tế số / digital economy ───────────────────────────────────────
  {
    code: 'ECO.DIGITAL_ECONOMY_GRDP',
    nameEn: 'Digital economy share of GRDP',
    kind: 'ratio',
    numerator: bi(
      'Giá trị tăng thêm của kinh tế số trên địa bàn tỉnh',
      'Value added of the digital economy in the province',
    ),
    denominator: bi(
      'Tổng sản phẩm trên địa bàn tỉnh (GRDP), cùng năm và cùng loại giá',
      'Gross regional domestic product (GRDP) of the same year and price basis',
    ),
    definition: bi(
      'Gồm kinh tế số ICT (công nghiệp công nghệ thông tin, viễn thông), kinh tế số nền tảng và kinh tế số ngành, lĩnh vực. Cộng tử số, mẫu số khi tổng hợp nhiều tỉnh.',
      'Covers the core ICT digital economy, the platform economy and the digitalised share of other sectors. Numerators and denominators are summed when several provinces are combined.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.stats,
    unitKinds: ['province'],
    keywords: ['kinh te so', 'grdp', 'gdp', 'ty trong kinh te so', 'gia tri tang them', 'digital economy'],
  },
  {
    code: 'ECO.DIGITAL_ECONOMY_SECTOR',
    nameEn: 'Digital economy share in each sector',
    kind: 'ratio',
    numerator: bi(
      'Giá trị tăng thêm của kinh tế số trong ngành, lĩnh vực',
      'Value added of the digital economy within the sector',
    ),
    denominator: bi('Giá trị tăng thêm của ngành, lĩnh vực', 'Value added of the sector'),
    definition: bi(
      'Mỗi ngành, lĩnh vực do sở quản lý ngành báo cáo (nông nghiệp, công nghiệp, thương mại, du lịch …). Mục tiêu “tối thiểu X% trong từng ngành, lĩnh vực” đọc theo cách thứ hai: tỷ lệ ngành, lĩnh vực tự đạt X%.',
      'Each sector is reported by the department that manages it (agriculture, industry, trade, tourism …). A target of “at least X% in every sector” is read the second way: the share of sectors that reach X% on their own.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.stats,
    unitKinds: ['department'],
    keywords: ['kinh te so', 'tung nganh', 'linh vuc', 'ty trong kinh te so', 'digital economy sector'],
  },
  {
    code: 'ECO.LABOUR_PRODUCTIVITY_GROWTH',
    nameEn: 'Yearly labour productivity growth',
    kind: 'amount',
    unit: bi('%/năm', '%/year'),
    aggregation: 'none',
    definition: bi(
      'Tốc độ tăng năng suất lao động xã hội của tỉnh so với năm trước, theo giá so sánh (năng suất = GRDP ÷ số lao động có việc làm). Là tốc độ tăng nên không cộng dồn giữa các đơn vị.',
      "The province's labour productivity growth over the previous year at constant prices (productivity = GRDP ÷ employed workers). A growth rate does not add up across units.",
    ),
    legal: ['QD749'],
    source: source.stats,
    unitKinds: ['province'],
    keywords: ['nang suat lao dong', 'tang truong', 'toc do tang', 'productivity'],
  },
  {
    code: 'ECO.SME_DIGITAL_PLATFORM',
    nameEn: 'Share of SMEs using digital platforms',
    kind: 'ratio',
    numerator: bi(
      'Số doanh nghiệp nhỏ và vừa sử dụng nền tảng số (quản trị, kế toán, bán hàng, thương mại điện tử …)',
      'Small and medium-sized enterprises using digital platforms (management, accounting, sales, e-commerce …)',
    ),
    denominator: bi(
      'Tổng số doanh nghiệp nhỏ và vừa đang hoạt động trên địa bàn',
      'All small and medium-sized enterprises operating in the province',
    ),
    definition: bi(
      'Doanh nghiệp được tính khi dùng ít nhất một nền tảng số trong hoạt động thường xuyên.',
      'An enterprise counts when it uses at least one digital platform in its day-to-day business.',
    ),
    legal: ['QD411', 'ND80_2021'],
    source: source.enterprises,
    unitKinds: ['province'],
    keywords: ['doanh nghiep nho va vua', 'dnnvv', 'sme', 'nen tang so'],
  },
  {
    code: 'ECO.SME_IN_DX',
    nameEn: 'Share of SMEs taking part in digital transformation',
    kind: 'ratio',
    numerator: bi(
      'Số doanh nghiệp nhỏ và vừa đã triển khai chuyển đổi số (có giải pháp số trong quản trị, sản xuất, kinh doanh hoặc đã được đánh giá mức độ chuyển đổi số)',
      'SMEs that have started DX (digital solutions in management, production or sales, or a DX maturity assessment)',
    ),
    denominator: bi(
      'Tổng số doanh nghiệp nhỏ và vừa đang hoạt động trên địa bàn',
      'All small and medium-sized enterprises operating in the province',
    ),
    definition: bi(
      'Rộng hơn “sử dụng nền tảng số”: doanh nghiệp thay đổi cách quản trị, sản xuất, kinh doanh nhờ công nghệ số.',
      'Broader than “using digital platforms”: the enterprise changes how it is run, produces and sells through digital technology.',
    ),
    legal: ['QD749', 'ND80_2021'],
    source: source.enterprises,
    unitKinds: ['province'],
    keywords: ['doanh nghiep nho va vua', 'dnnvv', 'sme', 'tham gia chuyen doi so'],
  },
  {
    code: 'ECO.SME_DX_SUPPORTED',
    nameEn: 'Number of enterprises supported in digital transformation',
    kind: 'count',
    unit: bi('doanh nghiệp', 'enterprises'),
    definition: bi(
      'Số doanh nghiệp được các chương trình của tỉnh hoặc trung ương hỗ trợ tư vấn, đào tạo, giải pháp chuyển đổi số trong kỳ (mỗi doanh nghiệp tính một lần).',
      'Enterprises given DX advice, training or solutions by provincial or national programmes in the period (each counted once).',
    ),
    legal: ['ND80_2021', 'QD749'],
    source: source.enterprises,
    unitKinds: ['department'],
    keywords: ['ho tro doanh nghiep', 'doanh nghiep chuyen doi so', 'sme', 'smedx'],
  },
  {
    code: 'ECO.DIGITAL_TECH_ENTERPRISES',
    nameEn: 'Number of digital technology enterprises',
    kind: 'count',
    unit: bi('doanh nghiệp', 'enterprises'),
    definition: bi(
      'Số doanh nghiệp công nghệ số (công nghệ thông tin, viễn thông, nội dung số, nền tảng số …) đang hoạt động, có trụ sở trên địa bàn tỉnh.',
      'Digital technology enterprises (IT, telecoms, digital content, digital platforms …) operating with their seat in the province.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.enterprises,
    unitKinds: ['province'],
    keywords: ['doanh nghiep cong nghe so', 'cong nghe thong tin', 'doanh nghiep so', 'digital enterprises'],
  },
  {
    code: 'ECO.ECOMMERCE_RETAIL_SHARE',
    nameEn: 'E-commerce share of retail sales of goods and consumer services',
    kind: 'ratio',
    numerator: bi('Doanh thu thương mại điện tử bán lẻ (B2C)', 'Business-to-consumer e-commerce revenue'),
    denominator: bi(
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
      'Total retail sales of goods and consumer-service revenue',
    ),
    definition: bi(
      'Doanh thu bán lẻ qua thương mại điện tử (doanh nghiệp đến người tiêu dùng) so với tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng; đo mức độ phổ biến của mua sắm trực tuyến.',
      'Business-to-consumer e-commerce revenue against total retail sales and consumer-service revenue; measures how widespread online shopping is.',
    ),
    legal: ['QD645', 'QD411'],
    source: source.trade,
    unitKinds: ['province'],
    keywords: ['thuong mai dien tu', 'tmdt', 'ban le', 'e-commerce', 'mua sam truc tuyen'],
  },
  {
    code: 'ECO.ENTERPRISE_E_INVOICE',
    nameEn: 'Share of enterprises using e-invoices',
    kind: 'ratio',
    numerator: bi('Số doanh nghiệp sử dụng hóa đơn điện tử', 'Enterprises using e-invoices'),
    denominator: bi(
      'Tổng số doanh nghiệp đang hoạt động, kê khai thuế',
      'All enterprises operating and filing taxes',
    ),
    definition: bi(
      'Đo mức độ doanh nghiệp chuyển sang hóa đơn điện tử (có hoặc không có mã của cơ quan thuế) theo quy định về hóa đơn, chứng từ.',
      'Measures how far enterprises have moved to e-invoices (with or without a tax-authority code) under the rules on invoices and vouchers.',
    ),
    legal: ['ND123'],
    source: source.tax,
    unitKinds: ['province'],
    keywords: ['hoa don dien tu', 'e-invoice', 'thue'],
  },
  {
    code: 'ECO.ENTERPRISE_E_CONTRACT',
    nameEn: 'Share of enterprises using e-contracts',
    kind: 'ratio',
    numerator: bi('Số doanh nghiệp sử dụng hợp đồng điện tử', 'Enterprises using electronic contracts'),
    denominator: bi(
      'Tổng số doanh nghiệp đang hoạt động trên địa bàn',
      'All enterprises operating in the province',
    ),
    definition: bi(
      'Hợp đồng được giao kết bằng phương tiện điện tử, có chữ ký điện tử; doanh nghiệp được tính khi có ít nhất một hợp đồng điện tử trong kỳ.',
      'Contracts concluded electronically with an electronic signature; an enterprise counts when it signed at least one e-contract in the period.',
    ),
    legal: ['QD411', 'LUAT_GDDT_2023'],
    source: source.trade,
    unitKinds: ['province'],
    keywords: ['hop dong dien tu', 'e-contract', 'chu ky dien tu'],
  },
  {
    code: 'ECO.COOPERATIVES_DIGITAL',
    nameEn: 'Number of cooperatives applying digital technology and e-commerce',
    kind: 'count',
    unit: bi('hợp tác xã', 'cooperatives'),
    definition: bi(
      'Số hợp tác xã ứng dụng công nghệ số trong quản lý, sản xuất hoặc bán hàng trên sàn thương mại điện tử.',
      'Cooperatives using digital technology in management or production, or selling on e-commerce platforms.',
    ),
    legal: ['QD411', 'QD749'],
    source: source.agriculture,
    unitKinds: ['department', 'commune'],
    keywords: ['hop tac xa', 'htx', 'hop tac xa so', 'thuong mai dien tu', 'cooperatives'],
  },
  {
    code: 'ECO.OCOP_ECOMMERCE',
    nameEn: 'Share of OCOP products listed on e-commerce platforms',
    kind: 'ratio',
    numerator: bi(
      'Số sản phẩm OCOP được đưa lên sàn thương mại điện tử',
      'OCOP products listed on e-commerce platforms',
    ),
    denominator: bi(
      'Tổng số sản phẩm OCOP được công nhận còn hiệu lực',
      'All certified OCOP products still valid',
    ),
    definition: bi(
      'Sản phẩm Chương trình Mỗi xã một sản phẩm (OCOP) được bán trên ít nhất một sàn thương mại điện tử.',
      '“One Commune One Product” (OCOP) products sold on at least one e-commerce platform.',
    ),
    legal: ['QD645', 'QD411'],
    source: source.trade,
    unitKinds: ['province'],
    keywords: ['ocop', 'mot xa mot san pham', 'san thuong mai dien tu', 'nong san'],
  },
  {
    code: 'ECO.AGRI_DIGITAL',
    nameEn: 'Number of agricultural holdings and models applying digital technology',
    kind: 'count',
    unit: bi('cơ sở, mô hình', 'holdings, models'),
    definition: bi(
      'Cơ sở, mô hình sản xuất nông nghiệp ứng dụng công nghệ số (truy xuất nguồn gốc, cảm biến, IoT, quản lý sản xuất trên nền tảng số …).',
      'Farms and production models using digital technology (traceability, sensors, IoT, digital farm management …).',
    ),
    legal: ['QD749'],
    source: source.agriculture,
    unitKinds: ['department', 'commune'],
    keywords: ['nong nghiep so', 'nong nghiep thong minh', 'truy xuat nguon goc', 'iot', 'agriculture'],
  },
  {
    code: 'ECO.AGRI_HOUSEHOLDS_DIGITISED',
    nameEn: 'Share of farming households listed and with digitised data',
    kind: 'ratio',
    numerator: bi(
      'Số hộ sản xuất nông nghiệp đã được lập danh sách, chuẩn hóa và số hóa dữ liệu',
      'Farming households listed, with their data standardised and digitised',
    ),
    denominator: bi('Tổng số hộ sản xuất nông nghiệp', 'All farming households'),
    definition: bi(
      'Lập danh sách, chuẩn hóa, số hóa dữ liệu hộ sản xuất nông nghiệp theo hướng dẫn của các bộ quản lý, làm nền cho nông nghiệp số.',
      "Listing and digitising farming households' data as the ministries direct, the groundwork for digital agriculture.",
    ),
    legal: ['QD749'],
    source: source.agriculture,
    unitKinds: ['commune'],
    keywords: ['ho san xuat nong nghiep', 'so hoa du lieu', 'nong nghiep so', 'farming households'],
  },
  {
    code: 'ECO.INNOVATIVE_STARTUPS',
    nameEn: 'Number of innovative start-ups and projects supported',
    kind: 'count',
    unit: bi('doanh nghiệp, dự án', 'start-ups, projects'),
    definition: bi(
      'Số doanh nghiệp, dự án khởi nghiệp đổi mới sáng tạo được hỗ trợ trong kỳ.',
      'Innovative start-ups and projects supported in the period.',
    ),
    legal: ['QD844'],
    source: source.dx,
    unitKinds: ['department'],
    keywords: ['khoi nghiep', 'doi moi sang tao', 'startup', 'de an 844'],
  },
  {
    code: 'ECO.TOURISM_DIGITAL',
    nameEn: 'Visits using smart tourism services',
    kind: 'count',
    unit: bi('lượt khách', 'visits'),
    definition: bi(
      'Số lượt khách du lịch sử dụng dịch vụ du lịch thông minh (vé điện tử, ứng dụng, thuyết minh tự động, tham quan ảo tại điểm du lịch được số hóa).',
      'Tourist visits using smart tourism services (e-tickets, apps, automated guides, virtual tours of digitised destinations).',
    ),
    legal: ['QD749'],
    source: source.tourism,
    unitKinds: ['department'],
    keywords: ['du lich thong minh', 'du lich so', 'diem du lich', 'khach du lich', 'tourism'],
  },
  {
    code: 'ECO.ECOMMERCE_TRAINING_INSTITUTIONS',
    nameEn: 'Number of educational institutions teaching e-commerce',
    kind: 'count',
    unit: bi('cơ sở', 'institutions'),
    definition: bi(
      'Số cơ sở giáo dục (đại học, cao đẳng, trung cấp) trên địa bàn triển khai đào tạo về thương mại điện tử.',
      'Educational institutions (universities, colleges, vocational schools) in the province that teach e-commerce.',
    ),
    legal: ['QD645'],
    source: source.trade,
    unitKinds: ['department'],
    keywords: ['dao tao thuong mai dien tu', 'co so giao duc', 'thuong mai dien tu', 'e-commerce training'],
  },
  {
    code: 'ECO.ECOMMERCE_TRAINEES',
    nameEn: 'Number of people trained in e-commerce',
    kind: 'count',
    unit: bi('lượt người', 'participants'),
    definition: bi(
      'Số lượt doanh nghiệp, hợp tác xã, làng nghề, hộ kinh doanh, cán bộ, sinh viên, thanh niên khởi nghiệp tham gia đào tạo, tập huấn về pháp luật và kỹ năng thương mại điện tử.',
      'Participations of enterprises, cooperatives, craft villages, household businesses, officials, students and young founders in e-commerce law and skills training.',
    ),
    legal: ['QD645'],
    source: source.trade,
    unitKinds: ['department', 'commune'],
    keywords: ['tap huan thuong mai dien tu', 'dao tao', 'luot nguoi', 'thuong mai dien tu'],
  },
  {
    code: 'ECO.INDUSTRIAL_ZONE_DIGITAL',
    nameEn:
      'Share of enterprises in economic zones, industrial zones and clusters applying digital technology',
    kind: 'ratio',
    numerator: bi(
      'Số doanh nghiệp trong khu kinh tế, khu công nghiệp, cụm công nghiệp ứng dụng công nghệ số trong quản lý, điều hành, sản xuất và kinh doanh',
      'Enterprises in economic zones, industrial zones and clusters using digital technology in management, production and sales',
    ),
    denominator: bi(
      'Tổng số doanh nghiệp đang hoạt động trong khu kinh tế, khu công nghiệp, cụm công nghiệp',
      'All enterprises operating in economic zones, industrial zones and clusters',
    ),
    definition: bi(
      'Bao gồm doanh nghiệp kinh doanh trên sàn thương mại điện tử và doanh nghiệp dùng hệ thống số trong sản xuất.',
      'Includes enterprises selling on e-commerce platforms and those running production on digital systems.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.zones,
    unitKinds: ['department', 'agency'],
    keywords: ['khu cong nghiep', 'khu kinh te', 'cum cong nghiep', 'doanh nghiep', 'industrial zone'],
  },

  // ── Xã hội số / digital society ────────────────────────────────────────
  {
    code: 'SOC.FIBRE_HOUSEHOLDS',
    nameEn: 'Share of households covered by fibre broadband',
    kind: 'ratio',
    numerator: bi(
      'Số hộ gia đình có khả năng kết nối hạ tầng mạng băng rộng cáp quang (được phủ)',
      'Households able to connect to fibre broadband (covered)',
    ),
    denominator: bi('Tổng số hộ gia đình', 'All households'),
    definition: bi(
      'Đo độ phủ hạ tầng, không phải số thuê bao: hộ được tính khi có cáp quang đến nơi và có thể đăng ký dịch vụ.',
      'Measures infrastructure coverage, not subscriptions: a household counts when fibre reaches it and it can subscribe.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.telecom,
    unitKinds: ['province', 'commune'],
    keywords: ['cap quang', 'bang rong', 'ho gia dinh', 'internet', 'fibre', 'ftth'],
  },
  {
    code: 'SOC.FIBRE_COMMUNES',
    nameEn: 'Share of communes and villages with fibre broadband',
    kind: 'ratio',
    numerator: bi(
      'Số xã (thôn) có hạ tầng mạng băng rộng cáp quang đến trung tâm xã (thôn)',
      'Communes (villages) whose centre is reached by fibre broadband',
    ),
    denominator: bi('Tổng số xã (thôn)', 'All communes (villages)'),
    definition: bi(
      'Mục tiêu “100% xã” đọc theo xã; tỉnh có thể theo dõi riêng xã miền núi, vùng sâu, vùng xa.',
      'A “100% of communes” target is read per commune; provinces may track mountain and remote communes separately.',
    ),
    legal: ['QD749'],
    source: source.telecom,
    unitKinds: ['province'],
    keywords: ['cap quang', 'bang rong', 'xa', 'thon', 'mien nui', 'fibre'],
  },
  {
    code: 'SOC.MOBILE_BROADBAND',
    nameEn: 'Share of the population covered by 4G/5G mobile broadband',
    kind: 'ratio',
    numerator: bi(
      'Số dân được phủ sóng mạng di động băng rộng 4G/5G',
      'People covered by 4G/5G mobile broadband',
    ),
    denominator: bi('Tổng dân số', 'Total population'),
    definition: bi(
      'Người dân được tính khi nơi ở có sóng di động băng rộng 4G hoặc 5G; mục tiêu là phổ cập, tỉnh có thể theo dõi riêng độ phủ 5G.',
      'A person counts when 4G or 5G mobile broadband reaches where they live; the aim is universal coverage, and provinces may track 5G separately.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.telecom,
    unitKinds: ['province'],
    keywords: ['4g', '5g', 'di dong', 'phu song', 'bang rong di dong', 'mobile'],
  },
  {
    code: 'SOC.SMARTPHONE_ADULTS',
    nameEn: 'Share of adults with a smartphone',
    kind: 'ratio',
    numerator: bi('Số người trưởng thành sử dụng điện thoại di động thông minh', 'Adults using a smartphone'),
    denominator: bi('Dân số trưởng thành', 'Adult population'),
    definition: bi(
      'Điện thoại di động thông minh là điều kiện để người dân dùng dịch vụ công trực tuyến, thanh toán điện tử và các dịch vụ số khác; mục tiêu là phổ cập.',
      'A smartphone is what people need for online public services, e-payment and other digital services; the aim is universal use.',
    ),
    legal: ['QD749', 'QD411'],
    source: source.telecom,
    unitKinds: ['province', 'commune'],
    keywords: ['dien thoai thong minh', 'smartphone', 'dien thoai di dong'],
  },
  {
    code: 'SOC.EPAYMENT_ACCOUNTS',
    nameEn: 'Share of the population aged 15 and over with an e-payment account',
    kind: 'ratio',
    numerator: bi(
      'Số người từ 15 tuổi trở lên có ít nhất một tài khoản thanh toán điện tử',
      'People aged 15 and over with at least one e-payment account',
    ),
    denominator: bi('Dân số từ 15 tuổi trở lên', 'Population aged 15 and over'),
    definition: bi(
      'Tài khoản thanh toán điện tử gồm tài khoản thanh toán tại ngân hàng có dùng kênh điện tử (Internet Banking, Mobile Banking), ví điện tử và tài khoản Mobile Money. Đo khả năng người dân tham gia thanh toán không dùng tiền mặt; mỗi người tính một lần dù có nhiều tài khoản.',
      'E-payment accounts are bank payment accounts used through electronic channels (Internet or mobile banking), e-wallets and Mobile Money accounts. Measures whether people can pay without cash; each person counts once however many accounts they hold.',
    ),
    legal: ['QD749', 'QD411', 'QD1813'],
    source: source.sbv,
    unitKinds: ['province', 'commune'],
    keywords: [
      'thanh toan dien tu',
      'tai khoan thanh toan',
      'vi dien tu',
      'mobile money',
      'ngan hang so',
      'e-payment',
    ],
  },
  {
    code: 'SOC.EPAYMENT_USERS',
    nameEn: 'Share of people using e-payment and cashless payment',
    kind: 'ratio',
    numerator: bi(
      'Số người trưởng thành đã sử dụng dịch vụ thanh toán điện tử, thanh toán không dùng tiền mặt trong kỳ',
      'Adults who used e-payment or cashless payment services in the period',
    ),
    denominator: bi('Dân số trưởng thành', 'Adult population'),
    definition: bi(
      'Khác với việc có tài khoản, chỉ tiêu này đo việc thực sự sử dụng: người dân đã thanh toán bằng chuyển khoản, quét mã QR, ví điện tử hoặc thẻ trong kỳ.',
      'Unlike holding an account, this measures actual use: people who paid by transfer, QR code, e-wallet or card in the period.',
    ),
    legal: ['QD1813', 'QD411'],
    source: source.sbv,
    unitKinds: ['province', 'commune'],
    keywords: ['thanh toan dien tu', 'khong dung tien mat', 'qr', 'vi dien tu', 'cashless', 'e-payment'],
  },
  {
    code: 'SOC.BANK_ACCOUNTS',
    nameEn:
      'Share of people aged 15 and over with a transaction account at a bank or other licensed institution',
    kind: 'ratio',
    numerator: bi(
      'Số người từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc tổ chức được phép khác',
      'People aged 15 and over with a transaction account at a bank or another licensed institution',
    ),
    denominator: bi('Dân số từ 15 tuổi trở lên', 'Population aged 15 and over'),
    definition: bi(
      'Chỉ tiêu của Chiến lược tài chính toàn diện quốc gia: người dân có tài khoản giao dịch tại ngân hàng hoặc tổ chức được phép khác, điều kiện để tiếp cận dịch vụ tài chính và thanh toán điện tử.',
      'An indicator of the National Financial Inclusion Strategy: people holding a transaction account at a bank or another licensed institution, the precondition for financial services and e-payment.',
    ),
    legal: ['QD149_2020'],
    source: source.sbv,
    unitKinds: ['province'],
    keywords: [
      'tai khoan ngan hang',
      'tai khoan giao dich',
      'tai chinh toan dien',
      'thanh toan dien tu',
      'bank account',
    ],
  },
  {
    code: 'SOC.DIGITAL_SKILLS',
    nameEn: 'Share of the population with basic digital skills',
    kind: 'ratio',
    numerator: bi(
      'Số người có kỹ năng số cơ bản (dùng Internet, thư điện tử, dịch vụ công trực tuyến, thanh toán điện tử, bảo vệ thông tin cá nhân …)',
      'People with basic digital skills (Internet, e-mail, online public services, e-payment, protecting personal data …)',
    ),
    denominator: bi('Dân số trưởng thành', 'Adult population'),
    definition: bi(
      'Thường ước tính qua khảo sát hoặc số người hoàn thành khóa học kỹ năng số cơ bản trên nền tảng học trực tuyến mở.',
      'Usually estimated by survey or by completions of basic digital-skills courses on open online learning platforms.',
    ),
    legal: ['QD146', 'QD411'],
    source: source.dx,
    unitKinds: ['province', 'commune'],
    keywords: ['ky nang so', 'pho cap ky nang so', 'digital skills'],
  },
  {
    code: 'SOC.DIGITAL_ID',
    nameEn: 'Share of people with a digital identity (electronic identification account)',
    kind: 'ratio',
    numerator: bi(
      'Số người đã được cấp tài khoản định danh điện tử (VNeID)',
      'People issued an electronic identification account (VNeID)',
    ),
    denominator: bi(
      'Dân số thuộc diện được cấp tài khoản định danh điện tử',
      'Population eligible for an electronic identification account',
    ),
    definition: bi(
      'Tài khoản định danh điện tử do Bộ Công an cấp, dùng để đăng nhập dịch vụ công trực tuyến.',
      'The electronic identification account issued by the Ministry of Public Security, used to sign in to online public services.',
    ),
    legal: ['QD06', 'ND59_2022'],
    source: source.police,
    unitKinds: ['province', 'commune'],
    keywords: ['dinh danh dien tu', 'vneid', 'danh tinh so', 'de an 06', 'digital id'],
  },
  {
    code: 'SOC.HEALTH_RECORDS',
    nameEn: 'Share of the population with an electronic health record',
    kind: 'ratio',
    numerator: bi('Số người dân có hồ sơ sức khỏe điện tử', 'People with an electronic health record'),
    denominator: bi('Tổng dân số', 'Total population'),
    definition: bi(
      'Hồ sơ sức khỏe điện tử lưu thông tin khám, chữa bệnh, tiêm chủng của mỗi người, hướng tới sáng kiến “mỗi người dân có một bác sĩ riêng”.',
      'An electronic health record keeps each person’s consultations, treatments and vaccinations, towards the “a personal doctor for every citizen” initiative.',
    ),
    legal: ['QD411', 'QD06'],
    source: source.health,
    unitKinds: ['province', 'commune'],
    keywords: ['ho so suc khoe dien tu', 'so suc khoe', 'y te so', 'health record'],
  },
  {
    code: 'SOC.TELEHEALTH',
    nameEn: 'Share of health facilities providing remote consultation and treatment',
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở khám bệnh, chữa bệnh có bộ phận khám, chữa bệnh từ xa',
      'Health facilities with a remote consultation and treatment unit',
    ),
    denominator: bi('Tổng số cơ sở khám bệnh, chữa bệnh', 'All health facilities'),
    definition: bi(
      'Cơ sở được tính khi có bộ phận khám, tư vấn, chữa bệnh từ xa qua nền tảng số đang hoạt động, giúp người dân được khám mà không phải đến nơi và giảm tải cho tuyến trên.',
      'A facility counts when it runs a remote consultation and treatment unit on a digital platform, so people are seen without travelling and higher-level hospitals are relieved.',
    ),
    legal: ['QD749'],
    source: source.health,
    unitKinds: ['department'],
    keywords: ['kham chua benh tu xa', 'telehealth', 'y te', 'benh vien', 'tu van tu xa'],
  },
  {
    code: 'SOC.HOSPITAL_CASHLESS',
    nameEn: 'Share of health facilities and schools collecting fees without cash',
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở y tế, trường học thu viện phí, học phí bằng phương thức không dùng tiền mặt',
      'Health facilities and schools collecting fees cashless',
    ),
    denominator: bi('Tổng số cơ sở y tế, trường học công lập', 'All public health facilities and schools'),
    definition: bi(
      'Cơ sở được tính khi người dân có thể trả viện phí, học phí bằng chuyển khoản, quét mã, ví điện tử hoặc thẻ.',
      'A facility counts when fees can be paid by transfer, QR code, e-wallet or card.',
    ),
    legal: ['QD1813'],
    source: bi(
      'Sở Y tế; Sở Giáo dục và Đào tạo',
      'Department of Health; Department of Education and Training',
    ),
    unitKinds: ['department', 'commune'],
    keywords: ['khong dung tien mat', 'vien phi', 'hoc phi', 'thanh toan dien tu', 'cashless'],
  },
  {
    code: 'SOC.HOSPITALS_EMR',
    nameEn: 'Share of health facilities using electronic medical records',
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở khám bệnh, chữa bệnh đã triển khai hồ sơ bệnh án điện tử',
      'Health facilities that have implemented electronic medical records',
    ),
    denominator: bi(
      'Tổng số bệnh viện và cơ sở khám bệnh, chữa bệnh thuộc phạm vi triển khai',
      'All hospitals and health facilities in scope',
    ),
    definition: bi(
      'Cơ sở được tính khi đã triển khai hồ sơ bệnh án điện tử theo quy định của Bộ Y tế, tiến tới không dùng bệnh án giấy.',
      'A facility counts when it has implemented electronic medical records under the Ministry of Health’s rules, towards paperless records.',
    ),
    legal: ['TT46_2018_BYT', 'QD749'],
    source: source.health,
    unitKinds: ['department'],
    keywords: ['benh an dien tu', 'ho so benh an', 'benh vien thong minh', 'emr'],
  },
  {
    code: 'SOC.SCHOOLS_ONLINE',
    nameEn: 'Share of educational institutions teaching remotely and online',
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở giáo dục triển khai dạy và học từ xa, trực tuyến',
      'Educational institutions running remote and online teaching',
    ),
    denominator: bi('Tổng số cơ sở giáo dục', 'All educational institutions'),
    definition: bi(
      'Cơ sở được tính khi tổ chức dạy, học, giao bài, kiểm tra trên nền tảng dạy học trực tuyến.',
      'An institution counts when it teaches, assigns and assesses work on an online teaching platform.',
    ),
    legal: ['QD749', 'QD131'],
    source: source.education,
    unitKinds: ['department', 'commune'],
    keywords: ['day hoc truc tuyen', 'hoc tu xa', 'truong hoc', 'giao duc', 'e-learning'],
  },
  {
    code: 'SOC.SCHOOLS_DIGITAL_MGMT',
    nameEn:
      'Share of educational institutions using digital management, digital school records and e-gradebooks',
    kind: 'ratio',
    numerator: bi(
      'Số cơ sở giáo dục sử dụng hệ thống quản trị nhà trường, học bạ số, sổ điểm điện tử',
      'Educational institutions using school-management systems, digital school records and e-gradebooks',
    ),
    denominator: bi('Tổng số cơ sở giáo dục', 'All educational institutions'),
    definition: bi(
      'Quản trị nhà trường trên nền tảng số, kết nối cơ sở dữ liệu ngành giáo dục.',
      "School administration on digital platforms connected to the education sector's database.",
    ),
    legal: ['QD131'],
    source: source.education,
    unitKinds: ['department', 'commune'],
    keywords: ['hoc ba so', 'so diem dien tu', 'quan tri nha truong', 'giao duc'],
  },
  {
    code: 'SOC.VOCATIONAL_SCHOOLS_ONLINE',
    nameEn: 'Share of colleges and vocational schools teaching remotely',
    kind: 'ratio',
    numerator: bi(
      'Số trường cao đẳng, trung cấp triển khai dạy và học từ xa',
      'Colleges and vocational schools running remote teaching',
    ),
    denominator: bi(
      'Tổng số trường cao đẳng, trung cấp trên địa bàn',
      'All colleges and vocational schools in the province',
    ),
    definition: bi(
      'Đào tạo trực tuyến các môn học chung, môn lý thuyết chuyên môn nghề trong hệ thống giáo dục nghề nghiệp.',
      'Online teaching of general and theoretical vocational subjects in vocational education.',
    ),
    legal: ['QD749'],
    source: source.vocational,
    unitKinds: ['department'],
    keywords: ['giao duc nghe nghiep', 'cao dang', 'trung cap', 'hoc tu xa', 'vocational'],
  },
  {
    code: 'SOC.ONLINE_LEARNING_SHARE',
    nameEn: 'Share of programme content taught online',
    kind: 'ratio',
    numerator: bi(
      'Số tiết (giờ) học của chương trình được tổ chức học trực tuyến',
      'Programme lessons (hours) delivered online',
    ),
    denominator: bi('Tổng số tiết (giờ) học của chương trình', 'All lessons (hours) of the programme'),
    definition: bi(
      'Thử nghiệm chương trình cho phép học sinh, sinh viên học trực tuyến một phần nội dung (ví dụ tối thiểu 20%).',
      'Pilots letting pupils and students take part of a programme online (for example at least 20%).',
    ),
    legal: ['QD749'],
    source: source.education,
    unitKinds: ['department'],
    keywords: ['hoc truc tuyen', 'noi dung chuong trinh', 'day hoc truc tuyen', 'online learning'],
  },
  {
    code: 'SOC.PUBLIC_WIFI',
    nameEn: 'Number of free public Wi-Fi hotspots',
    kind: 'count',
    unit: bi('điểm', 'hotspots'),
    definition: bi(
      'Số điểm truy cập Internet không dây công cộng miễn phí đang hoạt động (khu du lịch, trung tâm hành chính, nơi công cộng).',
      'Free public Wi-Fi access points in operation (tourist areas, administrative centres, public places).',
    ),
    legal: ['QD749'],
    source: source.dx,
    unitKinds: ['department', 'commune'],
    keywords: ['wifi', 'internet cong cong', 'diem truy cap', 'mien phi'],
  },
  {
    code: 'SOC.SMART_CITY',
    nameEn: 'Number of urban areas with smart-city services',
    kind: 'count',
    unit: bi('đô thị', 'urban areas'),
    definition: bi(
      'Số đô thị đã triển khai dịch vụ đô thị thông minh (giao thông, an ninh, môi trường, y tế, giáo dục …).',
      'Urban areas running smart-city services (traffic, security, environment, health, education …).',
    ),
    legal: ['QD950'],
    source: source.construction,
    unitKinds: ['province'],
    keywords: ['do thi thong minh', 'smart city', 'dich vu do thi'],
  },
  {
    code: 'SOC.SMART_COMMUNES',
    nameEn: 'Number of smart communes built',
    kind: 'count',
    unit: bi('xã', 'communes'),
    definition: bi(
      'Số xã được xây dựng theo mô hình xã thông minh: chính quyền xã số, dịch vụ số cho người dân, hạ tầng số ở nông thôn, nhằm thu hẹp khoảng cách số giữa nông thôn và thành thị. Mục tiêu thường đặt theo địa bàn (ví dụ tối thiểu 01 xã mỗi huyện): đọc theo cách thứ hai, tỷ lệ địa bàn đạt.',
      'Communes built on the smart-commune model: digital commune government, digital services for residents and rural digital infrastructure, narrowing the rural–urban digital divide. Targets are often set per area (e.g. at least one commune per district) and read the second way: the share of areas that reach it.',
    ),
    legal: ['QD263', 'QD749'],
    source: source.dx,
    unitKinds: ['district', 'commune'],
    keywords: ['xa thong minh', 'nong thon moi thong minh', 'nong thon so', 'smart commune'],
  },
  {
    code: 'SOC.SMART_DEVICE_EGOV_USERS',
    nameEn: 'Share of smart-device users using e-government and smart-city services',
    kind: 'ratio',
    numerator: bi(
      'Số người dùng thiết bị đầu cuối thông minh đã truy cập, sử dụng dịch vụ chính quyền điện tử, dịch vụ đô thị thông minh',
      'Smart-device users who have used e-government or smart-city services',
    ),
    denominator: bi(
      'Tổng số người dùng thiết bị đầu cuối thông minh trên địa bàn',
      'All smart-device users in the province',
    ),
    definition: bi(
      'Đo mức độ người dân đã có thiết bị thông minh thực sự dùng dịch vụ số của chính quyền.',
      "Measures how far people who own smart devices actually use government's digital services.",
    ),
    legal: ['QD942', 'QD950'],
    source: source.dx,
    unitKinds: ['province'],
    keywords: ['thiet bi dau cuoi thong minh', 'chinh quyen dien tu', 'do thi thong minh', 'nguoi dung'],
  },
];

const pillarOrder: readonly Pillar[] = ['government', 'economy', 'society', 'foundation'];

/** The national catalog, in the order it is shown: by pillar, then as listed. */
export const nationalIndicators: readonly IndicatorDefinition[] = entries
  .map(define)
  .sort((a, b) => pillarOrder.indexOf(a.pillar) - pillarOrder.indexOf(b.pillar));

/** Looks up a national indicator by code. */
export function findNationalIndicator(code: string): IndicatorDefinition | undefined {
  return nationalIndicators.find((i) => i.code === code);
}
