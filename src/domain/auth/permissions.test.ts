import { describe, expect, it } from 'vitest';
import { grantableRoles, roleAllows, roleIncludes, rolesFor, tokensMay } from './permissions';

describe('the permission table', () => {
  it('lets approvers approve and reporters enter figures, not the other way round', () => {
    expect(rolesFor('submissions.approve')).toEqual(['admin', 'coordinator', 'approver']);
    expect(rolesFor('figures.enter')).toEqual(['admin', 'coordinator', 'reporter']);
    expect(roleAllows('viewer', 'figures.read')).toBe(true);
    expect(roleAllows('viewer', 'figures.enter')).toBe(false);
  });

  it('keeps country-wide administration for admins and people management for coordinators up', () => {
    expect(rolesFor('system.manage')).toEqual(['admin']);
    expect(rolesFor('users.manage')).toEqual(['admin', 'coordinator']);
    expect(rolesFor('audit.read')).toEqual(['admin', 'coordinator']);
  });

  it('compares roles by what they allow', () => {
    expect(roleIncludes('coordinator', 'reporter')).toBe(true);
    expect(roleIncludes('reporter', 'viewer')).toBe(true);
    expect(roleIncludes('approver', 'reporter')).toBe(false);
    expect(roleIncludes('viewer', 'approver')).toBe(false);
  });

  it('lets coordinators grant every province role but admin, and nobody else grant anything', () => {
    expect(grantableRoles('coordinator')).toEqual(['coordinator', 'approver', 'reporter', 'viewer']);
    expect(grantableRoles('approver')).toEqual([]);
    expect(grantableRoles('admin')).toContain('admin');
  });

  it('keeps people and token management away from API tokens', () => {
    expect(tokensMay('figures.enter')).toBe(true);
    expect(tokensMay('users.manage')).toBe(false);
    expect(tokensMay('tokens.create')).toBe(false);
  });
});
