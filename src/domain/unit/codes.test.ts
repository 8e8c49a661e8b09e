import { describe, expect, it } from 'vitest';
import { baseName, isOfficialCode, kindOfCode, parseSubkind, subkindFromName } from './codes';

describe('official codes', () => {
  it('checks the width of each kind: 2, 3 and 5 digits', () => {
    expect(isOfficialCode('province', '40')).toBe(true);
    expect(isOfficialCode('province', '4')).toBe(false);
    expect(isOfficialCode('district', '412')).toBe(true);
    expect(isOfficialCode('commune', '16681')).toBe(true);
    expect(isOfficialCode('commune', '1668A')).toBe(false);
  });

  it('tells the kind from the width', () => {
    expect(kindOfCode('48')).toBe('province');
    expect(kindOfCode('318')).toBe('district');
    expect(kindOfCode('00004')).toBe('commune');
    expect(kindOfCode('1234')).toBe(null);
  });
});

describe('sub-kinds', () => {
  it('reads the level column whatever its case', () => {
    expect(parseSubkind('commune', 'Thị Trấn')).toBe('thị trấn');
    expect(parseSubkind('commune', 'Đặc khu')).toBe('đặc khu');
    expect(parseSubkind('commune', 'Huyện')).toBe(null);
  });

  it('reads the sub-kind a name starts with, longest word first', () => {
    expect(subkindFromName('commune', 'Thị Trấn Mường Chà')).toBe('thị trấn');
    expect(subkindFromName('district', 'Thành Phố Vinh')).toBe('thành phố');
    expect(subkindFromName('district', 'Thị xã Cửa Lò')).toBe('thị xã');
    expect(subkindFromName('province', 'Tỉnh Nghệ An')).toBe('tỉnh');
    expect(subkindFromName('commune', 'Huyện Kiên Hải')).toBe(null);
  });

  it('strips the sub-kind word from a name', () => {
    expect(baseName('province', 'Thành phố Đà Nẵng')).toBe('Đà Nẵng');
    expect(baseName('province', 'Tỉnh Bà Rịa - Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
    expect(baseName('district', 'Quận Ba Đình')).toBe('Ba Đình');
  });
});
