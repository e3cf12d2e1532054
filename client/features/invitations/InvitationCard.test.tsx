import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InvitationEvent, MessageInvitation } from '../../../common/contract';
import { sessionRoutes } from '../../../common/routes/account';
import { invitationRoutes } from '../../../common/routes/invitations';
import { publicConfigRoutes } from '../../../common/routes/site';
import { createI18n } from '../../i18n/i18n';
import { apiPattern } from '../../test/api-pattern';
import { publicConfig, session } from '../../test/fixtures';
import { server } from '../../test/setup';
import { InvitationCard } from './InvitationCard';

const event: InvitationEvent = {
  method: 'REQUEST',
  uid: 'giao-ban@binhphuoc.gov.vn',
  sequence: 0,
  title: '<img src=x onerror=alert(1)>Họp <b>giao ban</b>',
  start: { iso: '2026-12-10T07:00:00.000Z', allDay: false, original: null },
  end: { iso: '2026-12-10T09:30:00.000Z', allDay: false, original: null },
  recurrence: { freq: 'weekly', interval: 1, count: null, until: '2026-12-28', byDay: ['MO'] },
  location: 'Phòng họp B',
  description: '',
  organizer: { name: 'Phạm Quốc Dũng', address: 'dungpq.vpubnd@binhphuoc.gov.vn' },
  attendees: [{ name: 'Trần Văn Thanh', address: session.email, partstat: 'needs-action', optional: false }],
  attendeeCount: 1,
  cancelled: false,
};

function show(invitation: MessageInvitation) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n('vi')}>
        <InvitationCard mailbox="INBOX" uid={14} invitation={invitation} />
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

describe('InvitationCard', () => {
  beforeEach(() => {
    server.use(
      http.get(apiPattern(sessionRoutes.get), () => HttpResponse.json(session)),
      http.get(apiPattern(publicConfigRoutes.get), () => HttpResponse.json(publicConfig)),
    );
  });

  it('shows the facts as text in Viet Nam time, HTML from the calendar included', () => {
    const { container } = show({ event, problem: null, answer: null });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(event.title);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByTestId('invitation-time').textContent).toBe('10/12/2026 14:00 – 16:30');
    expect(screen.getByText('Lặp lại hằng tuần vào thứ Hai, đến hết ngày 28/12/2026')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Thêm vào lịch' }).getAttribute('href')).toBe(
      '/api/mailboxes/INBOX/messages/14/invitation.ics',
    );
  });

  it('answers, then shows the answer', async () => {
    let sent: unknown = null;
    server.use(
      http.post(apiPattern(invitationRoutes.reply), async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ answer: 'declined', sentCopySaved: true });
      }),
    );
    show({ event, problem: null, answer: null });
    await userEvent.click(screen.getByRole('button', { name: 'Từ chối' }));
    await screen.findByText('Bạn đã từ chối lời mời này.');
    expect(sent).toMatchObject({ answer: 'declined' });
    expect(screen.getByRole('button', { name: 'Từ chối' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('a cancelled meeting has no buttons', () => {
    show({ event: { ...event, method: 'CANCEL', cancelled: true }, problem: null, answer: null });
    expect(screen.getByText('Cuộc họp đã bị hủy')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Thêm vào lịch' })).toBeNull();
  });

  it('an all-day event shows its days, the exclusive end taken off', () => {
    show({
      event: {
        ...event,
        recurrence: null,
        start: { iso: '2026-12-28', allDay: true, original: null },
        end: { iso: '2026-12-30', allDay: true, original: null },
      },
      problem: null,
      answer: null,
    });
    expect(screen.getByTestId('invitation-time').textContent).toBe('28/12/2026 – 29/12/2026 (cả ngày)');
  });

  it('an unreadable calendar is a note, not a card', () => {
    show({ event: null, problem: 'unreadable', answer: null });
    expect(screen.queryByTestId('invitation-card')).toBeNull();
    expect(screen.getByText('Thư có kèm lịch họp nhưng không đọc được nội dung lịch.')).toBeTruthy();
  });
});
