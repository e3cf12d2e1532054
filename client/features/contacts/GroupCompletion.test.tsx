import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { expect, it } from 'vitest';
import { composeRoutes } from '../../../common/routes/compose';
import { apiPattern } from '../../test/api-pattern';
import { renderCompose } from '../../test/compose-kit';
import { server } from '../../test/setup';

const LAZY = { timeout: 10_000 };

it('offers a group of the address book by its name and adds its members as chips', {
  timeout: 30_000,
}, async () => {
  renderCompose();
  server.use(
    http.get(apiPattern(composeRoutes.contacts), () =>
      HttpResponse.json({
        contacts: [
          {
            name: 'Lãnh đạo Sở',
            address: 'group:g1',
            source: 'group',
            unit: null,
            members: [
              { name: 'Trần Văn Thành', address: 'thanhtv.sttt@binhphuoc.gov.vn' },
              { name: 'Nguyễn Thị Mỹ Hạnh', address: 'hanhntm.sttt@binhphuoc.gov.vn' },
            ],
          },
          { name: 'Lê Văn Lãnh', address: 'lanhlv@binhphuoc.gov.vn', source: 'contact', unit: 'Sở Nội vụ' },
        ],
      }),
    ),
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Soạn thư' }));
  const dialog = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' }, LAZY);
  await user.type(within(dialog).getByRole('combobox', { name: 'Đến' }), 'lanh dao');
  const list = await within(dialog).findByRole('listbox', { name: 'Gợi ý địa chỉ' });
  const options = within(list).getAllByRole('option');
  expect(options[0]!.textContent).toBe('Lãnh đạo Sởnhóm, 2 người');
  expect(options[1]!.textContent).toContain('danh bạ');
  await user.keyboard('{Enter}');
  const chips = within(dialog).getByRole('list', { name: 'Đến' });
  expect(
    within(chips)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Trần Văn Thành×', 'Nguyễn Thị Mỹ Hạnh×']);
});
