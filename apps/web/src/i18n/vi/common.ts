/** Words every screen shares: buttons, states, role and unit-kind names. */
export const common = {
  appName: "Thước Đo",
  appTagline: "Đánh giá, xếp loại chất lượng cơ quan hành chính và công chức theo Nghị định 335/2025/NĐ-CP",
  save: "Lưu",
  cancel: "Hủy",
  edit: "Sửa",
  delete: "Xóa",
  reload: "Tải lại",
  search: "Tìm kiếm",
  actions: "Thao tác",
  none: "—",
  loading: "Đang tải…",
  saved: "Đã lưu thay đổi.",
  deleted: "Đã xóa.",
  confirmDelete: "Xóa “{name}”? Thao tác này không hoàn tác được.",
  active: "Đang hoạt động",
  inactive: "Ngừng hoạt động",
  status: "Trạng thái",
  rangeOfTotal: "{from}–{to} trên {total}",
  backHome: "Về trang chủ",
  name: "Tên",
  code: "Mã",
  unit: "Đơn vị",
  agency: "Cơ quan",
  selectAgency: "Chọn cơ quan",
  selectUnit: "Chọn đơn vị",
  allUnits: "Tất cả đơn vị",
  openMenu: "Mở menu",
  skipToContent: "Bỏ qua menu, đến nội dung chính",
  conflictReload: "Dữ liệu đã được người khác thay đổi. Bấm “Tải lại” để lấy bản mới nhất rồi sửa lại.",
} as const;

export const roles = {
  staff: "Công chức",
  manager: "Lãnh đạo phòng",
  head: "Người đứng đầu",
  hr: "Tổ chức cán bộ",
  appraiser: "Cơ quan thẩm định",
  council: "Hội đồng thẩm định",
  admin: "Quản trị",
} as const;

export const unitKinds = {
  province: "Tỉnh",
  department: "Sở, ban, ngành",
  commune: "UBND xã, phường",
  division: "Phòng, ban chuyên môn",
  center: "Trung tâm, đơn vị trực thuộc",
} as const;

export const leaderRoles = {
  head: "Trưởng (người đứng đầu)",
  deputy: "Phó (cấp phó)",
  none: "Không giữ chức vụ lãnh đạo",
} as const;

export const nav = {
  home: "Trang chủ",
  org: "Cơ cấu tổ chức",
  positions: "Vị trí việc làm",
  people: "Công chức",
  peopleImport: "Nhập từ Excel",
  users: "Quản trị tài khoản",
  audit: "Nhật ký thay đổi",
  thisMonth: "Tháng này",
  board: "Bảng theo dõi phòng",
  periods: "Kỳ đánh giá",
  changePassword: "Đổi mật khẩu",
  logout: "Đăng xuất",
  account: "Tài khoản",
  mainMenu: "Menu chính",
} as const;

export const system = {
  notFoundTitle: "Không tìm thấy trang",
  notFoundText: "Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi.",
  crashTitle: "Màn hình này gặp lỗi ngoài dự kiến",
  crashText:
    "Dữ liệu đã lưu không bị ảnh hưởng. Bạn có thể tải lại trang; nếu lỗi lặp lại, hãy báo cho quản trị viên kèm thời điểm xảy ra.",
  crashDetail: "Chi tiết kỹ thuật",
  forbiddenTitle: "Bạn không có quyền xem trang này",
  forbiddenText: "Trang này dành cho vai trò: {roles}.",
  sessionExpired: "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
} as const;
