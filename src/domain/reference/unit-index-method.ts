/**
 * The province's own index for its departments and communes: a starting
 * method that a coordinator edits (it is data, validated by
 * `src/contracts/index-method.ts`). It mirrors the DTI's logic at unit level —
 * leadership, infrastructure and security, people, digital government, and
 * digital economy and society at the grassroots — fed mostly by the catalog
 * indicators units already report, with a few evidence-backed items.
 * Items marked `appliesTo: ['commune']` are left out of a department's
 * maximum, so departments and communes are compared on what they control;
 * rank them in separate peer groups.
 */
import type { IndexMethod, IndexSubIndicator, ScoringRule } from '../index-method/types';
import type { IndicatorCode } from './indicator-codes';

const percent: ScoringRule = { kind: 'ratio', full: 100, percent: true };

function fromCatalog(
  code: string,
  indicator: IndicatorCode,
  vi: string,
  en: string,
  maxPoints: number,
  extra: Partial<IndexSubIndicator> = {},
): IndexSubIndicator {
  return {
    code,
    name: { vi, en },
    maxPoints,
    rule: percent,
    source: { kind: 'catalog', indicator },
    ...extra,
  };
}

const communesOnly = { appliesTo: ['commune'] };

/** The default method for scoring a province's departments and communes (from the 2025 data year). */
export const unitDxIndexMethod: IndexMethod = {
  code: 'UNIT_DX',
  version: '2025.1',
  name: {
    vi: 'Bộ chỉ số đánh giá chuyển đổi số của sở, ngành và xã, phường',
    en: 'Digital transformation index of departments and communes',
  },
  legalBasis: {
    vi: 'Do tỉnh ban hành (điều chỉnh trong Nhịp Số trước khi áp dụng)',
    en: 'Issued by the province (adjust it in Nhịp Số before use)',
  },
  validFrom: 2025,
  validTo: null,
  subjectKinds: ['department', 'commune'],
  maxPoints: 1000,
  pillars: [
    {
      code: 'UNIT.LEADERSHIP',
      name: { vi: 'Nhận thức và chỉ đạo', en: 'Awareness and leadership' },
      maxPoints: 100,
      scored: true,
      mainIndicators: [
        {
          code: 'UNIT.LD1',
          name: { vi: 'Kế hoạch và đầu mối', en: 'Plan and focal point' },
          maxPoints: 60,
          subIndicators: [
            {
              code: 'UNIT.LD1.1',
              name: {
                vi: 'Kế hoạch chuyển đổi số năm của đơn vị được ban hành',
                en: 'The unit’s annual DX plan issued',
              },
              maxPoints: 30,
              rule: { kind: 'boolean' },
              source: {
                kind: 'manual',
                hint: { vi: 'Số, ngày kế hoạch', en: 'Number and date of the plan' },
              },
            },
            {
              code: 'UNIT.LD1.2',
              name: {
                vi: 'Có lãnh đạo phụ trách và cán bộ đầu mối chuyển đổi số',
                en: 'A leader in charge and a DX focal point appointed',
              },
              maxPoints: 30,
              rule: { kind: 'boolean' },
              source: { kind: 'manual', hint: { vi: 'Văn bản phân công', en: 'Assignment document' } },
            },
          ],
        },
        {
          code: 'UNIT.LD2',
          name: { vi: 'Chấp hành chế độ báo cáo', en: 'Reporting discipline' },
          maxPoints: 40,
          subIndicators: [
            {
              code: 'UNIT.LD2.1',
              name: {
                vi: 'Nộp báo cáo chuyển đổi số đúng hạn trong kỳ',
                en: 'DX report submitted on time in the period',
              },
              maxPoints: 40,
              rule: { kind: 'boolean' },
              source: {
                kind: 'manual',
                hint: {
                  vi: 'Theo lịch sử nộp báo cáo trong Nhịp Số',
                  en: 'From the submission history in Nhịp Số',
                },
              },
              // the reporting round's own record is the evidence
              evidenceRequired: false,
            },
          ],
        },
      ],
    },
    {
      code: 'UNIT.INFRA_SECURITY',
      name: { vi: 'Hạ tầng và an toàn thông tin', en: 'Infrastructure and security' },
      maxPoints: 150,
      scored: true,
      mainIndicators: [
        {
          code: 'UNIT.IS1',
          name: { vi: 'An toàn thông tin', en: 'Information security' },
          maxPoints: 90,
          subIndicators: [
            fromCatalog(
              'UNIT.IS1.1',
              'FND.SECURITY_LEVEL_APPROVED',
              'Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn',
              'Systems with an approved security level',
              45,
            ),
            fromCatalog(
              'UNIT.IS1.2',
              'FND.SECURITY_4_LAYER',
              'Tỷ lệ hệ thống thông tin được bảo vệ theo mô hình 4 lớp',
              'Systems protected by the 4-layer model',
              45,
            ),
          ],
        },
        {
          code: 'UNIT.IS2',
          name: { vi: 'Hạ tầng', en: 'Infrastructure' },
          maxPoints: 60,
          subIndicators: [
            {
              code: 'UNIT.IS2.1',
              name: {
                vi: 'Có điểm cầu họp trực tuyến kết nối với tỉnh',
                en: 'Online meeting room connected to the province',
              },
              maxPoints: 20,
              rule: { kind: 'boolean' },
              source: {
                kind: 'manual',
                hint: { vi: 'Biên bản kiểm tra kết nối', en: 'Connection test record' },
              },
            },
            fromCatalog(
              'UNIT.IS2.2',
              'SOC.FIBRE_COMMUNES',
              'Tỷ lệ thôn, tổ dân phố có cáp quang băng rộng',
              'Villages with fibre broadband',
              40,
              communesOnly,
            ),
          ],
        },
      ],
    },
    {
      code: 'UNIT.PEOPLE',
      name: { vi: 'Nhân lực số', en: 'Digital skills of staff' },
      maxPoints: 100,
      scored: true,
      mainIndicators: [
        {
          code: 'UNIT.PE1',
          name: { vi: 'Cán bộ, công chức', en: 'Civil servants' },
          maxPoints: 100,
          subIndicators: [
            fromCatalog(
              'UNIT.PE1.1',
              'FND.STAFF_DIGITAL_TRAINED',
              'Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số',
              'Staff trained in digital skills',
              60,
            ),
            fromCatalog(
              'UNIT.PE1.2',
              'FND.IT_STAFF',
              'Số cán bộ phụ trách công nghệ thông tin, chuyển đổi số',
              'Staff in charge of IT and DX',
              40,
              {
                rule: {
                  kind: 'tiered',
                  direction: 'higher_better',
                  tiers: [
                    { threshold: 1, points: 20 },
                    { threshold: 2, points: 40 },
                  ],
                },
              },
            ),
          ],
        },
      ],
    },
    {
      code: 'UNIT.GOVERNMENT',
      name: { vi: 'Chính quyền số', en: 'Digital government' },
      maxPoints: 400,
      scored: true,
      mainIndicators: [
        {
          code: 'UNIT.GO1',
          name: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
          maxPoints: 200,
          subIndicators: [
            fromCatalog(
              'UNIT.GO1.1',
              'GOV.DVC_FULL_ONLINE',
              'Tỷ lệ dịch vụ công trực tuyến toàn trình',
              'Full-process online services',
              50,
            ),
            fromCatalog(
              'UNIT.GO1.2',
              'GOV.TTHC_FILES_ONLINE',
              'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến',
              'Administrative files processed online',
              60,
            ),
            fromCatalog(
              'UNIT.GO1.3',
              'GOV.DVC_ONLINE_PAYMENT',
              'Tỷ lệ hồ sơ có thanh toán trực tuyến',
              'Files paid online',
              40,
            ),
            fromCatalog(
              'UNIT.GO1.4',
              'GOV.TTHC_DIGITISED',
              'Tỷ lệ hồ sơ, kết quả thủ tục hành chính được số hóa',
              'Files and results digitised',
              50,
            ),
          ],
        },
        {
          code: 'UNIT.GO2',
          name: { vi: 'Xử lý công việc trên môi trường mạng', en: 'Work done online' },
          maxPoints: 150,
          subIndicators: [
            fromCatalog(
              'UNIT.GO2.1',
              'GOV.WORKFILE_ONLINE',
              'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
              'Work files processed online',
              60,
            ),
            fromCatalog(
              'UNIT.GO2.2',
              'GOV.EDOC_SIGNED',
              'Tỷ lệ văn bản điện tử có ký số',
              'Digitally signed documents',
              50,
            ),
            fromCatalog(
              'UNIT.GO2.3',
              'GOV.REPORT_ONLINE',
              'Tỷ lệ báo cáo qua hệ thống thông tin báo cáo',
              'Reports made through the reporting system',
              40,
            ),
          ],
        },
        {
          code: 'UNIT.GO3',
          name: { vi: 'Sự hài lòng', en: 'Satisfaction' },
          maxPoints: 50,
          subIndicators: [
            fromCatalog(
              'UNIT.GO3.1',
              'GOV.SATISFACTION',
              'Mức độ hài lòng của người dân, doanh nghiệp (đủ điểm từ 90%, 0 điểm từ 50% trở xuống)',
              'Satisfaction of citizens and businesses (full points from 90%, none at 50% or less)',
              50,
              {
                rule: { kind: 'ratio', full: 90, zero: 50, percent: true },
              },
            ),
          ],
        },
      ],
    },
    {
      code: 'UNIT.ECONOMY_SOCIETY',
      name: { vi: 'Kinh tế số và xã hội số ở cơ sở', en: 'Digital economy and society at the grassroots' },
      maxPoints: 250,
      scored: true,
      mainIndicators: [
        {
          code: 'UNIT.ES1',
          name: { vi: 'Công dân số', en: 'Digital citizens' },
          maxPoints: 150,
          subIndicators: [
            fromCatalog(
              'UNIT.ES1.1',
              'FND.COMMUNITY_DIGITAL_TEAMS',
              'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng',
              'Villages with a community digital team',
              50,
              communesOnly,
            ),
            fromCatalog(
              'UNIT.ES1.2',
              'SOC.EPAYMENT_ACCOUNTS',
              'Tỷ lệ người dân từ 15 tuổi có tài khoản thanh toán điện tử',
              'Residents aged 15+ with an e-payment account',
              50,
              communesOnly,
            ),
            fromCatalog(
              'UNIT.ES1.3',
              'SOC.DIGITAL_ID',
              'Tỷ lệ người dân có danh tính số',
              'Residents with a digital identity',
              50,
              communesOnly,
            ),
          ],
        },
        {
          code: 'UNIT.ES2',
          name: { vi: 'Kinh tế số và sáng kiến', en: 'Digital economy and initiatives' },
          maxPoints: 100,
          subIndicators: [
            fromCatalog(
              'UNIT.ES2.1',
              'ECO.OCOP_ECOMMERCE',
              'Tỷ lệ sản phẩm OCOP trên sàn thương mại điện tử',
              'OCOP products on e-commerce platforms',
              50,
              communesOnly,
            ),
            {
              code: 'UNIT.ES2.2',
              name: {
                vi: 'Số mô hình, sáng kiến chuyển đổi số được công nhận trong năm',
                en: 'DX models and initiatives recognised in the year',
              },
              maxPoints: 50,
              rule: {
                kind: 'tiered',
                direction: 'higher_better',
                tiers: [
                  { threshold: 1, points: 25 },
                  { threshold: 3, points: 50 },
                ],
              },
              source: {
                kind: 'manual',
                hint: { vi: 'Quyết định công nhận sáng kiến', en: 'Decisions recognising the initiatives' },
              },
            },
          ],
        },
      ],
    },
  ],
};
