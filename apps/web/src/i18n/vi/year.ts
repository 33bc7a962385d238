/** The year (issue #5): annual classification, records, petitions, publication, reports, dashboards. */
export const yearNav = {
  dashboard: "Tổng quan năm",
  myYear: "Năm của tôi",
  classification: "Xếp loại cuối năm",
  records: "Hồ sơ xếp loại",
  petitions: "Kiến nghị",
  reports: "Báo cáo năm",
} as const;

export const year = {
  pickYear: "Chọn năm",
  yearLabel: "Năm {year}",
} as const;

export const yearForms = {
  documentNumber: "Số, ký hiệu văn bản",
  documentNumberRequired: "Nhập số, ký hiệu văn bản.",
  documentDate: "Ngày ban hành",
  dateRequired: "Chọn ngày.",
  file: "Tệp văn bản (bản quét)",
  fileRequired: "Tải lên tệp.",
  fileTooBig: "Tệp vượt quá {size}.",
  pickFile: "Chọn tệp",
} as const;

export const yearList = {
  title: "Xếp loại cuối năm",
  pickAgency: "Chọn cơ quan để xem.",
  notOpened: "Cơ quan chưa mở đợt xếp loại chất lượng công chức năm {year}.",
  open: "Mở đợt xếp loại",
  opened: "Đã mở đợt xếp loại. Danh sách được tính trực tiếp từ các kỳ đã xác nhận.",
  hrOpens: "Cán bộ tổ chức mở đợt xếp loại cho cơ quan.",
  recordsLink: "Kỷ luật, nghỉ, điều động, nhóm tỷ lệ →",
  ruleSet: "Bộ quy tắc {version}",
  pendingTies: "{count} người bằng điểm tại ngưỡng tỷ lệ đang chờ người đứng đầu quyết định (thẻ “Tỷ lệ xuất sắc”).",
  tabList: "Danh sách",
  tabQuota: "Tỷ lệ xuất sắc",
  tabQuotaPending: "Tỷ lệ xuất sắc ({count} chờ quyết định)",
  tabWorkflow: "Quy trình, quyết định",
  fullName: "Họ và tên",
  quotaGroup: "Nhóm tính tỷ lệ",
  ungrouped: "Không thuộc nhóm",
  allGroups: "Tất cả nhóm",
  monthsCounted: "Tháng tính điểm",
  monthsTitle: "{counted} tháng được tính / {worked} tháng làm việc",
  transferred: "Chuyển đến",
  average: "Điểm bình quân",
  averageExact: "Điểm bình quân (phân số chính xác)",
  exactAverage: "Giá trị chính xác: {value} (= {fraction})",
  yearLevel: "Mức theo điểm và điều kiện",
  proposedLevel: "Mức đề xuất",
  reason: "Lý do",
  selfProposed: "Tự nhận",
  decided: "Mức đã quyết định",
  tiePending: "Chờ quyết định (bằng điểm)",
  levelFilter: "Lọc theo mức",
  allLevels: "Tất cả các mức",
  searchPlaceholder: "Tìm theo họ tên (có hoặc không dấu)",
  exportXlsx: "Xuất bảng xếp loại (Excel)",
  exportCsv: "Xuất các dòng đang xem (CSV)",
  empty: "Không có công chức nào khớp bộ lọc.",
  openPerson: "Xem chi tiết cả năm của {name}",
  mau02: "Mẫu 02",
  mau02For: "Tải Mẫu 02 của {name}",
  mau02Docx: "Mẫu 02 (DOCX)",
  mau02Pdf: "Mẫu 02 (PDF)",
} as const;

/** Short level names for charts and counters. */
export const levelsShort = {
  excellent: "Xuất sắc",
  good: "Tốt",
  completed: "Hoàn thành",
  not_completed: "Không hoàn thành",
  unclassified: "Không xếp loại",
  pending: "Chờ quyết định",
} as const;

export const reasons = {
  threshold: "Điểm bình quân {score} ≥ {threshold}: {level}",
  thresholdBelow: "Điểm bình quân {score} dưới 50: {level}",
  noMonths: "Không có tháng nào có kết quả đã xác nhận để tính điểm",
  fewMonths: "Không xếp loại: làm việc {worked} tháng, dưới {min} tháng trong năm",
  discipline: "Không hoàn thành nhiệm vụ do bị kỷ luật {form}",
  degradation: "Không hoàn thành nhiệm vụ do có kết luận suy thoái",
  corruption: "Không hoàn thành nhiệm vụ do đơn vị phụ trách để xảy ra tham nhũng, lãng phí",
  headCap: "Không cao hơn mức xếp loại của cơ quan ({agencyLevel})",
  quotaCut: "Vượt tỷ lệ hoàn thành xuất sắc: xếp thứ {rank}, chỉ {allowed} người được giữ — chuyển Hoàn thành tốt",
  tiePending: "Bằng điểm tại ngưỡng tỷ lệ, chờ người đứng đầu quyết định",
  conditions: "Không đạt điều kiện của mức",
  byDocument: "theo văn bản số {number} ngày {date}",
} as const;

export const disciplineForms = {
  khien_trach: "Khiển trách",
  canh_cao: "Cảnh cáo",
  giang_chuc: "Giáng chức",
  cach_chuc: "Cách chức",
  buoc_thoi_viec: "Buộc thôi việc",
} as const;

export const recordKinds = {
  discipline: "Kỷ luật",
  degradation: "Kết luận suy thoái",
  corruption_in_unit: "Tham nhũng, lãng phí tại đơn vị phụ trách",
} as const;

export const leaveKinds = {
  none: "Không nghỉ",
  sick: "Nghỉ ốm",
  maternity: "Nghỉ thai sản",
  unpaid: "Nghỉ không lương",
} as const;

export const leaveShort = {
  sick: "Ốm",
  maternity: "TS",
  unpaid: "KL",
} as const;

export const quotaOutcomes = {
  kept: "Giữ mức xuất sắc",
  cut: "Vượt tỷ lệ",
  kept_by_decision: "Giữ theo quyết định",
  cut_by_decision: "Vượt tỷ lệ theo quyết định",
  tie_pending: "Chờ quyết định",
} as const;

export const quotaReadings = {
  final: "Trên số lượng cuối cùng: ⌊r·(G+E)/(1+r)⌋",
  initial_good: "Trên số Hoàn thành tốt ban đầu: ⌊r·G⌋",
} as const;

export const quota = {
  intro:
    "Số công chức Hoàn thành xuất sắc không vượt quá tỷ lệ của số Hoàn thành tốt, trong từng nhóm có nhiệm vụ tương đồng và trong toàn cơ quan (Điều 20.5). Người vượt tỷ lệ (xếp theo điểm từ cao xuống) chuyển Hoàn thành tốt.",
  agencyWide: "Toàn cơ quan",
  group: "Nhóm: {name}",
  good: "G — số Hoàn thành tốt",
  excellent: "E — số đủ điểm xuất sắc",
  rate: "Tỷ lệ",
  exception: "Ngoại lệ được cho phép",
  reading: "Cách tính",
  formula: "Công thức",
  allowed: "Số được giữ xuất sắc",
  final: "Kết quả",
  finalCounts: "{excellent} xuất sắc, {good} tốt",
  cutCount: "Số người vượt tỷ lệ",
  rank: "Thứ hạng",
  outcome: "Kết quả",
  ungrouped: "{count} người không thuộc nhóm nào: chỉ tính tỷ lệ chung toàn cơ quan.",
  tieTitle: "{count} người cùng {score} điểm tại ngưỡng, còn {seats} suất",
  tieHelp:
    "Kéo thả (hoặc dùng mũi tên) để sắp thứ tự ưu tiên, người xếp trên giữ mức xuất sắc. Ghi lý do rồi xác nhận; quyết định được lưu vào nhật ký.",
  keeps: "Giữ xuất sắc",
  becomesGood: "Chuyển Hoàn thành tốt",
  moveUp: "Đưa {name} lên",
  moveDown: "Đưa {name} xuống",
  reason: "Lý do quyết định",
  recordDecision: "Ghi nhận quyết định",
  confirmTitle: "Xác nhận thứ tự ưu tiên?",
  confirmText: "Giữ mức Hoàn thành xuất sắc cho: {kept}. Những người còn lại chuyển Hoàn thành tốt.",
  confirm: "Xác nhận",
  tieSaved: "Đã ghi nhận quyết định của người đứng đầu.",
  tieWaiting: "Có người bằng điểm tại ngưỡng tỷ lệ: chờ người đứng đầu quyết định thứ tự.",
  tieDecided: "Người đứng đầu đã quyết định thứ tự ({name}, {at}).",
} as const;

export const classSettings = {
  title: "Tỷ lệ và mức xếp loại của cơ quan",
  rate: "Tỷ lệ hoàn thành xuất sắc",
  rate20: "20% số Hoàn thành tốt (mặc định)",
  rate25: "25% — cơ quan được cấp có thẩm quyền cho phép (Điều 20.5.b)",
  grant: "Văn bản cho phép",
  grantText: "{by}, văn bản số {number} ngày {date}",
  grantHelp: "Tỷ lệ 25% cần ghi rõ cấp cho phép và văn bản cho phép.",
  grantedBy: "Cấp có thẩm quyền cho phép",
  grantedByRequired: "Nhập cấp cho phép.",
  agencyLevel: "Mức xếp loại của cơ quan",
  agencyLevelNone: "Chưa có",
  agencyLevelManual: "Mức xếp loại của cơ quan (nhập tay)",
  agencyLevelHelp:
    "Dùng khi chưa có kết quả đánh giá cơ quan trong hệ thống. Mức của người đứng đầu không cao hơn mức này (Điều 20.6).",
} as const;

export const agencyLevelSources = {
  agency_evaluation: "theo kết quả đánh giá cơ quan",
  manual: "nhập tay",
  none: "chưa có nguồn",
} as const;

export const classificationStatuses = {
  open: "Đang xếp loại",
  proposed: "Đã đề xuất",
  decided: "Đã quyết định",
  published: "Đã công khai",
} as const;

export const workflowSteps = {
  mau02: "Mẫu 02",
  self_proposal: "Tự nhận mức",
  minutes: "Biên bản họp",
  party_opinion: "Ý kiến cấp ủy",
  proposal: "Đề xuất",
  decision: "Quyết định",
  publication: "Công khai",
} as const;

export const workflow = {
  missing: "Còn thiếu {count}",
  mau02Help:
    "Mẫu 02 của từng người (12 tháng, điểm bình quân, mức tự nhận) tải ở danh sách hoặc trong chi tiết từng người; ý kiến cấp ủy với người đứng đầu, cấp phó ghi trong chi tiết người đó.",
  minutesTitle: "Biên bản cuộc họp đánh giá, xếp loại",
  noMinutes: "Chưa có biên bản nào.",
  meetingUnit: "Đơn vị tổ chức họp",
  unitRequired: "Chọn đơn vị.",
  meetingDate: "Ngày họp",
  minutesFile: "Biên bản",
  addMinutes: "Thêm biên bản",
  minutesSaved: "Đã lưu biên bản.",
  proposalTitle: "Đề xuất của cơ quan tham mưu công tác cán bộ",
  proposalHelp:
    "Tổng hợp ý kiến cuộc họp, ý kiến cấp ủy và kết quả theo dõi để đề xuất mức xếp loại theo danh sách hiện tại.",
  proposalNote: "Nội dung đề xuất",
  propose: "Gửi đề xuất",
  proposed: "Đã gửi đề xuất cho người đứng đầu.",
  proposedBy: "Đề xuất bởi {name} lúc {at}",
  noProposal: "Chưa có đề xuất.",
  tiesBlock: "Còn {count} người bằng điểm tại ngưỡng tỷ lệ chờ người đứng đầu quyết định.",
  decisionTitle: "Quyết định xếp loại",
  decisionNumber: "Số quyết định",
  decisionNumberPlaceholder: "Ví dụ: 123/QĐ-UBND",
  decisionDate: "Ngày quyết định",
  signer: "Người ký",
  decisionFile: "Tệp quyết định",
  decide: "Ban hành quyết định",
  decideConfirm: "Ban hành quyết định xếp loại?",
  replaceConfirm: "Ban hành quyết định thay thế?",
  decideConfirmText: "Quyết định số {number} ngày {date} ghi nhận mức xếp loại của từng người theo danh sách hiện tại.",
  decided: "Đã ghi nhận quyết định xếp loại.",
  replaceDecision: "Ban hành quyết định thay thế",
  decidedAlready:
    "Đã có quyết định xếp loại đang hiệu lực. Nếu phát hiện sai sót, hoặc chấp nhận kiến nghị, hãy ban hành quyết định thay thế (Điều 21.3).",
  replaced: "Đã ghi nhận quyết định thay thế (quyết định cũ hết hiệu lực).",
  replaceReason: "Lý do xếp loại lại (Điều 21.3)",
  replaceReasonRequired: "Nhập lý do xếp loại lại.",
  fromPetition: "Theo kiến nghị của",
  decideAfterProposal: "Người đứng đầu quyết định sau khi có đề xuất.",
  headDecides: "Người đứng đầu ban hành quyết định.",
  publicationTitle: "Công khai kết quả",
  publishHelp: "Công khai kết quả trên trang công khai (không cần đăng nhập) và gửi thông báo đến từng công chức.",
  publish: "Công khai kết quả",
  publishConfirmTitle: "Công khai kết quả xếp loại?",
  publishConfirmText:
    "Danh sách theo quyết định đang có hiệu lực sẽ hiện trên trang công khai và mỗi công chức nhận thông báo.",
  publishedDone: "Đã công khai kết quả và gửi thông báo.",
  publishedAt: "Đã công khai lúc {at}.",
  openPublic: "Mở trang công khai",
  publishAfterDecision: "Công khai sau khi có quyết định.",
  decisionsTitle: "Các quyết định (kể cả quyết định đã bị thay thế)",
  noDecisions: "Chưa có quyết định nào.",
  active: "Đang hiệu lực",
  replacedTag: "Đã bị thay thế",
  counts: "Số lượng theo mức",
  publishedCol: "Công khai",
} as const;

export const personYear = {
  title: "{name} — năm {year}",
  published: "Kết quả đã công khai: {level}, quyết định số {number} ngày {date}.",
  ruleSet: "Bộ quy tắc",
  transferredFrom: "Chuyển đến từ {agency} ngày {date}; kết quả các tháng ở cơ quan cũ được tính (Điều 19.1).",
  whyLevel: "Vì sao ở mức này?",
  monthsTitle: "Điểm 12 tháng",
  month: "Tháng",
  score: "Điểm",
  counted: "Tính vào bình quân",
  countedYes: "Có",
  notCounted: "Không tính",
  noScore: "Chưa có kết quả",
  leave: "Nghỉ",
  source: "Nguồn",
  otherAgency: "Cơ quan cũ",
  why: "Vì sao được điểm này?",
  whyMonth: "Vì sao được điểm tháng {month}?",
  noPeriod: "Không mở được kỳ này từ đây (kỳ của cơ quan khác).",
  monthTitle: "{name} — tháng {month}/{year}",
  recordsTitle: "Kỷ luật, kết luận, vụ việc",
  selfTitle: "Tự nhận mức xếp loại (Mẫu 02)",
  selfLevel: "Mức tự nhận",
  selfLevelRequired: "Chọn mức tự nhận.",
  selfReport: "Báo cáo tự đánh giá",
  saveSelfProposal: "Lưu mức tự nhận",
  selfProposalSaved: "Đã lưu mức tự nhận.",
  notYet: "Chưa có",
  partyTitle: "Ý kiến của cấp ủy",
  partyOpinion: "Ý kiến",
  partyRequired: "Nhập ý kiến của cấp ủy.",
  partyDate: "Ngày",
  saveParty: "Lưu ý kiến cấp ủy",
  partySaved: "Đã lưu ý kiến của cấp ủy.",
  petitionsTitle: "Kiến nghị",
} as const;

export const records = {
  title: "Hồ sơ xếp loại",
  tabRecords: "Kỷ luật, kết luận",
  tabLeave: "Nghỉ theo tháng",
  tabTransfers: "Điều động, chuyển công tác",
  tabGroups: "Nhóm tính tỷ lệ",
  tabHolidays: "Lịch nghỉ lễ, Tết",
  add: "Thêm bản ghi",
  help: "Kỷ luật từ khiển trách trở lên vì vi phạm liên quan đến công vụ, kết luận suy thoái, hoặc (với lãnh đạo) tham nhũng, lãng phí tại đơn vị phụ trách: xếp Không hoàn thành nhiệm vụ trong năm được tính (Điều 11.3, 20.4).",
  person: "Công chức",
  personRequired: "Chọn công chức.",
  kind: "Loại",
  allKinds: "Tất cả các loại",
  form: "Hình thức kỷ luật",
  formRequired: "Chọn hình thức kỷ luật.",
  publicDuty: "Vi phạm liên quan đến thực thi công vụ",
  publicDutyHelp: "Chỉ kỷ luật vì vi phạm liên quan đến công vụ mới buộc xếp Không hoàn thành nhiệm vụ (Điều 20.4.c).",
  notPublicDuty: "không liên quan công vụ",
  effectiveOn: "Ngày có hiệu lực",
  countsInYear: "Năm được tính",
  countsInYearHelp:
    "Để trống: năm có hiệu lực. Một hành vi bị kỷ luật Đảng và chính quyền ở hai năm chỉ tính một năm (Điều 11.3).",
  countsInYearReason: "Lý do tính vào năm khác",
  countsInYearReasonRequired: "Nhập lý do tính vào năm khác năm có hiệu lực.",
  countsIn: "Tính vào năm {year}",
  issuer: "Cơ quan ban hành",
  document: "Văn bản",
  saved: "Đã ghi nhận. Danh sách xếp loại được tính lại.",
  empty: "Chưa có bản ghi nào.",
  deleteTitle: "Xóa bản ghi của {name}?",
  deleteReason: "Lý do xóa (bắt buộc)",
} as const;

export const leave = {
  add: "Ghi nhận nghỉ",
  edit: "Các tháng nghỉ trong năm {year}",
  help: "Nghỉ ốm, thai sản: xếp loại theo thời gian làm việc thực tế. Nghỉ không lương: vẫn cần đủ 6 tháng làm việc (Điều 11.1–11.2).",
  month: "Tháng {month}",
  worked: "Làm việc",
  reason: "Ghi chú thay đổi",
  empty: "Chưa ghi nhận tháng nghỉ nào.",
} as const;

export const transfers = {
  add: "Ghi nhận chuyển công tác",
  help: "Cơ quan mới xếp loại, dùng kết quả các tháng ở cơ quan cũ (Điều 19.1).",
  toUnit: "Chuyển đến đơn vị",
  from: "Từ",
  to: "Đến",
  saved: "Đã ghi nhận chuyển công tác.",
  empty: "Chưa có điều động, chuyển công tác nào.",
} as const;

export const quotaGroups = {
  help: "Tỷ lệ hoàn thành xuất sắc áp dụng trong từng nhóm công chức có nhiệm vụ tương đồng và trong toàn cơ quan. Một người thuộc nhóm đầu tiên (theo thứ tự) mà họ khớp mọi điều kiện đã chọn.",
  add: "Thêm nhóm",
  edit: "Sửa nhóm",
  nameRequired: "Nhập tên nhóm.",
  leaderRoles: "Chức vụ lãnh đạo",
  positions: "Vị trí việc làm",
  units: "Đơn vị (gồm các đơn vị trực thuộc)",
  sortOrder: "Thứ tự",
  sortHelp: "Nhóm có thứ tự nhỏ hơn được xét trước.",
  members: "Thành viên",
  everyone: "Mọi người",
  empty: "Chưa có nhóm nào: tỷ lệ chỉ áp dụng toàn cơ quan.",
} as const;

export const holidays = {
  help: "Hạn trả lời kiến nghị là 7 ngày làm việc, không tính thứ Bảy, Chủ nhật và các ngày nghỉ lễ, Tết dưới đây (Điều 22).",
  date: "Ngày",
  kind: "Loại",
  source: "Nguồn",
  builtin: "Có sẵn",
  custom: "Đã điều chỉnh",
  empty: "Chưa có ngày nghỉ nào cho năm này.",
  namePlaceholder: "Tên ngày nghỉ",
  add: "Thêm ngày",
  reason: "Lý do điều chỉnh (bắt buộc)",
  save: "Lưu lịch nghỉ",
} as const;

export const holidayKinds = {
  holiday: "Nghỉ lễ",
  tet: "Tết",
  compensatory: "Nghỉ bù",
} as const;

export const petitions = {
  title: "Kiến nghị về kết quả xếp loại",
  file: "Gửi kiến nghị",
  send: "Gửi",
  sent: "Đã gửi kiến nghị. Hạn trả lời: {due}.",
  dueInfo: "Gửi hôm nay, hạn trả lời là {due} (7 ngày làm việc, đã bỏ qua {skipped} ngày nghỉ).",
  content: "Nội dung kiến nghị",
  contentRequired: "Nhập nội dung kiến nghị.",
  receivedOn: "Ngày nhận",
  dueOn: "Hạn trả lời",
  receivedDue: "Nhận {received}, hạn {due}",
  pending: "Chờ trả lời",
  overdue: "Quá hạn",
  onlyOverdue: "Chỉ kiến nghị quá hạn",
  allStatuses: "Mọi trạng thái",
  empty: "Không có kiến nghị nào.",
  view: "Xem",
  answerAction: "Trả lời",
  titleFor: "Kiến nghị của {name}",
  answer: "Trả lời",
  answerRequired: "Nhập nội dung trả lời.",
  answeredBy: "Trả lời bởi {name} ngày {date}.",
  outcome: "Kết quả",
  outcomeRequired: "Chọn kết quả.",
  acceptedHelp: "Chấp nhận kiến nghị: ban hành quyết định xếp loại thay thế ở bước Quy trình (Điều 21.3).",
  toWorkflow: "Đến bước quyết định",
  sendAnswer: "Gửi trả lời",
  answered: "Đã trả lời kiến nghị.",
} as const;

export const petitionStatuses = {
  pending: "Chờ trả lời",
  answered: "Đã trả lời",
} as const;

export const petitionOutcomes = {
  accepted: "Chấp nhận",
  rejected: "Không chấp nhận",
} as const;

export const myYear = {
  title: "Năm của tôi",
  none: "Chưa có kết quả năm này.",
  live: "Cơ quan chưa mở đợt xếp loại: kết quả dưới đây là tạm tính từ các kỳ đã xác nhận.",
} as const;

export const publicResults = {
  heading: "Công khai kết quả xếp loại chất lượng công chức",
  allYears: "Mọi năm",
  noneYet: "Chưa có cơ quan nào công khai kết quả.",
  titleFor: "{agency} — kết quả xếp loại năm {year}",
  decision: "Theo quyết định số {number} ngày {date}.",
  publishedAt: "Công khai lúc {at}.",
  notPublished: "Kết quả của cơ quan này chưa được công khai.",
  search: "Tìm theo họ tên hoặc đơn vị",
  title: "Chức vụ",
  level: "Mức xếp loại",
} as const;

export const dashboard = {
  title: "Tổng quan năm",
  tabAgency: "Cơ quan",
  tabProvince: "Các cơ quan",
  tabMe: "Của tôi",
  people: "Số công chức",
  status: "Đợt xếp loại",
  notOpened: "Chưa mở",
  pending: "Chờ quyết định (bằng điểm)",
  lateReviews: "Lượt xác nhận chậm",
  distribution: "Phân bố mức xếp loại",
  trend: "Điểm bình quân theo tháng",
  divisions: "So sánh các đơn vị",
  lateTitle: "Đánh giá, xác nhận chậm so với hạn",
  noLate: "Không có lượt xác nhận nào chậm.",
  reviewDue: "Hạn xác nhận",
  confirmedAt: "Ngày xác nhận",
  notConfirmed: "Chưa xác nhận",
  daysLate: "Số ngày chậm",
  provinceXlsx: "Tổng hợp theo cơ quan (Excel)",
  provinceTotals: "{agencies} cơ quan, {people} công chức",
  excellentShare: "Xuất sắc / Tốt",
  live: "tạm tính",
  agenciesChart: "Mức xếp loại theo cơ quan",
  myYear: "Điểm các tháng năm {year}",
  details: "Xem chi tiết",
} as const;

export const charts = {
  exportPng: "Xuất PNG",
  exportPngOf: "Xuất ảnh PNG của biểu đồ {title}",
  pngFailed: "Không xuất được ảnh biểu đồ.",
  people: "Số người",
  average: "Điểm bình quân",
  monthShort: "T{month}",
  levelsLabel: "Biểu đồ số công chức theo từng mức xếp loại",
  trendLabel: "Biểu đồ điểm bình quân theo tháng, có các mốc 50, 70 và 90 điểm",
} as const;

export const yearReports = {
  title: "Báo cáo năm",
  files: "Văn bản, bảng biểu",
  tableXlsx: "Bảng xếp loại chất lượng công chức (Excel)",
  decisionDocx: "Dự thảo quyết định xếp loại kèm danh sách (DOCX)",
  reportDocx: "Báo cáo kết quả thực hiện gửi Sở Nội vụ (DOCX)",
  narrativeTitle: "Nội dung báo cáo kết quả thực hiện",
  documentNumber: "Số, ký hiệu báo cáo",
  documentNumberPlaceholder: "Ví dụ: 45/BC-UBND",
  recipient: "Nơi nhận",
  recipientHelp: "Gõ từng nơi nhận rồi nhấn Enter.",
  signerTitle: "Chức danh người ký",
  signerTitlePlaceholder: "Ví dụ: KT. CHỦ TỊCH — PHÓ CHỦ TỊCH",
  saveNarrative: "Lưu nội dung báo cáo",
  nationalTitle: "Dữ liệu gửi Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức",
  nationalHelp:
    "Kết quả theo dõi hằng tháng và xếp loại hằng năm, gửi trong 5 ngày kể từ khi có kết quả (Điều 26.1.d). Mỗi lần xuất được ghi vào nhật ký dưới đây.",
  kind: "Loại dữ liệu",
  format: "Định dạng",
  allMonths: "Mọi tháng",
  export: "Xuất dữ liệu",
  exported: "Đã xuất dữ liệu và ghi nhật ký.",
  noExports: "Chưa xuất lần nào.",
  exportedAt: "Thời điểm",
  rows: "Số dòng",
  schema: "Phiên bản lược đồ",
  by: "Người xuất",
} as const;

export const narrative = {
  intro: "Mở đầu (căn cứ, lời dẫn)",
  context: "I. Bối cảnh và cơ sở pháp lý",
  implementation: "II. Quá trình và kết quả triển khai thực hiện",
  criteria: "III. Tiêu chí và phương pháp đánh giá",
  assessment: "IV. Đánh giá chung",
  proposals: "V. Kiến nghị, đề xuất",
  conclusion: "VI. Kết luận",
} as const;

export const nationalKinds = {
  monthly: "Kết quả theo dõi hằng tháng",
  annual: "Xếp loại chất lượng hằng năm",
} as const;
