import { describe, expect, it } from 'vitest';
import { diffAudit } from './audit-diff';

describe('the readable difference of an audit entry', () => {
  it('lists changed, added and removed fields by path', () => {
    expect(
      diffAudit(
        { displayName: 'Lê Thị Thu', unitId: 12, locale: 'vi', note: 'x' },
        { displayName: 'Lê Thị Thu', unitId: 14, locale: 'vi', isActive: false },
      ),
    ).toEqual([
      { path: 'unitId', kind: 'changed', before: 12, after: 14 },
      { path: 'note', kind: 'removed', before: 'x', after: undefined },
      { path: 'isActive', kind: 'added', before: undefined, after: false },
    ]);
  });

  it('walks into nested objects and arrays of objects, keeps arrays of plain values whole', () => {
    expect(
      diffAudit(
        { roles: [{ role: 'viewer', unitId: 1 }], tags: ['a', 'b'] },
        { roles: [{ role: 'reporter', unitId: 1 }], tags: ['a', 'b', 'c'] },
      ),
    ).toEqual([
      { path: 'roles.0.role', kind: 'changed', before: 'viewer', after: 'reporter' },
      { path: 'tags', kind: 'changed', before: ['a', 'b'], after: ['a', 'b', 'c'] },
    ]);
  });

  it('shows a creation as all fields added and a removal as all fields removed', () => {
    expect(diffAudit(null, { name: 'Xã Yên Bình' })).toEqual([
      { path: 'name', kind: 'added', before: undefined, after: 'Xã Yên Bình' },
    ]);
    expect(diffAudit({ role: 'viewer' }, null)).toEqual([
      { path: 'role', kind: 'removed', before: 'viewer', after: undefined },
    ]);
  });
});
