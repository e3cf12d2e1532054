import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { MessageTemplate, TemplateInput } from '../../../common/contract/templates';
import { templateRoutes } from '../../../common/routes/templates';
import { apiPattern } from '../../test/api-pattern';
import { renderCompose } from '../../test/compose-kit';
import { server } from '../../test/setup';

const LAZY = { timeout: 5_000 };

const receipt: MessageTemplate = {
  id: 't1',
  name: 'Xác nhận đã nhận văn bản',
  subject: 'V/v xác nhận đã nhận công văn',
  html: '<p>Văn thư Sở đã nhận được công văn.</p>',
  to: [{ name: 'Văn phòng UBND tỉnh', address: 'vanphong.vpubnd@binhphuoc.gov.vn' }],
  cc: [{ name: '', address: 'lanhdao.sttt@binhphuoc.gov.vn' }],
  updatedAt: 1,
};

/** The proxy's template routes over an in-memory list, every change recorded. */
function answerTemplates(initial: MessageTemplate[]) {
  let list = [...initial];
  const calls = { created: [] as TemplateInput[], renamed: [] as string[], deleted: [] as string[] };
  server.use(
    http.get(apiPattern(templateRoutes.list), () => HttpResponse.json({ templates: list })),
    http.post(apiPattern(templateRoutes.create), async ({ request }) => {
      const body = (await request.json()) as TemplateInput;
      calls.created.push(body);
      const saved = { ...receipt, ...body, id: `t${list.length + 2}`, cc: body.cc ?? [], to: body.to ?? [] };
      list = [...list, saved as MessageTemplate];
      return HttpResponse.json(saved, { status: 201 });
    }),
    http.patch(apiPattern(templateRoutes.rename), async ({ params, request }) => {
      const { name } = (await request.json()) as { name: string };
      calls.renamed.push(name);
      list = list.map((t) => (t.id === params.id ? { ...t, name } : t));
      return HttpResponse.json(list.find((t) => t.id === params.id));
    }),
    http.delete(apiPattern(templateRoutes.remove), ({ params }) => {
      calls.deleted.push(String(params.id));
      list = list.filter((t) => t.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return calls;
}

async function openNew(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Soạn thư' }));
  const dialog = await screen.findByRole('dialog', { name: 'Soạn thư: Thư mới' }, LAZY);
  const editor = await within(dialog).findByRole('textbox', { name: 'Nội dung thư' }, LAZY);
  return { dialog, editor, menuButton: within(dialog).getByRole('button', { name: 'Mẫu thư' }) };
}

describe('the template picker in compose', () => {
  it('fills an empty message from a template: subject, body and recipients', async () => {
    answerTemplates([receipt]);
    renderCompose();
    const user = userEvent.setup();
    const { dialog, menuButton } = await openNew(user);
    await user.click(menuButton);
    const menu = await screen.findByRole('menu', { name: 'Mẫu thư' });
    await user.click(await within(menu).findByRole('menuitem', { name: receipt.name }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Tiêu đề' }).value).toBe(
      receipt.subject,
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Nội dung thư' }).textContent).toBe(
        'Văn thư Sở đã nhận được công văn.',
      ),
    );
    expect(
      within(dialog).getByRole('button', {
        name: 'Người nhận Văn phòng UBND tỉnh <vanphong.vpubnd@binhphuoc.gov.vn>',
      }),
    ).toBeTruthy();
    expect(
      within(dialog).getByRole('button', { name: 'Người nhận lanhdao.sttt@binhphuoc.gov.vn' }),
    ).toBeTruthy();
    expect(await screen.findByText(`Đã chèn mẫu “${receipt.name}”.`)).toBeTruthy();
  }, 15_000);

  it('keeps what was typed: the subject stays, the body goes in at the caret, no recipient twice', async () => {
    answerTemplates([receipt]);
    renderCompose();
    const user = userEvent.setup();
    const { dialog, editor, menuButton } = await openNew(user);
    await user.type(
      within(dialog).getByRole('combobox', { name: 'Đến' }),
      'vanphong.vpubnd@binhphuoc.gov.vn{Enter}',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Trả lời công văn 12');
    await user.click(editor);
    await user.keyboard('Kính gửi Văn phòng,');
    // Keyboard only: arrows open the menu and move in it, Enter picks.
    menuButton.focus();
    await user.keyboard('{ArrowDown}');
    const item = await within(screen.getByRole('menu')).findByRole('menuitem', { name: receipt.name });
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(item);
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Tiêu đề' }).value).toBe(
      'Trả lời công văn 12',
    );
    expect(editor.textContent).toContain('Kính gửi Văn phòng,');
    expect(editor.textContent).toContain('Văn thư Sở đã nhận được công văn.');
    expect(
      within(dialog).getAllByRole('button', { name: 'Người nhận vanphong.vpubnd@binhphuoc.gov.vn' }),
    ).toHaveLength(1);
  }, 15_000);

  it('closes on Escape with focus back on its button, and the window stays open', async () => {
    answerTemplates([]);
    renderCompose();
    const user = userEvent.setup();
    const { dialog, menuButton } = await openNew(user);
    await user.click(menuButton);
    const menu = await screen.findByRole('menu');
    expect(await within(menu).findByText('Chưa có mẫu thư nào.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    expect(dialog.isConnected).toBe(true);
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
  }, 15_000);

  it('saves the message as a template under a name, focus back on the menu button after', async () => {
    const calls = answerTemplates([]);
    renderCompose();
    const user = userEvent.setup();
    const { dialog, editor, menuButton } = await openNew(user);
    await user.type(
      within(dialog).getByRole('combobox', { name: 'Đến' }),
      'vanphong.vpubnd@binhphuoc.gov.vn{Enter}',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Tiêu đề' }), 'Báo cáo tuần');
    await user.click(editor);
    await user.keyboard('Kính gửi lãnh đạo Sở');
    await user.click(menuButton);
    await user.click(screen.getByRole('menuitem', { name: 'Lưu thư này làm mẫu' }));
    const save = screen.getByRole('dialog', { name: 'Lưu thư này làm mẫu' });
    const name = within(save).getByRole<HTMLInputElement>('textbox', { name: 'Tên mẫu' });
    expect(name.value).toBe('Báo cáo tuần');
    expect(document.activeElement).toBe(name);
    await user.clear(name);
    await user.type(name, 'Báo cáo tuần gửi Sở{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Lưu thư này làm mẫu' })).toBeNull());
    expect(calls.created).toEqual([
      {
        name: 'Báo cáo tuần gửi Sở',
        subject: 'Báo cáo tuần',
        html: '<p>Kính gửi lãnh đạo Sở</p>',
        to: [{ name: '', address: 'vanphong.vpubnd@binhphuoc.gov.vn' }],
        cc: [],
      },
    ]);
    expect(document.activeElement).toBe(menuButton);
    expect(await screen.findByText('Đã lưu mẫu “Báo cáo tuần gửi Sở”.')).toBeTruthy();
  }, 15_000);

  it('renames and deletes templates in the manage dialog, focus kept in it, then back on the menu button', async () => {
    const calls = answerTemplates([receipt, { ...receipt, id: 't9', name: 'Báo cáo tuần' }]);
    renderCompose();
    const user = userEvent.setup();
    const { menuButton } = await openNew(user);
    await user.click(menuButton);
    await user.click(screen.getByRole('menuitem', { name: 'Quản lý mẫu thư' }));
    const manage = screen.getByRole('dialog', { name: 'Mẫu thư của bạn' });
    await user.click(await within(manage).findByRole('button', { name: `Đổi tên mẫu “${receipt.name}”` }));
    const field = within(manage).getByRole('textbox', { name: `Tên mới cho mẫu “${receipt.name}”` });
    await user.clear(field);
    await user.type(field, 'Xác nhận{Enter}');
    const renameButton = await within(manage).findByRole('button', { name: 'Đổi tên mẫu “Xác nhận”' });
    await waitFor(() => expect(document.activeElement).toBe(renameButton));
    expect(calls.renamed).toEqual(['Xác nhận']);

    const deleteButton = within(manage).getByRole('button', { name: 'Xóa mẫu “Báo cáo tuần”' });
    await user.click(deleteButton);
    const confirm = screen.getByRole('alertdialog', { name: 'Xóa mẫu thư?' });
    // Cancel first: focus returns to the delete button that opened the question.
    await user.click(within(confirm).getByRole('button', { name: 'Quay lại' }));
    expect(document.activeElement).toBe(deleteButton);
    await user.click(deleteButton);
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(within(manage).queryByText('Báo cáo tuần')).toBeNull());
    expect(calls.deleted).toEqual(['t9']);
    await waitFor(() =>
      expect(document.activeElement).toBe(within(manage).getByRole('button', { name: 'Đóng' })),
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Mẫu thư của bạn' })).toBeNull();
    expect(document.activeElement).toBe(menuButton);
  }, 20_000);
});
