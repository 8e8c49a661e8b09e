/**
 * The codes of the national DX indicator catalog, fixed early because gold
 * annotations, the document reader and the catalog all refer to them. The
 * full definitions (names in English, kind, aggregation, numerator and
 * denominator, legal basis…) live in `indicators.ts`; every code here must
 * appear there. Add codes; never rename one that has shipped.
 */
export const indicatorCodes = {
  // Chính quyền số / digital government
  'GOV.DVC_FULL_ONLINE':
    'Tỷ lệ dịch vụ công trực tuyến mức độ 4 (toàn trình) trên tổng số thủ tục hành chính đủ điều kiện',
  'GOV.DVC_MULTICHANNEL':
    'Tỷ lệ dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện truy cập, kể cả thiết bị di động',
  'GOV.DVC_NATIONAL_PORTAL':
    'Tỷ lệ dịch vụ công trực tuyến được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia',
  'GOV.TTHC_FILES_ONLINE': 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến',
  'GOV.DVC_ONLINE_PAYMENT': 'Tỷ lệ hồ sơ/dịch vụ công có thanh toán trực tuyến',
  'GOV.TTHC_DIGITISED': 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa',
  'GOV.WORKFILE_ONLINE': 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
  'GOV.EDOC_SIGNED': 'Tỷ lệ văn bản điện tử trao đổi giữa các cơ quan nhà nước có ký số',
  'GOV.REPORT_ONLINE': 'Tỷ lệ báo cáo định kỳ, thống kê được thực hiện qua hệ thống thông tin báo cáo',
  'GOV.INSPECTION_DIGITAL':
    'Tỷ lệ hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện qua môi trường số',
  'GOV.NATIONAL_DB_CONNECTED': 'Tỷ lệ cơ sở dữ liệu quốc gia được kết nối, chia sẻ với hệ thống của tỉnh',
  'GOV.OPEN_DATA': 'Số bộ dữ liệu mở được công bố',
  'GOV.SPECIALISED_NETWORK': 'Tỷ lệ cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng',
  'GOV.ONLINE_MEETING': 'Tỷ lệ đơn vị có hệ thống họp trực tuyến đến cấp xã',
  'GOV.IOC': 'Trung tâm giám sát, điều hành thông minh (IOC) được đưa vào vận hành',
  'GOV.CLOUD_SYSTEMS': 'Tỷ lệ hệ thống thông tin của tỉnh vận hành trên nền tảng điện toán đám mây',
  'GOV.SATISFACTION': 'Mức độ hài lòng của người dân, doanh nghiệp với dịch vụ công',
  'GOV.DTI_RANK': 'Thứ hạng Chỉ số chuyển đổi số cấp tỉnh (DTI)',
  'GOV.ICT_INDEX_RANK':
    'Thứ hạng chỉ số sẵn sàng ứng dụng CNTT (ICT Index) hoặc xếp hạng chính quyền điện tử',
  'GOV.DEPARTMENT_DB_SHARED':
    'Tỷ lệ cơ sở dữ liệu của các sở, ban, ngành được kết nối, liên thông, chia sẻ qua nền tảng của tỉnh',
  // Nền tảng / foundations
  'FND.SECURITY_4_LAYER': 'Tỷ lệ hệ thống thông tin được bảo đảm an toàn thông tin theo mô hình 4 lớp',
  'FND.SECURITY_LEVEL_APPROVED': 'Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn thông tin',
  'FND.STAFF_DIGITAL_TRAINED':
    'Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng, tập huấn kỹ năng số, chuyển đổi số',
  'FND.IT_STAFF': 'Số cán bộ chuyên trách công nghệ thông tin, chuyển đổi số tại các cơ quan',
  'FND.DX_BUDGET_SHARE': 'Tỷ lệ ngân sách chi cho chuyển đổi số trên tổng chi ngân sách của tỉnh',
  'FND.COMMUNITY_DIGITAL_TEAMS': 'Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng',
  'FND.DX_DEPARTMENTS_PLAN': 'Tỷ lệ cơ quan, địa phương ban hành kế hoạch chuyển đổi số',
  'FND.AGENCIES_WITH_IT_STAFF':
    'Tỷ lệ cơ quan, đơn vị có cán bộ phụ trách công nghệ thông tin, chuyển đổi số',
  // Kinh tế số / digital economy
  'ECO.DIGITAL_ECONOMY_GRDP': 'Tỷ trọng kinh tế số trong GRDP',
  'ECO.DIGITAL_ECONOMY_SECTOR': 'Tỷ trọng kinh tế số trong từng ngành, lĩnh vực',
  'ECO.LABOUR_PRODUCTIVITY_GROWTH': 'Tốc độ tăng năng suất lao động hằng năm',
  'ECO.SME_DIGITAL_PLATFORM': 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số',
  'ECO.SME_DX_SUPPORTED': 'Số doanh nghiệp được hỗ trợ chuyển đổi số',
  'ECO.DIGITAL_TECH_ENTERPRISES': 'Số doanh nghiệp công nghệ số',
  'ECO.ECOMMERCE_RETAIL_SHARE':
    'Tỷ trọng thương mại điện tử trong tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng',
  'ECO.ENTERPRISE_E_INVOICE': 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử',
  'ECO.ENTERPRISE_E_CONTRACT': 'Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử',
  'ECO.COOPERATIVES_DIGITAL': 'Số hợp tác xã ứng dụng công nghệ số, thương mại điện tử',
  'ECO.OCOP_ECOMMERCE': 'Tỷ lệ sản phẩm OCOP được đưa lên sàn thương mại điện tử',
  'ECO.AGRI_DIGITAL': 'Số cơ sở, mô hình sản xuất nông nghiệp ứng dụng công nghệ số',
  'ECO.INNOVATIVE_STARTUPS': 'Số doanh nghiệp, dự án khởi nghiệp đổi mới sáng tạo được hỗ trợ',
  'ECO.TOURISM_DIGITAL':
    'Số lượt khách du lịch sử dụng dịch vụ du lịch thông minh / điểm du lịch được số hóa',
  'ECO.SME_IN_DX': 'Tỷ lệ doanh nghiệp nhỏ và vừa tham gia chuyển đổi số',
  'ECO.INDUSTRIAL_ZONE_DIGITAL':
    'Tỷ lệ doanh nghiệp trong khu kinh tế, khu công nghiệp, cụm công nghiệp ứng dụng công nghệ số',
  'ECO.AGRI_HOUSEHOLDS_DIGITISED':
    'Tỷ lệ hộ sản xuất nông nghiệp được lập danh sách, chuẩn hóa và số hóa dữ liệu',
  'ECO.ECOMMERCE_TRAINING_INSTITUTIONS': 'Số cơ sở giáo dục triển khai đào tạo về thương mại điện tử',
  'ECO.ECOMMERCE_TRAINEES': 'Số lượt người được đào tạo, tập huấn về thương mại điện tử',
  // Xã hội số / digital society
  'SOC.FIBRE_HOUSEHOLDS': 'Tỷ lệ hộ gia đình có hạ tầng cáp quang băng rộng',
  'SOC.FIBRE_COMMUNES': 'Tỷ lệ xã, thôn có hạ tầng cáp quang băng rộng',
  'SOC.MOBILE_BROADBAND': 'Tỷ lệ dân cư được phủ sóng di động băng rộng 4G/5G',
  'SOC.SMARTPHONE_ADULTS': 'Tỷ lệ dân số trưởng thành có điện thoại thông minh',
  'SOC.EPAYMENT_ACCOUNTS': 'Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử',
  'SOC.EPAYMENT_USERS': 'Tỷ lệ người dân sử dụng dịch vụ thanh toán điện tử, thanh toán không dùng tiền mặt',
  'SOC.DIGITAL_SKILLS': 'Tỷ lệ dân số có kỹ năng số cơ bản',
  'SOC.DIGITAL_ID': 'Tỷ lệ người dân có danh tính số / tài khoản định danh điện tử',
  'SOC.HEALTH_RECORDS': 'Tỷ lệ dân số có hồ sơ sức khỏe điện tử',
  'SOC.TELEHEALTH': 'Tỷ lệ cơ sở y tế có hoạt động khám, chữa bệnh từ xa',
  'SOC.HOSPITAL_CASHLESS': 'Tỷ lệ cơ sở y tế, trường học thu phí không dùng tiền mặt',
  'SOC.SCHOOLS_ONLINE': 'Tỷ lệ cơ sở giáo dục triển khai dạy và học trực tuyến',
  'SOC.SCHOOLS_DIGITAL_MGMT': 'Tỷ lệ cơ sở giáo dục ứng dụng quản trị số, học bạ/sổ điểm điện tử',
  'SOC.PUBLIC_WIFI': 'Số điểm truy cập Internet không dây công cộng miễn phí',
  'SOC.SMART_CITY': 'Số đô thị được triển khai dịch vụ đô thị thông minh',
  'SOC.SMART_COMMUNES': 'Số xã thông minh được xây dựng',
  'SOC.BANK_ACCOUNTS':
    'Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc tổ chức được phép khác',
  'SOC.SMART_DEVICE_EGOV_USERS':
    'Tỷ lệ người dùng thiết bị đầu cuối thông minh sử dụng dịch vụ chính quyền điện tử, đô thị thông minh',
  'SOC.HOSPITALS_EMR': 'Tỷ lệ cơ sở khám bệnh, chữa bệnh triển khai hồ sơ bệnh án điện tử',
  'SOC.VOCATIONAL_SCHOOLS_ONLINE': 'Tỷ lệ trường cao đẳng, trung cấp triển khai dạy và học từ xa',
  'SOC.ONLINE_LEARNING_SHARE': 'Tỷ lệ nội dung chương trình đào tạo được tổ chức học trực tuyến',
} as const;

/** A code of the national catalog. */
export type IndicatorCode = keyof typeof indicatorCodes;
