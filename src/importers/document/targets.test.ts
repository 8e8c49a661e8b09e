import { describe, expect, it } from 'vitest';
import { readDocumentText } from './reader';

/** Reads lines as the objectives part of a plan issued in 2021 and returns the targets as plain tuples. */
function read(lines: string[], heading = 'II. MỤC TIÊU ĐẾN NĂM 2025') {
  const text = [
    'KẾ HOẠCH',
    'Chuyển đổi số tỉnh Hà Giang',
    'Hà Giang, ngày 12 tháng 3 năm 2021',
    '',
    heading,
    ...lines,
  ].join('\n');
  const result = readDocumentText(text);
  for (const t of result.targets) expect(text.slice(t.span[0], t.span[1])).toBe(t.quote);
  return result.targets.map((t) => ({
    year: t.year,
    level: t.level,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    indicator: t.indicator,
    quote: t.quote,
  }));
}

const pick = (ts: ReturnType<typeof read>) => ts.map((t) => [t.comparator, t.value, t.valueMax, t.unit]);

describe('comparators', () => {
  it.each([
    ['- Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử trên 50%.', '>', 50],
    ['- Tỷ lệ dân số có tài khoản thanh toán điện tử tối thiểu 70%.', '>=', 70],
    ['- Có ít nhất 60% hộ gia đình được phủ cáp quang.', '>=', 60],
    ['- Kinh tế số chiếm khoảng 20% GRDP.', '=', 20],
    ['- Tỷ trọng kinh tế số trong từng ngành từ 12% trở lên.', '>=', 12],
    ['- Năng suất lao động tăng bình quân đạt từ 8%/năm.', '>=', 8],
    ['- Không dưới 40% doanh nghiệp nhỏ và vừa sử dụng nền tảng số.', '>=', 40],
    ['- Tỷ lệ hồ sơ trễ hạn tối đa 2%.', '<=', 2],
    ['- Tỷ lệ hồ sơ phải bổ sung dưới 5%.', '<', 5],
    ['- Duy trì 100% cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng.', '=', 100],
  ])('%s', (line, comparator, value) => {
    expect(pick(read([line]))).toEqual([[comparator, value, null, 'percent']]);
  });
});

describe('ranges', () => {
  it.each([
    ['- Kinh tế số chiếm từ 08 - 10% GRDP.', 8, 10],
    ['- Kinh tế số chiếm tối thiểu 15% đến 20% GRDP.', 15, 20],
    ['- Tỷ lệ thanh toán không dùng tiền mặt tại bệnh viện đạt 40–45%.', 40, 45],
  ])('%s', (line, value, valueMax) => {
    expect(pick(read([line]))).toEqual([['range', value, valueMax, 'percent']]);
  });
});

describe('counts and Vietnamese numbers', () => {
  it('reads 3.000 as three thousand and "trên" as more than', () => {
    expect(pick(read(['- Đào tạo trên 3.000 lượt cán bộ, công chức về kỹ năng số.']))).toEqual([
      ['>', 3000, null, 'count'],
    ]);
  });

  it('reads "02 đến 03 cơ sở" as a range of counts, a range winning over "ít nhất"', () => {
    expect(pick(read(['- Phấn đấu có ít nhất từ 02 đến 03 cơ sở đào tạo về thương mại điện tử.']))).toEqual([
      ['range', 2, 3, 'count'],
    ]);
  });

  it('reads "4-6 doanh nghiệp" and "khoảng 1.200 hợp tác xã/năm"', () => {
    expect(
      pick(
        read([
          '- Phát triển 4-6 doanh nghiệp công nghệ số.',
          '- Hỗ trợ khoảng 1.200 hợp tác xã/năm ứng dụng công nghệ số.',
        ]),
      ),
    ).toEqual([
      ['range', 4, 6, 'count'],
      ['=', 1200, null, 'count'],
    ]);
  });

  it('reads a decimal comma: 42,5%', () => {
    expect(pick(read(['- Tỷ lệ dân số có kỹ năng số cơ bản đạt 42,5%.']))).toEqual([
      ['=', 42.5, null, 'percent'],
    ]);
  });
});

describe('ranks', () => {
  it.each([
    ['- Tỉnh thuộc nhóm 20 địa phương dẫn đầu cả nước về Chỉ số chuyển đổi số (DTI).', 20],
    ['- Phấn đấu vào top 8 cả nước về chỉ số DTI.', 8],
    ['- Giữ vững vị trí trong nhóm 10 tỉnh có chỉ số chuyển đổi số cao nhất.', 10],
  ])('%s', (line, n) => {
    const [t, ...rest] = read([line]);
    expect(rest).toEqual([]);
    expect([t?.comparator, t?.value, t?.unit, t?.indicator]).toEqual(['top', n, 'rank', 'GOV.DTI_RANK']);
  });

  it('keeps a rank group given as a range', () => {
    expect(
      pick(read(['- Phấn đấu thuộc nhóm 25 - 30 tỉnh, thành phố có chỉ số chuyển đổi số cao.'])),
    ).toEqual([['top', 25, 30, 'rank']]);
  });
});

describe('several targets in one sentence', () => {
  it('gives one target per tier, each with its own words', () => {
    const ts = read([
      '- 90% hồ sơ công việc cấp tỉnh; 80% hồ sơ công việc cấp huyện và 60% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.',
    ]);
    expect(ts.map((t) => [t.level, t.value, t.indicator, t.quote])).toEqual([
      ['province', 90, 'GOV.WORKFILE_ONLINE', '90% hồ sơ công việc cấp tỉnh'],
      ['district', 80, 'GOV.WORKFILE_ONLINE', '80% hồ sơ công việc cấp huyện'],
      ['commune', 60, 'GOV.WORKFILE_ONLINE', '60% hồ sơ công việc cấp xã được xử lý trên môi trường mạng'],
    ]);
  });

  it('carries the measure to figures that only name their tier', () => {
    const ts = read([
      '- Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng ở cấp tỉnh đạt 95%, cấp huyện đạt 85%, cấp xã đạt 70%.',
    ]);
    expect(ts.map((t) => [t.level, t.value, t.indicator])).toEqual([
      ['province', 95, 'GOV.WORKFILE_ONLINE'],
      ['district', 85, 'GOV.WORKFILE_ONLINE'],
      ['commune', 70, 'GOV.WORKFILE_ONLINE'],
    ]);
  });

  it('carries the measure past a semicolon to figures that only name their tier', () => {
    const ts = read([
      '- Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90% ở cấp tỉnh; 80% ở cấp huyện và 60% ở cấp xã.',
    ]);
    expect(ts.map((t) => [t.level, t.value, t.indicator])).toEqual([
      ['province', 90, 'GOV.WORKFILE_ONLINE'],
      ['district', 80, 'GOV.WORKFILE_ONLINE'],
      ['commune', 60, 'GOV.WORKFILE_ONLINE'],
    ]);
  });

  it('does not carry a measure past a semicolon to a figure of another subject', () => {
    const ts = read([
      '- Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng đạt 90%; tổ chức 20 hội nghị tập huấn.',
    ]);
    expect(ts.map((t) => [t.value, t.indicator])).toEqual([
      [90, 'GOV.WORKFILE_ONLINE'],
      [20, null],
    ]);
  });

  it('gives one target per tier when one value names two tiers', () => {
    const ts = read(['- 100% cơ quan cấp tỉnh, cấp huyện có cán bộ chuyên trách công nghệ thông tin.']);
    expect(ts.map((t) => [t.level, t.value])).toEqual([
      ['province', 100],
      ['district', 100],
    ]);
  });

  it('reads a tier from what is counted: "100% xã", "01 xã/01 huyện"', () => {
    const ts = read([
      '- Hạ tầng cáp quang phủ trên 85% hộ gia đình, 100% xã.',
      '- Xây dựng tối thiểu 01 xã thông minh/01 huyện.',
    ]);
    expect(ts.map((t) => [t.level, t.comparator, t.value, t.indicator])).toEqual([
      [null, '>', 85, 'SOC.FIBRE_HOUSEHOLDS'],
      ['commune', '=', 100, 'SOC.FIBRE_COMMUNES'],
      ['district', '>=', 1, 'SOC.SMART_COMMUNES'],
    ]);
  });

  it('takes the tier from the heading or lead-in line a list sits under', () => {
    const ts = read([
      '1. Chính quyền số',
      'a) Cấp tỉnh',
      '- 95% hồ sơ công việc được xử lý trên môi trường mạng.',
      'b) Cấp huyện',
      '- 85% hồ sơ công việc được xử lý trên môi trường mạng.',
      'Đối với cấp xã:',
      '- 70% hồ sơ công việc được xử lý trên môi trường mạng.',
    ]);
    expect(ts.map((t) => [t.level, t.value, t.indicator])).toEqual([
      ['province', 95, 'GOV.WORKFILE_ONLINE'],
      ['district', 85, 'GOV.WORKFILE_ONLINE'],
      ['commune', 70, 'GOV.WORKFILE_ONLINE'],
    ]);
  });

  it('reads each year of a sentence that sets two', () => {
    const ts = read(
      ['Phấn đấu đến năm 2025, kinh tế số chiếm khoảng 15% GRDP, đến năm 2030 chiếm khoảng 25% GRDP.'],
      'II. MỤC TIÊU',
    );
    expect(ts.map((t) => [t.year, t.value, t.indicator])).toEqual([
      [2025, 15, 'ECO.DIGITAL_ECONOMY_GRDP'],
      [2030, 25, 'ECO.DIGITAL_ECONOMY_GRDP'],
    ]);
  });
});

describe('years', () => {
  it('takes the year from the nearest heading that has one', () => {
    const ts = read(
      ['1. Mục tiêu cụ thể đến hết năm 2026', '- 100% cơ sở y tế có hoạt động khám, chữa bệnh từ xa.'],
      'II. MỤC TIÊU',
    );
    expect(ts.map((t) => [t.year, t.indicator])).toEqual([[2026, 'SOC.TELEHEALTH']]);
  });

  it('leaves the year empty when no sentence or heading names one', () => {
    const ts = read(
      ['1. Phát triển y tế số', '- Phấn đấu 100% bệnh viện có hồ sơ bệnh án điện tử.'],
      'III. NHIỆM VỤ, GIẢI PHÁP',
    );
    expect(ts.map((t) => t.year)).toEqual([null]);
  });
});

describe('what is not a target', () => {
  it('leaves out baselines and past results', () => {
    expect(
      read([
        '- Năm 2020 đạt 42,5% hồ sơ xử lý trực tuyến.',
        '- Năm 2021, tỉnh xếp thứ 21/63 về chỉ số chuyển đổi số.',
        '- Hiện nay đã có 65% doanh nghiệp sử dụng hóa đơn điện tử.',
      ]),
    ).toEqual([]);
  });

  it('keeps the target of a sentence that also states where it starts from', () => {
    const ts = read([
      '- Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 85% (năm 2020 đạt 42,5%).',
      '- Tăng tỷ lệ thanh toán không dùng tiền mặt từ 30% năm 2020 lên 60% vào năm 2025.',
    ]);
    expect(pick(ts)).toEqual([
      ['=', 85, null, 'percent'],
      ['=', 60, null, 'percent'],
    ]);
  });

  it("leaves out another government's figures quoted for comparison", () => {
    const ts = read([
      '- Cả nước phấn đấu kinh tế số chiếm 20% GDP; tỉnh phấn đấu kinh tế số chiếm 12% GRDP.',
      '- So với mục tiêu chung của quốc gia (30%), tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt 35%.',
    ]);
    expect(pick(ts)).toEqual([
      ['=', 12, null, 'percent'],
      ['=', 35, null, 'percent'],
    ]);
  });

  it('leaves out counts of indicators, names, dates, decree and section numbers', () => {
    expect(
      read([
        '- Kế hoạch gồm 48 chỉ tiêu, 5 nhóm nhiệm vụ và 3 trụ cột.',
        '- Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 và Nghị định số 45/2020/NĐ-CP.',
        '- Bảo đảm an toàn thông tin theo mô hình 4 lớp; phủ sóng 4G/5G; dịch vụ công mức độ 3, 4; kết nối 3 cấp.',
        '- Báo cáo trước ngày 15/12 hằng năm theo mục 2.3 của Kế hoạch.',
      ]),
    ).toEqual([]);
  });

  it('reads nothing in the assessment part', () => {
    const text = [
      'I. ĐÁNH GIÁ TÌNH HÌNH',
      'Đến hết năm 2020, 85% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.',
      'II. MỤC TIÊU',
      '- Đến năm 2025, 95% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.',
    ].join('\n');
    expect(readDocumentText(text).targets.map((t) => t.value)).toEqual([95]);
  });
});

describe('indicators', () => {
  it.each([
    [
      '- 80% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện truy cập, kể cả thiết bị di động.',
      'GOV.DVC_MULTICHANNEL',
    ],
    [
      '- Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt 60%.',
      'GOV.TTHC_FILES_ONLINE',
    ],
    ['- 100% báo cáo định kỳ được thực hiện qua Hệ thống thông tin báo cáo của tỉnh.', 'GOV.REPORT_ONLINE'],
    ['- 90% người dân và doanh nghiệp hài lòng với việc giải quyết thủ tục hành chính.', 'GOV.SATISFACTION'],
    ['- Tỷ trọng thương mại điện tử trong tổng mức bán lẻ hàng hóa đạt 10%.', 'ECO.ECOMMERCE_RETAIL_SHARE'],
    ['- 70% người dân trưởng thành sử dụng dịch vụ thanh toán điện tử.', 'SOC.EPAYMENT_USERS'],
    ['- 100% cơ sở giáo dục triển khai dạy và học trực tuyến.', 'SOC.SCHOOLS_ONLINE'],
    ['- 100% hệ thống thông tin được bảo đảm an toàn thông tin theo mô hình 4 lớp.', 'FND.SECURITY_4_LAYER'],
    ['- Bố trí tối thiểu 1% tổng chi ngân sách của tỉnh cho chuyển đổi số.', 'FND.DX_BUDGET_SHARE'],
  ])('%s', (line, code) => {
    const [t] = read([line]);
    expect(t?.indicator).toBe(code);
  });
});

describe('indicator tables', () => {
  it('reads one target per row and year column, leaving out what was already done', () => {
    const text = [
      'KẾ HOẠCH',
      'Chuyển đổi số tỉnh Lào Cai năm 2024',
      '',
      'I. CHỈ TIÊU',
      '| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2023 | Kế hoạch năm 2024 | Mục tiêu năm 2025 |',
      '|---|---|---|---|---|---|',
      '| 1 | Tỷ lệ dịch vụ công trực tuyến toàn trình | % | 45,2 | ≥ 60 | 80 |',
      '| 2 | Tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng | % | 55 | 70 | 80 - 85 |',
      '| 3 | Số doanh nghiệp công nghệ số | Doanh nghiệp | 120 | 150 | trên 200 |',
      '| 4 | Xếp hạng Chỉ số chuyển đổi số (DTI) | Hạng | 25 | 20 | 15 |',
    ].join('\n');
    const r = readDocumentText(text);
    expect(
      r.targets.map((t) => [t.year, t.level, t.comparator, t.value, t.valueMax, t.unit, t.indicator]),
    ).toEqual([
      [2024, null, '>=', 60, null, 'percent', 'GOV.DVC_FULL_ONLINE'],
      [2025, null, '=', 80, null, 'percent', 'GOV.DVC_FULL_ONLINE'],
      [2024, 'commune', '=', 70, null, 'percent', 'GOV.WORKFILE_ONLINE'],
      [2025, 'commune', 'range', 80, 85, 'percent', 'GOV.WORKFILE_ONLINE'],
      [2024, null, '=', 150, null, 'count', 'ECO.DIGITAL_TECH_ENTERPRISES'],
      [2025, null, '>', 200, null, 'count', 'ECO.DIGITAL_TECH_ENTERPRISES'],
      [2024, null, 'top', 20, null, 'rank', 'GOV.DTI_RANK'],
      [2025, null, 'top', 15, null, 'rank', 'GOV.DTI_RANK'],
    ]);
    for (const t of r.targets) {
      expect(text.slice(t.span[0], t.span[1])).toBe(t.quote);
      expect(t.quote.endsWith(t.valueText)).toBe(true);
    }
  });
});

describe('robustness', () => {
  it('reads an empty text, a text without structure and odd characters without failing', () => {
    expect(readDocumentText('').targets).toEqual([]);
    const r = readDocumentText('Phấn đấu đến năm 2025, 100% sở, ban, ngành có kế hoạch chuyển đổi số.');
    expect(r.targets.map((t) => [t.year, t.level, t.value])).toEqual([[2025, 'province', 100]]);
    const odd = '\u0000\u200b|||\n**\n# \n- \n1.\n(\n%%% 12%% -- 08 - \n'.repeat(50);
    expect(() => readDocumentText(odd)).not.toThrow();
  });
});
