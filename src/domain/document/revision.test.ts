import { describe, expect, it } from 'vitest';
import { planCarryOver, type ReviewedItem } from './revision';

describe('planCarryOver', () => {
  const oldText = 'A. 90% hồ sơ cấp tỉnh; 80% hồ sơ cấp huyện. Kinh tế số chiếm 20% GRDP.';
  const old: ReviewedItem[] = [
    { id: 1, quote: '90% hồ sơ cấp tỉnh', state: 'confirmed', span: [3, 21] },
    { id: 2, quote: '80% hồ sơ cấp huyện', state: 'confirmed', span: [23, 42] },
    { id: 3, quote: 'Kinh tế số chiếm 20% GRDP', state: 'confirmed', span: [44, 69] },
    { id: 4, quote: 'A.', state: 'rejected', span: [0, 2] },
    { id: 5, quote: 'chiếm', state: 'proposed', span: [55, 60] },
  ];

  it('keeps the decision of every item whose words did not change, even when they moved', () => {
    const newText = 'Mở đầu mới.\nA. 90% hồ  sơ cấp tỉnh; 85% hồ sơ cấp huyện. Kinh tế số chiếm 20% GRDP.';
    const proposals = [
      { quote: '90% hồ  sơ cấp tỉnh', span: [15, 34] as [number, number] },
      { quote: '85% hồ sơ cấp huyện', span: [36, 55] as [number, number] },
      { quote: 'Kinh tế số chiếm 20% GRDP', span: [57, 82] as [number, number] },
    ];
    const plan = planCarryOver(old, proposals, newText, oldText.length);
    expect(plan.inherited).toEqual([
      { proposal: 0, oldId: 1 },
      { proposal: 2, oldId: 3 },
    ]);
    // the district target's value changed: it goes back to review
    expect(plan.changed).toEqual([2]);
    expect(plan.relocated).toEqual([]);
  });

  it('carries a confirmed item the reader did not propose again when its words are still there', () => {
    const newText = 'Lời mới. ' + oldText;
    const plan = planCarryOver(old, [], newText, oldText.length);
    const moved = plan.relocated.find((r) => r.oldId === 3);
    expect(moved).toBeDefined();
    expect(newText.slice(moved!.span[0], moved!.span[1])).toBe('Kinh tế số chiếm 20% GRDP');
    // a rejected item that nobody proposes again needs nothing
    expect(plan.relocated.some((r) => r.oldId === 4)).toBe(false);
    expect(plan.changed).toEqual([]);
  });

  it('carries a rejection to the same words proposed again, and never a mere proposal', () => {
    const plan = planCarryOver(
      old,
      [
        { quote: 'A.', span: [0, 2] },
        { quote: 'chiếm', span: [55, 60] },
      ],
      oldText,
      oldText.length,
    );
    expect(plan.inherited).toEqual([{ proposal: 0, oldId: 4 }]);
  });

  it('pairs repeated identical quotes in text order', () => {
    const twice: ReviewedItem[] = [
      { id: 10, quote: '100%', state: 'confirmed', span: [0, 4] },
      { id: 11, quote: '100%', state: 'rejected', span: [10, 14] },
    ];
    const plan = planCarryOver(
      twice,
      [
        { quote: '100%', span: [12, 16] },
        { quote: '100%', span: [2, 6] },
      ],
      'xx100%xxxxxx100%',
      16,
    );
    expect(plan.inherited).toEqual([
      { proposal: 0, oldId: 11 },
      { proposal: 1, oldId: 10 },
    ]);
  });
});
