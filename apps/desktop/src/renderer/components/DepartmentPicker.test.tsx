// The one department picker: names with member counts, the top level open when it opens, also when the
// departments arrived after the picker mounted (a form's query answers after the form shows).
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../i18n/index.ts';
import '../test-support/jsdom.ts';
import type { Department } from '../../shared/models.ts';
import { DepartmentPicker } from './DepartmentPicker.tsx';

const dept = (id: number, parentId: number, name: string, totalUserCount: number): Department =>
  ({ id, parentId, name, order: 0, userCount: 0, totalUserCount }) as Department;
const corp = [dept(1, 0, '华章科技', 2000), dept(2, 1, '人力资源中心', 745), dept(3, 2, '招聘组', 12)];

async function openPicker() {
  await userEvent.click(screen.getByRole('combobox'));
}

describe('DepartmentPicker', () => {
  it('opens on the top level with member counts; deeper levels stay shut', async () => {
    render(<DepartmentPicker departments={corp} placeholder="Any department" />);
    await openPicker();
    expect(await screen.findByTitle('华章科技 (2,000)')).toBeTruthy();
    expect(screen.getByTitle('人力资源中心 (745)')).toBeTruthy();
    expect(screen.queryByTitle('招聘组 (12)')).toBeNull();
  });

  it('opens the top level when the departments arrive after it mounted', async () => {
    const { rerender } = render(<DepartmentPicker departments={[]} placeholder="Any department" />);
    await openPicker();
    rerender(<DepartmentPicker departments={corp} placeholder="Any department" />);
    await openPicker();
    await waitFor(() => expect(screen.getByTitle('人力资源中心 (745)')).toBeTruthy());
  });
});
