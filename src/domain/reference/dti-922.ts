/**
 * The provincial Digital Transformation Index (DTI cấp tỉnh) of Decision
 * 922/QĐ-BTTTT of 20/5/2022 (Appendix 1), as an index method the engine scores.
 *
 * Established from the decision (and kept as official, not provisional):
 * - 1,000 points over 9 main indicators ("chỉ số chính") with 98
 *   sub-indicators ("chỉ số thành phần"), in two groups:
 *   common foundations (56 sub-indicators, 500 points) — digital awareness 100
 *   (10), digital institutions 100 (11), digital infrastructure 100 (7),
 *   digital human resources 100 (13), cyber-security 100 (12), smart city
 *   (3, not scored); activities (42 sub-indicators, 500 points) — digital
 *   government 200 (22), digital economy 150 (12), digital society 150 (8).
 *
 * Not established here: the official list of the 98 sub-indicators and their
 * points. Below each pillar, the main indicators and sub-indicators are the
 * product's provisional breakdown — fed by the national catalog where an
 * indicator exists, else by evidence-backed manual items — with points that
 * add up to the official pillar maximum. Each is marked `provisional` with a
 * note; replace them with Appendix 1's list when it has been checked.
 */
import type {
  IndexMainIndicator,
  IndexMethod,
  IndexPillar,
  IndexSubIndicator,
  ScoringRule,
} from '../index-method/types';
import type { IndicatorCode } from './indicator-codes';

const provisionalNote = {
  vi: 'Tạm tính: danh sách và điểm chỉ số thành phần do Nhịp Số đề xuất, chưa đối chiếu Phụ lục 1 Quyết định 922/QĐ-BTTTT; tổng điểm của trụ cột là điểm chính thức.',
  en: 'Provisional: sub-indicators and their points proposed by Nhịp Số, not yet checked against Appendix 1 of Decision 922/QĐ-BTTTT; the pillar total is official.',
};

const percentOf100: ScoringRule = { kind: 'ratio', full: 100, percent: true };

/** A sub-indicator fed by a catalog indicator. */
function fromCatalog(
  code: string,
  indicator: IndicatorCode,
  vi: string,
  en: string,
  maxPoints: number,
  rule: ScoringRule = percentOf100,
): IndexSubIndicator {
  return {
    code,
    name: { vi, en },
    maxPoints,
    rule,
    source: { kind: 'catalog', indicator },
    provisional: true,
  };
}

/** A yes/no item that needs evidence (a decision number, a link, a file). */
function manualYesNo(
  code: string,
  vi: string,
  en: string,
  maxPoints: number,
  hintVi: string,
  hintEn: string,
): IndexSubIndicator {
  return {
    code,
    name: { vi, en },
    maxPoints,
    rule: { kind: 'boolean' },
    source: { kind: 'manual', hint: { vi: hintVi, en: hintEn } },
    provisional: true,
  };
}

function main(code: string, vi: string, en: string, subIndicators: IndexSubIndicator[]): IndexMainIndicator {
  return {
    code,
    name: { vi, en },
    maxPoints: subIndicators.reduce((s, x) => s + x.maxPoints, 0),
    subIndicators,
    provisional: true,
    note: provisionalNote,
  };
}

const foundations = { vi: 'Nhóm chỉ số nền tảng chung', en: 'Common foundations' };
const activities = { vi: 'Nhóm chỉ số hoạt động', en: 'Activities' };

const pillars: IndexPillar[] = [
  {
    code: 'DTI22.AWARENESS',
    name: { vi: 'Nhận thức số', en: 'Digital awareness' },
    group: foundations,
    maxPoints: 100,
    scored: true,
    officialSubIndicatorCount: 10,
    mainIndicators: [
      main('DTI22.AW1', 'Lãnh đạo, chỉ đạo chuyển đổi số', 'Leadership of digital transformation', [
        manualYesNo(
          'DTI22.AW1.1',
          'Ban Chỉ đạo chuyển đổi số của tỉnh do người đứng đầu chính quyền làm Trưởng ban',
          'Provincial DX steering committee chaired by the head of government',
          10,
          'Số, ngày quyết định thành lập/kiện toàn Ban Chỉ đạo',
          'Number and date of the decision establishing the committee',
        ),
        manualYesNo(
          'DTI22.AW1.2',
          'Nghị quyết/chương trình chuyển đổi số của tỉnh được ban hành',
          'Provincial DX resolution or programme issued',
          15,
          'Số, ngày văn bản',
          'Number and date of the document',
        ),
        manualYesNo(
          'DTI22.AW1.3',
          'Kế hoạch chuyển đổi số năm được ban hành',
          'Annual DX plan issued',
          15,
          'Số, ngày kế hoạch',
          'Number and date of the plan',
        ),
      ]),
      main(
        'DTI22.AW2',
        'Tuyên truyền, phổ biến về chuyển đổi số',
        'Communication on digital transformation',
        [
          manualYesNo(
            'DTI22.AW2.1',
            'Chuyên mục chuyển đổi số trên Cổng thông tin điện tử của tỉnh',
            'DX section on the provincial web portal',
            10,
            'Đường dẫn chuyên mục',
            'Link to the section',
          ),
          {
            code: 'DTI22.AW2.2',
            name: {
              vi: 'Số tin, bài tuyên truyền về chuyển đổi số trong năm',
              en: 'News items and articles on DX in the year',
            },
            maxPoints: 20,
            rule: {
              kind: 'tiered',
              direction: 'higher_better',
              tiers: [
                { threshold: 50, points: 5 },
                { threshold: 100, points: 10 },
                { threshold: 200, points: 20 },
              ],
            },
            source: {
              kind: 'manual',
              hint: { vi: 'Số lượng và danh sách tin, bài', en: 'Count and list of items' },
            },
            provisional: true,
          },
        ],
      ),
      main(
        'DTI22.AW3',
        'Mức độ tham gia của cơ quan, địa phương, cộng đồng',
        'Engagement of agencies, localities and communities',
        [
          fromCatalog(
            'DTI22.AW3.1',
            'FND.DX_DEPARTMENTS_PLAN',
            'Tỷ lệ cơ quan, địa phương ban hành kế hoạch chuyển đổi số',
            'Share of agencies and localities with a DX plan',
            20,
          ),
          fromCatalog(
            'DTI22.AW3.2',
            'FND.COMMUNITY_DIGITAL_TEAMS',
            'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng',
            'Share of villages with a community digital team',
            10,
          ),
        ],
      ),
    ],
  },
  {
    code: 'DTI22.INSTITUTIONS',
    name: { vi: 'Thể chế số', en: 'Digital institutions' },
    group: foundations,
    maxPoints: 100,
    scored: true,
    officialSubIndicatorCount: 11,
    mainIndicators: [
      main('DTI22.IN1', 'Chính sách, quy định', 'Policies and regulations', [
        manualYesNo(
          'DTI22.IN1.1',
          'Kiến trúc chính quyền điện tử/chính quyền số của tỉnh được cập nhật',
          'Provincial e-/digital government architecture kept up to date',
          15,
          'Số, ngày quyết định ban hành/cập nhật',
          'Number and date of the decision',
        ),
        manualYesNo(
          'DTI22.IN1.2',
          'Quy chế quản lý, kết nối, chia sẻ dữ liệu được ban hành',
          'Rules on managing, connecting and sharing data issued',
          15,
          'Số, ngày quy chế',
          'Number and date of the rules',
        ),
        manualYesNo(
          'DTI22.IN1.3',
          'Chính sách thu hút, đãi ngộ nhân lực chuyển đổi số',
          'Policy to attract and retain DX staff',
          10,
          'Số, ngày văn bản',
          'Number and date of the document',
        ),
        manualYesNo(
          'DTI22.IN1.4',
          'Danh mục cơ sở dữ liệu dùng chung, dữ liệu mở được ban hành',
          'List of shared databases and open data issued',
          10,
          'Số, ngày quyết định',
          'Number and date of the decision',
        ),
      ]),
      main('DTI22.IN2', 'Nguồn lực cho chuyển đổi số', 'Resources for digital transformation', [
        // the template resolution asks for at least 1% of the provincial budget (seed document 001)
        fromCatalog(
          'DTI22.IN2.1',
          'FND.DX_BUDGET_SHARE',
          'Tỷ lệ chi ngân sách cho chuyển đổi số (đủ điểm từ 1%)',
          'Share of the budget spent on DX (full points from 1%)',
          30,
          { kind: 'ratio', full: 1, percent: true },
        ),
        manualYesNo(
          'DTI22.IN2.2',
          'Thuê dịch vụ công nghệ thông tin, hợp tác với doanh nghiệp công nghệ số',
          'IT services hired and partnerships with digital technology firms',
          20,
          'Hợp đồng/thỏa thuận hợp tác',
          'Contract or cooperation agreement',
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.INFRASTRUCTURE',
    name: { vi: 'Hạ tầng số', en: 'Digital infrastructure' },
    group: foundations,
    maxPoints: 100,
    scored: true,
    officialSubIndicatorCount: 7,
    mainIndicators: [
      main('DTI22.IF1', 'Hạ tầng viễn thông', 'Telecommunications', [
        fromCatalog(
          'DTI22.IF1.1',
          'SOC.FIBRE_HOUSEHOLDS',
          'Tỷ lệ hộ gia đình có cáp quang băng rộng',
          'Households with fibre broadband',
          20,
        ),
        fromCatalog(
          'DTI22.IF1.2',
          'SOC.MOBILE_BROADBAND',
          'Tỷ lệ dân cư được phủ sóng di động băng rộng',
          'Population covered by mobile broadband',
          15,
        ),
        fromCatalog(
          'DTI22.IF1.3',
          'SOC.SMARTPHONE_ADULTS',
          'Tỷ lệ dân số trưởng thành có điện thoại thông minh',
          'Adults with a smartphone',
          15,
        ),
      ]),
      main('DTI22.IF2', 'Hạ tầng, nền tảng số của tỉnh', 'Provincial digital platforms', [
        fromCatalog(
          'DTI22.IF2.1',
          'GOV.CLOUD_SYSTEMS',
          'Tỷ lệ hệ thống thông tin vận hành trên nền tảng điện toán đám mây',
          'Information systems running on cloud platforms',
          20,
        ),
        fromCatalog(
          'DTI22.IF2.2',
          'GOV.SPECIALISED_NETWORK',
          'Tỷ lệ cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng',
          'Agencies on the specialised data network',
          15,
        ),
        manualYesNo(
          'DTI22.IF2.3',
          'Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) kết nối với NGSP',
          'Provincial data integration platform (LGSP) connected to the NGSP',
          15,
          'Xác nhận kết nối của cơ quan quản lý NGSP',
          'Confirmation from the NGSP operator',
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.HUMAN_RESOURCES',
    name: { vi: 'Nhân lực số', en: 'Digital human resources' },
    group: foundations,
    maxPoints: 100,
    scored: true,
    officialSubIndicatorCount: 13,
    mainIndicators: [
      main('DTI22.HR1', 'Nhân lực chuyên trách', 'Dedicated staff', [
        fromCatalog(
          'DTI22.HR1.1',
          'FND.IT_STAFF',
          'Số cán bộ chuyên trách công nghệ thông tin, chuyển đổi số (xếp hạng giữa các tỉnh)',
          'Dedicated IT/DX staff (ranked among provinces)',
          25,
          { kind: 'rank', mode: 'peer_value', direction: 'higher_better' },
        ),
        manualYesNo(
          'DTI22.HR1.2',
          'Có đơn vị chuyên trách chuyển đổi số của tỉnh',
          'A dedicated provincial DX unit exists',
          15,
          'Quyết định thành lập/giao nhiệm vụ',
          'Decision establishing or tasking it',
        ),
      ]),
      main('DTI22.HR2', 'Đào tạo, bồi dưỡng, phổ cập kỹ năng số', 'Training and digital skills', [
        fromCatalog(
          'DTI22.HR2.1',
          'FND.STAFF_DIGITAL_TRAINED',
          'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số',
          'Civil servants trained in digital skills',
          35,
        ),
        fromCatalog(
          'DTI22.HR2.2',
          'SOC.DIGITAL_SKILLS',
          'Tỷ lệ dân số có kỹ năng số cơ bản',
          'Population with basic digital skills',
          25,
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.CYBERSECURITY',
    name: { vi: 'An toàn thông tin mạng', en: 'Cyber-security' },
    group: foundations,
    maxPoints: 100,
    scored: true,
    officialSubIndicatorCount: 12,
    mainIndicators: [
      main('DTI22.CS1', 'Bảo đảm an toàn hệ thống thông tin', 'Securing information systems', [
        fromCatalog(
          'DTI22.CS1.1',
          'FND.SECURITY_LEVEL_APPROVED',
          'Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn',
          'Information systems with an approved security level',
          30,
        ),
        fromCatalog(
          'DTI22.CS1.2',
          'FND.SECURITY_4_LAYER',
          'Tỷ lệ hệ thống thông tin được bảo vệ theo mô hình 4 lớp',
          'Information systems protected by the 4-layer model',
          30,
        ),
      ]),
      main('DTI22.CS2', 'Giám sát, ứng cứu sự cố', 'Monitoring and incident response', [
        manualYesNo(
          'DTI22.CS2.1',
          'Hệ thống giám sát an toàn thông tin (SOC) kết nối với hệ thống giám sát quốc gia',
          'Security operations centre (SOC) connected to the national monitoring system',
          20,
          'Xác nhận kết nối',
          'Connection confirmation',
        ),
        manualYesNo(
          'DTI22.CS2.2',
          'Diễn tập ứng cứu sự cố an toàn thông tin trong năm',
          'Incident-response drill held in the year',
          20,
          'Báo cáo diễn tập',
          'Drill report',
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.SMART_CITY',
    name: { vi: 'Đô thị thông minh', en: 'Smart city' },
    group: foundations,
    maxPoints: 0,
    scored: false,
    officialSubIndicatorCount: 3,
    note: { vi: 'Không tính điểm (Quyết định 922/QĐ-BTTTT).', en: 'Not scored (Decision 922/QĐ-BTTTT).' },
    mainIndicators: [
      main('DTI22.SC1', 'Phát triển đô thị thông minh', 'Smart city development', [
        manualYesNo(
          'DTI22.SC1.1',
          'Đề án/kế hoạch phát triển đô thị thông minh được phê duyệt',
          'Smart city scheme or plan approved',
          0,
          'Số, ngày quyết định',
          'Number and date of the decision',
        ),
        fromCatalog(
          'DTI22.SC1.2',
          'SOC.SMART_CITY',
          'Số đô thị triển khai dịch vụ đô thị thông minh',
          'Urban areas with smart city services',
          0,
          { kind: 'tiered', direction: 'higher_better', tiers: [{ threshold: 1, points: 0 }] },
        ),
        manualYesNo(
          'DTI22.SC1.3',
          'Có dịch vụ đô thị thông minh cung cấp cho người dân',
          'Smart city services offered to residents',
          0,
          'Danh sách dịch vụ',
          'List of services',
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.DIGITAL_GOVERNMENT',
    name: { vi: 'Hoạt động chính quyền số', en: 'Digital government activity' },
    group: activities,
    maxPoints: 200,
    scored: true,
    officialSubIndicatorCount: 22,
    mainIndicators: [
      main('DTI22.GV1', 'Dịch vụ công trực tuyến', 'Online public services', [
        fromCatalog(
          'DTI22.GV1.1',
          'GOV.DVC_FULL_ONLINE',
          'Tỷ lệ dịch vụ công trực tuyến toàn trình',
          'Full-process online public services',
          20,
        ),
        fromCatalog(
          'DTI22.GV1.2',
          'GOV.TTHC_FILES_ONLINE',
          'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến',
          'Administrative files processed online',
          20,
        ),
        fromCatalog(
          'DTI22.GV1.3',
          'GOV.DVC_NATIONAL_PORTAL',
          'Tỷ lệ dịch vụ công trực tuyến cung cấp trên Cổng Dịch vụ công quốc gia',
          'Online services on the National Public Service Portal',
          15,
        ),
        fromCatalog(
          'DTI22.GV1.4',
          'GOV.DVC_ONLINE_PAYMENT',
          'Tỷ lệ hồ sơ có thanh toán trực tuyến',
          'Files paid online',
          10,
        ),
        fromCatalog(
          'DTI22.GV1.5',
          'GOV.TTHC_DIGITISED',
          'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa',
          'Files and results digitised',
          15,
        ),
      ]),
      main('DTI22.GV2', 'Xử lý công việc trên môi trường mạng', 'Work done online', [
        fromCatalog(
          'DTI22.GV2.1',
          'GOV.WORKFILE_ONLINE',
          'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
          'Work files processed online',
          20,
        ),
        fromCatalog(
          'DTI22.GV2.2',
          'GOV.EDOC_SIGNED',
          'Tỷ lệ văn bản điện tử có ký số',
          'Digitally signed electronic documents',
          15,
        ),
        fromCatalog(
          'DTI22.GV2.3',
          'GOV.REPORT_ONLINE',
          'Tỷ lệ báo cáo thực hiện qua hệ thống thông tin báo cáo',
          'Reports made through the reporting system',
          15,
        ),
        fromCatalog(
          'DTI22.GV2.4',
          'GOV.INSPECTION_DIGITAL',
          'Tỷ lệ hoạt động kiểm tra thực hiện qua môi trường số',
          'Inspections done digitally',
          10,
        ),
      ]),
      main('DTI22.GV3', 'Dữ liệu số', 'Digital data', [
        fromCatalog(
          'DTI22.GV3.1',
          'GOV.OPEN_DATA',
          'Số bộ dữ liệu mở được công bố (xếp hạng giữa các tỉnh)',
          'Open datasets published (ranked among provinces)',
          15,
          { kind: 'rank', mode: 'peer_value', direction: 'higher_better' },
        ),
        fromCatalog(
          'DTI22.GV3.2',
          'GOV.NATIONAL_DB_CONNECTED',
          'Tỷ lệ cơ sở dữ liệu quốc gia được kết nối, chia sẻ',
          'National databases connected and shared',
          15,
        ),
        manualYesNo(
          'DTI22.GV3.3',
          'Kho dữ liệu dùng chung của tỉnh được vận hành',
          'Provincial shared data warehouse in operation',
          10,
          'Quyết định đưa vào vận hành',
          'Decision to put it into operation',
        ),
      ]),
      main('DTI22.GV4', 'Điều hành và sự hài lòng', 'Operations and satisfaction', [
        fromCatalog(
          'DTI22.GV4.1',
          'GOV.IOC',
          'Trung tâm giám sát, điều hành thông minh (IOC) vận hành',
          'Intelligent operations centre (IOC) in operation',
          10,
          { kind: 'boolean' },
        ),
        fromCatalog(
          'DTI22.GV4.2',
          'GOV.SATISFACTION',
          'Mức độ hài lòng của người dân, doanh nghiệp',
          'Satisfaction of citizens and businesses',
          10,
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.DIGITAL_ECONOMY',
    name: { vi: 'Hoạt động kinh tế số', en: 'Digital economy activity' },
    group: activities,
    maxPoints: 150,
    scored: true,
    officialSubIndicatorCount: 12,
    mainIndicators: [
      main('DTI22.EC1', 'Quy mô kinh tế số', 'Size of the digital economy', [
        // the national programme (Decision 749/QĐ-TTg) aims at a digital economy of 20% of GDP by 2025
        fromCatalog(
          'DTI22.EC1.1',
          'ECO.DIGITAL_ECONOMY_GRDP',
          'Tỷ trọng kinh tế số trong GRDP (đủ điểm từ 20%)',
          'Digital economy share of GRDP (full points from 20%)',
          40,
          { kind: 'ratio', full: 20, percent: true },
        ),
        fromCatalog(
          'DTI22.EC1.2',
          'ECO.DIGITAL_TECH_ENTERPRISES',
          'Số doanh nghiệp công nghệ số (xếp hạng giữa các tỉnh)',
          'Digital technology enterprises (ranked among provinces)',
          20,
          { kind: 'rank', mode: 'peer_value', direction: 'higher_better' },
        ),
      ]),
      main('DTI22.EC2', 'Doanh nghiệp chuyển đổi số', 'Businesses going digital', [
        fromCatalog(
          'DTI22.EC2.1',
          'ECO.SME_DIGITAL_PLATFORM',
          'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số',
          'SMEs using digital platforms',
          20,
        ),
        fromCatalog(
          'DTI22.EC2.2',
          'ECO.ENTERPRISE_E_INVOICE',
          'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử',
          'Enterprises using e-invoices',
          15,
        ),
        fromCatalog(
          'DTI22.EC2.3',
          'ECO.ENTERPRISE_E_CONTRACT',
          'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử',
          'Enterprises using e-contracts',
          15,
        ),
        fromCatalog(
          'DTI22.EC2.4',
          'ECO.SME_DX_SUPPORTED',
          'Số doanh nghiệp được hỗ trợ chuyển đổi số (xếp hạng giữa các tỉnh)',
          'Enterprises supported in DX (ranked among provinces)',
          10,
          { kind: 'rank', mode: 'peer_value', direction: 'higher_better' },
        ),
      ]),
      main('DTI22.EC3', 'Thương mại điện tử', 'E-commerce', [
        fromCatalog(
          'DTI22.EC3.1',
          'ECO.ECOMMERCE_RETAIL_SHARE',
          'Tỷ trọng thương mại điện tử trong tổng mức bán lẻ (đủ điểm từ 10%)',
          'E-commerce share of retail (full points from 10%)',
          15,
          { kind: 'ratio', full: 10, percent: true },
        ),
        fromCatalog(
          'DTI22.EC3.2',
          'ECO.OCOP_ECOMMERCE',
          'Tỷ lệ sản phẩm OCOP trên sàn thương mại điện tử',
          'OCOP products on e-commerce platforms',
          15,
        ),
      ]),
    ],
  },
  {
    code: 'DTI22.DIGITAL_SOCIETY',
    name: { vi: 'Hoạt động xã hội số', en: 'Digital society activity' },
    group: activities,
    maxPoints: 150,
    scored: true,
    officialSubIndicatorCount: 8,
    mainIndicators: [
      main('DTI22.SO1', 'Công dân số', 'Digital citizens', [
        fromCatalog(
          'DTI22.SO1.1',
          'SOC.EPAYMENT_ACCOUNTS',
          'Tỷ lệ dân số từ 15 tuổi có tài khoản thanh toán điện tử',
          'Population aged 15+ with an e-payment account',
          25,
        ),
        fromCatalog(
          'DTI22.SO1.2',
          'SOC.DIGITAL_ID',
          'Tỷ lệ người dân có danh tính số',
          'Residents with a digital identity',
          25,
        ),
        fromCatalog(
          'DTI22.SO1.3',
          'SOC.EPAYMENT_USERS',
          'Tỷ lệ người dân sử dụng thanh toán không dùng tiền mặt',
          'Residents paying cashless',
          20,
        ),
      ]),
      main('DTI22.SO2', 'Y tế số, giáo dục số', 'Digital health and education', [
        fromCatalog(
          'DTI22.SO2.1',
          'SOC.HEALTH_RECORDS',
          'Tỷ lệ dân số có hồ sơ sức khỏe điện tử',
          'Population with an electronic health record',
          20,
        ),
        fromCatalog(
          'DTI22.SO2.2',
          'SOC.TELEHEALTH',
          'Tỷ lệ cơ sở y tế khám, chữa bệnh từ xa',
          'Health facilities offering telehealth',
          15,
        ),
        fromCatalog(
          'DTI22.SO2.3',
          'SOC.SCHOOLS_DIGITAL_MGMT',
          'Tỷ lệ cơ sở giáo dục ứng dụng quản trị số',
          'Schools using digital management',
          15,
        ),
        fromCatalog(
          'DTI22.SO2.4',
          'SOC.SCHOOLS_ONLINE',
          'Tỷ lệ cơ sở giáo dục dạy và học trực tuyến',
          'Schools teaching online',
          15,
        ),
        fromCatalog(
          'DTI22.SO2.5',
          'SOC.HOSPITAL_CASHLESS',
          'Tỷ lệ cơ sở y tế, trường học thu phí không dùng tiền mặt',
          'Health facilities and schools collecting fees cashless',
          15,
        ),
      ]),
    ],
  },
];

/** The provincial DTI of Decision 922/QĐ-BTTTT (2022): 1,000 points, smart city not scored. */
export const dti922Province: IndexMethod = {
  code: 'DTI_PROVINCE',
  version: '922-2022',
  name: { vi: 'Chỉ số chuyển đổi số cấp tỉnh (DTI)', en: 'Provincial Digital Transformation Index (DTI)' },
  legalBasis: {
    vi: 'Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ trưởng Bộ Thông tin và Truyền thông, Phụ lục 1',
    en: 'Decision 922/QĐ-BTTTT of 20 May 2022 of the Minister of Information and Communications, Appendix 1',
  },
  // DTI 2022 to DTI 2024; Decision 405/QĐ-BKHCN of 3/4/2025 approved a new scheme for later years
  validFrom: 2022,
  validTo: 2024,
  subjectKinds: ['province'],
  maxPoints: 1000,
  pillars,
  note: {
    vi: 'Cấu trúc 9 chỉ số chính, 98 chỉ số thành phần và thang điểm 1.000 theo Quyết định 922/QĐ-BTTTT; danh sách chỉ số thành phần bên dưới là tạm tính. Năm hết hiệu lực 2024: Quyết định 405/QĐ-BKHCN ngày 03/4/2025 phê duyệt bộ chỉ số mới.',
    en: 'Structure of 9 main indicators, 98 sub-indicators and 1,000 points per Decision 922/QĐ-BTTTT; the sub-indicators listed are provisional. Last year 2024: Decision 405/QĐ-BKHCN of 3 April 2025 approved a new index.',
  },
};
