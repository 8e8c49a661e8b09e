/**
 * A tile-map layout of the 34 provinces in force from 1 July 2025: one square
 * per province on a grid shaped like Vietnam — north at the top, the narrow
 * north-central coast, the eastward bulge of the south-central coast, the
 * Mekong delta at the bottom. Positions keep each province next to its real
 * neighbours where a grid allows (Hà Nội between Phú Thọ and Bắc Ninh, Hải
 * Phòng on the coast below Quảng Ninh, Huế above Đà Nẵng, TP. Hồ Chí Minh
 * between Tây Ninh and Đồng Nai, Cần Thơ in the heart of the delta).
 * Codes are the statistics office's two-digit province codes.
 */

/** One province's tile: its official code, common name, the short label drawn on it, and its grid cell. */
export interface ProvinceTile {
  code: string;
  /** The name as commonly written, without "Tỉnh"/"Thành phố" (except TP. Hồ Chí Minh). */
  name: string;
  /** The label drawn on the tile; a space may wrap it onto two lines. */
  label: string;
  /** Column, 0 = west. */
  col: number;
  /** Row, 0 = north. */
  row: number;
}

/** The 34 provinces from 1 July 2025 on a 5 × 17 grid. */
export const provinceTiles2025: readonly ProvinceTile[] = [
  // the northern mountains
  { code: '12', name: 'Lai Châu', label: 'Lai Châu', col: 1, row: 0 },
  { code: '15', name: 'Lào Cai', label: 'Lào Cai', col: 2, row: 0 },
  { code: '08', name: 'Tuyên Quang', label: 'Tuyên Quang', col: 3, row: 0 },
  { code: '04', name: 'Cao Bằng', label: 'Cao Bằng', col: 4, row: 0 },
  { code: '11', name: 'Điện Biên', label: 'Điện Biên', col: 0, row: 1 },
  { code: '14', name: 'Sơn La', label: 'Sơn La', col: 1, row: 1 },
  { code: '25', name: 'Phú Thọ', label: 'Phú Thọ', col: 2, row: 1 },
  { code: '19', name: 'Thái Nguyên', label: 'Thái Nguyên', col: 3, row: 1 },
  { code: '20', name: 'Lạng Sơn', label: 'Lạng Sơn', col: 4, row: 1 },
  // the Red River delta
  { code: '01', name: 'Hà Nội', label: 'Hà Nội', col: 2, row: 2 },
  { code: '24', name: 'Bắc Ninh', label: 'Bắc Ninh', col: 3, row: 2 },
  { code: '22', name: 'Quảng Ninh', label: 'Quảng Ninh', col: 4, row: 2 },
  { code: '38', name: 'Thanh Hóa', label: 'Thanh Hóa', col: 1, row: 3 },
  { code: '37', name: 'Ninh Bình', label: 'Ninh Bình', col: 2, row: 3 },
  { code: '33', name: 'Hưng Yên', label: 'Hưng Yên', col: 3, row: 3 },
  { code: '31', name: 'Hải Phòng', label: 'Hải Phòng', col: 4, row: 3 },
  // the north-central coast
  { code: '40', name: 'Nghệ An', label: 'Nghệ An', col: 1, row: 4 },
  { code: '42', name: 'Hà Tĩnh', label: 'Hà Tĩnh', col: 2, row: 5 },
  { code: '44', name: 'Quảng Trị', label: 'Quảng Trị', col: 2, row: 6 },
  { code: '46', name: 'Huế', label: 'Huế', col: 3, row: 7 },
  // the south-central coast and the highlands behind it
  { code: '48', name: 'Đà Nẵng', label: 'Đà Nẵng', col: 3, row: 8 },
  { code: '51', name: 'Quảng Ngãi', label: 'Quảng Ngãi', col: 4, row: 9 },
  { code: '52', name: 'Gia Lai', label: 'Gia Lai', col: 4, row: 10 },
  { code: '66', name: 'Đắk Lắk', label: 'Đắk Lắk', col: 4, row: 11 },
  { code: '75', name: 'Đồng Nai', label: 'Đồng Nai', col: 2, row: 12 },
  { code: '68', name: 'Lâm Đồng', label: 'Lâm Đồng', col: 3, row: 12 },
  { code: '56', name: 'Khánh Hòa', label: 'Khánh Hòa', col: 4, row: 12 },
  // the south-east and the Mekong delta
  { code: '80', name: 'Tây Ninh', label: 'Tây Ninh', col: 1, row: 13 },
  { code: '79', name: 'TP. Hồ Chí Minh', label: 'TP.HCM', col: 2, row: 13 },
  { code: '91', name: 'An Giang', label: 'An Giang', col: 0, row: 14 },
  { code: '82', name: 'Đồng Tháp', label: 'Đồng Tháp', col: 1, row: 14 },
  { code: '86', name: 'Vĩnh Long', label: 'Vĩnh Long', col: 2, row: 14 },
  { code: '92', name: 'Cần Thơ', label: 'Cần Thơ', col: 1, row: 15 },
  { code: '96', name: 'Cà Mau', label: 'Cà Mau', col: 1, row: 16 },
];

/**
 * The 63 provinces in force until 30 June 2025 on a 7 × 23 grid, for figures
 * of their time (DTI 2020–2024, reports before the 2025 reorganisation).
 * Names in today's spelling ("Hòa Bình"; the old list writes "Hoà").
 */
export const provinceTiles63: readonly ProvinceTile[] = [
  { code: '12', name: 'Lai Châu', label: 'Lai Châu', col: 1, row: 0 },
  { code: '10', name: 'Lào Cai', label: 'Lào Cai', col: 2, row: 0 },
  { code: '02', name: 'Hà Giang', label: 'Hà Giang', col: 3, row: 0 },
  { code: '04', name: 'Cao Bằng', label: 'Cao Bằng', col: 4, row: 0 },
  { code: '11', name: 'Điện Biên', label: 'Điện Biên', col: 0, row: 1 },
  { code: '14', name: 'Sơn La', label: 'Sơn La', col: 1, row: 1 },
  { code: '15', name: 'Yên Bái', label: 'Yên Bái', col: 2, row: 1 },
  { code: '08', name: 'Tuyên Quang', label: 'Tuyên Quang', col: 3, row: 1 },
  { code: '06', name: 'Bắc Kạn', label: 'Bắc Kạn', col: 4, row: 1 },
  { code: '20', name: 'Lạng Sơn', label: 'Lạng Sơn', col: 5, row: 1 },
  { code: '25', name: 'Phú Thọ', label: 'Phú Thọ', col: 2, row: 2 },
  { code: '19', name: 'Thái Nguyên', label: 'Thái Nguyên', col: 3, row: 2 },
  { code: '24', name: 'Bắc Giang', label: 'Bắc Giang', col: 4, row: 2 },
  { code: '22', name: 'Quảng Ninh', label: 'Quảng Ninh', col: 5, row: 2 },
  { code: '26', name: 'Vĩnh Phúc', label: 'Vĩnh Phúc', col: 2, row: 3 },
  { code: '01', name: 'Hà Nội', label: 'Hà Nội', col: 3, row: 3 },
  { code: '27', name: 'Bắc Ninh', label: 'Bắc Ninh', col: 4, row: 3 },
  { code: '30', name: 'Hải Dương', label: 'Hải Dương', col: 5, row: 3 },
  { code: '31', name: 'Hải Phòng', label: 'Hải Phòng', col: 6, row: 3 },
  { code: '17', name: 'Hòa Bình', label: 'Hòa Bình', col: 2, row: 4 },
  { code: '35', name: 'Hà Nam', label: 'Hà Nam', col: 3, row: 4 },
  { code: '33', name: 'Hưng Yên', label: 'Hưng Yên', col: 4, row: 4 },
  { code: '34', name: 'Thái Bình', label: 'Thái Bình', col: 5, row: 4 },
  { code: '38', name: 'Thanh Hóa', label: 'Thanh Hóa', col: 1, row: 5 },
  { code: '37', name: 'Ninh Bình', label: 'Ninh Bình', col: 2, row: 5 },
  { code: '36', name: 'Nam Định', label: 'Nam Định', col: 3, row: 5 },
  { code: '40', name: 'Nghệ An', label: 'Nghệ An', col: 1, row: 6 },
  { code: '42', name: 'Hà Tĩnh', label: 'Hà Tĩnh', col: 2, row: 7 },
  { code: '44', name: 'Quảng Bình', label: 'Quảng Bình', col: 2, row: 8 },
  { code: '45', name: 'Quảng Trị', label: 'Quảng Trị', col: 3, row: 9 },
  { code: '46', name: 'Huế', label: 'Huế', col: 3, row: 10 },
  { code: '48', name: 'Đà Nẵng', label: 'Đà Nẵng', col: 4, row: 11 },
  { code: '49', name: 'Quảng Nam', label: 'Quảng Nam', col: 4, row: 12 },
  { code: '62', name: 'Kon Tum', label: 'Kon Tum', col: 3, row: 13 },
  { code: '51', name: 'Quảng Ngãi', label: 'Quảng Ngãi', col: 4, row: 13 },
  { code: '64', name: 'Gia Lai', label: 'Gia Lai', col: 3, row: 14 },
  { code: '52', name: 'Bình Định', label: 'Bình Định', col: 4, row: 14 },
  { code: '66', name: 'Đắk Lắk', label: 'Đắk Lắk', col: 3, row: 15 },
  { code: '54', name: 'Phú Yên', label: 'Phú Yên', col: 4, row: 15 },
  { code: '67', name: 'Đắk Nông', label: 'Đắk Nông', col: 2, row: 16 },
  { code: '68', name: 'Lâm Đồng', label: 'Lâm Đồng', col: 3, row: 16 },
  { code: '56', name: 'Khánh Hòa', label: 'Khánh Hòa', col: 4, row: 16 },
  { code: '72', name: 'Tây Ninh', label: 'Tây Ninh', col: 1, row: 17 },
  { code: '70', name: 'Bình Phước', label: 'Bình Phước', col: 2, row: 17 },
  { code: '75', name: 'Đồng Nai', label: 'Đồng Nai', col: 3, row: 17 },
  { code: '58', name: 'Ninh Thuận', label: 'Ninh Thuận', col: 4, row: 17 },
  { code: '80', name: 'Long An', label: 'Long An', col: 1, row: 18 },
  { code: '74', name: 'Bình Dương', label: 'Bình Dương', col: 2, row: 18 },
  { code: '77', name: 'Bà Rịa - Vũng Tàu', label: 'BR-VT', col: 3, row: 18 },
  { code: '60', name: 'Bình Thuận', label: 'Bình Thuận', col: 4, row: 18 },
  { code: '89', name: 'An Giang', label: 'An Giang', col: 0, row: 19 },
  { code: '87', name: 'Đồng Tháp', label: 'Đồng Tháp', col: 1, row: 19 },
  { code: '79', name: 'TP. Hồ Chí Minh', label: 'TP.HCM', col: 2, row: 19 },
  { code: '91', name: 'Kiên Giang', label: 'Kiên Giang', col: 0, row: 20 },
  { code: '92', name: 'Cần Thơ', label: 'Cần Thơ', col: 1, row: 20 },
  { code: '82', name: 'Tiền Giang', label: 'Tiền Giang', col: 2, row: 20 },
  { code: '83', name: 'Bến Tre', label: 'Bến Tre', col: 3, row: 20 },
  { code: '93', name: 'Hậu Giang', label: 'Hậu Giang', col: 1, row: 21 },
  { code: '86', name: 'Vĩnh Long', label: 'Vĩnh Long', col: 2, row: 21 },
  { code: '84', name: 'Trà Vinh', label: 'Trà Vinh', col: 3, row: 21 },
  { code: '96', name: 'Cà Mau', label: 'Cà Mau', col: 0, row: 22 },
  { code: '95', name: 'Bạc Liêu', label: 'Bạc Liêu', col: 1, row: 22 },
  { code: '94', name: 'Sóc Trăng', label: 'Sóc Trăng', col: 2, row: 22 },
];

/** An archipelago marker: which province it belongs to and where it is drawn (grid units). */
export interface ArchipelagoMarker {
  key: 'hoang_sa' | 'truong_sa';
  province: string;
  col: number;
  row: number;
}

/**
 * The two archipelagos drawn as labelled markers east of the coast: Hoàng Sa
 * belongs to Đà Nẵng, Trường Sa to Khánh Hòa. Positions are in grid units.
 */
export const archipelagoMarkers2025: readonly ArchipelagoMarker[] = [
  { key: 'hoang_sa', province: '48', col: 5.4, row: 7.6 },
  { key: 'truong_sa', province: '56', col: 5.4, row: 13.6 },
];

/** The archipelago markers for the 63-province layout. */
export const archipelagoMarkers63: readonly ArchipelagoMarker[] = [
  { key: 'hoang_sa', province: '48', col: 5.6, row: 10.6 },
  { key: 'truong_sa', province: '56', col: 5.6, row: 17.6 },
];

/** The archipelago markers that go with one of the shipped layouts (none for others). */
export function archipelagoMarkersFor(tiles: readonly ProvinceTile[]): readonly ArchipelagoMarker[] {
  if (tiles === provinceTiles2025) return archipelagoMarkers2025;
  if (tiles === provinceTiles63) return archipelagoMarkers63;
  return [];
}

/** Columns and rows a layout spans. */
export function tileGridSize(tiles: readonly ProvinceTile[]): { cols: number; rows: number } {
  return {
    cols: tiles.reduce((m, t) => Math.max(m, t.col + 1), 0),
    rows: tiles.reduce((m, t) => Math.max(m, t.row + 1), 0),
  };
}
