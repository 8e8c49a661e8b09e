import { describe, expect, it } from 'vitest';
import { validateIndicator } from '../indicator/indicator';
import { foldVietnamese } from '../text';
import { indicatorCodes } from './indicator-codes';
import { findNationalIndicator, nationalIndicators } from './indicators';

describe('the national indicator catalog', () => {
  it('defines every code of indicator-codes.ts, once, and nothing else', () => {
    const codes = nationalIndicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.keys(indicatorCodes).sort());
    expect(codes.length).toBeGreaterThanOrEqual(55);
  });

  it('has only consistent definitions', () => {
    const problems = nationalIndicators.flatMap((i) =>
      validateIndicator(i).map((issue) => `${i.code}: ${issue.path} ${issue.code}`),
    );
    expect(problems).toEqual([]);
  });

  it('gives every ratio a numerator and a denominator in both languages, and only ratios', () => {
    for (const i of nationalIndicators) {
      if (i.kind === 'ratio') {
        expect(i.aggregation, i.code).toBe('ratio');
        expect(i.numerator?.vi.length, i.code).toBeGreaterThan(5);
        expect(i.numerator?.en.length, i.code).toBeGreaterThan(5);
        expect(i.denominator?.vi.length, i.code).toBeGreaterThan(5);
        expect(i.denominator?.en.length, i.code).toBeGreaterThan(5);
        expect(i.unitOfMeasure.vi, i.code).toBe('%');
      } else {
        expect(i.aggregation, i.code).not.toBe('ratio');
        expect(i.numerator, i.code).toBeNull();
      }
    }
  });

  it('puts each code in the pillar its prefix names', () => {
    const prefix = { GOV: 'government', ECO: 'economy', SOC: 'society', FND: 'foundation' } as const;
    for (const i of nationalIndicators) {
      expect(i.pillar, i.code).toBe(prefix[i.code.split('.')[0] as keyof typeof prefix]);
    }
  });

  it('keeps its search keywords folded', () => {
    for (const i of nationalIndicators) {
      expect(i.keywords.length, i.code).toBeGreaterThan(0);
      for (const k of i.keywords) expect(k, i.code).toBe(foldVietnamese(k));
    }
  });

  it('cites real legal documents by number', () => {
    for (const i of nationalIndicators) {
      for (const doc of i.legalBasis) {
        expect(doc.vi, i.code).toMatch(/\d+(\/\d{4})?[/-][A-ZĐ-]+/);
      }
    }
    expect(findNationalIndicator('GOV.DTI_RANK')?.legalBasis[0]?.vi).toContain('922/QĐ-BTTTT');
    expect(
      findNationalIndicator('FND.SECURITY_4_LAYER')
        ?.legalBasis.map((d) => d.vi)
        .join(' '),
    ).toContain('14/CT-TTg');
    expect(
      findNationalIndicator('GOV.REPORT_ONLINE')
        ?.legalBasis.map((d) => d.vi)
        .join(' '),
    ).toContain('09/2019/NĐ-CP');
  });

  it('shows the catalog by pillar: government, economy, society, foundations', () => {
    const order = nationalIndicators.map((i) => i.pillar).filter((p, k, all) => all[k - 1] !== p);
    expect(order).toEqual(['government', 'economy', 'society', 'foundation']);
  });
});

describe('coverage of the targets in the seed documents', () => {
  // A hand-made list: a phrase of a seed target and the indicator (and kind) it measures.
  const seedTargets: [string, string, string][] = [
    ['000: dịch vụ công trực tuyến mức độ 4', 'GOV.DVC_FULL_ONLINE', 'ratio'],
    ['004: DVCTT mức độ 4 trên nhiều phương tiện truy cập', 'GOV.DVC_MULTICHANNEL', 'ratio'],
    ['000: hồ sơ công việc cấp tỉnh / huyện / xã', 'GOV.WORKFILE_ONLINE', 'ratio'],
    ['004: báo cáo qua hệ thống báo cáo của tỉnh', 'GOV.REPORT_ONLINE', 'ratio'],
    ['000: hoạt động kiểm tra qua môi trường số', 'GOV.INSPECTION_DIGITAL', 'ratio'],
    ['000: cơ sở dữ liệu quốc gia kết nối', 'GOV.NATIONAL_DB_CONNECTED', 'ratio'],
    ['002: kết nối liên thông 80% CSDL các sở, ngành', 'GOV.DEPARTMENT_DB_SHARED', 'ratio'],
    ['002: kết nối mạng truyền số liệu chuyên dùng', 'GOV.SPECIALISED_NETWORK', 'ratio'],
    ['002: CSDL dùng chung trên điện toán đám mây', 'GOV.CLOUD_SYSTEMS', 'ratio'],
    ['002: hội nghị trực tuyến đến cấp xã', 'GOV.ONLINE_MEETING', 'ratio'],
    ['002: hồ sơ giải quyết theo DVCTT mức độ 3, 4', 'GOV.TTHC_FILES_ONLINE', 'ratio'],
    ['002: 90% người dân hài lòng', 'GOV.SATISFACTION', 'ratio'],
    ['000: nhóm 20 địa phương dẫn đầu về chỉ số chuyển đổi số', 'GOV.DTI_RANK', 'rank'],
    ['002: 100% cán bộ được bồi dưỡng kỹ năng số', 'FND.STAFF_DIGITAL_TRAINED', 'ratio'],
    ['002: 100% cơ quan có cán bộ phụ trách CNTT', 'FND.AGENCIES_WITH_IT_STAFF', 'ratio'],
    ['001: kinh phí tối thiểu khoảng 1% ngân sách', 'FND.DX_BUDGET_SHARE', 'ratio'],
    ['003: kinh tế số chiếm từ 08 - 10% GRDP', 'ECO.DIGITAL_ECONOMY_GRDP', 'ratio'],
    ['003: tỷ trọng kinh tế số trong từng ngành tối thiểu 10%', 'ECO.DIGITAL_ECONOMY_SECTOR', 'ratio'],
    ['003: năng suất lao động tăng tối thiểu 07%', 'ECO.LABOUR_PRODUCTIVITY_GROWTH', 'amount'],
    ['002: trên 80% doanh nghiệp nhỏ và vừa tham gia chuyển đổi số', 'ECO.SME_IN_DX', 'ratio'],
    ['002: doanh nghiệp trong KKT, KCN, CCN ứng dụng công nghệ số', 'ECO.INDUSTRIAL_ZONE_DIGITAL', 'ratio'],
    [
      '002: 01 đến 02 cơ sở giáo dục đào tạo thương mại điện tử',
      'ECO.ECOMMERCE_TRAINING_INSTITUTIONS',
      'count',
    ],
    ['002: trên 3.000 lượt tập huấn thương mại điện tử', 'ECO.ECOMMERCE_TRAINEES', 'count'],
    ['002: 100% hộ sản xuất nông nghiệp số hóa dữ liệu', 'ECO.AGRI_HOUSEHOLDS_DIGITISED', 'ratio'],
    ['004: 3-5 doanh nghiệp công nghệ số điển hình', 'ECO.DIGITAL_TECH_ENTERPRISES', 'count'],
    ['000: cáp quang phủ trên 80% hộ gia đình', 'SOC.FIBRE_HOUSEHOLDS', 'ratio'],
    ['000: cáp quang 100% xã', 'SOC.FIBRE_COMMUNES', 'ratio'],
    ['000: phổ cập 4G/5G', 'SOC.MOBILE_BROADBAND', 'ratio'],
    ['000: phổ cập điện thoại thông minh', 'SOC.SMARTPHONE_ADULTS', 'ratio'],
    ['000: tài khoản thanh toán điện tử trên 50%', 'SOC.EPAYMENT_ACCOUNTS', 'ratio'],
    ['002: 50% người dân trưởng thành dùng thanh toán điện tử', 'SOC.EPAYMENT_USERS', 'ratio'],
    ['002: tài khoản giao dịch tại ngân hàng', 'SOC.BANK_ACCOUNTS', 'ratio'],
    [
      '002: người dùng thiết bị thông minh dùng dịch vụ chính quyền điện tử',
      'SOC.SMART_DEVICE_EGOV_USERS',
      'ratio',
    ],
    ['003: 100% cơ sở y tế khám chữa bệnh từ xa', 'SOC.TELEHEALTH', 'ratio'],
    ['003: 100% cơ sở giáo dục dạy và học từ xa', 'SOC.SCHOOLS_ONLINE', 'ratio'],
    ['004: 100% trường cao đẳng, trung cấp dạy học từ xa', 'SOC.VOCATIONAL_SCHOOLS_ONLINE', 'ratio'],
    ['004: học trực tuyến tối thiểu 20% nội dung chương trình', 'SOC.ONLINE_LEARNING_SHARE', 'ratio'],
    ['003: xã thông minh tối thiểu 01 xã/01 huyện', 'SOC.SMART_COMMUNES', 'count'],
  ];

  it.each(seedTargets)('%s → %s (%s)', (_phrase, code, kind) => {
    expect(findNationalIndicator(code)?.kind).toBe(kind);
  });

  it('lets districts report the per-level indicators of the 2021 programs', () => {
    expect(findNationalIndicator('GOV.WORKFILE_ONLINE')?.unitKinds).toEqual(
      expect.arrayContaining(['department', 'district', 'commune']),
    );
  });
});
