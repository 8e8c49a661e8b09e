/**
 * The documents the indicator catalog cites, each written once in both
 * languages. Dates are given only where they are certain; otherwise the
 * document alone is cited.
 */
import type { Bilingual } from './indicator';

/** Cited documents by key, e.g. `legalDocuments.QD749.vi`. */
export const legalDocuments = {
  NQ52_TW: {
    vi: 'Nghị quyết 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư',
    en: 'Resolution 52-NQ/TW of 27 September 2019 of the Politburo on policies for active participation in the Fourth Industrial Revolution',
  },
  NQ17_CP: {
    vi: 'Nghị quyết 17/NQ-CP ngày 07/3/2019 của Chính phủ về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2019 – 2020, định hướng đến 2025',
    en: 'Government Resolution 17/NQ-CP of 7 March 2019 on key tasks and solutions for e-government development 2019–2020, with orientations to 2025',
  },
  QD749: {
    vi: 'Quyết định 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
    en: 'Decision 749/QĐ-TTg of 3 June 2020 of the Prime Minister approving the National Digital Transformation Programme to 2025, with orientations to 2030',
  },
  QD942: {
    vi: 'Quyết định 942/QĐ-TTg ngày 15/6/2021 của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 – 2025, định hướng đến năm 2030',
    en: 'Decision 942/QĐ-TTg of 15 June 2021 of the Prime Minister approving the Strategy for developing e-government towards digital government 2021–2025, with orientations to 2030',
  },
  QD411: {
    vi: 'Quyết định 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030',
    en: 'Decision 411/QĐ-TTg of 31 March 2022 of the Prime Minister approving the National Strategy for the digital economy and digital society to 2025, with orientations to 2030',
  },
  QD06: {
    vi: 'Quyết định 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia (Đề án 06)',
    en: 'Decision 06/QĐ-TTg of 6 January 2022 of the Prime Minister approving the scheme on population data, electronic identification and authentication for national digital transformation (Scheme 06)',
  },
  QD922_BTTTT: {
    vi: 'Quyết định 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông về Bộ chỉ số đánh giá chuyển đổi số (DTI) của bộ, ngành, địa phương và quốc gia',
    en: 'Decision 922/QĐ-BTTTT of 20 May 2022 of the Ministry of Information and Communications on the Digital Transformation Index (DTI) of ministries, provinces and the nation',
  },
  ND45: {
    vi: 'Nghị định 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử',
    en: 'Decree 45/2020/NĐ-CP of 8 April 2020 on carrying out administrative procedures electronically',
  },
  ND42: {
    vi: 'Nghị định 42/2022/NĐ-CP của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng',
    en: 'Decree 42/2022/NĐ-CP on the provision of information and online public services by state agencies',
  },
  ND09: {
    vi: 'Nghị định 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định về chế độ báo cáo của cơ quan hành chính nhà nước',
    en: 'Decree 09/2019/NĐ-CP of 24 January 2019 on the reporting regimes of state administrative agencies',
  },
  ND85: {
    vi: 'Nghị định 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ về bảo đảm an toàn hệ thống thông tin theo cấp độ',
    en: 'Decree 85/2016/NĐ-CP of 1 July 2016 on information-system security by level',
  },
  CT14: {
    vi: 'Chỉ thị 14/CT-TTg năm 2019 của Thủ tướng Chính phủ về tăng cường bảo đảm an toàn, an ninh mạng (mô hình bảo vệ 4 lớp)',
    en: 'Directive 14/CT-TTg of 2019 of the Prime Minister on strengthening cyber-security (the four-layer protection model)',
  },
  ND47: {
    vi: 'Nghị định 47/2020/NĐ-CP của Chính phủ về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước',
    en: 'Decree 47/2020/NĐ-CP on the management, connection and sharing of digital data of state agencies',
  },
  ND30: {
    vi: 'Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư',
    en: 'Decree 30/2020/NĐ-CP of 5 March 2020 on clerical work (official documents)',
  },
  QD28_2018: {
    vi: 'Quyết định 28/2018/QĐ-TTg của Thủ tướng Chính phủ về việc gửi, nhận văn bản điện tử giữa các cơ quan trong hệ thống hành chính nhà nước',
    en: 'Decision 28/2018/QĐ-TTg on sending and receiving electronic documents between agencies of the state administration',
  },
  QD146: {
    vi: 'Quyết định 146/QĐ-TTg năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án nâng cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia',
    en: 'Decision 146/QĐ-TTg of 2022 approving the scheme on awareness, digital skills and human resources for national digital transformation',
  },
  QD766: {
    vi: 'Quyết định 766/QĐ-TTg năm 2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử',
    en: 'Decision 766/QĐ-TTg of 2022 approving the real-time index set for directing and assessing service quality to citizens and businesses in administrative procedures and public services',
  },
  QD1813: {
    vi: 'Quyết định 1813/QĐ-TTg năm 2021 của Thủ tướng Chính phủ phê duyệt Đề án phát triển thanh toán không dùng tiền mặt tại Việt Nam giai đoạn 2021 – 2025',
    en: 'Decision 1813/QĐ-TTg of 2021 approving the scheme for developing cashless payments in Viet Nam 2021–2025',
  },
  QD149_2020: {
    vi: 'Quyết định 149/QĐ-TTg năm 2020 của Thủ tướng Chính phủ phê duyệt Chiến lược tài chính toàn diện quốc gia đến năm 2025, định hướng đến năm 2030',
    en: 'Decision 149/QĐ-TTg of 2020 approving the National Financial Inclusion Strategy to 2025, with orientations to 2030',
  },
  QD645: {
    vi: 'Quyết định 645/QĐ-TTg năm 2020 của Thủ tướng Chính phủ phê duyệt Kế hoạch tổng thể phát triển thương mại điện tử quốc gia giai đoạn 2021 – 2025',
    en: 'Decision 645/QĐ-TTg of 2020 approving the national e-commerce development master plan 2021–2025',
  },
  QD844: {
    vi: 'Quyết định 844/QĐ-TTg năm 2016 của Thủ tướng Chính phủ phê duyệt Đề án hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025 (Đề án 844)',
    en: 'Decision 844/QĐ-TTg of 2016 approving the scheme supporting the national innovative start-up ecosystem to 2025 (Scheme 844)',
  },
  QD950: {
    vi: 'Quyết định 950/QĐ-TTg năm 2018 của Thủ tướng Chính phủ phê duyệt Đề án phát triển đô thị thông minh bền vững Việt Nam giai đoạn 2018 – 2025 và định hướng đến năm 2030',
    en: 'Decision 950/QĐ-TTg of 2018 approving the scheme for sustainable smart-city development in Viet Nam 2018–2025, with orientations to 2030',
  },
  QD131: {
    vi: 'Quyết định 131/QĐ-TTg năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án tăng cường ứng dụng công nghệ thông tin và chuyển đổi số trong giáo dục và đào tạo giai đoạn 2022 – 2025, định hướng đến năm 2030',
    en: 'Decision 131/QĐ-TTg of 2022 approving the scheme for ICT and digital transformation in education and training 2022–2025, with orientations to 2030',
  },
  QD263: {
    vi: 'Quyết định 263/QĐ-TTg năm 2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 – 2025',
    en: 'Decision 263/QĐ-TTg of 2022 approving the National Target Programme on new rural development 2021–2025',
  },
  ND123: {
    vi: 'Nghị định 123/2020/NĐ-CP của Chính phủ quy định về hóa đơn, chứng từ',
    en: 'Decree 123/2020/NĐ-CP on invoices and vouchers',
  },
  ND80_2021: {
    vi: 'Nghị định 80/2021/NĐ-CP của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hỗ trợ doanh nghiệp nhỏ và vừa',
    en: 'Decree 80/2021/NĐ-CP detailing the Law on Support for Small and Medium-sized Enterprises',
  },
  ND59_2022: {
    vi: 'Nghị định 59/2022/NĐ-CP của Chính phủ quy định về định danh và xác thực điện tử',
    en: 'Decree 59/2022/NĐ-CP on electronic identification and authentication',
  },
  LUAT_GDDT_2023: {
    vi: 'Luật Giao dịch điện tử số 20/2023/QH15',
    en: 'Law on Electronic Transactions No. 20/2023/QH15',
  },
  TT46_2018_BYT: {
    vi: 'Thông tư 46/2018/TT-BYT của Bộ Y tế quy định hồ sơ bệnh án điện tử',
    en: 'Circular 46/2018/TT-BYT of the Ministry of Health on electronic medical records',
  },
  CV46_BCSD: {
    vi: 'Công văn 46-CV/BCSD ngày 26/5/2021 của Ban Cán sự đảng Bộ Thông tin và Truyền thông kèm mẫu nghị quyết chuyển đổi số cấp tỉnh (kinh phí tối thiểu khoảng 1% ngân sách nhà nước của tỉnh)',
    en: 'Letter 46-CV/BCSD of 26 May 2021 of the Party Committee of the Ministry of Information and Communications with the template provincial DX resolution (at least about 1% of the provincial budget)',
  },
} as const satisfies Record<string, Bilingual>;

/** A key of a cited document. */
export type LegalDocumentKey = keyof typeof legalDocuments;
